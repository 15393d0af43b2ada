//! `newslens batch`: many documents in, one JSON line per document out (the system format of
//! `score.py`), on all cores.
//!
//! - In: JSONL rows `{"id", "text"}` (`.gz` too), or a folder of `.txt` / `.html` files (id = the
//!   file's path inside the folder; HTML is turned into text by `html.rs`).
//! - Out: JSONL, gzip when the name ends in `.gz`, in input order. Documents are read, analysed
//!   (rayon, in parallel) and written one chunk at a time, so memory stays flat on any input size.
//! - A document that cannot be analysed (too long) becomes a row with an `error` field; the run
//!   goes on.
//! - `--resume`: after an interrupted run, keeps the complete rows of the output (a row cut off
//!   by the interruption is dropped) and analyses only the ids it lacks.

use super::{Res, html::html_to_text, utf8};
use flate2::{Compression, read::MultiGzDecoder, write::GzEncoder};
use newslens::{Models, Unit, analyze_with};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

pub struct Options {
    pub threads: Option<usize>,
    pub resume: bool,
    pub quiet: bool,
    /// A folder whose model files replace the embedded ones (`models_from`).
    pub models: Option<PathBuf>,
    /// The reported-speech ensemble (`--accurate`).
    pub accurate: bool,
}

/// Documents per chunk and thread: big enough to keep every core busy, small enough that an
/// interruption loses little and memory stays flat.
const PER_THREAD: usize = 16;

pub fn run(input: &Path, output: &Path, opts: &Options) -> Res<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()?;
    let threads = pool.current_num_threads();
    let models = crate::models_from(opts.models.as_deref(), opts.accurate)?;
    let done = if opts.resume && output.exists() {
        keep_complete_rows(output)?
    } else {
        HashSet::new()
    };
    let mut out = Output::open(output, opts.resume && !done.is_empty())?;
    let mut docs = Docs::open(input)?;
    let bar = if opts.quiet {
        indicatif::ProgressBar::hidden()
    } else {
        match docs.len() {
            Some(n) => indicatif::ProgressBar::new(n as u64),
            None => indicatif::ProgressBar::new_spinner(),
        }
    };
    bar.set_style(indicatif::ProgressStyle::with_template(
        "{bar:40} {pos} docs {elapsed} ({per_sec})",
    )?);
    let (mut written, mut skipped, mut failed) = (0usize, 0usize, 0usize);
    loop {
        let chunk = docs.next_chunk(threads * PER_THREAD)?;
        if chunk.is_empty() {
            break;
        }
        let chunk_len = chunk.len();
        let todo: Vec<(Value, String)> = chunk
            .into_iter()
            .filter(|(id, _)| {
                let seen = done.contains(&id.to_string());
                skipped += usize::from(seen);
                !seen
            })
            .collect();
        let lines: Vec<(String, bool)> = pool.install(|| {
            todo.par_iter()
                .map(|(id, text)| analyse_row(&models, id, text))
                .collect()
        });
        for (line, ok) in &lines {
            writeln!(out, "{line}")?;
            failed += usize::from(!ok);
        }
        out.flush()?; // a finished chunk survives an interruption
        written += lines.len();
        bar.inc(chunk_len as u64);
    }
    out.finish()?;
    bar.finish_and_clear();
    eprintln!(
        "{written} documents -> {} ({threads} threads){}{}",
        output.display(),
        if skipped > 0 {
            format!("; {skipped} already there (--resume)")
        } else {
            String::new()
        },
        if failed > 0 {
            format!("; {failed} not analysed (see their \"error\")")
        } else {
            String::new()
        }
    );
    Ok(())
}

/// One output line: the analysis with its id, or the id and an error.
fn analyse_row(models: &Models, id: &Value, text: &str) -> (String, bool) {
    match analyze_with(text, models) {
        Ok(a) => {
            let mut v =
                serde_json::to_value(a.export(text, Unit::CodePoint)).unwrap_or(Value::Null);
            v["id"] = id.clone();
            (v.to_string(), true)
        }
        Err(e) => (json!({"id": id, "error": e.to_string()}).to_string(), false),
    }
}

fn is_gz(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "gz")
}

/// The documents of a JSONL file or a folder, read a chunk at a time.
enum Docs {
    Lines {
        lines: Box<dyn BufRead>,
        name: String,
        line: usize,
        row: usize,
    },
    Files {
        root: PathBuf,
        files: Vec<PathBuf>,
        next: usize,
    },
}

