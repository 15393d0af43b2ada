//! Training the entity tagger: an averaged structured perceptron (Collins 2002) with exact
//! Viterbi decoding during training, on documents with gold entity spans. `train_held_out` trains
//! the shipped model, one model for both passes (`history`), with every choice made on a held-out
//! tenth of the training documents; `train` is the plain one-pass run (tests, small models).
//! Deterministic: the same data and `Config` give the same model bytes.

use super::features::{DocStats, TokenInfo, sentence_features, token_infos};
use super::history::{History, decode, features_with_history};
use super::model::{NT, Row, Scorer, Tag, emissions, spans_of, tags_of, viterbi};
use super::serialization;
use crate::analysis::Label;
use crate::hash::IdMap;
use crate::knowledge::Gazetteers;
use crate::linear::shuffle;
use crate::text::tokens::analyze_text;
use crate::text::{Span, TokenRange};

/// A training document: text and gold entities as byte spans.
pub struct Doc {
    pub text: String,
    pub entities: Vec<(Span, Label)>,
}

#[derive(Clone, Copy)]
pub struct Config {
    pub epochs: usize,
    /// Weights are stored as i16 times one scale; the scale maps this quantile of |w| to 127.
    pub scale_quantile: f64,
    /// Quantised weights with |q| below this are dropped (model size vs accuracy).
    pub min_weight: u16,
    /// The largest weight is stored as this integer (at most 32767). 1023 scored as 32767 did
    /// on CoNLL dev (91.59 both, one run) and the file gzips 107 KB smaller.
    pub levels: f32,
    pub seed: u64,
    /// The final model averages this many runs, each with its own shuffle (seeds `seed`,
    /// `seed + 1000`, ...). Measured: see the model card (entity tagger, "Ensemble").
    pub members: usize,
    /// Also train on a copy of each document whose ALL CAPS lines (CoNLL headlines) are rewritten
    /// in Title Case, as web headlines are; labels are unchanged.
    pub title_case_copies: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 12,
            scale_quantile: 1.0,
            min_weight: 16,
            levels: 1023.0,
            seed: 7,
            members: 8,
            title_case_copies: true,
        }
    }
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "by", "of", "in", "as",
    "vs", "up",
];

/// The document with its ALL CAPS lines in Title Case ("LEICESTERSHIRE TAKE OVER AT TOP" ->
/// "Leicestershire Take Over at Top"), or None when it has no such line. Only ASCII words change,
/// so byte offsets stay valid.
pub fn title_case_copy(d: &Doc) -> Option<Doc> {
    let mut out = String::with_capacity(d.text.len());
    let mut changed = false;
    for line in d.text.split_inclusive('\n') {
        let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
        let caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
        if !caps {
            out.push_str(line);
            continue;
        }
        changed = true;
        for (k, word) in line.split_inclusive(' ').enumerate() {
            let bare = word.trim_end();
            if !bare.is_ascii() || bare.len() <= 1 || bare.contains('.') {
                out.push_str(word);
                continue;
            }
            let lower = bare.to_ascii_lowercase();
            if k > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                out.push_str(&lower);
            } else {
                out.push_str(&bare[..1]);
                out.push_str(&lower[1..]);
            }
            out.push_str(&word[bare.len()..]);
        }
    }
    changed.then(|| Doc {
        text: out,
        entities: d.entities.clone(),
    })
}

/// One sentence ready for training: features per token and gold tags.
struct Example {
    feats: Vec<Vec<u32>>,
    gold: Vec<Tag>,
}

/// A document as the tagger sees it: token infos, document statistics, sentences and gold tags.
struct Prepared {
    infos: Vec<TokenInfo>,
    stats: DocStats,
    sentences: Vec<TokenRange>,
    gold: Vec<Tag>,
    /// Documents with the same key (a document and its Title Case copy) share a fold.
    key: usize,
    /// First-pass tags from the cross-validation model that did not train on this document.
    first: Vec<Tag>,
}

