//! Training the entity tagger: an averaged structured perceptron (Collins 2002) with exact
//! Viterbi decoding during training, on documents with gold entity spans. Deterministic: the same
//! data and `Config` give the same model bytes.

use super::features::{sentence_features, token_infos};
use super::gazetteer::Gazetteers;
use super::model::{IdMap, NT, Row, Scorer, Tag, emissions, spans_of, tags_of, viterbi};
use super::serialization;
use crate::analysis::Label;
use crate::linear::shuffle;
use crate::text::Span;
use crate::text::tokens::analyze_text;

/// A training document: text and gold entities as byte spans.
pub struct Doc {
    pub text: String,
    pub entities: Vec<(Span, Label)>,
}

pub struct Config {
    pub epochs: usize,
    /// Weights are stored as i16 times one scale; the scale maps this quantile of |w| to 127.
    pub scale_quantile: f64,
    /// Quantised weights with |q| below this are dropped (model size vs accuracy).
    pub min_weight: u16,
    pub seed: u64,
    /// Also train on a copy of each document whose ALL CAPS lines (CoNLL headlines) are rewritten
    /// in Title Case, as web headlines are; labels are unchanged.
    pub title_case_copies: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            epochs: 12,
            scale_quantile: 1.0,
            min_weight: 1,
            seed: 7,
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

fn examples(docs: &[Doc], gaz: &Gazetteers) -> Vec<Example> {
    let mut out = Vec::new();
    for d in docs {
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
        let all = tags_of(tok.tokens.len(), &spans);
        for s in &tok.sentences {
            let mut feats = Vec::new();
            sentence_features(&infos, &stats, *s, &mut feats);
            let gold = all[s.start..s.end].to_vec();
            out.push(Example { feats, gold });
        }
    }
    out
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

/// Micro F1 (in %) of predicted vs gold entity token spans over examples.
fn f1(model: &impl Scorer, exs: &[Example]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for ex in exs {
        let pred = spans_of(&viterbi(model, &emissions(model, &ex.feats)));
        let gold = spans_of(&ex.gold);
        tp += pred.iter().filter(|p| gold.contains(p)).count();
        np += pred.len();
        ng += gold.len();
    }
    if tp == 0 {
        0.0
    } else {
        200.0 * tp as f64 / (np + ng) as f64
    }
}

pub struct Trained {
    pub bytes: Vec<u8>,
    /// (epoch, dev F1 of the averaged float model) per epoch; dev token-span F1, not score.py's.
    pub log: Vec<(usize, f64)>,
    pub best_epoch: usize,
}

/// Train on `train`, choose the epoch by `dev` F1 (the last epoch when `dev` is empty).
pub fn train(
    train: &[Doc],
    dev: &[Doc],
    gaz: &Gazetteers,
    cfg: &Config,
    mut progress: impl FnMut(&str),
) -> Trained {
    let copies: Vec<Doc> = if cfg.title_case_copies {
        train.iter().filter_map(title_case_copy).collect()
    } else {
        Vec::new()
    };
    let mut exs = examples(train, gaz);
    exs.extend(examples(&copies, gaz));
    let dev_exs = examples(dev, gaz);
    let mut w = Weights::default();
    let mut best: Option<(f64, usize, Weights)> = None;
    let mut log = Vec::new();
    let mut rng = cfg.seed.max(1);
    for epoch in 1..=cfg.epochs {
        shuffle(&mut exs, &mut rng);
        let mut errors = 0;
        for ex in &exs {
            w.c += 1.0;
            let pred = viterbi(&w, &emissions(&w, &ex.feats));
            if pred != ex.gold {
                errors += 1;
                w.update(ex, &pred);
            }
        }
        let avg = w.averaged();
        let score = if dev_exs.is_empty() {
            f1(&avg, &exs)
        } else {
            f1(&avg, &dev_exs)
        };
        progress(&format!(
            "epoch {epoch}: {errors} sentences wrong, dev F1 {score:.2}, {} features",
            w.w.len()
        ));
        log.push((epoch, score));
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, epoch, avg));
        }
    }
    let (_, best_epoch, avg) = best.unwrap_or((0.0, 0, Weights::default()));
    Trained {
        bytes: quantise(&avg, cfg),
        log,
        best_epoch,
    }
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
    let scale = (q / 32767.0).max(1e-9);
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

    fn train_and_check(docs: &[Doc], gaz: &Gazetteers) -> Trained {
        let cfg = Config {
            epochs: 30,
            ..Config::default()
        };
        let t = train(docs, &[], gaz, &cfg, |_| {});
        assert!(
            t.log.last().unwrap().1 > 90.0,
            "training set not fitted: {:?}",
            t.log
        );
        let again = train(docs, &[], gaz, &cfg, |_| {});
        assert_eq!(t.bytes, again.bytes, "training is not deterministic");
        t
    }
}