impl Docs {
    fn open(input: &Path) -> Res<Docs> {
        if input.is_dir() {
            let mut files = Vec::new();
            collect_files(input, &mut files)?;
            files.sort();
            return Ok(Docs::Files {
                root: input.to_path_buf(),
                files,
                next: 0,
            });
        }
        let f = File::open(input).map_err(|e| format!("{}: {e}", input.display()))?;
        let lines: Box<dyn BufRead> = if is_gz(input) {
            Box::new(BufReader::new(MultiGzDecoder::new(f)))
        } else {
            Box::new(BufReader::new(f))
        };
        Ok(Docs::Lines {
            lines,
            name: input.display().to_string(),
            line: 0,
            row: 0,
        })
    }

    fn len(&self) -> Option<usize> {
        match self {
            Docs::Files { files, .. } => Some(files.len()),
            Docs::Lines { .. } => None,
        }
    }

    /// Up to `n` more (id, text) pairs; empty at the end. A row without an id is known by its
    /// number among the rows, as a string.
    fn next_chunk(&mut self, n: usize) -> Res<Vec<(Value, String)>> {
        let mut out = Vec::with_capacity(n);
        match self {
            Docs::Lines {
                lines,
                name,
                line,
                row,
            } => {
                let mut buf = String::new();
                while out.len() < n {
                    buf.clear();
                    if lines
                        .read_line(&mut buf)
                        .map_err(|e| format!("{name}:{}: {e}", *line + 1))?
                        == 0
                    {
                        break;
                    }
                    *line += 1;
                    if buf.trim().is_empty() {
                        continue;
                    }
                    let v: Value = serde_json::from_str(&buf)
                        .map_err(|e| format!("{name}:{line}: not JSON: {e}"))?;
                    let id = match v.get("id") {
                        Some(id) if !id.is_null() => id.clone(),
                        _ => json!(row.to_string()),
                    };
                    let text = v
                        .get("text")
                        .and_then(Value::as_str)
                        .ok_or_else(|| format!("{name}:{line}: no \"text\" string"))?;
                    out.push((id, text.to_string()));
                    *row += 1;
                }
            }
            Docs::Files { root, files, next } => {
                while out.len() < n && *next < files.len() {
                    let p = &files[*next];
                    *next += 1;
                    let raw = utf8(
                        std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?,
                        &p.display().to_string(),
                    )?;
                    let html = p.extension().is_some_and(|e| {
                        e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")
                    });
                    let text = if html { html_to_text(&raw) } else { raw };
                    let id = p.strip_prefix(&*root).unwrap_or(p).display().to_string();
                    out.push((json!(id), text));
                }
            }
        }
        Ok(out)
    }
}

/// The .txt, .html and .htm files under `dir`, recursively.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Res<()> {
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let p = e?.path();
        if p.is_dir() {
            collect_files(&p, out)?;
        } else if p.extension().is_some_and(|x| {
            let x = x.to_ascii_lowercase();
            x == "txt" || x == "html" || x == "htm"
        }) {
            out.push(p);
        }
    }
    Ok(())
}

/// The output file, plain or gzip.
enum Output {
    Plain(BufWriter<File>),
    Gz(GzEncoder<BufWriter<File>>),
}

impl Output {
    /// Create (or, when `append`, continue) the output file.
    fn open(path: &Path, append: bool) -> Res<Output> {
        let f = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let w = BufWriter::new(f);
        // appending to a gzip file adds a gzip member; readers of multi-member gzip read on
        Ok(if is_gz(path) {
            Output::Gz(GzEncoder::new(w, Compression::default()))
        } else {
            Output::Plain(w)
        })
    }

    fn finish(self) -> Res<()> {
        match self {
            Output::Plain(mut w) => w.flush()?,
            Output::Gz(g) => g.finish()?.flush()?,
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Plain(w) => w.write(buf),
            Output::Gz(g) => g.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Plain(w) => w.flush(),
            Output::Gz(g) => {
                g.flush()?;
                g.get_mut().flush()
            }
        }
    }
}

/// Read an interrupted run's output, keep its complete rows (rewriting the file without a row
/// cut off at the end), and return their ids (as JSON text, so that 7 and "7" differ).
fn keep_complete_rows(path: &Path) -> Res<HashSet<String>> {
    let f = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    // a gzip stream cut off mid-member ends in an error: keep what was decoded before it
    let _ = if is_gz(path) {
        MultiGzDecoder::new(f).read_to_end(&mut bytes)
    } else {
        BufReader::new(f).read_to_end(&mut bytes)
    };
    let mut ids = HashSet::new();
    let mut keep = 0;
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        if !line.ends_with(b"\n") {
            break; // the last row was cut off
        }
        let Ok(v) = serde_json::from_slice::<Value>(line) else {
            break;
        };
        let Some(id) = v.get("id") else {
            break;
        };
        ids.insert(id.to_string());
        keep += line.len();
    }
    let mut w = Output::open(path, false)?;
    w.write_all(&bytes[..keep])?;
    w.finish()?;
    Ok(ids)
}
