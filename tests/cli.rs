//! The CLI binary on fixtures: JSON shape, code-point offsets on non-ASCII text, the batch format
//! that score.py reads, and clear errors for bad input.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

mod common;
use common::Scratch;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newslens"))
}

/// Run the CLI with `args`; (success, stdout, stderr).
fn run(args: &[&str]) -> (bool, Vec<u8>, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.success(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Run the CLI and expect success; its stdout.
fn run_ok(args: &[&str]) -> Vec<u8> {
    let (ok, stdout, stderr) = run(args);
    assert!(ok, "newslens {args:?} failed: {stderr}");
    stdout
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Slice by code points, as Python does.
fn cp_slice(text: &str, s: u64, e: u64) -> String {
    text.chars()
        .skip(s as usize)
        .take((e - s) as usize)
        .collect()
}

#[test]
fn analyze_prints_code_point_offsets_that_slice_the_text() {
    let scratch = Scratch::new("analyze");
    let text = "🎉 Angela Merkel said: “We will manage,” in Berlin.\r\nZoë Ünal agreed.";
    let f = scratch.path("merkel.txt");
    std::fs::write(&f, text).unwrap();
    let v: Value = serde_json::from_slice(&run_ok(&["analyze", f.to_str().unwrap()])).unwrap();
    let ents = v["entities"].as_array().unwrap();
    assert!(!ents.is_empty());
    for e in ents {
        let s = cp_slice(
            text,
            e["start"].as_u64().unwrap(),
            e["end"].as_u64().unwrap(),
        );
        assert_eq!(s, e["text"].as_str().unwrap());
    }
    assert!(
        ents.iter()
            .any(|e| e["text"] == "Angela Merkel" && e["label"] == "PER"),
        "{ents:?}"
    );
    let q = &v["quotes"][0];
    assert_eq!(
        cp_slice(
            text,
            q["start"].as_u64().unwrap(),
            q["end"].as_u64().unwrap()
        ),
        "“We will manage,”"
    );
    let spk = &q["speaker"][0];
    assert_eq!(
        cp_slice(text, spk[0].as_u64().unwrap(), spk[1].as_u64().unwrap()),
        "Angela Merkel"
    );
    let actor = q["actor"].as_str().unwrap();
    let a = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == actor)
        .unwrap();
    assert_eq!(a["name"], "Angela Merkel");
}

#[test]
fn analyze_reads_standard_input() {
    use std::io::Write;
    let mut child = bin()
        .args(["analyze", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Barack Obama spoke in Chicago.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "Chicago")
    );
}

#[test]
fn batch_writes_one_row_per_document_in_the_scorer_format() {
    let scratch = Scratch::new("batch-rows");
    let out_file = scratch.path("small.out.jsonl");
    run_ok(&[
        "batch",
        fixture("small.jsonl").to_str().unwrap(),
        out_file.to_str().unwrap(),
        "--quiet",
    ]);
    let rows: Vec<Value> = std::fs::read_to_string(&out_file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["emoji", "empty", "marks"]);
    for r in &rows {
        for key in ["entities", "quotes", "actors"] {
            assert!(r[key].is_array(), "{key} in {r}");
        }
    }
    assert_eq!(rows[1]["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_input_gets_a_clear_message() {
    let scratch = Scratch::new("bad-input");
    let f = scratch.path("latin1.txt");
    std::fs::write(&f, b"caf\xe9 au lait").unwrap();
    let (ok, _, err) = run(&["analyze", f.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("not UTF-8") && err.contains("offset 3"),
        "{err}"
    );

    let (ok, _, err) = run(&["analyze", "/nonexistent/file.txt"]);
    assert!(!ok && err.contains("/nonexistent/file.txt"), "{err}");

    let j = scratch.path("bad.jsonl");
    std::fs::write(&j, "{\"id\": \"a\", \"text\": \"ok\"}\nnot json\n").unwrap();
    let (ok, _, err) = run(&[
        "batch",
        j.to_str().unwrap(),
        scratch.path("bad.out").to_str().unwrap(),
        "--quiet",
    ]);
    assert!(!ok && err.contains(":2: not JSON"), "{err}");
}

#[test]
fn batch_loads_model_files_from_a_folder() {
    let scratch = Scratch::new("model-folder");
    let input = fixture("articles.jsonl");
    let batch = |out: &str, models: Option<&std::path::Path>| -> String {
        let out_file = scratch.path(out);
        let mut args = vec![
            "batch".to_string(),
            input.to_str().unwrap().to_string(),
            out_file.to_str().unwrap().to_string(),
            "--quiet".to_string(),
        ];
        if let Some(m) = models {
            args.push("--models".into());
            args.push(m.to_str().unwrap().into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_ok(&args);
        std::fs::read_to_string(out_file).unwrap()
    };
    let embedded = batch("embedded.jsonl", None);
    // the shipped files, loaded from the folder, give the embedded models' output
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models");
    assert_eq!(batch("shipped.jsonl", Some(&shipped)), embedded);
    // a cue lexicon of one unrelated word: no reported speech is tagged, so the output changes
    let dir = scratch.path("models-one-cue");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cues.tsv"), "zebra\t9\t0.9\n").unwrap();
    let other = batch("one-cue.jsonl", Some(&dir));
    assert_ne!(other, embedded);
    // a file that is not a model, a malformed cue lexicon and a folder that is not there are
    // named in the error
    let refused = |out: &str, models: &std::path::Path| -> String {
        let (ok, _, err) = run(&[
            "batch",
            input.to_str().unwrap(),
            scratch.path(out).to_str().unwrap(),
            "--quiet",
            "--models",
            models.to_str().unwrap(),
        ]);
        assert!(!ok, "{err}");
        err
    };
    std::fs::write(dir.join("reported.bin"), b"not a model").unwrap();
    let err = refused("bad-model.jsonl", &dir);
    assert!(
        err.contains("reported.bin") && err.contains("bad model file"),
        "{err}"
    );
    // a cue count that is not a number: the file and the line
    std::fs::remove_file(dir.join("reported.bin")).unwrap();
    std::fs::write(dir.join("cues.tsv"), "zebra\t9\t0.9\nsaid\tlots\t0.9\n").unwrap();
    let err = refused("bad-cues.jsonl", &dir);
    assert!(
        err.contains("cues.tsv") && err.contains("line 2") && err.contains("\"lots\""),
        "{err}"
    );
    let err = refused(
        "no-folder.jsonl",
        std::path::Path::new("/nonexistent/models"),
    );
    assert!(err.contains("not a folder"), "{err}");
}

/// `--accurate`: the reported-speech ensemble. Its rows have the same shape and differ from the
/// single net's on the fixture articles; the shipped folder's three nets give the embedded
/// ensemble's output; a folder with a net but not its members is refused by name.
#[test]
fn accurate_mode_uses_three_nets_from_one_place() {
    let scratch = Scratch::new("accurate");
    let input = fixture("articles.jsonl");
    let batch = |out: &str, extra: &[&str]| -> String {
        let out_file = scratch.path(out);
        let mut args = vec![
            "batch",
            input.to_str().unwrap(),
            out_file.to_str().unwrap(),
            "--quiet",
        ];
        args.extend_from_slice(extra);
        run_ok(&args);
        std::fs::read_to_string(out_file).unwrap()
    };
    let single = batch("single.jsonl", &[]);
    let accurate = batch("accurate.jsonl", &["--accurate"]);
    assert_ne!(accurate, single);
    for (a, b) in single.lines().zip(accurate.lines()) {
        let (a, b): (Value, Value) = (
            serde_json::from_str(a).unwrap(),
            serde_json::from_str(b).unwrap(),
        );
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["quotes"], b["quotes"], "the quote stage is the same");
        assert!(b["attributions"].as_array().is_some_and(|v| !v.is_empty()));
    }
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models");
    let from_folder = batch(
        "folder.jsonl",
        &["--accurate", "--models", shipped.to_str().unwrap()],
    );
    assert_eq!(from_folder, accurate);
    let dir = scratch.path("one-net");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(shipped.join("reported.bin"), dir.join("reported.bin")).unwrap();
    let (ok, _, err) = run(&[
        "batch",
        input.to_str().unwrap(),
        scratch.path("mixed.jsonl").to_str().unwrap(),
        "--quiet",
        "--accurate",
        "--models",
        dir.to_str().unwrap(),
    ]);
    assert!(!ok && err.contains("reported-2.bin"), "{err}");
    // analyze takes the flag too
    let out = run_ok(&["analyze", input.to_str().unwrap(), "--accurate"]);
    assert!(!out.is_empty());
}

#[test]
fn training_the_tagger_without_its_word_lists_fails_loudly() {
    let scratch = Scratch::new("train-lists");
    let data = scratch.path("data");
    let out = scratch.path("models");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let doc = r#"{"id": "d", "source": "conll2003", "text": "Ann Lee spoke .", "entities": [{"start": 0, "end": 7, "label": "PER"}]}"#;
    for f in ["conll2003-train.jsonl", "conll2003-dev.jsonl"] {
        std::fs::write(data.join(f), format!("{doc}\n")).unwrap();
    }
    let (data, models) = (data.to_str().unwrap(), out.to_str().unwrap());
    let train = || {
        run(&[
            "train", "ner", "--data", data, "--out", models, "--epochs", "1",
        ])
    };
    let (ok, _, stderr) = train();
    assert!(!ok, "trained without gazetteer.tsv");
    assert!(stderr.contains("gazetteer.tsv"), "{stderr}");
    // with the gazetteer but not the clusters, the clusters are named
    std::fs::write(out.join("gazetteer.tsv"), "").unwrap();
    let (ok, _, stderr) = train();
    assert!(!ok && stderr.contains("clusters.tsv"), "{stderr}");
}