fn prepare(docs: &[Doc], gaz: &Gazetteers, keys: impl Iterator<Item = usize>) -> Vec<Prepared> {
    docs.iter()
        .zip(keys)
        .map(|(d, key)| {
            let tok = analyze_text(&d.text);
            let (infos, stats) = token_infos(&d.text, &tok, gaz);
            // token ranges of gold entities: tokens whose span lies inside the entity
            let mut spans = Vec::new();
            for &(span, label) in &d.entities {
                let s = tok.tokens.partition_point(|t| t.span.end <= span.start);
                let mut e = s;
                while e < tok.tokens.len() && tok.tokens[e].span.start < span.end {
                    e += 1;
                }
                if e > s {
                    spans.push((s, e, label));
                }
            }
            Prepared {
                gold: tags_of(tok.tokens.len(), &spans),
                infos,
                stats,
                sentences: tok.sentences,
                key,
                first: Vec::new(),
            }
        })
        .collect()
}

/// One example per sentence, first-pass features only.
fn first_pass_examples(docs: &[&Prepared]) -> Vec<Example> {
    let mut out = Vec::new();
    for d in docs {
        for s in &d.sentences {
            let mut feats = Vec::new();
            sentence_features(&d.infos, &d.stats, *s, &mut feats);
            out.push(Example {
                feats,
                gold: d.gold[s.start..s.end].to_vec(),
            });
        }
    }
    out
}

/// Two examples per sentence: first-pass features only, and with the history features of the
/// document's first-pass tags (`Prepared::first`, from a model that did not train on it).
fn both_pass_examples(docs: &[&Prepared]) -> Vec<Example> {
    let mut out = first_pass_examples(docs);
    for d in docs {
        let h = History::new(&d.infos, &d.first, d.stats.key());
        for s in &d.sentences {
            out.push(Example {
                feats: features_with_history(&d.infos, &d.stats, *s, &h, &d.first),
                gold: d.gold[s.start..s.end].to_vec(),
            });
        }
    }
    out
}

/// First-pass tags of one document.
fn first_pass(model: &impl Scorer, d: &Prepared) -> Vec<Tag> {
    let mut tags = vec![Tag::O; d.infos.len()];
    let mut feats = Vec::new();
    for s in &d.sentences {
        sentence_features(&d.infos, &d.stats, *s, &mut feats);
        tags[s.start..s.end].copy_from_slice(&viterbi(model, &emissions(model, &feats)));
    }
    tags
}

#[derive(Default)]
struct Weights {
    w: IdMap<(Row, Row)>, // (weights, sums of c * update) for averaging
    trans: [[f32; NT]; NT],
    trans_u: [[f32; NT]; NT],
    start: Row,
    start_u: Row,
    c: f32,
}

impl Scorer for Weights {
    fn add_row(&self, f: u32, acc: &mut Row) {
        if let Some((r, _)) = self.w.get(&f) {
            for t in 0..NT {
                acc[t] += r[t];
            }
        }
    }
    fn transition(&self, p: Tag, n: Tag) -> f32 {
        self.trans[p.0 as usize][n.0 as usize]
    }
    fn start(&self, t: Tag) -> f32 {
        self.start[t.0 as usize]
    }
}

impl Weights {
    fn update(&mut self, ex: &Example, pred: &[Tag]) {
        let c = self.c;
        for (i, (g, p)) in ex.gold.iter().zip(pred).enumerate() {
            if g != p {
                for f in &ex.feats[i] {
                    let (w, u) = self.w.entry(*f).or_insert(([0.0; NT], [0.0; NT]));
                    w[g.0 as usize] += 1.0;
                    u[g.0 as usize] += c;
                    w[p.0 as usize] -= 1.0;
                    u[p.0 as usize] -= c;
                }
            }
            let (gp, pp) = if i == 0 {
                (None, None)
            } else {
                (Some(ex.gold[i - 1]), Some(pred[i - 1]))
            };
            if (gp, *g) != (pp, *p) {
                for (prev, cur, d) in [(gp, *g, 1.0), (pp, *p, -1.0)] {
                    match prev {
                        None => {
                            self.start[cur.0 as usize] += d;
                            self.start_u[cur.0 as usize] += d * c;
                        }
                        Some(pv) => {
                            self.trans[pv.0 as usize][cur.0 as usize] += d;
                            self.trans_u[pv.0 as usize][cur.0 as usize] += d * c;
                        }
                    }
                }
            }
        }
    }

