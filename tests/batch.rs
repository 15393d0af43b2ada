//! `newslens batch` end to end: the same rows in input order whatever the thread count, gzip in
//! and out, a folder of .txt/.html files, a row per unreadable document, and `--resume` after a
//! killed run or a row cut in half. Texts are our own sentences.

use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::Scratch;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newslens"))
}

/// `n` short articles with quotes, reported speech and non-ASCII names.
fn corpus(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let text = format!(
                "Vote {i} divides the council\n\nMayor Zoë Ünal said the budget for district {i} would be balanced by June. \
                 “We will not cut the buses,” Ünal told reporters. Councillor Bob Roe, who opposes the plan, said the numbers did not add up.\n\n\
                 According to the city auditor, the deficit is {i} million. “It is worse than that,” Roe said. 🎉"
            );
            json!({"id": format!("doc-{i}"), "text": text})
        })
        .collect()
}

fn write_jsonl(path: &Path, rows: &[Value]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for r in rows {
        writeln!(f, "{r}").unwrap();
    }
}

fn run(args: &[&str]) {
    let out = bin().args(args).arg("--quiet").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        use std::io::Read;
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .unwrap();
        s
    } else {
        String::from_utf8(bytes).unwrap()
    }
}

/// Complete rows in a possibly cut-off output (plain or gzip).
fn complete_rows(path: &Path) -> usize {
    use std::io::Read;
    let bytes = std::fs::read(path).unwrap();
    let mut text = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        let _ = flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut text);
    } else {
        text = bytes;
    }
    text.iter().filter(|b| **b == b'\n').count()
}

fn ids(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn thread_counts_and_gzip_give_the_same_rows_in_input_order() {
    let scratch = Scratch::new("threads");
    let rows = corpus(150);
    let input = scratch.path("in.jsonl");
    write_jsonl(&input, &rows);
    let (one, two) = (scratch.path("one.jsonl"), scratch.path("two.jsonl.gz"));
    run(&[
        "batch",
        input.to_str().unwrap(),
        one.to_str().unwrap(),
        "--threads",
        "1",
    ]);
    run(&[
        "batch",
        input.to_str().unwrap(),
        two.to_str().unwrap(),
        "--threads",
        "2",
    ]);
    let a = read(&one);
    assert_eq!(a, read(&two));
    let want: Vec<String> = (0..150).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids(&a), want);
    // every row is the analysis of its own text: a quote's span slices its marks out (code points)
    for (line, row) in a.lines().zip(&rows) {
        let v: Value = serde_json::from_str(line).unwrap();
        let text: Vec<char> = row["text"].as_str().unwrap().chars().collect();
        let q = &v["quotes"][0];
        let s: String = text
            [q["start"].as_u64().unwrap() as usize..q["end"].as_u64().unwrap() as usize]
            .iter()
            .collect();
        assert_eq!(s, "“We will not cut the buses,”");
        assert!(!v["attributions"].as_array().unwrap().is_empty());
    }
    // gzip input reads the same
    let gz_in = scratch.path("in.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz_in).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(std::fs::read(&input).unwrap().as_slice())
        .unwrap();
    enc.finish().unwrap();
    let three = scratch.path("three.jsonl");
    run(&["batch", gz_in.to_str().unwrap(), three.to_str().unwrap()]);
    assert_eq!(read(&three), a);
}

#[test]
fn a_folder_of_text_and_html_files() {
    let scratch = Scratch::new("folder");
    let dir = scratch.path("folder");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "“It is done,” Ann Lee said.").unwrap();
    std::fs::write(
        dir.join("sub/b.html"),
        "<html><head><style>p{}</style></head><body><p>&ldquo;It is done,&rdquo; Ann&nbsp;Lee said.</p><script>var x = '“no”';</script></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    let out = scratch.path("folder.jsonl");
    run(&["batch", dir.to_str().unwrap(), out.to_str().unwrap()]);
    let text = read(&out);
    assert_eq!(ids(&text), ["a.txt", "sub/b.html"]);
    let rows: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // the HTML file reads as the same sentence: same quote, same speaker, nothing from the script
    assert_eq!(rows[0]["quotes"], rows[1]["quotes"]);
    assert_eq!(rows[1]["quotes"].as_array().unwrap().len(), 1);
}

#[test]
fn a_document_that_cannot_be_analysed_becomes_an_error_row() {
    let scratch = Scratch::new("errors");
    let mut rows = corpus(3);
    rows[1]["text"] = json!("x ".repeat(4_300_000)); // over the 8 MB limit
    let input = scratch.path("err.jsonl");
    write_jsonl(&input, &rows);
    let out = scratch.path("err-out.jsonl");
    run(&["batch", input.to_str().unwrap(), out.to_str().unwrap()]);
    let lines: Vec<Value> = read(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("limit"));
    assert!(lines[0]["quotes"].is_array() && lines[2]["quotes"].is_array());
}

#[test]
fn resume_after_a_row_cut_in_half_or_a_killed_run_loses_nothing() {
    let scratch = Scratch::new("resume");
    let rows = corpus(2_000);
    let input = scratch.path("big.jsonl");
    write_jsonl(&input, &rows);
    let full = scratch.path("full.jsonl");
    run(&["batch", input.to_str().unwrap(), full.to_str().unwrap()]);
    let want = read(&full);
    for ext in ["jsonl", "jsonl.gz"] {
        // 1. an output whose last row was cut in half (written by hand: deterministic)
        let part = scratch.path(&format!("cut.{ext}"));
        let keep = &want[..want.len() / 3];
        if ext.ends_with("gz") {
            let mut enc = flate2::write::GzEncoder::new(
                std::fs::File::create(&part).unwrap(),
                flate2::Compression::default(),
            );
            enc.write_all(keep.as_bytes()).unwrap();
            enc.flush().unwrap(); // a sync point, then the stream just stops: as after a kill
            std::mem::forget(enc);
        } else {
            std::fs::write(&part, keep).unwrap();
        }
        run(&[
            "batch",
            input.to_str().unwrap(),
            part.to_str().unwrap(),
            "--resume",
        ]);
        assert_eq!(read(&part), want, "{ext}: resumed output differs");

        // 2. a real run killed as soon as it has written something
        let killed = scratch.path(&format!("killed.{ext}"));
        let mut child = bin()
            .args([
                "batch",
                input.to_str().unwrap(),
                killed.to_str().unwrap(),
                "--quiet",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let t0 = Instant::now();
        while std::fs::metadata(&killed).map_or(0, |m| m.len()) < 2_000
            && t0.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = child.kill();
        child.wait().unwrap();
        let done = complete_rows(&killed);
        assert!(
            done > 0 && done < 2_000,
            "{ext}: killed with {done} rows written"
        );
        run(&[
            "batch",
            input.to_str().unwrap(),
            killed.to_str().unwrap(),
            "--resume",
        ]);
        assert_eq!(
            read(&killed),
            want,
            "{ext}: output after kill and resume differs"
        );
    }
}
