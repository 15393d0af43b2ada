//! Training the reported-speech tagger on PolNeAR attributions: gold tags come from each
//! relation's cue, source and content spans (a token takes the first role that claims it, in the
//! order cue, source, content); the windows and features are those of analysis time (entities
//! from our tagger, quotations from our quote stage). Averaged structured perceptron (Collins
//! 2002); deterministic.

use super::features::View;
use super::tagger::{Model, NT, Role, Row, Tag};
use super::{cue_windows, tag_windows};
use crate::analysis::Entity;
use crate::cues::Cues;
use crate::entities::model::IdMap;
use crate::linear::shuffle;
use crate::text::{Span, Tokenized};

/// One relation: source, cue and content spans (bytes).
pub type Relation = (Vec<Span>, Vec<Span>, Vec<Span>);

/// A training document: text, entities and quotations as found at run time, gold relations.
pub struct Doc {
    pub text: String,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Span>,
    pub relations: Vec<Relation>,
}

/// Gold tags of every token.
pub fn gold_tags(tok: &Tokenized, relations: &[Relation]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; tok.tokens.len()];
    for role in Role::ALL {
        for (src, cue, content) in relations {
            let pieces = match role {
                Role::Cue => cue,
                Role::Source => src,
                Role::Content => content,
            };
            for p in pieces {
                let lo = tok.tokens.partition_point(|t| t.span.end <= p.start);
                let mut first = true;
                for i in lo..tok.tokens.len() {
                    if tok.tokens[i].span.start >= p.end {
                        break;
                    }
                    if tags[i] != Tag::O {
                        first = true; // a run of this piece restarts after another role's token
                        continue;
                    }
                    tags[i] = if first {
                        Tag::begin(role)
                    } else {
                        Tag::inside(role)
                    };
                    first = false;
                }
            }
        }
    }
    // a content run of two tokens or more ends with L
    for i in 0..tags.len() {
        if tags[i] == Tag::inside(Role::Content)
            && tags.get(i + 1) != Some(&Tag::inside(Role::Content))
        {
            tags[i] = Tag::LAST_CONTENT;
        }
    }
    tags
}

struct Example {
    feats: Vec<Vec<u32>>,
    gold: Vec<Tag>,
}

/// Training windows of `docs`; with `first` (the first pass's tags of each document), the
/// second pass's: features that read the first pass's cues, on the windows where it found one.
fn examples(
    docs: &[&Doc],
    cues: &Cues,
    first: Option<&[Vec<Tag>]>,
) -> (Vec<Example>, usize, usize) {
    let mut out = Vec::new();
    let (mut kept, mut lost) = (0, 0);
    for (k, d) in docs.iter().enumerate() {
        let tok = crate::text::tokens::analyze_text(&d.text);
        let mut view = View::new(&d.text, &tok, &d.entities, &d.quotes, cues);
        let gold = gold_tags(&tok, &d.relations);
        let mut windows = cue_windows(&view);
        if let Some(first) = first {
            view.anchor(&first[k]);
            windows.retain(|w| view.has_anchor(*w));
        }
        let mut covered = 0;
        for w in windows {
            covered += (w.start..w.end).filter(|&i| gold[i] != Tag::O).count();
            out.push(Example {
                feats: (w.start..w.end)
                    .map(|i| {
                        let mut f = Vec::new();
                        view.features(w, i, &mut f);
                        f
                    })
                    .collect(),
                gold: gold[w.start..w.end].to_vec(),
            });
        }
        kept += covered;
        lost += gold.iter().filter(|t| **t != Tag::O).count() - covered;
    }
    (out, kept, lost)
}

