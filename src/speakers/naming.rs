//! "Japan branded North Korea an “outlaw nation”", "Reid called Trump a “con artist”": a verb
//! of naming puts the quoted words in its subject's mouth, not its object's, though the object
//! stands nearer the quotation. This module only reads that pattern; the ranker decides the rest.

use super::phrase::clause_stop;
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::{AUXILIARIES, NAMING_VERBS};
use crate::syntax::{entity_ending_at, entity_starting_at};
use crate::text::{Span, Tokenized};

/// How far before the quotation (in tokens) the verb of naming may stand.
const MAX_OBJECT: usize = 8;

/// The subject of a verb of naming whose object the quotation names: the person, organisation
/// or place that ends right before the verb (adverbs and auxiliaries between: "has long
/// called"), with the verb at most `MAX_OBJECT` tokens before the quotation and nothing that
/// ends a clause between them.
pub fn naming_verb_subject(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    q: Span,
) -> Option<Mention> {
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    let word = |k: usize| tok.word(text, k);
    let verb = (open.saturating_sub(MAX_OBJECT)..open)
        .rev()
        .find(|&k| NAMING_VERBS.contains(&word(k).as_ref()))?;
    // no clause ends between the verb and the quotation, nor a comma
    if (verb + 1..open).any(|k| clause_stop(text, tok, k) || tok.tokens[k].span.text(text) == ",") {
        return None;
    }
    // back over adverbs and auxiliaries to the subject
    let mut k = verb;
    while k > 0 && verb - k < 3 {
        let w = word(k - 1);
        let adverb = w.ends_with("ly")
            || matches!(
                w.as_ref(),
                "also" | "long" | "often" | "again" | "once" | "even" | "now" | "still"
            );
        if adverb || AUXILIARIES.contains(&w.as_ref()) {
            k -= 1;
        } else {
            break;
        }
    }
    let end = tok.tokens.get(k.checked_sub(1)?)?.span.end;
    let e = entity_ending_at(ents, end)?;
    matches!(e.label, Label::Per | Label::Org | Label::Loc).then_some(Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

/// "Reid, in particular, has been pounding Trump as a “con artist”", "called Trump a “con
/// artist”": the name the quotation labels (right before it, after a verb of naming or before
/// "as", an article between) is not the one who says it, whoever the subject is.
pub fn named_object(text: &str, tok: &Tokenized, ents: &[Entity], q: Span) -> Option<Span> {
    let word = |k: usize| tok.word(text, k);
    let mut k = tok.tokens.partition_point(|t| t.span.start < q.start);
    if k > 0 && matches!(word(k - 1).as_ref(), "a" | "an" | "the") {
        k -= 1;
    }
    let as_ = k > 0 && word(k - 1) == "as";
    if as_ {
        k -= 1;
    }
    let end = tok.tokens.get(k.checked_sub(1)?)?.span.end;
    let e = entity_ending_at(ents, end)?;
    let first = tok.tokens.partition_point(|t| t.span.start < e.span.start);
    let after_verb = first > 0 && NAMING_VERBS.contains(&word(first - 1).as_ref());
    (as_ || after_verb).then_some(e.span)
}

/// Past participles that name in the passive: "described as “…” by X", "dubbed “…” by X".
const PASSIVE_NAMING: &[&str] = &[
    "described",
    "called",
    "branded",
    "labeled",
    "labelled",
    "dubbed",
    "termed",
    "hailed",
    "denounced",
];

/// "the movie described as “a tender and cruel comedy” by Lelouche": in the passive, the one
/// after "by" names, so says the words: a person or organisation right after the "by" that
/// follows the quotation, with the participle (and "as", an article) right before it.
pub fn passive_naming_agent(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    q: Span,
) -> Option<Mention> {
    let word = |k: usize| (k < tok.tokens.len()).then(|| tok.word(text, k));
    let mut k = tok.tokens.partition_point(|t| t.span.start < q.start);
    for skip in ["a", "an", "the", "as"] {
        if k > 0 && word(k - 1).as_deref() == Some(skip) {
            k -= 1;
        }
    }
    if !(k > 0 && word(k - 1).is_some_and(|w| PASSIVE_NAMING.contains(&w.as_ref()))) {
        return None;
    }
    let after = tok.tokens.partition_point(|t| t.span.start < q.end);
    if word(after).as_deref() != Some("by") {
        return None;
    }
    let agent = tok.tokens.get(after + 1)?.span.start;
    let e = entity_starting_at(ents, agent)?;
    matches!(e.label, Label::Per | Label::Org).then_some(Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    fn subject(t: &str, names: &[(&str, Label)]) -> Option<String> {
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, names);
        let q = crate::actors::test_first_quote(t);
        naming_verb_subject(t, &tok, &ents, q).map(|m| m.span.text(t).to_string())
    }

    #[test]
    fn the_one_who_names_says_the_quoted_words() {
        let japan = [("Japan", Label::Loc), ("North Korea", Label::Loc)];
        assert_eq!(
            subject(
                "Japan branded North Korea an “outlaw nation” on Friday.",
                &japan
            )
            .as_deref(),
            Some("Japan")
        );
        let reid = [("Harry Reid", Label::Per), ("Trump", Label::Per)];
        assert_eq!(
            subject("Harry Reid has long called Trump a “con artist.”", &reid).as_deref(),
            Some("Harry Reid")
        );
    }

    #[test]
    fn the_name_a_quotation_labels_is_not_its_speaker() {
        let reid = [("Harry Reid", Label::Per), ("Trump", Label::Per)];
        let named = |t: &str| {
            let tok = analyze_text(t);
            let ents = crate::actors::test_entities(t, &reid);
            let q = crate::actors::test_first_quote(t);
            named_object(t, &tok, &ents, q).map(|s| s.text(t).to_string())
        };
        let trump = Some("Trump".to_string());
        assert_eq!(
            named("Harry Reid, in particular, has been pounding Trump as a “con artist.”"),
            trump
        );
        assert_eq!(named("Harry Reid called Trump “a con artist.”"), trump);
        // must not fire: the name is the speaker, or no labelling between
        assert_eq!(named("Harry Reid met Trump, who said “we will win.”"), None);
        assert_eq!(
            named("Harry Reid met Trump. “A con artist,” he said."),
            None
        );
    }

    #[test]
    fn no_verb_of_naming_or_another_clause_leaves_it_to_the_ranker() {
        let reid = [("Harry Reid", Label::Per), ("Trump", Label::Per)];
        assert_eq!(
            subject("Harry Reid met Trump, a “con artist.”", &reid),
            None
        );
        assert_eq!(
            subject("Harry Reid called Trump. “A con artist,” he said.", &reid),
            None
        );
        // the subject must be a name right before the verb
        assert_eq!(
            subject(
                "They say Harry Reid and others called Trump a “con artist.”",
                &reid
            ),
            None
        );
    }

    #[test]
    fn in_the_passive_the_one_after_by_names() {
        let names = [("Tapie", Label::Per), ("Lelouche", Label::Per)];
        let agent = |t: &str| {
            let tok = analyze_text(t);
            let ents = crate::actors::test_entities(t, &names);
            let q = crate::actors::test_first_quote(t);
            passive_naming_agent(t, &tok, &ents, q).map(|m| m.span.text(t).to_string())
        };
        let t = "Tapie plays a lawyer in a movie described as “a cruel comedy” by Lelouche.";
        assert_eq!(agent(t).as_deref(), Some("Lelouche"));
        // no participle of naming before the quotation, or no "by" after it: no rule
        let t = "Tapie plays a lawyer in “a cruel comedy” by Lelouche.";
        assert_eq!(agent(t), None);
        let t = "Tapie's movie was described as “a cruel comedy” and Lelouche agreed.";
        assert_eq!(agent(t), None);
    }
}
