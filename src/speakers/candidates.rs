//! Candidate speaker mentions for one quote: entity names, pronouns and short descriptions next
//! to a cue word, in the quote's paragraph and its neighbours, never inside a quotation. Which
//! candidate (or none) is the speaker is the ranker's decision, not this module's.

use super::context::Ctx;
use crate::analysis::{Entity, Label, MentionKind};
use crate::syntax::in_quote;
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
    // Only the MAX_PER_SIDE nearest names and pronouns on each side can survive `keep_nearest`,
    // so each side is scanned outwards from the quote and stops there: text dense with names
    // costs no more per quote than news does. (Entities and pronoun tokens are sorted and do
    // not overlap, so "before the quote" is a prefix of each list.)
    let mut out: Vec<Candidate> = Vec::new();
    let name = |e: &Entity| {
        (window.contains(e.span) && !in_quote(e.span, quotes)).then(|| Candidate {
            span: e.span,
            kind: MentionKind::Name,
            label: Some(e.label),
            tokens: tok_range(e.span),
        })
    };
    let split = ents.partition_point(|e| e.span.end <= q.start);
    let before = ents[..split].iter().rev();
    let after = ents[split..].iter();
    out.extend(
        before
            .take_while(|e| e.span.start >= window.start)
            .filter_map(name)
            .take(MAX_PER_SIDE),
    );
    out.extend(
        after
            .take_while(|e| e.span.start < window.end)
            .filter_map(name)
            .take(MAX_PER_SIDE),
    );
    let (w0, w1) = tok_range(window);
    let pronoun = |&i: &usize| {
        let t = tok.tokens[i];
        (!in_quote(t.span, quotes)).then_some(Candidate {
            span: t.span,
            kind: MentionKind::Pronoun,
            label: None,
            tokens: (i, i + 1),
        })
    };
    let split = ctx
        .pronouns
        .partition_point(|&i| tok.tokens[i].span.end <= q.start);
    let (before, after) = ctx.pronouns.split_at(split);
    out.extend(
        before
            .iter()
            .rev()
            .take_while(|&&i| i >= w0)
            .filter_map(pronoun)
            .take(MAX_PER_SIDE),
    );
    out.extend(
        after
            .iter()
            .take_while(|&&i| i < w1)
            .filter_map(pronoun)
            .take(MAX_PER_SIDE),
    );
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
        let cues = crate::cues::Cues::parse("said\n").unwrap();
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
        let cues = crate::cues::Cues::parse("said\n").unwrap();
        let ctx = Ctx::new(text, &tok, &cues);
        let q = Span::new(0, text.find('”').unwrap() + 3);
        let c = candidates(&ctx, &[], &[q], q);
        assert_eq!(c[0].span.text(text), "a senior official");
    }

    /// The outward scan keeps exactly what scanning the whole window and then keeping the
    /// nearest would: the nearest names and pronouns on each side, skipping quoted ones.
    #[test]
    fn nearest_candidates_in_name_dense_text() {
        let mut text = String::new();
        for i in 0..30 {
            text.push_str(&format!("Ann Kal{i} met him and “Bo{i} or he” there. "));
        }
        text.push_str("“Yes,” she said. ");
        for i in 0..30 {
            text.push_str(&format!("They saw Ed Zu{i} and “Cy{i} or we” there. "));
        }
        let tok = crate::text::tokens::analyze_text(&text);
        let cues = crate::cues::Cues::parse("said\n").unwrap();
        let ctx = Ctx::new(&text, &tok, &cues);
        // every capitalised word pair or single name is an entity, quoted ones included
        let ents: Vec<Entity> = tok
            .tokens
            .iter()
            .filter(|t| {
                t.span
                    .text(&text)
                    .starts_with(|c: char| c.is_ascii_uppercase())
            })
            .filter(|t| !matches!(t.span.text(&text), "They" | "Yes"))
            .map(|t| Entity {
                span: t.span,
                label: Label::Per,
            })
            .collect();
        let quotes: Vec<Span> = {
            let marks: Vec<usize> = text.match_indices(['“', '”']).map(|(i, _)| i).collect();
            marks
                .chunks(2)
                .map(|p| Span::new(p[0], p[1] + '”'.len_utf8()))
                .collect()
        };
        let q = *quotes.iter().find(|q| q.text(&text) == "“Yes,”").unwrap();
        let got = candidates(&ctx, &ents, &quotes, q);
        // the reference: every name and pronoun outside quotes (all within the window here), the
        // nearest kept per side
        let mut all: Vec<Candidate> = ents
            .iter()
            .map(|e| Candidate {
                span: e.span,
                kind: MentionKind::Name,
                label: Some(e.label),
                tokens: {
                    let r = tok.tokens_of(e.span);
                    (r.start, r.end)
                },
            })
            .chain(ctx.pronouns.iter().map(|&i| Candidate {
                span: tok.tokens[i].span,
                kind: MentionKind::Pronoun,
                label: None,
                tokens: (i, i + 1),
            }))
            .filter(|c| !in_quote(c.span, &quotes))
            .collect();
        keep_nearest(&mut all, q);
        all.sort_by_key(|c| c.span);
        assert_eq!(got, all);
        assert_eq!(got.len(), 2 * MAX_PER_SIDE);
        assert!(got.iter().all(|c| !in_quote(c.span, &quotes)));
    }
}
