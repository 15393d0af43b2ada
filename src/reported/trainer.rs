//! Training the reported-speech tagger on PolNeAR attributions: gold tags come from each
//! relation's cue, source and content spans (a token takes the first role that claims it, in the
//! order cue, source, content); the windows and features are those of analysis time (entities
//! from our tagger, quotations from our quote stage). The net (`net.rs`) learns the CRF
//! log-loss of each window (Lafferty et al. 2001) with a softmax margin, by AdaGrad;
//! deterministic.

use super::features::View;
use super::net::{C, D, H, Input, Layers, Net, R, Sum, context_backward};
use super::tagger::{Chain, NT, Role, Row, Tag};
use super::{cue_windows, tag_windows};
use crate::analysis::Entity;
use crate::cues::Cues;
use crate::hash::IdMap;
use crate::linear::{shuffle, xorshift};
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
fn first_pass_by_folds(docs: &[&Doc], cues: &Cues, epochs: usize, s: &Settings) -> Vec<Vec<Tag>> {
    let mut first = vec![Vec::new(); docs.len()];
    for fold in 0..FOLDS {
        let rest: Vec<&Doc> = (0..docs.len())
            .filter(|i| i % FOLDS != fold)
            .map(|i| docs[i])
            .collect();
        let (mut exs, _, _) = examples(&rest, cues, None);
        let (m, _) = fit(&mut exs, epochs, s);
        for i in (0..docs.len()).filter(|i| i % FOLDS == fold) {
            let d = docs[i];
            let tok = crate::text::tokens::analyze_text(&d.text);
            let view = View::new(&d.text, &tok, &d.entities, &d.quotes, cues);
            let mut tags = vec![Tag::O; tok.tokens.len()];
            let one = std::slice::from_ref(&m);
            tag_windows(&view, one, &m.layers.chain, &cue_windows(&view), &mut tags);
            first[i] = tags;
        }
    }
    first
}

const FOLDS: usize = 5;

/// Train the tagger with settings `s` (`Settings::shipped()`, or `Settings::member` for the
/// accurate mode's other nets), both passes in one model (each window once without and once
/// with the first pass's cues); the log has one line per epoch.
pub fn train(docs: &[Doc], cues: &Cues, epochs: usize, s: &Settings) -> (Net, Vec<String>) {
    let docs: Vec<&Doc> = docs.iter().collect();
    let first = first_pass_by_folds(&docs, cues, epochs, s);
    let (mut exs, kept, lost) = examples(&docs, cues, None);
    let (second, _, _) = examples(&docs, cues, Some(&first));
    let mut log = vec![format!(
        "{} windows to learn from, {} again with the first pass's cues (its tags by {FOLDS}-fold \
         cross-validation); {kept} tagged tokens in them, {lost} outside them (left O)",
        exs.len(),
        second.len()
    )];
    exs.extend(second);
    let (mut m, fit_log) = fit(&mut exs, epochs, s);
    m.coarsen(s.levels);
    log.extend(fit_log);
    (m, log)
}

/// Levels either side of zero of the shipped net's stored rows (`Net::coarsen`): the page's
/// wasm holds this net, and its 320,000 row numbers in 31 values rather than 255 take 181 KB
/// gzipped rather than 285 KB. On PolNeAR dev no score moved by more than 0.1 (partial F1 76.76
/// -> 76.74, strict 54.11 -> 54.15, source accuracy 89.99 -> 90.01); 63 and 31 levels moved
/// them as much as 0.2 and 0.6: what the rounding changes is within this measure's noise.
pub const SHIPPED_LEVELS: u8 = 15;

/// Epochs of the shipped model (`--epochs` overrides it). On fold 5, without weight averaging,
/// 4 epochs scored partial F1 74.78, strict 49.15, source accuracy 89.55, and 7 epochs 74.52 /
/// 47.54 / 88.57; on the five folds, averaged: 4 epochs (the last 2 averaged) 72.64 / 47.02 /
/// 87.54, 6 (the last 4) 72.44 / 46.97 / 87.59.
pub const EPOCHS: usize = 4;

