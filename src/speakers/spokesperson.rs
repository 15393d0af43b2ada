//! "“We urge restraint,” a spokeswoman for Acme Corp said": an unnamed spokesperson next to a
//! cue speaks as a description that holds the body they speak for. This module reads only that
//! pattern; a named spokesperson is left to the ranker, and which actor the description refers to
//! is `actors::resolve`'s.

use super::phrase::{adjacent_clauses, clause_stop};
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::{SPOKESPERSONS, is_title};
use crate::syntax::{entity_ending_at, entity_starting_at};
use crate::text::normalise;
use crate::text::{Span, Tokenized};

/// "“We urge restraint,” a spokeswoman for Acme Corp said." / "said a White House spokesman" /
/// "A Foreign Ministry spokesman said: “…”": an unnamed spokesperson next to a cue word in the
/// clause right after the quotation (or right before it, ending in a colon or comma) is the
/// speaker, as a description that holds the body they speak for: the body named before the
/// spokes-word ("a White House spokesman") or after it with "for", "of" or "at" ("a spokeswoman
/// for Acme Corp", "a spokesman for Prime Minister Netanyahu"). A spokesperson with no body
/// named is left to the ranker, as is a named spokesperson ("spokesman Josh Earnest said"),
/// whom the ranker reads as a name.
pub fn spokesperson(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    is_cue: impl Fn(usize) -> bool,
    q: Span,
) -> Option<Mention> {
    for range in adjacent_clauses(text, tok, q) {
        if !range.clone().any(&is_cue) {
            continue;
        }
        let Some(s) = range
            .clone()
            .find(|&k| SPOKESPERSONS.contains(&tok.word(text, k).as_ref()))
        else {
            continue;
        };
        let spoke = tok.tokens[s].span;
        // a name right after the spokes-word (or its comma) is the spokesperson's own
        let next = (s + 1..range.end).find(|&k| tok.tokens[k].span.text(text) != ",");
        if let Some(k) = next
            && entity_starting_at(ents, tok.tokens[k].span.start)
                .is_some_and(|e| e.label == Label::Per)
        {
            return None;
        }
        // the phrase's start: the determiner or name before the spokes-word, within 5 tokens
        let mut start = spoke.start;
        for k in (range.start.max(s.saturating_sub(5))..s).rev() {
            let t = tok.tokens[k];
            if is_cue(k) || clause_stop(text, tok, k) || t.span.text(text) == "," {
                break;
            }
            start = t.span.start;
        }
        // "said Wayne Jordan, a spokesman for the Arkansas State Police": the spokesperson is
        // named before the phrase; the ranker reads the name
        let first = tok.tokens.partition_point(|t| t.span.start < start);
        if first >= 2
            && tok.tokens[first - 1].span.text(text) == ","
            && entity_ending_at(ents, tok.tokens[first - 2].span.end)
                .is_some_and(|e| e.label == Label::Per)
        {
            return None;
        }
        // the body after it: "for", "of" or "at", "the" perhaps, then a name
        let mut end = spoke.end;
        if let Some(k) = next
            && matches!(tok.word(text, k).as_ref(), "for" | "of" | "at")
        {
            // "the", and titles: "a spokesman for Prime Minister Netanyahu" speaks for him
            let mut j = k + 1;
            while j < k + 5
                && tok.tokens.get(j).is_some_and(|t| {
                    let w = normalise(t.span.text(text));
                    w == "the" || is_title(&w)
                })
            {
                j += 1;
            }
            if let Some(e) = tok
                .tokens
                .get(j)
                .and_then(|t| entity_starting_at(ents, t.span.start))
                .filter(|e| matches!(e.label, Label::Org | Label::Loc | Label::Per))
            {
                end = e.span.end;
            }
        }
        // only a spokesperson whose body the phrase names: without one, the ranker decides
        let i = ents.partition_point(|e| e.span.start < start);
        let named_before = ents.get(i).is_some_and(|e| e.span.end <= spoke.start);
        return (named_before || end > spoke.end).then_some(Mention {
            span: Span::new(start, end),
            kind: MentionKind::Description,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    /// The spokesperson rule's speaker for the first quotation of `t`, with `names` as entities
    /// and "said" as the only cue word.
    fn spokesperson_in(t: &str, names: &[(&str, Label)]) -> Option<String> {
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, names);
        let said: Vec<bool> = tok
            .tokens
            .iter()
            .map(|x| x.span.text(t) == "said")
            .collect();
        let q = crate::actors::test_first_quote(t);
        spokesperson(t, &tok, &ents, |i| said[i], q).map(|m| {
            assert_eq!(m.kind, MentionKind::Description);
            m.span.text(t).to_string()
        })
    }

    #[test]
    fn an_unnamed_spokesperson_speaks_with_the_body_they_speak_for() {
        let acme = [("Ann Lee", Label::Per), ("Acme Corp", Label::Org)];
        let got = |t: &str| spokesperson_in(t, &acme);
        assert_eq!(
            got("Ann Lee left. “No,” a spokeswoman for Acme Corp said."),
            Some("a spokeswoman for Acme Corp".into())
        );
        assert_eq!(
            got("Ann Lee left. “No,” said a spokeswoman for the Acme Corp."),
            Some("a spokeswoman for the Acme Corp".into())
        );
        assert_eq!(
            got("Ann Lee left. “No,” an Acme Corp spokeswoman said."),
            Some("an Acme Corp spokeswoman".into())
        );
        assert_eq!(
            got("Ann Lee left. An Acme Corp spokesman said: “No.”"),
            Some("An Acme Corp spokesman".into())
        );
        // no body named: the ranker decides
        assert_eq!(
            spokesperson_in("Ann Lee left. “No,” a spokeswoman said.", &acme[..1]),
            None
        );
    }

    #[test]
    fn a_named_spokesperson_or_one_without_a_cue_is_left_to_the_ranker() {
        let names = [("Acme Corp", Label::Org), ("Ann Lee", Label::Per)];
        assert_eq!(
            spokesperson_in("“No,” Acme Corp spokeswoman Ann Lee said.", &names),
            None
        );
        assert_eq!(
            spokesperson_in("“No,” an Acme Corp spokeswoman wrote.", &names[..1]),
            None
        );
        let named_before = [("Ann Lee", Label::Per), ("Acme Corp", Label::Org)];
        assert_eq!(
            spokesperson_in(
                "“No,” said Ann Lee, a spokeswoman for Acme Corp.",
                &named_before
            ),
            None
        );
        // a spokesperson in another clause of the sentence is not the one quoted
        assert_eq!(
            spokesperson_in(
                "“No.” Ann Lee said it; a spokeswoman declined.",
                &names[1..]
            ),
            None
        );
    }
}
