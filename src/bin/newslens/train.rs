//! `newslens train`: the shared data read into what each trainer takes (CoNLL-2003 for the entity
//! tagger, PolNeAR train for the quotation classifier, the speaker ranker and the reported-speech
//! tagger, with the earlier stages' shipped models giving their inputs as at run time), and the
//! model written under models/. The training itself is in the library (`*::trainer`).

use crate::{Res, read_jsonl, text_of};
use newslens::Label;
use newslens::text::{OffsetMap, Span, Unit};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Instant;

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

fn conll_docs(path: &Path) -> Res<Vec<newslens::entities::trainer::Doc>> {
    Ok(conll_rows(&read_jsonl(path)?))
}

fn conll_rows(rows: &[Value]) -> Vec<newslens::entities::trainer::Doc> {
    rows.iter()
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
        .collect()
}

/// CoNLL-2003 train without, with `hold_out` = Some(k), every tenth document (index % 10 == k),
/// whose ids go to OUT/held-out-ids.txt: the entity tagger's cross-validation
/// (`scripts/cv_ner.sh`) scores each tenth with a model that never saw it.
fn conll_train(
    data: &Path,
    hold_out: Option<usize>,
    out: &Path,
) -> Res<Vec<newslens::entities::trainer::Doc>> {
    let rows = read_jsonl(&data.join("conll2003-train.jsonl"))?;
    let Some(fold) = hold_out else {
        return Ok(conll_rows(&rows));
    };
    let held: Vec<&str> = rows
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 10 == fold)
        .map(|(_, r)| r["id"].as_str().unwrap_or(""))
        .collect();
    std::fs::write(out.join("held-out-ids.txt"), held.join("\n") + "\n")?;
    eprintln!(
        "holding out {} documents (every tenth, index % 10 == {fold})",
        held.len()
    );
    let kept: Vec<Value> = rows
        .into_iter()
        .enumerate()
        .filter(|(k, _)| k % 10 != fold)
        .map(|(_, r)| r)
        .collect();
    Ok(conll_rows(&kept))
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
pub struct Options {
    pub epochs: Option<usize>,
    pub seed: Option<u64>,
    pub check: Option<PathBuf>,
    /// The tenth held out, if any.
    pub hold_out: Option<usize>,
    pub member: Option<u64>,
    /// For `ner`: the ensemble's size (default `trainer::Config::members`).
    pub members: Option<usize>,
}

/// Train the model `what` (clusters, ner, quotes, speakers or reported) from the files under
/// `data` and write it under `out`.
pub fn run(what: &str, data: &Path, out: &Path, opts: Options) -> Res<()> {
    let Options {
        epochs,
        seed,
        check,
        hold_out,
        member,
        members,
    } = opts;
    if member.is_some() && what != "reported" {
        return Err("--member is for `train reported` only".into());
    }
    if members.is_some() && what != "ner" {
        return Err("--members is for `train ner` only".into());
    }
    if hold_out.is_some() && !matches!(what, "ner" | "speakers" | "reported") {
        return Err("--hold-out is for `train ner`, `speakers` and `reported`".into());
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
            let body = newslens::entities::clusters::file(&out_rows);
            std::fs::write(out.join("clusters.tsv"), body)?;
            eprintln!(
                "{} words clustered -> {}",
                out_rows.len(),
                out.join("clusters.tsv").display()
            );
        }
        "ner" => {
            let train = conll_train(data, hold_out, out)?;
            let dev = conll_docs(&check.unwrap_or_else(|| data.join("conll2003-dev.jsonl")))?;
            // the tagger's features read both lists: without them it would train on other
            // features than it ships with, so a missing file is an error, not an empty list
            let list = |name: &str| {
                let p = out.join(name);
                std::fs::read_to_string(&p).map_err(|e| {
                    format!(
                        "{}: {e}; the entity tagger trains with it (scripts/build_gazetteers.py \
                         writes gazetteer.tsv, `newslens train clusters` clusters.tsv)",
                        p.display()
                    )
                })
            };
            let gaz = newslens::knowledge::Gazetteers::parse(
                &list("gazetteer.tsv")?,
                &list("clusters.tsv")?,
            )
            .map_err(|e| e.to_string())?;
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
            if let Some(m) = members {
                cfg.members = m;
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
                &newslens::cues::Cues::parse(&std::fs::read_to_string(out.join("cues.tsv"))?)?,
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
            let cues =
                newslens::cues::Cues::parse(&std::fs::read_to_string(out.join("cues.tsv"))?)?;
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
            let cues =
                newslens::cues::Cues::parse(&std::fs::read_to_string(out.join("cues.tsv"))?)?;
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