/// Training settings; each can be overridden by the environment variable of its name with
/// `NL_` before it (`NL_LR=0.1`; `scripts/tune_reported.sh`, `scripts/cv_reported.sh`). Chosen on fold 5 of PolNeAR train
/// (index % 10 == 5, held out from training), see the model card.
pub struct Settings {
    /// Rows of the net: feature ids are hashed into this many.
    pub buckets: usize,
    /// AdaGrad's learning rate.
    pub lr: f32,
    /// Each feature of a token is left out of a training step with this probability (inverted
    /// dropout: the kept ones' sum is scaled up to match).
    pub dropout: f32,
    /// Features seen fewer times than this in training are left out.
    pub min_count: u32,
    /// Softmax-margin training (Gimpel and Smith 2010): a wrong tag's score is raised by
    /// `cost` during training, and O's by `miss` more where the gold tag is not O, so that the
    /// model pays more for missing a relation than for a wrong tag inside one.
    pub cost: f32,
    pub miss: f32,
    /// Stochastic weight averaging (Izmailov et al. 2018): the stored net is the mean of
    /// snapshots taken every `SNAPSHOT_EVERY` windows over the last this many epochs (0: the
    /// last weights).
    pub average: usize,
    /// Which of the hidden layer's `C` inputs (`Layers::inputs`) the net reads, one bit each
    /// (bit 0 the token's own sum, 1 the left neighbour's, 2 the right one's, 3 and 4 the
    /// recurrent states); the others keep zero weights (`NL_CONTEXT=1`: the token's own sum
    /// only; `NL_CONTEXT=7`: its own and its neighbours' sums, no recurrent states).
    pub context: u32,
    /// The trainer's random seed (shuffling, dropout, initial weights).
    pub seed: u64,
    /// The stored rows' levels either side of zero (`Net::coarsen`; 127: plain i8).
    pub levels: u8,
}

impl Settings {
    pub fn shipped() -> Settings {
        Settings {
            buckets: from_env("NL_BUCKETS", 20_000).max(1),
            lr: from_env("NL_LR", 0.05),
            dropout: from_env("NL_DROPOUT", 0.3),
            min_count: from_env("NL_MIN_COUNT", 3),
            cost: from_env("NL_COST", 1.0),
            miss: from_env("NL_MISS", 1.0),
            average: from_env("NL_AVERAGE", 2),
            context: from_env("NL_CONTEXT", 0b11111),
            seed: from_env("NL_SEED", 11),
            levels: from_env("NL_LEVELS", SHIPPED_LEVELS),
        }
    }

    /// The accurate mode's member `k` (2 or 3; the shipped net is member 1, seed 11): the
    /// shipped settings with seed `10 + k`, its rows kept as plain i8 (these nets are not in the
    /// wasm; with 15 levels as well, the ensemble's attribution F1 on PolNeAR dev moved by 0.2).
    pub fn member(k: u64) -> Settings {
        Settings {
            seed: 10 + k,
            levels: 127,
            ..Settings::shipped()
        }
    }
}

/// The value of environment variable `name`, else `default` (the tuning scripts' overrides).
/// A value that does not parse stops the training with its name, rather than training quietly
/// with the default.
fn from_env<T: std::str::FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a valid value for this setting")),
        Err(_) => default,
    }
}

fn fit(exs: &mut [Example], epochs: usize, s: &Settings) -> (Net, Vec<String>) {
    let mut log = Vec::new();
    let net = fit_with(exs, epochs, s, &mut log);
    (net, log)
}

const SNAPSHOT_EVERY: usize = 100;

/// xorshift: the trainer's only randomness, seeded (training is deterministic).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f32 {
        (xorshift(&mut self.0) >> 40) as f32 / (1u64 << 24) as f32
    }
    fn uniform(&mut self, a: f32) -> f32 {
        (2.0 * self.next() - 1.0) * a
    }
}

fn log_sum_exp(xs: &[f32]) -> f32 {
    let m = xs.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
}