    /// Adds `o`'s weights, transitions and start scores to these (for `ensemble`).
    fn add(&mut self, o: &Weights) {
        for (k, (r, _)) in &o.w {
            let (w, _) = self.w.entry(*k).or_insert(([0.0; NT], [0.0; NT]));
            for t in 0..NT {
                w[t] += r[t];
            }
        }
        for p in 0..NT {
            for t in 0..NT {
                self.trans[p][t] += o.trans[p][t];
            }
            self.start[p] += o.start[p];
        }
    }
    /// Multiplies every weight, transition and start score by `f`.
    fn scale(&mut self, f: f32) {
        for (w, _) in self.w.values_mut() {
            for v in w.iter_mut() {
                *v *= f;
            }
        }
        for p in 0..NT {
            for t in 0..NT {
                self.trans[p][t] *= f;
            }
            self.start[p] *= f;
        }
    }

    /// The averaged weights, w - u / c.
    fn averaged(&self) -> Weights {
        let c = self.c.max(1.0);
        let avg = |w: &Row, u: &Row| -> Row {
            let mut r = [0.0; NT];
            for t in 0..NT {
                r[t] = w[t] - u[t] / c;
            }
            r
        };
        let mut out = Weights {
            c: self.c,
            ..Default::default()
        };
        for (k, (w, u)) in &self.w {
            out.w.insert(*k, (avg(w, u), [0.0; NT]));
        }
        for p in 0..NT {
            out.trans[p] = avg(&self.trans[p], &self.trans_u[p]);
        }
        out.start = avg(&self.start, &self.start_u);
        out
    }
}

/// Micro F1 (in %) of predicted vs gold entity token spans, sentence by sentence; `two_pass`
/// decodes as the pipeline does (`history::decode`), else the first pass only.
fn f1(model: &impl Scorer, docs: &[&Prepared], two_pass: bool) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for d in docs {
        let tags = if two_pass {
            decode(model, &d.infos, &d.stats, &d.sentences, &mut |_| {})
        } else {
            first_pass(model, d)
        };
        for s in &d.sentences {
            let pred = spans_of(&tags[s.start..s.end]);
            let gold = spans_of(&d.gold[s.start..s.end]);
            tp += pred.iter().filter(|p| gold.contains(p)).count();
            np += pred.len();
            ng += gold.len();
        }
    }
    if tp == 0 {
        0.0
    } else {
        200.0 * tp as f64 / (np + ng) as f64
    }
}

pub struct Trained {
    pub bytes: Vec<u8>,
    /// F1 of the (float) model on its own training examples: did it fit?
    pub train_f1: f64,
    pub epochs: usize,
}

