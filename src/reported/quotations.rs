//! Merging with the direct quotations: a relation whose content holds a quotation takes the
//! quotation's speaker (the speaker ranker is the better judge), a quotation with a cue of its own
//! leaves the reported words before it, a quotation keeps its own words and not what follows its
//! cue, a quotation no relation holds becomes a relation of its own, and a quotation that
//! continues the previous quotation's words joins its relation.

use super::{Found, overlapping};
use crate::speakers::Choice;
use crate::text::{Span, Tokenized};

/// Direct quotations are relations too: a relation whose content holds a quotation takes the
/// quotation's speaker (the speaker ranker is the better judge) and cue when it has none; a
/// quotation no relation holds becomes one. Output in text order.
pub(super) fn merge_quotes(
    text: &str,
    tok: &Tokenized,
    found: &mut Vec<Found>,
    quotes: &[Span],
    choices: &[Choice],
) {
    let is_quotation = |c: &Span| overlapping(quotes, *c).is_some();
    split_quotation_from_what_follows(text, found, &is_quotation);
    split_quotations_with_their_own_cue(found, quotes, choices);
    let mut held = vec![false; quotes.len()];
    for f in found.iter_mut() {
        let inside: Vec<usize> = f
            .content
            .iter()
            .filter_map(|c| overlapping(quotes, *c))
            .collect();
        let Some(&qi) = inside.first() else {
            continue;
        };
        for k in inside {
            held[k] = true;
        }
        f.quote = Some(qi);
        if let Some(ch) = choices.get(qi)
            && ch.speaker.is_some()
        {
            f.source = ch.speaker;
        }
    }
    let mut own: Vec<Found> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if held[qi] {
            continue;
        }
        let ch = choices.get(qi);
        own.push(Found {
            source: ch.and_then(|c| c.speaker),
            cue: ch.and_then(|c| c.cue).into_iter().collect(),
            content: vec![*q],
            quote: Some(qi),
            antecedent: None,
        });
    }
    found.extend(own);
    found.sort_by_key(|f| f.content.first().map(|c| c.start));
    // "“A,” he said. “B.”": a quotation that continues the previous relation's words (same
    // paragraph, the same source mention) is another piece of that relation's content
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let continues = out.last().is_some_and(|p| {
            f.quote.is_some()
                && f.source.is_some()
                && p.content.last().is_some_and(&is_quotation)
                && p.source.map(|m| m.span) == f.source.map(|m| m.span)
                && match (p.content.last(), f.content.first()) {
                    (Some(a), Some(b)) => tok.paragraph_at(a.start) == tok.paragraph_at(b.start),
                    _ => false,
                }
        });
        if continues && let Some(p) = out.last_mut() {
            p.content.extend(f.content);
            continue;
        }
        out.push(f);
    }
    *found = out;
}

/// "“I don't see details,” she said after reading the outline": a relation whose pieces before
/// its cue are all quotations and whose pieces after it are none holds the quotation only; a
/// "that" clause after the cue becomes a relation of the same source and cue. (In PolNeAR dev,
/// 36 of 39 such pairs belong to two relations, or the words after the cue to none.)
fn split_quotation_from_what_follows(
    text: &str,
    found: &mut Vec<Found>,
    is_quotation: &impl Fn(&Span) -> bool,
) {
    let mut out = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let Some(cue) = f.cue.first().copied() else {
            out.push(f);
            continue;
        };
        let (before, after): (Vec<Span>, Vec<Span>) =
            f.content.iter().partition(|c| c.end <= cue.start);
        if before.is_empty()
            || after.is_empty()
            || !before.iter().all(is_quotation)
            || after.iter().any(is_quotation)
        {
            out.push(f);
            continue;
        }
        out.push(Found {
            content: before,
            ..f.clone()
        });
        // a "that" clause after the cue is a relation of its own; other words there ("she said
        // after reading the outline", "several months after her release") are circumstances
        let clause = after[0].text(text).split_whitespace().next() == Some("that");
        if clause {
            out.push(Found {
                content: after,
                ..f
            });
        }
    }
    *found = out;
}