/// The first pass's tags of every document, each from a model that did not train on it
/// (`FOLDS`-fold cross-validation), so that the second pass learns from realistic cues.
fn first_pass_by_folds(docs: &[&Doc], cues: &Cues, epochs: usize) -> Vec<Vec<Tag>> {
    let mut first = vec![Vec::new(); docs.len()];
    for fold in 0..FOLDS {
        let rest: Vec<&Doc> = (0..docs.len())
            .filter(|i| i % FOLDS != fold)
            .map(|i| docs[i])
            .collect();
        let (mut exs, _, _) = examples(&rest, cues, None);
        let (m, _) = fit(&mut exs, epochs);
        for i in (0..docs.len()).filter(|i| i % FOLDS == fold) {
            let d = docs[i];
            let tok = crate::text::tokens::analyze_text(&d.text);
            let view = View::new(&d.text, &tok, &d.entities, &d.quotes, cues);
            let mut tags = vec![Tag::O; tok.tokens.len()];
            tag_windows(&view, &m, &cue_windows(&view), &mut tags);
            first[i] = tags;
        }
    }
    first
}

const FOLDS: usize = 5;

/// Weights with the sums needed for averaging.
#[derive(Default)]
struct Averager {
    model: Model,
    u: IdMap<Row>,
    ut: [Row; NT],
    c: f32,
}

impl Averager {
    fn add(&mut self, f: u32, t: Tag, d: f32) {
        self.model.rows.entry(f).or_insert([0.0; NT])[t.0 as usize] += d;
        self.u.entry(f).or_insert([0.0; NT])[t.0 as usize] += d * self.c;
    }
    fn add_trans(&mut self, p: Tag, t: Tag, d: f32) {
        self.model.trans[p.0 as usize][t.0 as usize] += d;
        self.ut[p.0 as usize][t.0 as usize] += d * self.c;
    }
    fn update(&mut self, ex: &Example, pred: &[Tag]) {
        for i in 0..ex.gold.len() {
            let (g, p) = (ex.gold[i], pred[i]);
            if g != p {
                for &f in &ex.feats[i] {
                    self.add(f, g, 1.0);
                    self.add(f, p, -1.0);
                }
            }
            if i > 0 && (g != p || ex.gold[i - 1] != pred[i - 1]) {
                self.add_trans(ex.gold[i - 1], g, 1.0);
                self.add_trans(pred[i - 1], p, -1.0);
            }
        }
    }
    fn averaged(&self) -> Model {
        let c = self.c.max(1.0);
        let mut m = Model::default();
        for (k, r) in &self.model.rows {
            let u = self.u.get(k).copied().unwrap_or([0.0; NT]);
            let mut a = [0f32; NT];
            for t in 0..NT {
                a[t] = r[t] - u[t] / c;
            }
            if a.iter().any(|v| v.abs() > 1e-3) {
                m.rows.insert(*k, a);
            }
        }
        for p in 0..NT {
            for t in 0..NT {
                m.trans[p][t] = self.model.trans[p][t] - self.ut[p][t] / c;
            }
        }
        m
    }
}

/// Train the tagger, both passes in one model (each window once without and once with the
/// first pass's cues); the log has one line per epoch.
pub fn train(docs: &[Doc], cues: &Cues, epochs: usize) -> (Model, Vec<String>) {
    let docs: Vec<&Doc> = docs.iter().collect();
    let first = first_pass_by_folds(&docs, cues, epochs);
    let (mut exs, kept, lost) = examples(&docs, cues, None);
    let (second, _, _) = examples(&docs, cues, Some(&first));
    let mut log = vec![format!(
        "{} windows to learn from, {} again with the first pass's cues (its tags by {FOLDS}-fold \
         cross-validation); {kept} tagged tokens in them, {lost} outside them (left O)",
        exs.len(),
        second.len()
    )];
    exs.extend(second);
    let (m, fit_log) = fit(&mut exs, epochs);
    log.extend(fit_log);
    (m, log)
}