/// Both passes, with every choice made on data held out from `docs`:
/// 1. the first pass's epochs on every tenth document of `docs`;
/// 2. first-pass tags for every document from a model trained on the other four fifths
///    (cross-validation, so the second pass learns from realistic first-pass mistakes);
/// 3. the model's epochs on the tenth again, decoding both passes as the pipeline does;
/// 4. the model trained on all of `docs`: each sentence once with first-pass features and once
///    with the history features added, so that one model serves both passes.
///
/// `check` (CoNLL dev) is reported, never used for a choice.
pub fn train_held_out(
    docs: &[Doc],
    check: &[Doc],
    gaz: &Gazetteers,
    cfg: &Config,
    mut progress: impl FnMut(&str),
) -> Trained {
    // each Title Case copy keeps its original's index as its key
    let (keys, copies): (Vec<usize>, Vec<Doc>) = if cfg.title_case_copies {
        docs.iter()
            .enumerate()
            .filter_map(|(i, d)| Some((i, title_case_copy(d)?)))
            .unzip()
    } else {
        Default::default()
    };
    let mut all = prepare(docs, gaz, 0..docs.len());
    all.extend(prepare(&copies, gaz, keys.into_iter()));
    let check = prepare(check, gaz, 0..check.len());
    let check: Vec<&Prepared> = check.iter().collect();
    let held = |d: &Prepared| d.key % 10 == 9;
    // the held-out tenth: its documents and their copies leave training; scored on the originals
    let fit: Vec<&Prepared> = all.iter().filter(|d| !held(d)).collect();
    let tune: Vec<&Prepared> = all[..docs.len()].iter().filter(|d| held(d)).collect();
    progress(&format!(
        "first pass: choosing the epochs ({} documents to train, {} held out)",
        fit.len(),
        tune.len()
    ));
    let first_epochs = choose_epochs(
        first_pass_examples(&fit),
        &tune,
        false,
        1,
        cfg,
        &mut progress,
    );
    progress(&format!(
        "first pass: {first_epochs} epochs; tags of every document by {FOLDS}-fold cross-validation"
    ));
    for fold in 0..FOLDS {
        let others: Vec<&Prepared> = all.iter().filter(|d| d.key % FOLDS != fold).collect();
        let w = run(
            &mut first_pass_examples(&others),
            first_epochs,
            cfg.seed,
            |_, _, _| {},
        );
        for d in all.iter_mut().filter(|d| d.key % FOLDS == fold) {
            d.first = first_pass(&w, d);
        }
    }
    let fit: Vec<&Prepared> = all.iter().filter(|d| !held(d)).collect();
    let tune: Vec<&Prepared> = all[..docs.len()].iter().filter(|d| held(d)).collect();
    progress("both passes: choosing the epochs");
    let epochs = choose_epochs(
        both_pass_examples(&fit),
        &tune,
        true,
        cfg.members,
        cfg,
        &mut progress,
    );
    progress(&format!(
        "training on all {} documents for {epochs} epochs",
        docs.len()
    ));
    let every: Vec<&Prepared> = all.iter().collect();
    let mut exs = both_pass_examples(&every);
    let w = ensemble(&mut exs, epochs, cfg, |member, epoch, w, errors| {
        let mut line = format!("member {member}, epoch {epoch}: {errors} sentences wrong");
        if !check.is_empty() && member == 1 {
            line += &format!(
                ", check F1 first pass {:.2}, both {:.2}",
                f1(w, &check, false),
                f1(w, &check, true)
            );
        }
        progress(&line);
    });
    if !check.is_empty() {
        progress(&format!(
            "ensemble of {}: {} rows, check F1 both passes {:.2}",
            cfg.members,
            w.w.len(),
            f1(&w, &check, true)
        ));
    }
    finish(&w, &every, &check, epochs, cfg, &mut progress)
}

/// `cfg.members` averaged-perceptron runs on `exs`, each shuffled by its own seed, with their
/// weights averaged: a linear model's ensemble is one linear model, so the stored model does not
/// grow beyond the union of the members' features (and small weights are dropped at storage).
/// `after_epoch(member, epoch, weights, errors)` as for `run`, members counted from 1.
fn ensemble(
    exs: &mut [Example],
    epochs: usize,
    cfg: &Config,
    mut after_epoch: impl FnMut(usize, usize, &Weights, usize),
) -> Weights {
    let mut sum = Weights::default();
    for member in 0..cfg.members.max(1) {
        let w = run(exs, epochs, member_seed(cfg, member), |e, w, n| {
            after_epoch(member + 1, e, w, n)
        });
        sum.add(&w);
    }
    sum.scale(1.0 / cfg.members.max(1) as f32);
    sum
}

/// The shuffle seed of an ensemble's member (from 0).
fn member_seed(cfg: &Config, member: usize) -> u64 {
    cfg.seed + 1000 * member as u64
}

