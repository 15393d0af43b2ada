//! The CLI: argument parsing, file reading and printing only; the work is in the library.
//!
//!   newslens analyze FILE|- [--accurate]   the analysis as JSON (code-point offsets)
//!   newslens batch IN OUT [--threads N] [--resume] [--models DIR] [--accurate]
//!                                    JSONL rows {"id","text"} (.gz) or a folder of .txt/.html ->
//!                                    the system format of score.py, on all cores (`batch.rs`)
//!   newslens train ner|quotes|speakers|reported [--data DIR]   rebuild a shipped model under models/
//!   newslens bench [--data DIR]       throughput table

mod batch;
mod html;

use clap::{Parser, Subcommand};
use newslens::text::{OffsetMap, Span, Unit};
use newslens::{Label, Models, analyze_with};
use serde_json::Value;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "newslens",
    version,
    about = "Who said what in a news article: entities, quotes, speakers, actors."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse one text file (or - for standard input) and print JSON.
    Analyze {
        file: String,
        /// Reported speech by three nets instead of one (see `batch --accurate`).
        #[arg(long)]
        accurate: bool,
    },
    /// Analyse every {"id","text"} row of a JSONL file (or .jsonl.gz), or every .txt/.html file
    /// of a folder, on all cores; write score.py's system format (gzip if OUTPUT ends in .gz).
    Batch {
        input: PathBuf,
        output: PathBuf,
        /// Hide the progress bar.
        #[arg(long)]
        quiet: bool,
        /// Threads to use (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
        /// Keep the complete rows of an interrupted run's OUTPUT and analyse only the rest.
        #[arg(long)]
        resume: bool,
        /// Load the model files this folder holds (reported.bin, cues.tsv, quotes.bin,
        /// speakers.bin) instead of the embedded ones.
        #[arg(long)]
        models: Option<PathBuf>,
        /// Find reported speech with an ensemble of three nets (the shipped one and two trained
        /// alike with other seeds): on ten held-out tenths of PolNeAR train, partial F1 +1.0 and
        /// strict F1 +1.8, for about 1.6 times the analysis time. With --models DIR, DIR must
        /// hold reported-2.bin and reported-3.bin as well as reported.bin (or none of them).
        #[arg(long)]
        accurate: bool,
    },
    /// Retrain a model from the shared data and write it under models/.
    Train {
        #[arg(value_parser = ["clusters", "ner", "quotes", "speakers", "reported"])]
        what: String,
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long)]
        epochs: Option<usize>,
        /// For `ner`: the shuffle seed (to measure how much a score moves by chance).
        #[arg(long)]
        seed: Option<u64>,
        /// For `ner`: report F1 on this JSONL file (default: conll2003-dev under --data) for
        /// each epoch; it is never used for a choice.
        #[arg(long)]
        check: Option<PathBuf>,
        /// For `reported` and `speakers`: leave every tenth PolNeAR train document out of
        /// training and write their ids to OUT/held-out-ids.txt, to choose the model's settings
        /// on them instead of PolNeAR dev (`scripts/tune_reported.sh`).
        #[arg(long)]
        hold_out: bool,
        /// With `--hold-out`: which tenth, documents with index % 10 == K (default 9), so that
        /// several tenths can each be held out in turn (`scripts/cv_reported.sh`).
        #[arg(long, default_value_t = 9, value_parser = clap::value_parser!(u8).range(0..10))]
        fold: u8,
        /// For `reported`: train the accurate mode's member K (2 or 3: the shipped settings
        /// with seed 10 + K) into OUT/reported-K.bin instead of OUT/reported.bin.
        #[arg(long, value_parser = clap::value_parser!(u64).range(2..4))]
        member: Option<u64>,
    },
    /// Measure throughput of the whole analysis on the shared dev sets and print a table.
    Bench {
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
    },
}

