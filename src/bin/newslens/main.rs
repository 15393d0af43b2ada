//! The CLI: argument parsing, file reading and printing only; the work is in the library.
//!
//!   newslens analyze FILE|- [--accurate]   the analysis as JSON (code-point offsets)
//!   newslens batch IN OUT [--threads N] [--resume] [--models DIR] [--accurate]
//!                                    JSONL rows {"id","text"} (.gz) or a folder of .txt/.html ->
//!                                    the system format of score.py, on all cores (`batch.rs`)
//!   newslens train ner|quotes|speakers|reported [--data DIR]   rebuild a shipped model under
//!                                    models/ (`train.rs`: the training data to the trainers)
//!   newslens bench [--data DIR]       throughput table (`bench.rs`)
//!
//! Here: the commands and their arguments, `analyze`, and what the other files share (reading
//! JSONL and model files, printing).

mod batch;
mod bench;
mod html;
mod train;

use clap::{Parser, Subcommand};
use newslens::text::Unit;
use newslens::{Models, analyze_with};
use serde_json::Value;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

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
        /// speakers.bin, countries.tsv, ner.bin with gazetteer.tsv and clusters.tsv) instead of
        /// the embedded ones.
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
        /// on them instead of PolNeAR dev (`scripts/tune_reported.sh`). For `ner`: the same with
        /// CoNLL-2003 train documents (`scripts/cv_ner.sh`).
        #[arg(long)]
        hold_out: bool,
        /// With `--hold-out`: which tenth, documents with index % 10 == K (default 9), so that
        /// several tenths can each be held out in turn (`scripts/cv_reported.sh`, `cv_ner.sh`).
        #[arg(long, default_value_t = 9, value_parser = clap::value_parser!(u8).range(0..10))]
        fold: u8,
        /// For `reported`: train the accurate mode's member K (2 or 3: the shipped settings
        /// with seed 10 + K) into OUT/reported-K.bin instead of OUT/reported.bin.
        #[arg(long, value_parser = clap::value_parser!(u64).range(2..4))]
        member: Option<u64>,
        /// For `ner`: how many averaged-perceptron runs the stored model averages (default 8;
        /// fewer trains faster, for cross-validation).
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..33))]
        members: Option<u64>,
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
            members,
        } => train::run(
            &what,
            &data,
            &out,
            train::Options {
                epochs,
                seed,
                check,
                hold_out: hold_out.then_some(fold as usize),
                member,
                members: members.map(|m| m as usize),
            },
        ),
        Cmd::Bench { data } => bench::run(&data),
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

/// The embedded models (with the reported-speech ensemble when `accurate`), with each file that
/// `dir` holds (`reported.bin`, `cues.tsv`, `quotes.bin`, `speakers.bin`, `countries.tsv`; with `accurate`
/// `reported-2.bin` and `reported-3.bin` too) loaded from there instead: to score a model
/// trained elsewhere (a held-out fold's, `scripts/cv_reported.sh`, `scripts/cv_ner.sh`) without
/// rebuilding the binary. The entity tagger is the folder's when it holds `ner.bin`, with the
/// folder's `gazetteer.tsv` and `clusters.tsv` where it holds them (the tagger was trained
/// with the lists it reads), else the embedded ones.
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
    if let Some(b) = read("ner.bin")? {
        let list = |name: &str, embedded: &str| -> Res<String> {
            match read(name)? {
                Some(b) => utf8(b, name),
                None => Ok(embedded.to_string()),
            }
        };
        let gaz = newslens::knowledge::Gazetteers::parse(
            &list(
                "gazetteer.tsv",
                newslens::knowledge::gazetteer::EMBEDDED_GAZETTEER,
            )?,
            &list(
                "clusters.tsv",
                newslens::knowledge::gazetteer::EMBEDDED_CLUSTERS,
            )?,
        )
        .map_err(|e| format!("{}: {e}", dir.display()))?;
        m.entities = newslens::entities::EntityModel::from_parts(&b, gaz)
            .map_err(|e| named("ner.bin", e))?;
    }
    if let Some(b) = read("quotes.bin")? {
        m.quotes =
            newslens::quotes::QuoteModel::from_bytes(&b).map_err(|e| named("quotes.bin", e))?;
    }
    if let Some(b) = read("speakers.bin")? {
        m.speakers = newslens::speakers::SpeakerModel::from_bytes(&b)
            .map_err(|e| named("speakers.bin", e))?;
    }
    if let Some(b) = read("countries.tsv")? {
        m.countries = newslens::knowledge::Countries::parse(&utf8(b, "countries.tsv")?)
            .map_err(|e| named("countries.tsv", e))?;
    }
    if let Some(b) = read("cues.tsv")? {
        m.cues =
            newslens::cues::Cues::parse(&utf8(b, "cues.tsv")?).map_err(|e| named("cues.tsv", e))?;
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

fn text_of(row: &Value) -> String {
    row.get("text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}