/// Folds of the cross-validation that gives the second pass its training input.
const FOLDS: usize = 5;

/// Train `members` runs on `exs` for `cfg.epochs` epochs each (as `ensemble` does) and return
/// the epoch count (from 1) whose ensemble scores the best F1 on `tune` (the earlier one on a
/// tie), decoding one pass or both. The ensemble at epoch `e` averages the members' weights
/// after `e` epochs; it is scored as a sum (the argmax does not change with a positive scale).
fn choose_epochs(
    mut exs: Vec<Example>,
    tune: &[&Prepared],
    two_pass: bool,
    members: usize,
    cfg: &Config,
    progress: &mut impl FnMut(&str),
) -> usize {
    let passes = if two_pass {
        "both passes"
    } else {
        "first pass"
    };
    let mut sums: Vec<Weights> = (0..cfg.epochs).map(|_| Weights::default()).collect();
    for member in 0..members.max(1) {
        run(
            &mut exs,
            cfg.epochs,
            member_seed(cfg, member),
            |epoch, w, errors| {
                sums[epoch - 1].add(w);
                if member == 0 {
                    progress(&format!(
                        "epoch {epoch}: {errors} sentences wrong, tune F1 ({passes}) {:.2}",
                        f1(w, tune, two_pass)
                    ));
                }
            },
        );
    }
    let curve: Vec<f64> = sums.iter().map(|w| f1(w, tune, two_pass)).collect();
    if members > 1 {
        let line: Vec<String> = curve.iter().map(|f| format!("{f:.2}")).collect();
        progress(&format!(
            "ensemble of {members}, tune F1 ({passes}) by epoch: {}",
            line.join(" ")
        ));
    }
    (1..=curve.len())
        .max_by(|a, b| curve[a - 1].total_cmp(&curve[b - 1]).then(b.cmp(a)))
        .unwrap_or(1)
}

/// `cfg.epochs` epochs on `docs` (first-pass examples only, no second pass: for tests and
/// small models), the averaged weights of the last epoch quantised. Deterministic: the same
/// data and `Config` give the same bytes.
pub fn train(docs: &[Doc], gaz: &Gazetteers, cfg: &Config) -> Trained {
    let prepared = prepare(docs, gaz, 0..docs.len());
    let refs: Vec<&Prepared> = prepared.iter().collect();
    let mut exs = first_pass_examples(&refs);
    let w = run(&mut exs, cfg.epochs, cfg.seed, |_, _, _| {});
    finish(&w, &refs, &[], cfg.epochs, cfg, &mut |_| {})
}

/// Quantise and report.
fn finish(
    w: &Weights,
    train: &[&Prepared],
    check: &[&Prepared],
    epochs: usize,
    cfg: &Config,
    progress: &mut impl FnMut(&str),
) -> Trained {
    let bytes = quantise(w, cfg);
    if let Ok(stored) = serialization::read(&bytes)
        && !check.is_empty()
    {
        progress(&format!(
            "stored model (quantised): check F1 {:.2} (both passes), {} bytes",
            f1(&stored, check, true),
            bytes.len()
        ));
    }
    Trained {
        bytes,
        train_f1: f1(w, train, false),
        epochs,
    }
}

/// One averaged-perceptron run: `epochs` passes over `exs` in an order shuffled by `seed`, with
/// `after_epoch(epoch, averaged weights, sentences wrong)` after each. Returns the averaged
/// weights of the last epoch.
fn run(
    exs: &mut [Example],
    epochs: usize,
    seed: u64,
    mut after_epoch: impl FnMut(usize, &Weights, usize),
) -> Weights {
    let mut w = Weights::default();
    let mut rng = seed.max(1);
    let mut avg = Weights::default();
    for epoch in 1..=epochs {
        shuffle(exs, &mut rng);
        let mut errors = 0;
        for ex in exs.iter() {
            w.c += 1.0;
            let pred = viterbi(&w, &emissions(&w, &ex.feats));
            if pred != ex.gold {
                errors += 1;
                w.update(ex, &pred);
            }
        }
        avg = w.averaged();
        after_epoch(epoch, &avg, errors);
    }
    avg
}