/// The mean of `members()` averaged perceptrons over `exs` (shuffled in place, each member with
/// its own seed), pruned to the strongest rows. A linear model's ensemble is one linear model, so
/// the stored model is as large and as fast as one member's.
fn fit(exs: &mut [Example], epochs: usize) -> (Model, Vec<String>) {
    let members = members();
    let mut log = Vec::new();
    let mut sum = Model::default();
    for member in 0..members {
        let m = fit_one(exs, epochs, 11 + 1000 * member as u64, &mut log);
        for (k, r) in &m.rows {
            let e = sum.rows.entry(*k).or_insert([0.0; NT]);
            for t in 0..NT {
                e[t] += r[t] / members as f32;
            }
        }
        for p in 0..NT {
            for t in 0..NT {
                sum.trans[p][t] += m.trans[p][t] / members as f32;
            }
        }
    }
    let mut m = sum;
    let before = m.rows.len();
    prune(&mut m, keep_rows());
    log.push(format!(
        "kept the {} strongest of {before} feature rows",
        m.rows.len()
    ));
    (m, log)
}

/// One averaged perceptron over `exs`, shuffled by `seed`; one log line per epoch.
fn fit_one(exs: &mut [Example], epochs: usize, seed: u64, log: &mut Vec<String>) -> Model {
    let mut avg = Averager::default();
    let mut seed = seed;
    for epoch in 1..=epochs {
        shuffle(exs, &mut seed);
        let mut wrong = 0usize;
        let mut tokens = 0usize;
        for ex in exs.iter() {
            avg.c += 1.0;
            let emissions: Vec<Row> = ex.feats.iter().map(|f| avg.model.emit(f)).collect();
            let pred = avg.model.decode(&emissions);
            tokens += ex.gold.len();
            let diff = pred.iter().zip(&ex.gold).filter(|(p, g)| p != g).count();
            if diff > 0 {
                wrong += diff;
                avg.update(ex, &pred);
            }
        }
        log.push(format!("epoch {epoch}: {wrong}/{tokens} tokens wrong"));
    }
    avg.averaged()
}

/// The shipped model averages this many runs (the `MEMBERS` environment variable overrides it,
/// for `scripts/tune_reported.sh`). Held-out tenth of PolNeAR train, partial F1 / source
/// accuracy, stop 14 (cue lexicon then built with the tenth included): 1 member 68.56 / 85.69,
/// 4 members 68.97 / 85.95, 8 members 69.43 / 85.84; stop 15 (lexicon without it): 4 members
/// 70.23, 8 members 70.05, within noise (see the model card).
pub const MEMBERS: usize = 8;
fn members() -> usize {
    from_env("MEMBERS", MEMBERS)
}

/// A positive count from environment variable `name`, else `default` (the tuning script's
/// overrides; 0 would be no model at all).
fn from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// The shipped model keeps this many feature rows, those with the largest weights (L1 norm):
/// most rows are rare words that barely move a decision.
pub const KEEP_ROWS: usize = 20_000;
fn keep_rows() -> usize {
    from_env("KEEP", KEEP_ROWS)
}

