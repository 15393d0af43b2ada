//! The source before the cue, when the tagger marked none: the name or pronoun just before it
//! (`subject_before`), the subject of the clause a continuing cue belongs to
//! (`clause_subject`: "Rubio has shifted ..., offering"), else the noun phrase that ends right
//! before it (`description_before`). How `group` chooses among them is in `grouping`.

use super::description;
use super::sources::name_or_pronoun_at;
use crate::analysis::{Entity, Mention, MentionKind};
use crate::lexicon::PRONOUNS;
use crate::syntax::phrase_before;
use crate::text::{TokenKind, TokenRange, Tokenized};

/// When the tagger marked no source: the name or pronoun just before the cue in its sentence
/// ("Stumpf tried on Tuesday to make the case that ..."), at most 8 tokens back, not across a
/// full stop, colon or quotation mark.
pub(super) fn subject_before(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<Mention> {
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    for i in (first.max(cue.start.saturating_sub(8))..cue.start).rev() {
        let t = tok.tokens[i];
        if matches!(t.kind, TokenKind::Quote)
            || matches!(t.span.text(text), "." | ":" | ";" | "!" | "?")
        {
            return None;
        }
        if let Some(m) = name_or_pronoun_at(text, ents, t.span) {
            return Some(m);
        }
        // "Mr. Obama, who understood that ...": the relative pronoun right before the cue is the
        // source as written (its antecedent gives the actor); not "which state media claimed",
        // nor across a clause ("Britain, which has a large army, blocked ...")
        if matches!(t.span.text(text), "who" | "which")
            && cue.start - i <= 3
            && (i + 1..cue.start).all(|j| tok.text_of(text, j) != ",")
            && !(i + 1..cue.start).any(|j| {
                let w = tok.tokens[j].span.text(text);
                w.starts_with(char::is_uppercase) || matches!(w, "the" | "a" | "an")
            })
        {
            return Some(Mention {
                span: t.span,
                kind: MentionKind::Description,
            });
        }
    }
    None
}

/// How far back from a cue (in tokens) `clause_subject` looks for the opening of its sentence.
const CLAUSE_REACH: usize = 60;

/// When nothing else gives a source and the cue continues a clause ("Rubio has shifted to match
/// the mood, offering ...", "Clinton tried here last week to ... and promised ..."): the name
/// or pronoun that opens the sentence, its subject.
pub(super) fn clause_subject(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let prev = cue.start.checked_sub(1)?;
    let head = word(cue.start);
    let continues = matches!(word(prev), "," | "and")
        && (head.ends_with("ing") || word(prev) == "and")
        && head.starts_with(|c: char| c.is_lowercase())
        && !matches!(head, "including" | "according");
    if !continues {
        return None;
    }
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    // a subject further back than CLAUSE_REACH tokens is not looked for (and the time spent on
    // a cue stays bounded however long the sentence)
    if cue.start - first > CLAUSE_REACH
        || (first..cue.start)
            .any(|i| matches!(word(i), ":" | ";") || tok.tokens[i].kind == TokenKind::Quote)
    {
        return None;
    }
    // the subject opens the sentence, after at most one opener ("But", "Likewise,", "More
    // recently,")
    let mut i = first;
    if i + 2 < cue.start && (matches!(word(i), "But" | "And" | "Yet" | "So") || word(i + 1) == ",")
    {
        i += 1 + usize::from(word(i + 1) == ",");
    } else if i + 3 < cue.start
        && word(i + 2) == ","
        && (i..i + 2).all(|j| {
            tok.tokens[j].kind == TokenKind::Word
                && name_or_pronoun_at(text, ents, tok.tokens[j].span).is_none()
        })
    {
        i += 3;
    }
    // "The retired neurosurgeon has provided no details ..., saying": with no name, an article
    // opening a noun phrase of a few words that a verb follows
    let description_at = |i: usize| {
        if !matches!(word(i), "The" | "A" | "An" | "the" | "a" | "an") {
            return None;
        }
        let end = (i + 2..(i + 6).min(prev)).find(|&j| {
            let w = word(j);
            verbish(w) || crate::lexicon::IRREGULAR_PAST.contains(&w)
        })?;
        (i + 1..end)
            .all(|j| tok.tokens[j].kind == TokenKind::Word)
            .then(|| description(tok, TokenRange { start: i, end }))
    };
    // a name or pronoun within the first four words, after capitalised ones only ("Democratic
    // front-runner Hillary Clinton was ..." is not taken: "front-runner" stops it, and neither
    // is "most Clinton allies"), and not a possessive ("Trump's comments") nor a name that
    // modifies a noun ("Obama aides met")
    let subject_at = |i: usize| {
        let Some(m) = (i..(i + 4).min(prev))
            .take_while(|&j| {
                word(j).starts_with(|c: char| c.is_uppercase())
                    || (j == i && PRONOUNS.contains(&word(j)))
            })
            .find_map(|j| name_or_pronoun_at(text, ents, tok.tokens[j].span))
        else {
            return description_at(i);
        };
        let next = tok.tokens.partition_point(|t| t.span.start < m.span.end);
        let after = tok.tokens.get(next).map_or("", |t| t.span.text(text));
        let modifier = matches!(after, "'s" | "’s" | "'" | "’")
            || m.kind == MentionKind::Name
                && after.starts_with(|c: char| c.is_lowercase())
                && !verbish(after)
                && !crate::lexicon::IRREGULAR_PAST.contains(&after);
        (!modifier).then_some(m)
    };
    // after a fronted phrase ("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton
    // tried ..."): the first comma that a subject follows
    let fronted = crate::lexicon::PREPOSITIONS.contains(&word(i).to_lowercase().as_str());
    if fronted {
        (i..prev)
            .filter(|&j| word(j) == ",")
            .find_map(|j| subject_at(j + 1))
    } else {
        subject_at(i)
    }
}

/// A word that can follow a subject as (the start of) its verb: an auxiliary, an adverb, or a
/// verb in -ed ("Rubio has", "Zucker also", "Trump surged"). Not a word in -s: a plural noun
/// ("Obama aides") looks the same as a verb ("Clinton wins"), and taking neither cost nothing on
/// PolNeAR train.
pub(super) fn verbish(w: &str) -> bool {
    crate::lexicon::AUXILIARIES.contains(&w)
        || matches!(
            w,
            "also" | "then" | "still" | "never" | "once" | "again" | "quickly" | "soon"
        )
        || w.ends_with("ly")
        || w.ends_with("ed")
}

/// When neither the tagger nor `subject_before` finds a source: the noun phrase that ends right
/// before the cue ("an arbitration panel found", "administrators decided"), as a description.
pub(super) fn description_before(text: &str, tok: &Tokenized, cue: TokenRange) -> Option<Mention> {
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    description_ending_at(text, tok, cue.start, first)
}

/// The noun phrase that ends right before token `end`, as a description: at most 8 tokens back
/// and not before token `first` (the first of its sentence). What `description_before` takes
/// before a cue, and `sources::refers_to` before a relative pronoun.
pub(super) fn description_ending_at(
    text: &str,
    tok: &Tokenized,
    end: usize,
    first: usize,
) -> Option<Mention> {
    let (a, b) = phrase_before(text, tok, end, first.max(end.saturating_sub(8)))?;
    Some(description(tok, TokenRange { start: a, end: b }))
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Entity, Label, MentionKind};
    use crate::reported::tests::{at, ent};

    #[test]
    fn a_relative_pronoun_is_the_subject_only_right_before_the_cue() {
        let t =
            "Mr. Obama, who understood that, acted. Britain, which has a large army, blocked it.";
        let tok = crate::text::tokens::analyze_text(t);
        let cue = |w: &str| tok.tokens_of(at(t, w));
        let who = super::subject_before(t, &tok, &[], cue("understood")).unwrap();
        assert_eq!(who.span.text(t), "who");
        assert_eq!(super::subject_before(t, &tok, &[], cue("blocked")), None);
    }

    /// `clause_subject` for the cue word `cue` of `t`, with the first occurrence of each of
    /// `names` found as a person.
    fn clause_subject_of<'a>(t: &'a str, names: &[&str], cue: &str) -> Option<&'a str> {
        let tok = crate::text::tokens::analyze_text(t);
        let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
        super::clause_subject(t, &tok, &ents, tok.tokens_of(at(t, cue))).map(|m| m.span.text(t))
    }

    /// A cue continuing its clause ("..., offering", "... and promised") with no source near it
    /// takes the name or pronoun that opens the sentence; not a possessive or a name that
    /// modifies a noun, nor a cue that opens a clause of its own.
    #[test]
    fn a_continuing_cue_takes_the_sentence_subject() {
        let t = "Rubio has shifted to match the mood, offering a plan. Likewise, she tried and \
                 promised more. Trump's remarks drew fire, prompting a reply. Obama aides met \
                 Tuesday, saying little. Rubio spoke. Critics said it failed. Likewise, Lee \
                 went after them and called for calm.";
        let subject = |w: &str| clause_subject_of(t, &["Rubio", "Trump", "Obama", "Lee"], w);
        assert_eq!(subject("offering"), Some("Rubio"));
        assert_eq!(subject("promised"), Some("she"));
        assert_eq!(subject("prompting"), None);
        assert_eq!(subject("saying"), None);
        assert_eq!(subject("failed"), None);
        // an irregular past verb after the name shows it is the subject, as "-ed" does
        assert_eq!(subject("called"), Some("Lee"));
        // with no name, a noun phrase opening with an article that a verb follows
        let t = "The retired surgeon has given no details, saying little. The plan for the new tax \
                 on drinks failed, prompting a reply. The city of Reno, the state and its counties met, \
                 urging calm.";
        let subject = |w: &str| clause_subject_of(t, &[], w);
        assert_eq!(subject("saying"), Some("The retired surgeon"));
        // an opener of two words and a comma ("More recently,"), not a name and its comma
        let t2 = "More recently, Ortiz has changed course, urging calm. Mr. Lee, in a long \
                  speech, spoke for an hour, criticizing the plan.";
        let subject2 = |w: &str| clause_subject_of(t2, &["Ortiz", "Mr. Lee"], w);
        assert_eq!(subject2("urging"), Some("Ortiz"));
        assert_eq!(subject2("criticizing"), Some("Mr. Lee"));
        assert_eq!(subject("prompting"), None);
        assert_eq!(subject("urging"), None);
    }

    /// After a fronted phrase ("At a rally in Ames, Iowa, on Sunday, ..."), the subject is the
    /// name after the comma that closes it, not a name inside it.
    #[test]
    fn a_fronted_phrase_is_skipped_to_find_the_subject() {
        let t = "At a rally in Ames, Iowa, on Sunday, Ortiz tried to explain, saying more. \
                 With Okafor, Lee left early, adding little.";
        let subject = |w: &str| clause_subject_of(t, &["Ortiz", "Okafor", "Lee"], w);
        assert_eq!(subject("saying"), Some("Ortiz"));
        assert_eq!(subject("adding"), Some("Lee"));
    }

    /// `clause_subject` looks back at most `CLAUSE_REACH` tokens, so that a cue in an endless
    /// sentence costs a bounded time.
    #[test]
    fn a_subject_too_far_back_is_not_looked_for() {
        let near = "Ortiz worked for the union, saying more.".to_string();
        let far = format!(
            "Ortiz worked for the union{}, saying more.",
            " and the city".repeat(25)
        );
        assert_eq!(
            clause_subject_of(&near, &["Ortiz"], "saying"),
            Some("Ortiz")
        );
        assert_eq!(clause_subject_of(&far, &["Ortiz"], "saying"), None);
    }

    #[test]
    fn without_a_name_the_noun_phrase_before_the_cue_is_the_source() {
        let t = "In May, an arbitration panel found the firm at fault.";
        let tok = crate::text::tokens::analyze_text(t);
        let cue = tok.tokens_of(at(t, "found"));
        let m = super::description_before(t, &tok, cue).unwrap();
        assert_eq!(m.span.text(t), "an arbitration panel");
        assert_eq!(m.kind, MentionKind::Description);
        // a cue opening its sentence has none
        let t = "Found: the firm at fault.";
        let tok = crate::text::tokens::analyze_text(t);
        let cue = tok.tokens_of(at(t, "Found"));
        assert_eq!(super::description_before(t, &tok, cue), None);
    }
}