/// Reported words and a quotation after them with a cue of its own ("Rendell said it would be
/// easier .... “A gas tax increase would cost ...,” he said.") are two relations, not one with
/// two pieces: the quotation leaves the relation and becomes its own, with its speaker and cue.
fn split_quotations_with_their_own_cue(
    found: &mut Vec<Found>,
    quotes: &[Span],
    choices: &[Choice],
) {
    let mut out = Vec::new();
    for f in found.iter_mut() {
        if f.content.len() < 2 {
            continue;
        }
        // each piece with the ranker's choice for its quotation, when that cue is not ours
        let own: Vec<Option<&Choice>> = f
            .content
            .iter()
            .map(|c| {
                overlapping(quotes, *c)
                    .and_then(|qi| choices.get(qi))
                    .filter(|ch| {
                        ch.cue
                            .is_some_and(|cue| !f.cue.iter().any(|fc| fc.overlaps(cue)))
                    })
            })
            .collect();
        if own.iter().all(Option::is_some) || own.iter().all(Option::is_none) {
            continue;
        }
        let pieces = std::mem::take(&mut f.content);
        for (c, ch) in pieces.into_iter().zip(own) {
            match ch {
                None => f.content.push(c),
                Some(ch) => out.push(Found {
                    source: ch.speaker,
                    cue: ch.cue.into_iter().collect(),
                    content: vec![c],
                    quote: None,
                    antecedent: None,
                }),
            }
        }
    }
    found.extend(out);
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Mention, MentionKind};
    use crate::reported::Found;
    use crate::reported::tests::{at, one, relations};
    use crate::speakers::Choice;
    use crate::text::Span;

    #[test]
    fn a_quotation_keeps_its_own_words_not_what_follows_its_cue() {
        let t = "“I don’t see details about who is left out,” she said after reading the outline.";
        let (s, _, x) = one(t);
        assert_eq!(s, "she");
        assert_eq!(x, ["“I don’t see details about who is left out,”"]);
    }

    #[test]
    fn a_that_clause_after_a_quotation_cue_is_a_relation_of_its_own() {
        let t = "“We do not see a link to terrorism,” the mayor said, adding that it would take hours before details emerge.";
        let r = relations(t);
        let contents: Vec<&str> = r.iter().map(|x| x.2[0].as_str()).collect();
        assert!(
            contents.contains(&"“We do not see a link to terrorism,”"),
            "{r:?}"
        );
        assert!(r.iter().all(|x| x.2.len() == 1), "{r:?}");
    }

    #[test]
    fn a_quotation_continues_a_quotation_not_reported_words() {
        // "Lopez said the council had cut the budget twice. “You cannot run a city like this.”"
        // and "“We cut it twice,” Lopez said. “You cannot run a city like this.”": the same
        // source; only the second pair is one relation
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let run = |t: &str, first: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let lopez = Mention {
                span: at(t, "Lopez"),
                kind: MentionKind::Name,
            };
            let second = at(t, "“You cannot run a city like this.”");
            let mut quotes = vec![second];
            if first.starts_with('“') {
                quotes.insert(0, at(t, first));
            }
            let choices: Vec<Choice> = quotes
                .iter()
                .map(|_| Choice {
                    speaker: Some(lopez),
                    cue: Some(at(t, "said")),
                    margin: 5.0,
                })
                .collect();
            let mut found = vec![Found {
                source: Some(lopez),
                cue: vec![at(t, "said")],
                content: vec![at(t, first)],
                quote: None,
                antecedent: None,
            }];
            super::merge_quotes(t, &tok, &mut found, &quotes, &choices);
            found.iter().map(|f| f.content.len()).collect::<Vec<_>>()
        };
        let reported =
            "Lopez said the council had cut the budget twice. “You cannot run a city like this.”";
        assert_eq!(
            run(reported, "the council had cut the budget twice"),
            [1, 1]
        );
        let quoted = "“We cut it twice,” Lopez said. “You cannot run a city like this.”";
        assert_eq!(run(quoted, "“We cut it twice,”"), [2]);
    }

    /// Reported words, then a quotation the speaker ranker gives a cue of its own: two
    /// relations. With the relation's own cue, one relation of two pieces.
    #[test]
    fn a_quotation_with_its_own_cue_leaves_the_reported_words() {
        let t = "Lopez said the council had cut the budget twice. “You cannot run a city like \
                 this,” she told reporters.";
        let tok = crate::text::tokens::analyze_text(t);
        let lopez = Mention {
            span: at(t, "Lopez"),
            kind: MentionKind::Name,
        };
        let quote = at(t, "“You cannot run a city like this,”");
        let run = |quote_cue: Span| {
            let mut found = vec![Found {
                source: Some(lopez),
                cue: vec![at(t, "said")],
                content: vec![at(t, "the council had cut the budget twice"), quote],
                quote: None,
                antecedent: None,
            }];
            let choices = [Choice {
                speaker: Some(lopez),
                cue: Some(quote_cue),
                margin: 5.0,
            }];
            super::merge_quotes(t, &tok, &mut found, &[quote], &choices);
            found
        };
        let found = run(at(t, "told"));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].content,
            [at(t, "the council had cut the budget twice")]
        );
        assert_eq!(found[1].content, [quote]);
        assert_eq!(found[1].cue, [at(t, "told")]);
        assert_eq!(found[1].quote, Some(0));
        let found = run(at(t, "said"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].content.len(), 2);
    }

    #[test]
    fn a_quotation_is_a_relation_and_its_continuation_joins_it() {
        let t = "“The plan is dead,” Lopez said. “We will start again.”";
        let (s, _, x) = one(t);
        assert_eq!(s, "Lopez");
        assert_eq!(x, ["“The plan is dead,”", "“We will start again.”"]);
    }
}
