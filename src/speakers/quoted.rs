//! "“The war is over,” Interfax quoted Lebed as saying": wire copy names the outlet that
//! quotes and the one quoted in one clause; the one quoted is the speaker. This module reads
//! only that pattern; the ranker decides the rest.

use super::phrase::adjacent_clauses;
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::syntax::entity_ending_at;
use crate::text::{Span, Tokenized, normalise};

/// "“The war is over,” Interfax quoted Lebed as saying." / "the agency quoted Foreign Minister
/// Klaus Kinkel as saying: “…”": in a clause next to the quotation, the one quoted ("quoted X as
/// saying") is the speaker, not the outlet that quotes: the last person or organisation between
/// "quoted" and "as saying", or a pronoun there ("quoted him as saying").
pub fn quoted_as_saying(text: &str, tok: &Tokenized, ents: &[Entity], q: Span) -> Option<Mention> {
    let word = |k: usize| tok.word(text, k);
    for range in adjacent_clauses(text, tok, q) {
        let Some(quoted) = range.clone().find(|&k| word(k) == "quoted") else {
            continue;
        };
        let Some(as_) = (quoted + 1..range.end).find(|&k| word(k) == "as") else {
            continue;
        };
        let saying = tok
            .tokens
            .get(as_ + 1)
            .map(|t| normalise(t.span.text(text)));
        if !saying.is_some_and(|w| {
            matches!(
                w.as_str(),
                "saying" | "telling" | "writing" | "stating" | "adding" | "declaring"
            )
        }) {
            continue;
        }
        // "Lebed was quoted by Interfax as saying": the subject, not the outlet after "by"
        if quoted > 1
            && matches!(
                word(quoted - 1).as_ref(),
                "was" | "were" | "is" | "are" | "been"
            )
        {
            let k = quoted - 2;
            if let Some(e) = entity_ending_at(ents, tok.tokens[k].span.end)
                .filter(|e| matches!(e.label, Label::Per | Label::Org))
            {
                return Some(Mention {
                    span: e.span,
                    kind: MentionKind::Name,
                });
            }
            let pronoun = matches!(word(k).as_ref(), "he" | "she" | "they");
            return pronoun.then_some(Mention {
                span: tok.tokens[k].span,
                kind: MentionKind::Pronoun,
            });
        }
        let lo = tok.tokens[quoted].span.end;
        let hi = tok.tokens[as_].span.start;
        let first = ents.partition_point(|e| e.span.start < lo);
        let named = ents[first..]
            .iter()
            .take_while(|e| e.span.end <= hi)
            .filter(|e| matches!(e.label, Label::Per | Label::Org))
            .last();
        if let Some(e) = named {
            return Some(Mention {
                span: e.span,
                kind: MentionKind::Name,
            });
        }
        if as_ == quoted + 2 && matches!(word(quoted + 1).as_ref(), "him" | "her" | "them") {
            return Some(Mention {
                span: tok.tokens[quoted + 1].span,
                kind: MentionKind::Pronoun,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    /// `quoted_as_saying`'s speaker for the first quotation of `t`.
    fn quoted_in(t: &str, names: &[(&str, Label)]) -> Option<String> {
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, names);
        let q = crate::actors::test_first_quote(t);
        quoted_as_saying(t, &tok, &ents, q).map(|m| m.span.text(t).to_string())
    }

    #[test]
    fn a_quotation_that_ends_its_sentence_is_not_quoted_by_the_next() {
        let names = [("Shen Guofang", Label::Per), ("Tang Shubei", Label::Per)];
        let t = "Shen Guofang told Reuters: “It was disrupted.”\n\nState media quoted Tang Shubei \
                 as telling a group that it was time.";
        assert_eq!(quoted_in(t, &names), None);
        let t = "Shen Guofang told Reuters: “It was disrupted.” State media quoted Tang Shubei as \
                 telling a group that it was time.";
        assert_eq!(quoted_in(t, &names), None);
        // must not fire: a comma closes the quotation, the clause after it attributes it
        let t = "“It was disrupted,” state media quoted Tang Shubei as saying.";
        assert_eq!(quoted_in(t, &names[1..]).as_deref(), Some("Tang Shubei"));
    }

    #[test]
    fn the_one_quoted_as_saying_is_the_speaker_not_the_outlet() {
        let names = [("Interfax", Label::Org), ("Alexander Lebed", Label::Per)];
        assert_eq!(
            quoted_in(
                "“The war is over,” Interfax quoted Alexander Lebed as saying.",
                &names
            )
            .as_deref(),
            Some("Alexander Lebed")
        );
        assert_eq!(
            quoted_in(
                "Interfax quoted Security Council secretary Alexander Lebed as saying: “Over.”",
                &names
            )
            .as_deref(),
            Some("Alexander Lebed")
        );
        assert_eq!(
            quoted_in("“Over,” the agency quoted him as saying.", &[]).as_deref(),
            Some("him")
        );
        // the passive: the subject is quoted, the outlet after "by" quotes
        assert_eq!(
            quoted_in(
                "“Over,” Alexander Lebed was quoted by Interfax as saying.",
                &names[..0]
            )
            .or_else(|| quoted_in(
                "“Over,” Alexander Lebed was quoted by Interfax as saying.",
                &[("Alexander Lebed", Label::Per), ("Interfax", Label::Org)]
            ))
            .as_deref(),
            Some("Alexander Lebed")
        );
        assert_eq!(
            quoted_in(
                "He was quoted by Interfax as saying: “Over.”",
                &[("Interfax", Label::Org)]
            )
            .as_deref(),
            Some("He")
        );
    }

    #[test]
    fn quoting_without_as_saying_is_left_to_the_ranker() {
        let names = [("Interfax", Label::Org), ("Alexander Lebed", Label::Per)];
        // "quoted" a document, or "as saying" in another clause: not the pattern
        assert_eq!(
            quoted_in("“Over,” Interfax quoted Alexander Lebed's letter.", &names),
            None
        );
        assert_eq!(
            quoted_in(
                "“Over,” Interfax said. It quoted Alexander Lebed as saying more.",
                &names
            ),
            None
        );
    }
}