fn quantise(w: &Weights, cfg: &Config) -> Vec<u8> {
    let mut mags: Vec<f32> =
        w.w.values()
            .flat_map(|(r, _)| r.iter().map(|v| v.abs()))
            .filter(|v| *v > 0.0)
            .collect();
    mags.sort_by(f32::total_cmp);
    let q = mags
        .get(((mags.len() as f64) * cfg.scale_quantile) as usize)
        .or(mags.last())
        .copied()
        .unwrap_or(1.0);
    let scale = (q / cfg.levels).max(1e-9);
    let rows: Vec<(u32, [i16; NT])> =
        w.w.iter()
            .map(|(k, (r, _))| {
                let mut q = [0i16; NT];
                for t in 0..NT {
                    let v = (r[t] / scale).round().clamp(-32767.0, 32767.0) as i16;
                    q[t] = if v.unsigned_abs() >= cfg.min_weight {
                        v
                    } else {
                        0
                    };
                }
                (*k, q)
            })
            .collect();
    serialization::write(&rows, scale, &w.trans, &w.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{EntityModel, find};

    fn doc(text: &str, ents: &[(&str, Label)]) -> Doc {
        let entities = ents
            .iter()
            .map(|(s, l)| {
                let b = text.find(s).unwrap();
                (Span::new(b, b + s.len()), *l)
            })
            .collect();
        Doc {
            text: text.to_string(),
            entities,
        }
    }

    #[test]
    fn perceptron_fits_a_tiny_training_set() {
        let train = vec![
            doc(
                "Alice Smith visited Paris .",
                &[("Alice Smith", Label::Per), ("Paris", Label::Loc)],
            ),
            doc(
                "Bob Jones works for Acme Corp in Berlin .",
                &[
                    ("Bob Jones", Label::Per),
                    ("Acme Corp", Label::Org),
                    ("Berlin", Label::Loc),
                ],
            ),
            doc(
                "Acme Corp hired Alice Smith .",
                &[("Acme Corp", Label::Org), ("Alice Smith", Label::Per)],
            ),
            doc(
                "Carol White visited Madrid .",
                &[("Carol White", Label::Per), ("Madrid", Label::Loc)],
            ),
        ];
        let gaz = Gazetteers::default();
        let t = train_and_check(&train, &gaz);
        let model = EntityModel::from_parts(&t.bytes, gaz).unwrap();
        let text = "Bob Jones visited Berlin .";
        let tok = crate::text::tokens::analyze_text(text);
        let got: Vec<(&str, Label)> = find(text, &tok, &model)
            .iter()
            .map(|e| (e.span.text(text), e.label))
            .collect();
        assert_eq!(got, vec![("Bob Jones", Label::Per), ("Berlin", Label::Loc)]);
    }

    #[test]
    fn title_case_copy_rewrites_only_all_caps_lines() {
        let d = doc(
            "LEICESTERSHIRE TAKE OVER AT TOP .\nPhil Simmons took four .",
            &[("LEICESTERSHIRE", Label::Org)],
        );
        let c = title_case_copy(&d).unwrap();
        assert_eq!(
            c.text,
            "Leicestershire Take Over at Top .\nPhil Simmons took four ."
        );
        assert_eq!(c.entities[0].0.text(&c.text), "Leicestershire");
        assert!(title_case_copy(&doc("No caps here .", &[])).is_none());
    }

    #[test]
    fn both_passes_train_from_held_out_choices_and_cross_validation() {
        // twenty small documents, each naming a person twice and a place once
        let people = [
            "Alice Smith",
            "Bob Jones",
            "Carol White",
            "Dan Brown",
            "Eve Green",
        ];
        let places = ["Paris", "Berlin", "Madrid", "Rome"];
        let docs: Vec<Doc> = (0..20)
            .map(|i| {
                let (p, l) = (people[i % 5], places[i % 4]);
                let surname = p.split(' ').nth(1).unwrap();
                let text = format!("{p} visited {l} .\nLater {surname} spoke .");
                let s = text.rfind(surname).unwrap();
                let mut d = doc(&text, &[(p, Label::Per), (l, Label::Loc)]);
                d.entities
                    .push((Span::new(s, s + surname.len()), Label::Per));
                d
            })
            .collect();
        let gaz = Gazetteers::default();
        let cfg = Config {
            epochs: 4,
            ..Config::default()
        };
        let mut log = Vec::new();
        let t = train_held_out(&docs, &docs[..2], &gaz, &cfg, |s| log.push(s.to_string()));
        assert!(
            t.train_f1 > 90.0,
            "not fitted: {}\n{}",
            t.train_f1,
            log.join("\n")
        );
        assert!((1..=4).contains(&t.epochs));
        assert!(
            log.iter()
                .any(|l| l.contains("18 documents to train, 2 held out"))
        );
        let again = train_held_out(&docs, &[], &gaz, &cfg, |_| {});
        assert_eq!(t.bytes, again.bytes, "training is not deterministic");
    }

    #[test]
    fn an_ensemble_is_the_mean_of_its_members() {
        let docs = vec![
            doc(
                "Alice Smith visited Paris .",
                &[("Alice Smith", Label::Per), ("Paris", Label::Loc)],
            ),
            doc(
                "Acme Corp hired Bob Jones .",
                &[("Acme Corp", Label::Org), ("Bob Jones", Label::Per)],
            ),
            doc(
                "Carol White left Rome .",
                &[("Carol White", Label::Per), ("Rome", Label::Loc)],
            ),
        ];
        let prepared = prepare(&docs, &Gazetteers::default(), 0..docs.len());
        let refs: Vec<&Prepared> = prepared.iter().collect();
        let mut exs = first_pass_examples(&refs);
        let cfg = Config {
            members: 3,
            ..Config::default()
        };
        let members: Vec<Weights> = (0..3)
            .map(|m| run(&mut exs, 3, member_seed(&cfg, m), |_, _, _| {}))
            .collect();
        let mean = ensemble(&mut exs, 3, &cfg, |_, _, _, _| {});
        // the shuffles differ, so the members differ, and the mean is none of them
        assert!(!members[0].w.is_empty());
        let differs = |a: &Weights, b: &Weights| {
            a.w.iter()
                .any(|(k, (r, _))| b.w.get(k).map(|x| x.0) != Some(*r))
        };
        assert!(differs(&members[0], &members[1]) || differs(&members[1], &members[2]));
        for (k, (r, _)) in &mean.w {
            for t in 0..NT {
                let want: f32 = members
                    .iter()
                    .map(|m| m.w.get(k).map_or(0.0, |x| x.0[t]))
                    .sum::<f32>()
                    / 3.0;
                assert!(
                    (r[t] - want).abs() < 1e-4,
                    "feature {k} tag {t}: {} vs {want}",
                    r[t]
                );
            }
        }
        let keys = |w: &Weights| {
            w.w.keys()
                .copied()
                .collect::<std::collections::BTreeSet<u32>>()
        };
        let union: std::collections::BTreeSet<u32> = members.iter().flat_map(keys).collect();
        assert_eq!(keys(&mean), union);
        assert!(
            (mean.trans[1][2] - members.iter().map(|m| m.trans[1][2]).sum::<f32>() / 3.0).abs()
                < 1e-4
        );
    }

    fn train_and_check(docs: &[Doc], gaz: &Gazetteers) -> Trained {
        let cfg = Config {
            epochs: 30,
            ..Config::default()
        };
        let t = train(docs, gaz, &cfg);
        assert!(t.train_f1 > 90.0, "training set not fitted: {}", t.train_f1);
        let again = train(docs, gaz, &cfg);
        assert_eq!(t.bytes, again.bytes, "training is not deterministic");
        t
    }
}