/// Forward-backward along the chain: the probability of each token's tag and of each pair of
/// neighbouring tags, under the same constraints as Viterbi (`Chain::well_formed`,
/// `Tag::may_open`).
pub fn marginals(trans: &[Row; NT], e: &[Row]) -> (Vec<Row>, Vec<[Row; NT]>) {
    let n = e.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let tr = Chain { trans: *trans }.well_formed();
    let mut alpha = vec![[f32::NEG_INFINITY; NT]; n];
    for t in 0..NT {
        if Tag(t as u8).may_open() {
            alpha[0][t] = e[0][t];
        }
    }
    let mut buf = [0f32; NT];
    for i in 1..n {
        for t in 0..NT {
            for p in 0..NT {
                buf[p] = alpha[i - 1][p] + tr[p][t];
            }
            alpha[i][t] = log_sum_exp(&buf) + e[i][t];
        }
    }
    let mut beta = vec![[0f32; NT]; n];
    for i in (0..n - 1).rev() {
        for p in 0..NT {
            for t in 0..NT {
                buf[t] = tr[p][t] + e[i + 1][t] + beta[i + 1][t];
            }
            beta[i][p] = log_sum_exp(&buf);
        }
    }
    let z = log_sum_exp(&alpha[n - 1]);
    let tags = (0..n)
        .map(|i| std::array::from_fn(|t| (alpha[i][t] + beta[i][t] - z).exp()))
        .collect();
    let pairs = (1..n)
        .map(|i| {
            std::array::from_fn(|p| {
                std::array::from_fn(|t| {
                    (alpha[i - 1][p] + tr[p][t] + e[i][t] + beta[i][t] - z).exp()
                })
            })
        })
        .collect();
    (tags, pairs)
}

