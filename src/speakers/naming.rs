//! "Japan branded North Korea an “outlaw nation”", "Reid called Trump a “con artist”": a verb
//! of naming puts the quoted words in its subject's mouth, not its object's, though the object
//! stands nearer the quotation. This module only reads that pattern; the ranker decides the rest.

use super::phrase::clause_stop;
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::{AUXILIARIES, NAMING_VERBS};
use crate::text::{Span, Tokenized, normalise};

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
    let word = |k: usize| normalise(tok.tokens[k].span.text(text));
    let verb = (open.saturating_sub(MAX_OBJECT)..open)
        .rev()
        .find(|&k| NAMING_VERBS.contains(&word(k).as_str()))?;
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
                w.as_str(),
                "also" | "long" | "often" | "again" | "once" | "even" | "now" | "still"
            );
        if adverb || AUXILIARIES.contains(&w.as_str()) {
            k -= 1;
        } else {
            break;
        }
    }
    let end = tok.tokens.get(k.checked_sub(1)?)?.span.end;
    let i = ents.partition_point(|e| e.span.end < end);
    let e = ents.get(i).filter(|e| e.span.end == end)?;
    matches!(e.label, Label::Per | Label::Org | Label::Loc).then_some(Mention {
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
}
