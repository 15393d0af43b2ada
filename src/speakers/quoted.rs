//! "“The war is over,” Interfax quoted Lebed as saying": wire copy names the outlet that
//! quotes and the one quoted in one clause; the one quoted is the speaker. This module reads
//! only that pattern; the ranker decides the rest.

use super::phrase::adjacent_clauses;
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::{CLAUSE_FINAL_SPEECH, INVERTED_SPEECH};
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

/// "King Birendra, in Tibet, said the government had “kept vigilance”, the newspaper said": a
/// report inside a report. When the quotation's sentence goes on after it to an outer
/// attribution ("…”, the newspaper said"), and a person named in it said or told, before the
/// quotation, the clause that holds it, that person is the speaker: the subject of the last verb
/// of speech before the quotation, the name right before the verb or the sentence's subject
/// before a comma-set aside ("X, in Tibet, said").
pub fn inner_report(text: &str, tok: &Tokenized, ents: &[Entity], q: Span) -> Option<Mention> {
    let word = |k: usize| normalise(tok.tokens[k].span.text(text));
    let speech = |k: usize| {
        let w = word(k);
        w != "according"
            && (CLAUSE_FINAL_SPEECH.contains(&w.as_str()) || INVERTED_SPEECH.contains(&w.as_str()))
    };
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    let close = tok.tokens.partition_point(|t| t.span.start < q.end);
    let sentence = *tok.sentences.get(tok.sentence_of(open))?;
    // an outer attribution after the quotation, in its sentence: "…”, the newspaper said"
    let outer = (close..sentence.end.min(close + 6)).any(speech);
    if !outer || tok.sentence_of(close.min(tok.tokens.len() - 1)) != tok.sentence_of(open) {
        return None;
    }
    // the last verb of speech before the quotation, with no quotation mark between
    let verb = (sentence.start..open)
        .rev()
        .take_while(|&k| !is_quote_mark(tok.tokens[k].span.text(text)))
        .find(|&k| speech(k))?;
    if verb == sentence.start {
        return None;
    }
    let person = |e: &Entity| e.label == Label::Per;
    let subject = entity_ending_at(ents, tok.tokens[verb - 1].span.end)
        .filter(person)
        .or_else(|| {
            // "King Birendra, in Tibet at the start of a visit, said": the sentence's subject
            if tok.tokens[verb - 1].span.text(text) != "," {
                return None;
            }
            let from = tok.tokens[sentence.start].span.start;
            let first = ents.partition_point(|e| e.span.start < from);
            let e = *ents.get(first)?;
            let at = tok.tokens.partition_point(|t| t.span.start < e.span.start);
            let after = tok.tokens.partition_point(|t| t.span.start < e.span.end);
            (person(&e)
                && at <= sentence.start + 2
                && after < verb
                && tok.tokens[after].span.text(text) == ",")
                .then_some(e)
        })?;
    Some(Mention {
        span: subject.span,
        kind: MentionKind::Name,
    })
}

fn is_quote_mark(t: &str) -> bool {
    matches!(t, "\"" | "“" | "”" | "‘" | "’" | "'")
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

    #[test]
    fn a_report_inside_a_report_is_the_inner_speaker_s() {
        let names = [("Birendra", Label::Per), ("Tibet", Label::Loc)];
        let inner = |t: &str| {
            let tok = analyze_text(t);
            let ents = crate::actors::test_entities(t, &names);
            let q = crate::actors::test_first_quote(t);
            inner_report(t, &tok, &ents, q).map(|m| m.span.text(t).to_string())
        };
        let t = "King Birendra, in Tibet on a visit, said his government had “kept a sharp \
                 vigilance”, the newspaper said.";
        assert_eq!(inner(t).as_deref(), Some("Birendra"));
        // no outer attribution after the quotation: the ranker decides
        let t = "King Birendra, in Tibet on a visit, said his government had “kept a sharp \
                 vigilance”.";
        assert_eq!(inner(t), None);
        // no person said it before the quotation
        let t = "Birendra visited Tibet, where vigilance was “sharp”, the newspaper said.";
        assert_eq!(inner(t), None);
    }
}