/// The net trained on `exs` with the CRF log-loss of each window (softmax-margin), AdaGrad on
/// the layers and row-wise AdaGrad on the rows; one log line per epoch.
fn fit_with(exs: &mut [Example], epochs: usize, s: &Settings, log: &mut Vec<String>) -> Net {
    let mut rng = Rng(s.seed.max(1));
    let mut p = Layers::zero();
    let on = |c: usize| s.context & (1 << c) != 0;
    let states = (0..2).filter(|c| on(C + *c)).count();
    let fan_in = (0..C).filter(|c| on(*c)).count() * D + states * R;
    let a1 = (6.0 / (fan_in.max(1) + H) as f32).sqrt();
    let a2 = (6.0 / (H + NT) as f32).sqrt();
    let a3 = (6.0 / (D + NT) as f32).sqrt();
    for c in (0..C).filter(|c| on(*c)) {
        p.w1[c]
            .iter_mut()
            .flatten()
            .for_each(|v| *v = rng.uniform(a1));
    }
    for c in (0..2).filter(|c| on(C + *c)) {
        p.ws[c]
            .iter_mut()
            .flatten()
            .for_each(|v| *v = rng.uniform(a1));
    }
    p.b1.iter_mut().for_each(|v| *v = 0.1);
    p.w2.iter_mut().flatten().for_each(|v| *v = rng.uniform(a2));
    p.skip
        .iter_mut()
        .flatten()
        .for_each(|v| *v = rng.uniform(a3));
    let a4 = (6.0 / (D + R) as f32).sqrt();
    let a5 = (6.0 / (R + R) as f32).sqrt();
    for (k, gru) in p.gru.iter_mut().enumerate() {
        if on(C + k) {
            gru.w
                .iter_mut()
                .flatten()
                .flatten()
                .for_each(|v| *v = rng.uniform(a4));
            gru.u
                .iter_mut()
                .flatten()
                .flatten()
                .for_each(|v| *v = rng.uniform(a5));
        }
    }
    let mut g2 = Layers::zero();
    g2.flat_mut().into_iter().for_each(|v| *v = 1e-2);
    let mut rows = vec![[0f32; D]; s.buckets];
    let mut rows_g2 = vec![1e-2f32; s.buckets];
    // rare features out, the rest hashed into their rows
    let mut count: IdMap<u32> = IdMap::default();
    for f in exs.iter().flat_map(|e| e.feats.iter().flatten()) {
        *count.entry(*f).or_insert(0) += 1;
    }
    for e in exs.iter_mut() {
        for f in e.feats.iter_mut() {
            f.retain(|id| count[id] >= s.min_count);
            f.iter_mut()
                .for_each(|id| *id = Net::bucket(*id, s.buckets) as u32);
        }
    }
    drop(count);
    let inv = 1.0 / (1.0 - s.dropout);
    let mut seed = s.seed.max(1);
    let mut kept = Vec::new();
    // stochastic weight averaging: the mean of snapshots over the last `s.average` epochs
    let mut mean_rows = vec![[0f32; D]; s.buckets];
    let mut mean = Layers::zero();
    let mut snapshots = 0f32;
    for epoch in 1..=epochs {
        shuffle(exs, &mut seed);
        let (mut loss, mut wrong, mut tokens) = (0f64, 0usize, 0usize);
        for (k, ex) in exs.iter().enumerate() {
            if epoch + s.average > epochs && k % SNAPSHOT_EVERY == 0 {
                snapshots += 1.0;
                let w = 1.0 / snapshots;
                for (m, r) in mean_rows.iter_mut().zip(&rows) {
                    for d in 0..D {
                        m[d] += (r[d] - m[d]) * w;
                    }
                }
                for (m, v) in mean.flat_mut().into_iter().zip(p.flat_mut()) {
                    *m += (*v - *m) * w;
                }
            }
            let n = ex.gold.len();
            if n == 0 {
                continue;
            }
            // the token sums, each from the features this step keeps (`kept[ranges[i]]`)
            let mut sums: Vec<Sum> = Vec::with_capacity(n);
            let mut ranges = Vec::with_capacity(n);
            kept.clear();
            for f in &ex.feats {
                let from = kept.len();
                kept.extend(f.iter().copied().filter(|_| rng.next() >= s.dropout));
                let mut sum = [0f32; D];
                for &id in &kept[from..] {
                    for d in 0..D {
                        sum[d] += rows[id as usize][d];
                    }
                }
                sums.push(sum.map(|v| v * inv));
                ranges.push(from..kept.len());
            }
            // the inputs a masked-out block would add meet zero weights (never trained)
            let runs = p.runs(&sums);
            let xs = Layers::inputs(&sums, &Layers::states(&runs));
            let fw: Vec<([f32; H], Row)> = xs.iter().map(|x| p.forward(x)).collect();
            let e: Vec<Row> = fw
                .iter()
                .zip(&ex.gold)
                .map(|((_, r), g)| {
                    std::array::from_fn(|t| {
                        let wrong = t != g.0 as usize;
                        r[t] + if wrong { s.cost } else { 0.0 }
                            + if wrong && t == 0 { s.miss } else { 0.0 }
                    })
                })
                .collect();
            let (marg, pairs) = marginals(&p.chain.trans, &e);
            let mut g = Layers::zero();
            let mut dxs = vec![Input::ZERO; n];
            for i in 0..n {
                let gi = ex.gold[i].0 as usize;
                let mut de = marg[i];
                de[gi] -= 1.0;
                loss -= f64::from(marg[i][gi].max(1e-9)).ln();
                tokens += 1;
                if (0..NT).any(|t| marg[i][t] > marg[i][gi]) {
                    wrong += 1;
                }
                if i > 0 {
                    for (gp, pp) in g.chain.trans.iter_mut().zip(&pairs[i - 1]) {
                        for (a, b) in gp.iter_mut().zip(pp) {
                            *a += b;
                        }
                    }
                    g.chain.trans[ex.gold[i - 1].0 as usize][gi] -= 1.0;
                }
                let (h, x) = (&fw[i].0, &xs[i]);
                let dx = &mut dxs[i];
                let mut dh = [0f32; H];
                for t in 0..NT {
                    g.b2[t] += de[t];
                    for j in 0..H {
                        g.w2[j][t] += de[t] * h[j];
                        dh[j] += p.w2[j][t] * de[t];
                    }
                    for d in 0..D {
                        g.skip[d][t] += de[t] * x.sums[0][d];
                        dx.sums[0][d] += p.skip[d][t] * de[t];
                    }
                }
                for j in 0..H {
                    if h[j] <= 0.0 {
                        continue;
                    }
                    g.b1[j] += dh[j];
                    for c in (0..C).filter(|c| on(*c)) {
                        for d in 0..D {
                            g.w1[c][d][j] += dh[j] * x.sums[c][d];
                            dx.sums[c][d] += p.w1[c][d][j] * dh[j];
                        }
                    }
                    for c in (0..2).filter(|c| on(C + *c)) {
                        for k in 0..R {
                            g.ws[c][k][j] += dh[j] * x.states[c][k];
                            dx.states[c][k] += p.ws[c][k][j] * dh[j];
                        }
                    }
                }
            }
            // each token's rows: row-wise AdaGrad, with the sums' gradient through the
            // neighbours' inputs and through the recurrent runs
            let through_runs = p.runs_backward(&sums, &runs, &dxs, &mut g);
            for (i, (dsum, drun)) in context_backward(&dxs)
                .into_iter()
                .zip(through_runs)
                .enumerate()
            {
                let dsum: Sum = std::array::from_fn(|d| (dsum[d] + drun[d]) * inv);
                let sq = dsum.iter().map(|v| v * v).sum::<f32>() / D as f32;
                for &id in &kept[ranges[i].clone()] {
                    let id = id as usize;
                    rows_g2[id] += sq;
                    let rate = s.lr / rows_g2[id].sqrt();
                    for d in 0..D {
                        rows[id][d] -= rate * dsum[d];
                    }
                }
            }
            for ((w, gg), a) in p
                .flat_mut()
                .into_iter()
                .zip(g.flat_mut())
                .zip(g2.flat_mut())
            {
                *a += *gg * *gg;
                *w -= s.lr * *gg / a.sqrt();
            }
        }
        log.push(format!(
            "epoch {epoch}: loss {:.4} a token, {wrong}/{tokens} tokens wrong (by marginals, \
             with the margin)",
            loss / tokens.max(1) as f64
        ));
    }
    if snapshots > 0.0 {
        Net::new(&mean_rows, mean)
    } else {
        Net::new(&rows, p)
    }
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
        let cues = Cues::embedded().unwrap();
        let (m, log) = train(&docs, &cues, 6, &Settings::shipped());
        assert!(
            log[0].contains("again with the first pass's cues"),
            "{log:?}"
        );
        let (again, _) = train(&docs, &cues, 6, &Settings::shipped());
        assert_eq!(m.to_bytes(), again.to_bytes());
        let m = Net::from_bytes(&m.to_bytes()).unwrap();
        let text = "Lee said the plan works.";
        let tok = analyze_text(text);
        let mut view = View::new(text, &tok, &[], &[], &cues);
        let tags = super::super::tag(&mut view, std::slice::from_ref(&m));
        let roles: Vec<Option<Role>> = tags.iter().map(|t| t.role()).collect();
        assert_eq!(roles[0], Some(Role::Source));
        assert_eq!(roles[1], Some(Role::Cue));
        assert_eq!(roles[2], Some(Role::Content));
    }

    #[test]
    fn the_second_pass_reads_where_the_first_put_its_cues() {
        let text = "The mayor said on Monday that the plan, which failed, was dead.";
        let tok = analyze_text(text);
        let cues = Cues::embedded().unwrap();
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
    fn marginals_sum_to_one_and_respect_the_chain() {
        let e = vec![[0.5, 1.0, 0.0, 0.2, 0.0, 2.0, 1.0, 0.3]; 4];
        let trans = [[0.1f32; NT]; NT];
        let (m, pairs) = marginals(&trans, &e);
        for r in &m {
            assert!((r.iter().sum::<f32>() - 1.0).abs() < 1e-4, "{r:?}");
        }
        for p in &pairs {
            let total: f32 = p.iter().flatten().sum();
            assert!((total - 1.0).abs() < 1e-4);
            // O never precedes L, and I-content never precedes O
            assert!(p[0][Tag::LAST_CONTENT.0 as usize] < 1e-6);
            assert!(p[Tag::inside(Role::Content).0 as usize][0] < 1e-6);
        }
        // a token's marginal is the sum of its pairs' (the two passes agree)
        for t in 0..NT {
            let from_pairs: f32 = (0..NT).map(|p| pairs[0][p][t]).sum();
            assert!((from_pairs - m[1][t]).abs() < 1e-4);
        }
        // the first token cannot be I or L
        assert!(m[0][Tag::LAST_CONTENT.0 as usize] < 1e-6);
        assert!(m[0][Tag::inside(Role::Cue).0 as usize] < 1e-6);
        assert!(marginals(&trans, &[]).0.is_empty());
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
