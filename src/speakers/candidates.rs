//! Candidate speaker mentions for one quote: entity names, pronouns and short descriptions next
//! to a cue word, in the quote's paragraph and its neighbours, never inside a quotation. Which
//! candidate (or none) is the speaker is the ranker's decision, not this module's.

use super::context::Ctx;
use crate::analysis::{Entity, Label, MentionKind};
use crate::text::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub kind: MentionKind,
    /// The entity label for names; None for pronouns and descriptions.
    pub label: Option<Label>,
    /// Token range `[start, end)`.
    pub tokens: (usize, usize),
}

/// How far (in tokens) from the quote a candidate may be.
pub const WINDOW: usize = 120;

/// Is `span` inside one of `quotes` (sorted, non-overlapping)? O(log n).
pub fn in_quote(span: Span, quotes: &[Span]) -> bool {
    let i = quotes.partition_point(|q| q.start <= span.start);
    i > 0 && quotes[i - 1].contains(span)
}

/// Candidates for the quote `q`, from paragraphs `q`'s first paragraph - 1 ..= its last + 1.
pub fn candidates(ctx: &Ctx, ents: &[Entity], quotes: &[Span], q: Span) -> Vec<Candidate> {
    let tok = ctx.tok;
    if tok.paragraphs.is_empty() {
        return Vec::new();
    }
    let p0 = tok.paragraph_at(q.start).saturating_sub(1);
    let p1 = (tok.paragraph_at(q.end.saturating_sub(1)) + 1).min(tok.paragraphs.len() - 1);
    // the neighbouring paragraphs, but never more than WINDOW tokens either side (long
    // paragraphs, texts without line breaks)
    let qa = tok.tokens.partition_point(|t| t.span.end <= q.start);
    let qb = tok.tokens.partition_point(|t| t.span.start < q.end);
    let lo = tok
        .tokens
        .get(qa.saturating_sub(WINDOW))
        .map_or(q.start, |t| t.span.start);
    let hi = tok
        .tokens
        .get((qb + WINDOW).min(tok.tokens.len()).saturating_sub(1))
        .map_or(q.end, |t| t.span.end);
    let window = Span::new(
        tok.paragraphs[p0].span.start.max(lo.min(q.start)),
        tok.paragraphs[p1].span.end.min(hi.max(q.end)),
    );
    let tok_range = |s: Span| {
        let r = tok.tokens_of(s);
        (r.start, r.end)
    };
    let mut out: Vec<Candidate> = Vec::new();
    let first = ents.partition_point(|e| e.span.start < window.start);
    for e in ents[first..]
        .iter()
        .take_while(|e| e.span.start < window.end)
    {
        if window.contains(e.span) && !in_quote(e.span, quotes) {
            out.push(Candidate {
                span: e.span,
                kind: MentionKind::Name,
                label: Some(e.label),
                tokens: tok_range(e.span),
            });
        }
    }
    let (w0, w1) = tok_range(window);
    let from = ctx.pronouns.partition_point(|&i| i < w0);
    for &i in ctx.pronouns[from..].iter().take_while(|&&i| i < w1) {
        let t = tok.tokens[i];
        if !in_quote(t.span, quotes) {
            out.push(Candidate {
                span: t.span,
                kind: MentionKind::Pronoun,
                label: None,
                tokens: (i, i + 1),
            });
        }
    }
    // descriptions: a determiner phrase right before or after a cue word ("a spokesman said",
    // "said a senior official"), found once per document (`description_phrases`)
    let from = ctx.phrases.partition_point(|&(c, _)| c < w0);
    for &(c, (a, b)) in ctx.phrases[from..].iter().take_while(|(c, _)| *c < w1) {
        if a < w0 || b > w1 || in_quote(tok.tokens[c].span, quotes) {
            continue;
        }
        let span = Span::new(tok.tokens[a].span.start, tok.tokens[b - 1].span.end);
        // "the Vermont senator" stays a candidate beside the place name inside it
        let clash = |o: &Candidate| {
            o.span.overlaps(span) && !matches!(o.label, Some(Label::Loc) | Some(Label::Misc))
        };
        if !out.iter().any(clash) && !in_quote(span, quotes) {
            out.push(Candidate {
                span,
                kind: MentionKind::Description,
                label: None,
                tokens: (a, b),
            });
        }
    }
    keep_nearest(&mut out, q);
    out.sort_by_key(|c| c.span);
    out
}

/// At most this many candidates on each side of a quote: the speaker is almost always among the
/// nearest, and text dense with quotes and names must not make each quote cost more.
pub const MAX_PER_SIDE: usize = 7;

/// Keep the `MAX_PER_SIDE` candidates nearest to `q` on each side.
fn keep_nearest(out: &mut Vec<Candidate>, q: Span) {
    let dist = |c: &Candidate| {
        if c.span.end <= q.start {
            q.start - c.span.end
        } else {
            c.span.start.saturating_sub(q.end)
        }
    };
    out.sort_by_key(|c| (c.span.end <= q.start, dist(c)));
    let before = out.iter().filter(|c| c.span.end <= q.start).count();
    let after = out.len() - before;
    // after-side candidates come first in this order, then before-side ones
    let mut kept: Vec<Candidate> = out.drain(..after).take(MAX_PER_SIDE).collect();
    kept.extend(out.drain(..).take(MAX_PER_SIDE));
    *out = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_next_to_cues_and_pronouns_outside_quotes() {
        let text = "“He is wrong,” a campaign spokesman said.\nShe disagreed.";
        let tok = crate::text::tokens::analyze_text(text);
        let cues = crate::cues::Cues::parse("said\n");
        let ctx = Ctx::new(text, &tok, &cues);
        let q = Span::new(0, text.find(',').unwrap() + 4);
        let c = candidates(&ctx, &[], &[q], q);
        let got: Vec<(&str, MentionKind)> = c.iter().map(|c| (c.span.text(text), c.kind)).collect();
        assert_eq!(
            got,
            [
                ("a campaign spokesman", MentionKind::Description),
                ("She", MentionKind::Pronoun)
            ]
        );
    }

    #[test]
    fn description_after_the_cue() {
        let text = "“No,” said a senior official in Kyiv.";
        let tok = crate::text::tokens::analyze_text(text);
        let cues = crate::cues::Cues::parse("said\n");
        let ctx = Ctx::new(text, &tok, &cues);
        let q = Span::new(0, text.find('”').unwrap() + 3);
        let c = candidates(&ctx, &[], &[q], q);
        assert_eq!(c[0].span.text(text), "a senior official");
    }
}