/// Keep the `keep` rows with the largest L1 norm (ties broken by feature id: deterministic).
pub fn prune(m: &mut Model, keep: usize) {
    if m.rows.len() <= keep {
        return;
    }
    let mut norms: Vec<(f32, u32)> = m
        .rows
        .iter()
        .map(|(k, r)| (r.iter().map(|v| v.abs()).sum::<f32>(), *k))
        .collect();
    norms.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let cut = norms[keep - 1].0;
    let kept: std::collections::HashSet<u32> = norms[..keep].iter().map(|x| x.1).collect();
    m.rows
        .retain(|k, r| kept.contains(k) && r.iter().map(|v| v.abs()).sum::<f32>() >= cut);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    fn span(t: &str, s: &str) -> Span {
        let b = t.find(s).unwrap();
        Span::new(b, b + s.len())
    }

    fn doc(text: &str, source: &str, cue: &str, content: &str) -> Doc {
        Doc {
            text: text.to_string(),
            entities: Vec::new(),
            quotes: Vec::new(),
            relations: vec![(
                vec![span(text, source)],
                vec![span(text, cue)],
                vec![span(text, content)],
            )],
        }
    }

    /// Both passes train in one model, from first-pass tags by cross-validation; the result
    /// fits a small set and is the same on every run.
    #[test]
    fn two_pass_training_fits_and_is_deterministic() {
        let names = [
            "Lee", "Ortiz", "Kim", "Shaw", "Patel", "Novak", "Reyes", "Moss",
        ];
        let plans = [
            "the plan works",
            "taxes will rise",
            "the bridge is safe",
            "we won",
        ];
        let mut docs = Vec::new();
        for (k, n) in names.iter().enumerate() {
            let p = plans[k % plans.len()];
            let text = format!("{n} said {p}. The weather was mild.");
            docs.push(doc(&text, n, "said", p));
        }
        let cues = Cues::embedded();
        let (m, log) = train(&docs, &cues, 6);
        assert!(
            log[0].contains("again with the first pass's cues"),
            "{log:?}"
        );
        let (again, _) = train(&docs, &cues, 6);
        assert_eq!(m.to_bytes(), again.to_bytes());
        let m = Model::from_bytes(&m.to_bytes()).unwrap();
        let text = "Lee said the plan works.";
        let tok = analyze_text(text);
        let mut view = View::new(text, &tok, &[], &[], &cues);
        let tags = super::super::tag(&mut view, &m);
        let roles: Vec<Option<Role>> = tags.iter().map(|t| t.role()).collect();
        assert_eq!(roles[0], Some(Role::Source));
        assert_eq!(roles[1], Some(Role::Cue));
        assert_eq!(roles[2], Some(Role::Content));
    }

    #[test]
    fn the_second_pass_reads_where_the_first_put_its_cues() {
        let text = "The mayor said on Monday that the plan, which failed, was dead.";
        let tok = analyze_text(text);
        let cues = Cues::embedded();
        let mut view = View::new(text, &tok, &[], &[], &cues);
        let win = crate::text::TokenRange {
            start: 0,
            end: tok.tokens.len(),
        };
        let mut f = Vec::new();
        view.anchor_features(3, &mut f);
        assert!(f.is_empty(), "no anchor features before the first pass");
        let mut tags = vec![Tag::O; tok.tokens.len()];
        tags[2] = Tag::begin(Role::Cue); // "said"
        view.anchor(&tags);
        assert!(view.has_anchor(win));
        let (mut plan, mut dead) = (Vec::new(), Vec::new());
        view.anchor_features(7, &mut plan); // "plan": said 5 tokens back, no comma between
        view.anchor_features(13, &mut dead); // "dead": the same cue, two commas between
        assert!(!plan.is_empty() && plan != dead);
        // the second pass's features are the first pass's and the anchors'
        let (mut all, mut text_only) = (Vec::new(), Vec::new());
        view.features(win, 7, &mut all);
        view.text_features(win, 7, &mut text_only);
        text_only.extend(&plan);
        assert_eq!(all, text_only);
        // no cue run in the window, no anchor
        view.anchor(&vec![Tag::O; tok.tokens.len()]);
        assert!(!view.has_anchor(win));
    }

    #[test]
    fn gold_tags_mark_each_role_once() {
        let t = "Lee said the plan works.";
        let tok = analyze_text(t);
        let rel = (
            vec![span(t, "Lee")],
            vec![span(t, "said")],
            vec![span(t, "the plan works")],
        );
        let tags = gold_tags(&tok, &[rel]);
        let roles: Vec<Option<Role>> = tags.iter().map(|t| t.role()).collect();
        assert_eq!(
            roles,
            [
                Some(Role::Source),
                Some(Role::Cue),
                Some(Role::Content),
                Some(Role::Content),
                Some(Role::Content),
                None
            ]
        );
        assert!(tags[2].is_begin() && !tags[3].is_begin());
        // the content run ends with L; a one-token content is B alone
        assert_eq!(tags[3], Tag::inside(Role::Content));
        assert_eq!(tags[4], Tag::LAST_CONTENT);
        let rel = (
            vec![span(t, "Lee")],
            vec![span(t, "said")],
            vec![span(t, "works")],
        );
        let tags = gold_tags(&tok, &[rel]);
        assert_eq!(tags[4], Tag::begin(Role::Content));
        assert_eq!(tags[5], Tag::O);
    }
}
