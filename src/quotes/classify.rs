//! Is a quoted span a quotation of someone's words? Features of the span and its context for a
//! linear model; training on PolNeAR quoted spans (positives: its `quotes`; negatives: the other
//! quoted spans) is `train`.

use super::spans::{self, QuotedSpan};
use crate::cues::Cues;
use crate::linear::{Averager, Linear, feat, shuffle};
use crate::text::normalise;
use crate::text::{Span, TokenKind, Tokenized};

pub const MAGIC: &[u8] = b"NLQUO\x02";

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        _ => "13+",
    }
}

/// Features of one quoted span.
pub fn features(text: &str, tok: &Tokenized, cues: &Cues, q: &QuotedSpan) -> Vec<u32> {
    let toks = &tok.tokens;
    let first = toks.partition_point(|t| t.span.start < q.span.start);
    let after = toks.partition_point(|t| t.span.start < q.span.end);
    let inner: Vec<&str> = toks[first.min(after)..after]
        .iter()
        .map(|t| t.span.text(text))
        .collect();
    let words: Vec<&&str> = inner
        .iter()
        .filter(|w| w.starts_with(char::is_alphanumeric))
        .collect();
    let para = tok
        .paragraphs
        .get(tok.paragraph_at(q.span.start))
        .map(|p| p.span)
        .unwrap_or(q.span);
    let tok_at = |i: isize| -> String {
        if i < 0 || i as usize >= toks.len() || !para.contains(toks[i as usize].span) {
            return "<p>".into();
        }
        normalise(toks[i as usize].span.text(text))
    };
    let len = bucket(words.len());
    let mut f = vec![format!("bias"), format!("len={len}")];
    let inside = q.span.text(text);
    let last_inner = inside
        .chars()
        .rev()
        .nth(1)
        .map_or('?', |c| if c.is_alphanumeric() { 'a' } else { c });
    f.push(format!("endp={last_inner}"));
    f.push(format!("endp={last_inner}|len={len}"));
    let first_cap = words
        .first()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    f.push(format!("cap={first_cap}"));
    let p1 = tok_at(first as isize - 2); // first-1 is the opening mark itself
    let n1 = tok_at(after as isize);
    let p2 = tok_at(first as isize - 3);
    let n2 = tok_at(after as isize + 1);
    f.push(format!("p1={p1}"));
    f.push(format!("n1={n1}"));
    f.push(format!("p2={p2}|p1={p1}"));
    f.push(format!("n1={n1}|n2={n2}"));
    let cue_window = |range: std::ops::Range<isize>| {
        range
            .filter(|&i| i >= 0 && (i as usize) < toks.len())
            .any(|i| {
                let t = toks[i as usize];
                para.contains(t.span)
                    && !q.span.contains(t.span)
                    && t.kind == TokenKind::Word
                    && cues.is_cue(t.span.text(text))
            })
    };
    let cue_before = cue_window(first as isize - 8..first as isize - 1);
    let cue_after = cue_window(after as isize..after as isize + 8);
    f.push(format!("cueb={cue_before}|cuea={cue_after}"));
    f.push(format!("cueb={cue_before}|cuea={cue_after}|len={len}"));
    let personal = words.iter().any(|w| {
        matches!(
            normalise(w).as_str(),
            "i" | "we" | "my" | "our" | "me" | "us" | "you" | "i'm" | "we're"
        )
    });
    f.push(format!("personal={personal}"));
    let titled = words.len() >= 2
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3);
    f.push(format!("title={titled}"));
    f.push(format!(
        "title={titled}|cue={}|len={len}",
        cue_before || cue_after
    ));
    f.push(format!("title={titled}|p1={p1}"));
    let starts_para = para.start == q.span.start;
    let ends_para = q.span.end >= para.end
        || text
            .get(q.span.end..para.end)
            .is_some_and(|r| r.trim().len() <= 1);
    f.push(format!("para={starts_para}{ends_para}"));
    f.push(format!("multi={}", q.multi_paragraph));
    f.iter().map(|s| feat(s)).collect()
}

/// A document for training: text and the gold quotation spans (byte offsets).
pub struct Doc {
    pub text: String,
    pub quotes: Vec<Span>,
}

/// Train the classifier; returns the model and a log line per epoch (train accuracy).
pub fn train(docs: &[Doc], cues: &Cues, epochs: usize) -> (Linear, Vec<String>) {
    let mut data: Vec<(Vec<u32>, f32)> = Vec::new();
    for d in docs {
        let tok = crate::text::tokens::analyze_text(&d.text);
        for q in spans::find_double(&d.text) {
            let y = if d.quotes.contains(&q.span) {
                1.0
            } else {
                -1.0
            };
            data.push((features(&d.text, &tok, cues, &q), y));
        }
    }
    let mut avg = Averager::default();
    let mut log = Vec::new();
    let mut seed = 11u64;
    for epoch in 1..=epochs {
        shuffle(&mut data, &mut seed);
        let mut wrong = 0;
        for (f, y) in &data {
            avg.tick();
            if avg.model.score(f) * y <= 0.0 {
                wrong += 1;
                avg.update(f, *y);
            }
        }
        log.push(format!("epoch {epoch}: {wrong}/{} wrong", data.len()));
    }
    (avg.averaged(), log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_quotation_versus_scare_quotes() {
        let cues = Cues::parse("said\nsays\n").unwrap();
        let mut docs = Vec::new();
        for (i, name) in ["Smith", "Jones", "Brown", "Lee"].iter().enumerate() {
            let text =
                format!("“We will win the vote {i},” {name} said. They call it a “plan” now.");
            let q = text.find('“').unwrap();
            let qe = text.find('”').unwrap() + '”'.len_utf8();
            docs.push(Doc {
                text,
                quotes: vec![Span::new(q, qe)],
            });
        }
        let (model, _) = train(&docs, &cues, 5);
        let text = "“Taxes will fall next year,” Garcia said. Critics call it “reform” instead.";
        let tok = crate::text::tokens::analyze_text(text);
        let found: Vec<&str> = spans::find(text)
            .into_iter()
            .filter(|q| model.score(&features(text, &tok, &cues, q)) > 0.0)
            .map(|q| q.span.text(text))
            .collect();
        assert_eq!(found, ["“Taxes will fall next year,”"]);
    }
}
