//! Training the speaker ranker on PolNeAR attributions: for each gold quotation we also find, the
//! candidates overlapping the gold source are right, the rest wrong; a quote without a source
//! makes "no speaker" right. Averaged perceptron ranking updates; deterministic.

use super::candidates::candidates;
use super::features::{Ctx, candidate_features, none_features, quote_facts, ranks};
use crate::analysis::Entity;
use crate::cues::Cues;
use crate::linear::{Averager, Linear, shuffle};
use crate::text::Span;

/// A training document: text, entities (predicted by our tagger, as at run time) and gold quotes
/// with their source spans (byte offsets).
pub struct Doc {
    pub text: String,
    pub entities: Vec<Entity>,
    pub quotes: Vec<(Span, Option<Vec<Span>>)>,
}

/// One decision: feature sets of "none" and each candidate, and which are right.
struct Example {
    none: Vec<u32>,
    none_right: bool,
    cands: Vec<(Vec<u32>, bool)>,
}

fn examples(docs: &[Doc], cues: &Cues) -> (Vec<Example>, usize) {
    let mut out = Vec::new();
    let mut uncovered = 0;
    for d in docs {
        let tok = crate::text::tokens::analyze_text(&d.text);
        let ctx = Ctx::new(&d.text, &tok, cues);
        // as at run time, the quotes the finder produces (gold ones are all found by it, or skipped)
        let quotes: Vec<Span> = crate::quotes::spans::find_double(&d.text)
            .iter()
            .map(|q| q.span)
            .collect();
        let mut prev_speaker = None;
        let mut prev_quote = None;
        for (q, gold) in &d.quotes {
            if !quotes.contains(q) {
                continue;
            }
            let cands = candidates(&ctx, &d.entities, &quotes, *q);
            let facts = quote_facts(&ctx, *q, &quotes, prev_speaker, prev_quote);
            let rights: Vec<bool> = cands
                .iter()
                .map(|c| {
                    gold.as_ref()
                        .is_some_and(|g| g.iter().any(|s| s.overlaps(c.span)))
                })
                .collect();
            prev_quote = Some(*q);
            if let Some(g) = gold {
                prev_speaker = g.first().copied();
            }
            if gold.is_some() && !rights.contains(&true) {
                uncovered += 1;
                continue; // the gold source is not among our candidates: nothing to learn here
            }
            let rank = ranks(&cands, *q);
            out.push(Example {
                none: none_features(&facts),
                none_right: gold.is_none(),
                cands: cands
                    .iter()
                    .zip(rights)
                    .zip(rank)
                    .map(|((c, r), k)| (candidate_features(&ctx, &facts, c, k), r))
                    .collect(),
            });
        }
    }
    (out, uncovered)
}

/// Train the ranker; the log has one line per epoch.
pub fn train(docs: &[Doc], cues: &Cues, epochs: usize) -> (Linear, Vec<String>) {
    let (mut exs, uncovered) = examples(docs, cues);
    let mut avg = Averager::default();
    let mut log = vec![format!(
        "{} quotations to learn from; {uncovered} more whose gold source is not among the candidates",
        exs.len()
    )];
    let mut seed = 5u64;
    for epoch in 1..=epochs {
        shuffle(&mut exs, &mut seed);
        let mut wrong = 0;
        for ex in &exs {
            avg.tick();
            let m = &avg.model;
            let options = std::iter::once((&ex.none, ex.none_right))
                .chain(ex.cands.iter().map(|(f, r)| (f, *r)));
            let scored: Vec<(f32, &Vec<u32>, bool)> =
                options.map(|(f, r)| (m.score(f), f, r)).collect();
            let pred = scored.iter().max_by(|a, b| a.0.total_cmp(&b.0));
            let gold = scored
                .iter()
                .filter(|s| s.2)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let (Some(p), Some(g)) = (pred, gold)
                && !p.2
            {
                wrong += 1;
                let (pf, gf) = (p.1.clone(), g.1.clone());
                avg.update(&gf, 1.0);
                avg.update(&pf, -1.0);
            }
        }
        log.push(format!("epoch {epoch}: {wrong}/{} wrong", exs.len()));
    }
    (avg.averaged(), log)
}