fn main() {
    let cli = Cli::parse();
    let res = match cli.cmd {
        Cmd::Analyze { file, accurate } => analyze_file(&file, accurate),
        Cmd::Batch {
            input,
            output,
            quiet,
            threads,
            resume,
            models,
            accurate,
        } => batch::run(
            &input,
            &output,
            &batch::Options {
                threads,
                resume,
                quiet,
                models,
                accurate,
            },
        ),
        Cmd::Train {
            what,
            data,
            out,
            epochs,
            seed,
            check,
            hold_out,
            fold,
            member,
        } => train(
            &what,
            &data,
            &out,
            TrainOptions {
                epochs,
                seed,
                check,
                hold_out: hold_out.then_some(fold as usize),
                member,
            },
        ),
        Cmd::Bench { data } => bench(&data),
    };
    if let Err(e) = res {
        eprintln!("newslens: {e}");
        std::process::exit(1);
    }
}

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Print a line to stdout; a closed pipe (`newslens bench | head`) ends the program quietly.
fn emit(line: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("newslens: cannot write output: {e}");
        std::process::exit(1);
    }
}

fn models() -> Res<Models> {
    Ok(Models::embedded()?)
}

/// The embedded models (with the reported-speech ensemble when `accurate`), with each file that
/// `dir` holds (`reported.bin`, `cues.tsv`, `quotes.bin`, `speakers.bin`; with `accurate`
/// `reported-2.bin` and `reported-3.bin` too) loaded from there instead: to score a model
/// trained elsewhere (a held-out fold's, `scripts/cv_reported.sh`) without rebuilding the
/// binary. The entity tagger (three files that go together) always stays the embedded one.
pub fn models_from(dir: Option<&Path>, accurate: bool) -> Res<Models> {
    let mut m = if accurate {
        Models::accurate()?
    } else {
        Models::embedded()?
    };
    let Some(dir) = dir else { return Ok(m) };
    if !dir.is_dir() {
        return Err(format!("--models {}: not a folder", dir.display()).into());
    }
    let read = |name: &str| -> Res<Option<Vec<u8>>> {
        let path = dir.join(name);
        match std::fs::read(&path) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display()).into()),
        }
    };
    let named = |name: &str, e: newslens::ModelError| format!("{}: {e}", dir.join(name).display());
    if let Some(b) = read("reported.bin")? {
        m.reported = newslens::reported::ReportedModel::from_bytes(&b)
            .map_err(|e| named("reported.bin", e))?;
        // an ensemble's members come from one place: the folder's net with the embedded
        // members would mix models trained on other documents
        if accurate {
            for name in ["reported-2.bin", "reported-3.bin"] {
                let b = read(name)?.ok_or_else(|| {
                    format!(
                        "--accurate: {} holds reported.bin but not {name}",
                        dir.display()
                    )
                })?;
                m.reported.add_member(&b).map_err(|e| named(name, e))?;
            }
        }
    }
    if let Some(b) = read("quotes.bin")? {
        m.quotes =
            newslens::quotes::QuoteModel::from_bytes(&b).map_err(|e| named("quotes.bin", e))?;
    }
    if let Some(b) = read("speakers.bin")? {
        m.speakers = newslens::speakers::SpeakerModel::from_bytes(&b)
            .map_err(|e| named("speakers.bin", e))?;
    }
    if let Some(b) = read("cues.tsv")? {
        m.cues = newslens::cues::Cues::parse(&utf8(b, "cues.tsv")?);
    }
    Ok(m)
}

/// Bytes to text, with a clear message for what is not UTF-8.
fn utf8(bytes: Vec<u8>, name: &str) -> Res<String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
        .into()
    })
}

fn analyze_file(file: &str, accurate: bool) -> Res<()> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    }
    let text = utf8(bytes, file)?;
    let a = analyze_with(&text, &models_from(None, accurate)?)?;
    emit(&serde_json::to_string_pretty(
        &a.export(&text, Unit::CodePoint),
    )?);
    Ok(())
}

fn read_jsonl(path: &Path) -> Res<Vec<Value>> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        rows.push(
            serde_json::from_str(&line)
                .map_err(|e| format!("{}:{}: not JSON: {e}", path.display(), n + 1))?,
        );
    }
    Ok(rows)
}

/// Code-point `[s, e]` pairs of a JSON value to byte spans of `text`.
fn spans(text: &str, map: &OffsetMap, v: &Value) -> Vec<Span> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let s = map.to_byte(p.get(0)?.as_u64()? as usize)?;
            let e = map.to_byte(p.get(1)?.as_u64()? as usize)?;
            (s < e && e <= text.len()).then(|| Span::new(s, e))
        })
        .collect()
}

fn span_of(map: &OffsetMap, v: &Value) -> Option<Span> {
    let s = map.to_byte(v.get("start")?.as_u64()? as usize)?;
    let e = map.to_byte(v.get("end")?.as_u64()? as usize)?;
    (s < e).then(|| Span::new(s, e))
}

fn text_of(row: &Value) -> String {
    row.get("text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

fn conll_docs(path: &Path) -> Res<Vec<newslens::entities::trainer::Doc>> {
    Ok(read_jsonl(path)?
        .iter()
        .map(|r| {
            let text = text_of(r);
            let map = OffsetMap::new(&text, Unit::CodePoint);
            let entities = r["entities"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| Some((span_of(&map, e)?, Label::parse(e.get("label")?.as_str()?)?)))
                .collect();
            newslens::entities::trainer::Doc { text, entities }
        })
        .collect())
}

/// A PolNeAR train article as the later stages' trainers read it: its row, text, tokens and the
/// entities our shipped tagger finds (as at run time).
struct TrainDoc {
    row: Value,
    text: String,
    tok: newslens::text::Tokenized,
    entities: Vec<newslens::Entity>,
}

fn polnear_train(data: &Path, ents: &newslens::entities::EntityModel) -> Res<Vec<TrainDoc>> {
    Ok(read_jsonl(&data.join("polnear-train.jsonl"))?
        .into_iter()
        .map(|row| {
            let text = text_of(&row);
            let tok = newslens::text::tokens::analyze_text(&text);
            let entities = newslens::entities::find(&text, &tok, ents);
            TrainDoc {
                row,
                text,
                tok,
                entities,
            }
        })
        .collect())
}

/// With `hold_out` = Some(k), every tenth document is left out (index % 10 == k; the shipped
/// settings were chosen with k = 9) and their ids written to OUT/held-out-ids.txt, to choose a
/// model's settings on them instead of on dev.
fn held_out_tenth(all: Vec<TrainDoc>, hold_out: Option<usize>, out: &Path) -> Res<Vec<TrainDoc>> {
    let Some(fold) = hold_out else {
        return Ok(all);
    };
    let held: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 10 == fold)
        .map(|(_, d)| d.row["id"].as_str().unwrap_or(""))
        .collect();
    std::fs::write(out.join("held-out-ids.txt"), held.join("\n") + "\n")?;
    eprintln!(
        "holding out {} documents (every tenth, index % 10 == {fold})",
        held.len()
    );
    Ok(all
        .into_iter()
        .enumerate()
        .filter(|(k, _)| k % 10 != fold)
        .map(|(_, d)| d)
        .collect())
}

/// `newslens train`'s options (see `Cmd::Train`).
struct TrainOptions {
    epochs: Option<usize>,
    seed: Option<u64>,
    check: Option<PathBuf>,
    /// The tenth held out, if any.
    hold_out: Option<usize>,
    member: Option<u64>,
}

fn train(what: &str, data: &Path, out: &Path, opts: TrainOptions) -> Res<()> {
    let TrainOptions {
        epochs,
        seed,
        check,
        hold_out,
        member,
    } = opts;
    if member.is_some() && what != "reported" {
        return Err("--member is for `train reported` only".into());
    }
    let t0 = Instant::now();
    std::fs::create_dir_all(out)?;
    match what {
        "clusters" => {
            // unlabeled text of the training splits only
            let mut texts = Vec::new();
            for f in ["conll2003-train.jsonl", "polnear-train.jsonl"] {
                texts.extend(read_jsonl(&data.join(f))?.iter().map(text_of));
            }
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let out_rows = newslens::entities::clusters::learn(
                &refs,
                &newslens::entities::clusters::Config::default(),
            );
            let body: String = out_rows
                .iter()
                .map(|(p, w)| format!("{p}\t{w}\n"))
                .collect();
            std::fs::write(out.join("clusters.tsv"), body)?;
            eprintln!(
                "{} words clustered -> {}",
                out_rows.len(),
                out.join("clusters.tsv").display()
            );
        }
        "ner" => {
            let train = conll_docs(&data.join("conll2003-train.jsonl"))?;
            let dev = conll_docs(&check.unwrap_or_else(|| data.join("conll2003-dev.jsonl")))?;
            let gaz = newslens::entities::gazetteer::Gazetteers::parse(
                &std::fs::read_to_string(out.join("gazetteer.tsv")).unwrap_or_default(),
                &std::fs::read_to_string(out.join("clusters.tsv")).unwrap_or_default(),
            );
            eprintln!(
                "gazetteer: {} phrases in {} lists",
                gaz.len(),
                gaz.lists.len()
            );
            let mut cfg = newslens::entities::trainer::Config::default();
            if let Some(e) = epochs {
                cfg.epochs = e;
            }
            if let Some(s) = seed {
                cfg.seed = s;
            }
            let t = newslens::entities::trainer::train_held_out(&train, &dev, &gaz, &cfg, |s| {
                eprintln!("{s}")
            });
            std::fs::write(out.join("ner.bin"), &t.bytes)?;
            eprintln!(
                "{} epochs -> {} ({} bytes)",
                t.epochs,
                out.join("ner.bin").display(),
                t.bytes.len()
            );
        }
        "quotes" => {
            let docs: Vec<_> = read_jsonl(&data.join("polnear-train.jsonl"))?
                .iter()
                .map(|r| {
                    let text = text_of(r);
                    let map = OffsetMap::new(&text, Unit::CodePoint);
                    let quotes = r["quotes"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|q| span_of(&map, q))
                        .collect();
                    newslens::quotes::classify::Doc { text, quotes }
                })
                .collect();
            let (model, log) = newslens::quotes::classify::train(
                &docs,
                &newslens::cues::Cues::parse(&std::fs::read_to_string(out.join("cues.tsv"))?),
                epochs.unwrap_or(10),
            );
            log.iter().for_each(|l| eprintln!("{l}"));
            std::fs::write(
                out.join("quotes.bin"),
                model.to_bytes(newslens::quotes::classify::MAGIC),
            )?;
        }
        "speakers" => {
            // only the earlier stages' models: the speaker model is what is being made
            let ents = newslens::entities::EntityModel::embedded()?;
            let cues = newslens::cues::Cues::parse(&std::fs::read_to_string(out.join("cues.tsv"))?);
            let all = polnear_train(data, &ents)?;
            let docs: Vec<_> = held_out_tenth(all, hold_out, out)?
                .into_iter()
                .map(|d| {
                    let map = OffsetMap::new(&d.text, Unit::CodePoint);
                    let quotes = d.row["quotes"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|q| {
                            Some((
                                span_of(&map, q)?,
                                q.get("speaker")
                                    .filter(|s| !s.is_null())
                                    .map(|s| spans(&d.text, &map, s)),
                            ))
                        })
                        .collect();
                    newslens::speakers::trainer::Doc {
                        text: d.text,
                        entities: d.entities,
                        quotes,
                    }
                })
                .collect();
            let (model, log) =
                newslens::speakers::trainer::train(&docs, &cues, epochs.unwrap_or(10));
            log.iter().for_each(|l| eprintln!("{l}"));
            std::fs::write(
                out.join("speakers.bin"),
                model.to_bytes(newslens::speakers::MAGIC),
            )?;
        }
        "reported" => {
            // the earlier stages' shipped models give entities and quotations, as at run time
            let ents = newslens::entities::EntityModel::embedded()?;
            let qm = newslens::quotes::QuoteModel::embedded()?;
            let cues = newslens::cues::Cues::parse(&std::fs::read_to_string(out.join("cues.tsv"))?);
            let all = polnear_train(data, &ents)?;
            let docs: Vec<_> = held_out_tenth(all, hold_out, out)?
                .into_iter()
                .map(|d| {
                    let map = OffsetMap::new(&d.text, Unit::CodePoint);
                    let quotes = newslens::quotes::find(&d.text, &d.tok, &cues, &qm)
                        .iter()
                        .map(|q| q.span)
                        .collect();
                    let relations = d.row["attributions"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|a| {
                            (
                                spans(&d.text, &map, &a["source"]),
                                spans(&d.text, &map, &a["cue"]),
                                spans(&d.text, &map, &a["content"]),
                            )
                        })
                        .collect();
                    newslens::reported::trainer::Doc {
                        text: d.text,
                        entities: d.entities,
                        quotes,
                        relations,
                    }
                })
                .collect();
            let settings = match member {
                Some(k) => newslens::reported::trainer::Settings::member(k),
                None => newslens::reported::trainer::Settings::shipped(),
            };
            let (model, log) = newslens::reported::trainer::train(
                &docs,
                &cues,
                epochs.unwrap_or(newslens::reported::trainer::EPOCHS),
                &settings,
            );
            log.iter().for_each(|l| eprintln!("{l}"));
            let bytes = model.to_bytes();
            let name = match member {
                Some(k) => format!("reported-{k}.bin"),
                None => "reported.bin".to_string(),
            };
            std::fs::write(out.join(&name), &bytes)?;
            eprintln!("wrote {}", out.join(&name).display());
            eprintln!("{} bytes", bytes.len());
        }
        _ => unreachable!("clap restricts the values"),
    }
    eprintln!("trained {what} in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(())
}

fn bench(data: &Path) -> Res<()> {
    let t0 = Instant::now();
    let m = models()?;
    let load = t0.elapsed();
    emit("| input | docs | KB | seconds | KB/s | MB/s |");
    emit("|---|---:|---:|---:|---:|---:|");
    emit(&format!(
        "| model load | - | - | {:.4} | - | - |",
        load.as_secs_f64()
    ));
    let mut news_mbs = f64::MAX;
    for name in ["polnear-dev.jsonl", "conll2003-dev.jsonl"] {
        let texts: Vec<String> = read_jsonl(&data.join(name))?.iter().map(text_of).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let best = best_of_3(&texts, &m)?;
        let kb = bytes as f64 / 1000.0;
        emit(&format!(
            "| {name} (whole analyze, best of 3) | {} | {kb:.0} | {best:.3} | {:.0} | {:.2} |",
            texts.len(),
            kb / best,
            kb / best / 1000.0
        ));
        // the same texts as one long document: catches work that grows faster than the text
        let one = texts.join("\n\n");
        let t = Instant::now();
        std::hint::black_box(analyze_with(&one, &m)?);
        let s = t.elapsed().as_secs_f64();
        emit(&format!(
            "| {name} as one document | 1 | {kb:.0} | {s:.3} | {:.0} | {:.2} |",
            kb / s,
            kb / s / 1000.0
        ));
        if name.starts_with("polnear") {
            news_mbs = news_mbs.min(kb / best / 1000.0);
            // the same texts with the reported-speech ensemble (`--accurate`)
            let best = best_of_3(&texts, &Models::accurate()?)?;
            emit(&format!(
                "| {name} with --accurate (best of 3) | {} | {kb:.0} | {best:.3} | {:.0} | {:.2} |",
                texts.len(),
                kb / best,
                kb / best / 1000.0
            ));
        }
    }
    batch_table(&m, data)?;
    adversarial_table(&m, news_mbs)
}

/// The fastest of three runs of `analyze` over every text, in seconds.
fn best_of_3(texts: &[String], m: &Models) -> Res<f64> {
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for text in texts {
            std::hint::black_box(analyze_with(text, m)?);
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    Ok(best)
}

/// `newslens batch`'s engine on PolNeAR dev repeated to 20 MB or more, on one thread and on all:
/// the documents are analysed in parallel (rayon), so the speed-up should approach the cores.
fn batch_table(m: &Models, data: &Path) -> Res<()> {
    use rayon::prelude::*;
    let texts: Vec<String> = read_jsonl(&data.join("polnear-dev.jsonl"))?
        .iter()
        .map(text_of)
        .collect();
    let one: usize = texts.iter().map(String::len).sum();
    let copies = (20_000_000 / one.max(1)) + 1;
    let docs: Vec<&String> = (0..copies).flat_map(|_| texts.iter()).collect();
    let mb = (one * copies) as f64 / 1e6;
    emit("");
    emit(&format!(
        "Batch: PolNeAR dev repeated {copies} times ({} documents, {mb:.1} MB), analysed in parallel",
        docs.len()
    ));
    emit("");
    emit("| threads | seconds | MB/s | speed-up |");
    emit("|---:|---:|---:|---:|");
    let all = rayon::current_num_threads();
    let mut base = 0.0;
    for threads in [1, all] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        let t = Instant::now();
        let n: usize = pool.install(|| {
            docs.par_iter()
                .map(|d| analyze_with(d, m).map_or(0, |a| a.quotes.len()))
                .sum()
        });
        std::hint::black_box(n);
        let s = t.elapsed().as_secs_f64();
        if threads == 1 {
            base = s;
        }
        emit(&format!(
            "| {threads} | {s:.2} | {:.2} | {:.2}x |",
            mb / s,
            base / s
        ));
        if all == 1 {
            break;
        }
    }
    Ok(())
}

/// Inputs shaped to make a stage super-linear, at 400 KB and 1.6 MB: each must run at 1/3 or
/// more of the MB/s of ordinary news, and the 4x larger input must take about 4x as long.
fn adversarial_table(m: &Models, news_mbs: f64) -> Res<()> {
    emit("");
    emit(&format!(
        "Adversarial inputs (bar: 1/3 of ordinary news = {:.2} MB/s; growth = time(1.6 MB) / time(400 KB), linear is 4)",
        news_mbs / 3.0
    ));
    emit("");
    emit("| input | MB/s at 400 KB | MB/s at 1.6 MB | growth | meets the bar |");
    emit("|---|---:|---:|---:|:---:|");
    let small = newslens::adversarial::inputs(400_000);
    let large = newslens::adversarial::inputs(1_600_000);
    for ((name, a), (_, b)) in small.iter().zip(&large) {
        let time = |t: &str| -> Res<f64> {
            let s = Instant::now();
            std::hint::black_box(analyze_with(t, m)?);
            Ok(s.elapsed().as_secs_f64())
        };
        let (ta, tb) = (time(a)?, time(b)?);
        let (ma, mb) = (a.len() as f64 / ta / 1e6, b.len() as f64 / tb / 1e6);
        let ok = ma.min(mb) >= news_mbs / 3.0;
        emit(&format!(
            "| {name} | {ma:.2} | {mb:.2} | {:.1} | {} |",
            tb / ta,
            if ok { "yes" } else { "**no**" }
        ));
    }
    Ok(())
}
