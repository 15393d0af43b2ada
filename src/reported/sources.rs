//! Source rules: who a relation's source is when the tagger's source run is missing or doubtful
//! (an aside before the cue, a relative pronoun opening the cue's clause, the agent of a passive
//! or "according to" cue, an inverted speech verb, nouns opening the cue run), what a source run
//! names (a pronoun, a name inside it, else a description), and what a relative-pronoun source
//! stands for (`antecedent`, `refers_to`). The subject before the cue, when the tagger marked no
//! source, is `subjects`; the order the rules apply in is `grouping::group`.

use super::features::View;
use super::subjects::{description_before, description_ending_at, verbish};
use super::{description, span_of};
use crate::analysis::{Entity, Mention, MentionKind};
use crate::lexicon::{CONNECTIVES, FORMS_OF_BE, FUNCTION_WORDS, INVERTED_SPEECH, PRONOUNS};
use crate::syntax::entity_ending_at;
use crate::text::{Span, TokenKind, TokenRange, Tokenized};

/// "Trump, speaking to a veterans group in Virginia, said ...", "Ms. Khan, in an article in The
/// Washington Post, rebuked ...", "Paradis, who has been active in politics since the age of 25,
/// said ...", "Eva Resnick-Day, an activist for Greenpeace, demanded ...": when the cue follows
/// an aside set off by commas that opens with a participle ("speaking", "appearing"; not
/// "including" or "according"), a preposition, a relative pronoun or a determiner (an
/// appositive), and a person or organisation (or a pronoun) ends right before the aside, the
/// source is that name, not a name inside the aside. `chosen` is the source found so far; the
/// rule applies only when it is missing or lies inside the aside.
pub(super) fn aside_subject(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
    chosen: Option<Mention>,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let close = cue.start.checked_sub(1).filter(|&i| word(i) == ",")?;
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    let open = (first.max(close.saturating_sub(25))..close)
        .rev()
        .find(|&i| word(i) == ",")?;
    if open == first || open + 1 >= close {
        return None;
    }
    let head = word(open + 1);
    let opens_aside = head.ends_with("ing") && !matches!(head, "including" | "according")
        || crate::lexicon::PREPOSITIONS.contains(&head)
        || matches!(head, "who" | "which" | "the" | "a" | "an");
    if !opens_aside || !head.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let phrase = Span::new(tok.tokens[open].span.start, tok.tokens[close].span.end);
    if chosen.is_some_and(|m| !phrase.contains(m.span)) {
        return None;
    }
    // with no name before it, the noun phrase there ("The Obama administration, in an effort
    // to ..., has said"); not before an appositive, which as often opens the sentence's own
    // clause ("In a statement announcing the pick, the union called ..., citing")
    let appositive = matches!(head, "the" | "a" | "an");
    name_or_pronoun_at(text, ents, tok.tokens[open - 1].span).or_else(|| {
        let before = TokenRange {
            start: open,
            end: open + 1,
        };
        (!appositive).then(|| description_before(text, tok, before))?
    })
}

/// "House conservatives who have vehemently opposed it", "Sanders, who endorsed Clinton": a
/// relative pronoun that opens the cue's clause, with only auxiliaries and adverbs between it and
/// the cue, is the source as written (PolNeAR marks it so; its antecedent gives the actor), when
/// the source chosen so far lies before it.
pub(super) fn relative_subject(
    text: &str,
    tok: &Tokenized,
    cue: TokenRange,
    chosen: Option<Mention>,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    let mut i = cue.start.checked_sub(1)?;
    while i > first && cue.start - i <= 3 && verbish(word(i)) {
        i -= 1;
    }
    if !RELATIVE_PRONOUNS.contains(&word(i)) {
        return None;
    }
    let pronoun = tok.tokens[i].span;
    chosen
        .is_some_and(|m| m.span.end <= pronoun.start)
        .then_some(Mention {
            span: pronoun,
            kind: MentionKind::Description,
        })
}

/// "was quickly dismissed by the media and voters", "according to her lawyers": a cue that
/// ends with "according to", or a passive cue with "by" at or right after its end, names its
/// source after it (PolNeAR marks the agent, not the subject before the cue): a source run the
/// tagger marked there, else a name or pronoun among the next three tokens, else the noun phrase
/// there (up to six words, not across punctuation or a function word) as a description. Not for
/// verbs of feeling ("was impressed by"), whose subject feels.
pub(super) fn agent_after(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
    sources: &[TokenRange],
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let end = tok.sentences[tok.sentence_of(cue.start)].end;
    let last = cue.end - 1;
    let according =
        word(last) == "to" && last > cue.start && word(last - 1).eq_ignore_ascii_case("according");
    let passive = (cue.start..cue.end).any(|i| FORMS_OF_BE.contains(&word(i)))
        && (cue.start..cue.end).any(|i| word(i).ends_with("ed"))
        && !(cue.start..cue.end).any(|i| crate::lexicon::FEELING_VERBS.contains(&word(i)));
    let start = if according || passive && word(last) == "by" {
        cue.end
    } else if passive && cue.end < end && word(cue.end) == "by" {
        cue.end + 1
    } else {
        return None;
    };
    // `sources` are in text order
    let k = sources.partition_point(|r| r.start < start);
    if let Some(r) = sources.get(k).filter(|r| r.start == start) {
        return Some(source_mention(text, tok, ents, *r));
    }
    mention_after(text, tok, ents, start..end)
}

/// The name or pronoun among the first three tokens of `within`, else the noun phrase opening
/// it (up to six words, not across punctuation or a function word) as a description.
pub(super) fn mention_after(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    within: std::ops::Range<usize>,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let (start, end) = (within.start, within.end);
    let function_word = |i: usize| FUNCTION_WORDS.contains(&word(i).to_lowercase().as_str());
    let words: Vec<usize> = (start..end.min(start + 6))
        .take_while(|&i| tok.tokens[i].kind == TokenKind::Word && (i == start || !function_word(i)))
        .collect();
    if let Some(m) = words
        .iter()
        .take(3)
        .find_map(|&i| name_or_pronoun_at(text, ents, tok.tokens[i].span))
    {
        return Some(m);
    }
    let (&a, &b) = (words.first()?, words.last()?);
    Some(description(
        tok,
        TokenRange {
            start: a,
            end: b + 1,
        },
    ))
}

/// "..., say experts like Paul Bauman": a speech verb right after a comma or a closing quotation
/// mark, with nothing found before it, has its source right after it.
pub(super) fn inverted_speaker(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let prev = cue.start.checked_sub(1)?;
    let after_comma = word(prev) == "," || tok.tokens[prev].kind == TokenKind::Quote;
    let speech = cue.len() == 1 && INVERTED_SPEECH.contains(&word(cue.start));
    let end = tok.sentences[tok.sentence_of(cue.start)].end;
    (after_comma && speech).then(|| mention_after(text, tok, ents, cue.end..end))?
}

/// "one lawmaker called Trump ...", "researchers disclosed a cache": a cue run that opens with
/// nouns (not cue words, function words, auxiliaries or words in -ly, -ing, -ed) before its first
/// cue word holds its source; the source, and the cue without it. Not an article or a possessive
/// "'s" alone.
pub(super) fn source_in_cue(
    text: &str,
    view: &View,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<(Mention, TokenRange)> {
    let tok = view.tok;
    let word = |i: usize| tok.tokens[i].span.text(text);
    let nounish = |i: usize| {
        let w = word(i);
        let lower = w.to_lowercase();
        tok.tokens[i].kind == TokenKind::Word
            && !view.has_cue(TokenRange {
                start: i,
                end: i + 1,
            })
            && !FUNCTION_WORDS.contains(&lower.as_str())
            && !crate::lexicon::AUXILIARIES.contains(&lower.as_str())
            && !["ly", "ing", "ed"].iter().any(|x| lower.ends_with(x))
    };
    let split = (cue.start..cue.end).find(|&i| !nounish(i))?;
    if split == cue.start
        || split - cue.start > 4
        || !view.has_cue(TokenRange {
            start: split,
            end: split + 1,
        })
    {
        return None;
    }
    let head = TokenRange {
        start: cue.start,
        end: split,
    };
    // an article or a possessive "'s" alone names no one
    let names_nothing = |i: usize| {
        matches!(word(i).to_lowercase().as_str(), "a" | "an" | "the")
            || word(i).starts_with(['\'', '’'])
    };
    if (head.start..head.end).all(names_nothing) {
        return None;
    }
    let m = (head.start..head.end)
        .find_map(|i| name_or_pronoun_at(text, ents, tok.tokens[i].span))
        .unwrap_or(description(tok, head));
    Some((
        m,
        TokenRange {
            start: split,
            end: cue.end,
        },
    ))
}

/// Relative pronouns that PolNeAR marks as a source as written ("Sanders, who endorsed ...").
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "that"];

/// Can a tagged source run name someone? Not when every word of it is a function word, an
/// adverb in -ly or a verb in -ing ("or", "but", "optimistically", "taking"): such a run is the
/// tagger's mistake, and the fallbacks choose instead. Possessives stay (PolNeAR marks "his" in
/// "his criticism of"), and so do numbers ("47%" of a poll).
pub(super) fn could_be_source(text: &str, tok: &Tokenized, r: TokenRange) -> bool {
    (r.start..r.end).any(|i| {
        let t = tok.tokens[i];
        let w = t.span.text(text);
        t.kind == TokenKind::Number
            || t.kind == TokenKind::Word
                && (w.starts_with(char::is_uppercase)
                    || !(CONNECTIVES.contains(&w)
                        || crate::lexicon::PREPOSITIONS.contains(&w)
                        || (w.len() > 4 && (w.ends_with("ly") || w.ends_with("ing")))))
    })
}

/// The person or organisation whose name holds token `t`, or `t` itself when it is a pronoun.
pub(super) fn name_or_pronoun_at(text: &str, ents: &[Entity], t: Span) -> Option<Mention> {
    let k = ents.partition_point(|e| e.span.end <= t.start);
    if let Some(e) = ents.get(k).filter(|e| {
        e.span.contains(t)
            && matches!(
                e.label,
                crate::analysis::Label::Per | crate::analysis::Label::Org
            )
    }) {
        return Some(Mention {
            span: e.span,
            kind: MentionKind::Name,
        });
    }
    PRONOUNS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(t.text(text)))
        .then_some(Mention {
            span: t,
            kind: MentionKind::Pronoun,
        })
}

/// What a source run names: a pronoun, the first person (else the first entity) inside it, or
/// the run as a description.
pub(super) fn source_mention(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    r: TokenRange,
) -> Mention {
    let span = span_of(tok, r);
    if r.len() == 1
        && PRONOUNS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(span.text(text)))
    {
        return Mention {
            span,
            kind: MentionKind::Pronoun,
        };
    }
    let lo = ents.partition_point(|e| e.span.start < span.start);
    let inside = ents[lo..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .filter(|e| span.contains(e.span));
    let named = inside
        .clone()
        .find(|e| e.label == crate::analysis::Label::Per)
        .or_else(|| inside.clone().next());
    match named {
        Some(e) => Mention {
            span: e.span,
            kind: MentionKind::Name,
        },
        None => Mention {
            span,
            kind: MentionKind::Description,
        },
    }
}

/// "David Reyes, who voted against the plan, said ...": for a source that opens with a relative
/// pronoun, the name just before it (and its comma).
pub(super) fn antecedent(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    source: Span,
) -> Option<Mention> {
    let first = tok.tokens.partition_point(|t| t.span.start < source.start);
    if !RELATIVE_PRONOUNS.contains(&tok.tokens.get(first)?.span.text(text)) {
        return None;
    }
    let mut before = first.checked_sub(1)?;
    if tok.text_of(text, before) == "," {
        before = before.checked_sub(1)?;
    }
    entity_ending_at(ents, tok.tokens[before].span.end).map(|e| Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

/// For a source that is a bare relative pronoun ("who" in "Republican leaders who have opposed
/// the plan"), what it stands for, for readers: the name before it (`antecedent`), else the noun
/// phrase before it ("leaders"). The source as written stays the pronoun (PolNeAR's, and
/// `score.py`'s, notion of the source).
pub fn refers_to(text: &str, tok: &Tokenized, ents: &[Entity], source: Span) -> Option<Mention> {
    let first = tok.tokens.partition_point(|t| t.span.start < source.start);
    let t = tok.tokens.get(first)?;
    if t.span != source || !RELATIVE_PRONOUNS.contains(&t.span.text(text)) {
        return None;
    }
    antecedent(text, tok, ents, source).or_else(|| {
        let end = match first.checked_sub(1)? {
            c if tok.text_of(text, c) == "," => c,
            _ => first,
        };
        let lo = tok.sentences[tok.sentence_of(first)].start;
        description_ending_at(text, tok, end, lo)
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Entity, Label, Mention, MentionKind};
    use crate::reported::tagger::Role;
    use crate::reported::tests::{at, ent};
    use crate::text::Span;
    use crate::{Models, analyze_with};

    /// A tagged source run of function words, -ly adverbs or -ing verbs names no one; names,
    /// nouns, numbers ("47%" of a poll) and possessives ("his" in "his criticism of") can.
    #[test]
    fn a_source_run_must_be_able_to_name_someone() {
        let t = "Rubio, but optimistically, or taking it in stride, his critics and 47% of voters.";
        let tok = crate::text::tokens::analyze_text(t);
        let run = |w: &str| tok.tokens_of(at(t, w));
        for w in ["but", "optimistically", "or taking", "in"] {
            assert!(!super::could_be_source(t, &tok, run(w)), "{w}");
        }
        for w in ["Rubio", "his", "critics", "47", "or taking it"] {
            assert!(super::could_be_source(t, &tok, run(w)), "{w}");
        }
    }

    #[test]
    fn an_aside_before_the_cue_does_not_hold_the_source() {
        use super::aside_subject;
        let case = |text: &str, names: &[(&str, Label)], chosen: Option<&str>| {
            let tok = crate::text::tokens::analyze_text(text);
            let ents: Vec<Entity> = names.iter().map(|(n, l)| ent(text, n, *l)).collect();
            let cue = tok
                .tokens
                .iter()
                .position(|t| t.span.text(text) == "said")
                .unwrap();
            let chosen = chosen.map(|n| Mention {
                span: ent(text, n, Label::Loc).span,
                kind: MentionKind::Name,
            });
            let range = crate::text::TokenRange {
                start: cue,
                end: cue + 1,
            };
            aside_subject(text, &tok, &ents, range, chosen).map(|m| m.span.text(text).to_string())
        };
        let text = "Trump, speaking to a veterans group in Virginia, said he would act.";
        let names = [("Trump", Label::Per), ("Virginia", Label::Loc)];
        // a source inside the phrase, or none, gives way to the name before it
        assert_eq!(
            case(text, &names, Some("Virginia")).as_deref(),
            Some("Trump")
        );
        assert_eq!(case(text, &names, None).as_deref(), Some("Trump"));
        // a source outside the phrase stays
        let text2 = "Aides to Trump, speaking in Virginia, said he would act.";
        assert_eq!(case(text2, &[("Trump", Label::Per)], Some("Aides")), None);
        // "including" and "according" phrases, and phrases after a place, are left alone
        let text3 = "Unions, including the AFT, said the deal was fair.";
        assert_eq!(case(text3, &[("AFT", Label::Org)], Some("AFT")), None);
        let text4 = "In Ohio, speaking to reporters, said the aide.";
        assert_eq!(case(text4, &[("Ohio", Label::Loc)], None), None);
        // a pronoun before the phrase is the source too
        let text5 = "She, appearing with Ruiz, said the plan would fail.";
        assert_eq!(
            case(text5, &[("Ruiz", Label::Per)], Some("Ruiz")).as_deref(),
            Some("She")
        );
        // an aside opening with a preposition or a relative pronoun
        let names6 = [("Ms. Okafor", Label::Per), ("Tribune", Label::Org)];
        let text6 = "Ms. Okafor, in an article in the Tribune, said the plan would fail.";
        assert_eq!(
            case(text6, &names6, Some("Tribune")).as_deref(),
            Some("Ms. Okafor")
        );
        let text7 = "Ms. Okafor, who writes for the Tribune, said the plan would fail.";
        assert_eq!(
            case(text7, &names6, Some("Tribune")).as_deref(),
            Some("Ms. Okafor")
        );
        // an appositive is an aside too
        let text9 = "Ms. Okafor, a columnist at the Tribune, said the plan would fail.";
        assert_eq!(
            case(text9, &names6, Some("Tribune")).as_deref(),
            Some("Ms. Okafor")
        );
        // a clause that is no aside ("and ...") is left alone
        let text8 = "Ms. Okafor, and the Tribune, said the plan would fail.";
        assert_eq!(case(text8, &names6, Some("Tribune")), None);
        // no name before the aside: the noun phrase there, as a description
        let text10 = "The young candidates, for whom Ohio matters, said the plan would fail.";
        let ohio = [("Ohio", Label::Loc)];
        assert_eq!(
            case(text10, &ohio, Some("Ohio")).as_deref(),
            Some("The young candidates")
        );
        assert_eq!(
            case(text10, &ohio, None).as_deref(),
            Some("The young candidates")
        );
    }

    #[test]
    fn a_relative_pronoun_opening_the_cues_clause_is_the_source() {
        use super::relative_subject;
        let case = |text: &str, cue: &str, chosen: &str| {
            let tok = crate::text::tokens::analyze_text(text);
            let start = tok
                .tokens
                .iter()
                .position(|t| t.span.text(text) == cue)
                .unwrap();
            let s = text.find(chosen).unwrap();
            let chosen = Mention {
                span: Span::new(s, s + chosen.len()),
                kind: MentionKind::Name,
            };
            let range = crate::text::TokenRange {
                start,
                end: start + 1,
            };
            relative_subject(text, &tok, range, Some(chosen)).map(|m| m.span.text(text).to_string())
        };
        let text = "House members who have vehemently opposed the bill met on Monday.";
        assert_eq!(case(text, "opposed", "House").as_deref(), Some("who"));
        let text = "The poll by Quinnipiac that showed a tie was cited.";
        assert_eq!(case(text, "showed", "Quinnipiac").as_deref(), Some("that"));
        // a subject between the pronoun and the cue ("that voters believe"), or a chosen source
        // after the pronoun, leaves the source alone
        let text = "Polls by Gallup show that voters believe the economy is weak.";
        assert_eq!(case(text, "believe", "Gallup"), None);
        let text = "Those who Lopez said were absent came later.";
        assert_eq!(case(text, "said", "Lopez"), None);
    }

    /// A passive cue ("was criticized by") or "according to" takes the source after it: a name,
    /// else the noun phrase there; a verb of feeling ("was impressed by") does not.
    #[test]
    fn a_passive_or_according_to_cue_names_its_source_after_it() {
        let agent = |t: &str, names: &[&str], cue: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
            super::agent_after(t, &tok, &ents, tok.tokens_of(at(t, cue)), &[])
                .map(|m| m.span.text(t).to_string())
        };
        let t = "Ortiz was sharply criticized by the local union leaders for the plan.";
        assert_eq!(
            agent(t, &["Ortiz"], "was sharply criticized").as_deref(),
            Some("the local union leaders")
        );
        assert_eq!(
            agent(t, &["Ortiz"], "was sharply criticized by").as_deref(),
            Some("the local union leaders")
        );
        let t = "The plan was rejected by Senator Lee on Monday.";
        assert_eq!(
            agent(t, &["Senator Lee"], "was rejected").as_deref(),
            Some("Senator Lee")
        );
        let t = "According to Ortiz, the plan failed.";
        assert_eq!(
            agent(t, &["Ortiz"], "According to").as_deref(),
            Some("Ortiz")
        );
        // a verb of feeling, an active cue, a passive with no agent: nothing
        let t = "Neither man was impressed by Ortiz on Monday.";
        assert_eq!(agent(t, &["Ortiz"], "was impressed"), None);
        let t = "Ortiz criticized the plan by the river.";
        assert_eq!(agent(t, &["Ortiz"], "criticized"), None);
        let t = "Ortiz was criticized for the plan.";
        assert_eq!(agent(t, &["Ortiz"], "was criticized"), None);
    }

    /// "..., say experts like Ana Ortiz": a speech verb after a comma or a closing quotation
    /// mark has its source after it; not a speech verb that follows its subject.
    #[test]
    fn an_inverted_speech_verb_has_its_source_after_it() {
        let speaker = |t: &str, names: &[&str], cue: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
            super::inverted_speaker(t, &tok, &ents, tok.tokens_of(at(t, cue)))
                .map(|m| m.span.text(t).to_string())
        };
        let t = "Part of the problem, say experts like Ana Ortiz, is the soft ground.";
        assert_eq!(
            speaker(t, &["Ana Ortiz"], "say").as_deref(),
            Some("Ana Ortiz")
        );
        let t = "\u{201c}It failed,\u{201d} said one senior official on Monday.";
        assert_eq!(
            speaker(t, &[], "said").as_deref(),
            Some("one senior official")
        );
        let t = "Experts say the ground is soft.";
        assert_eq!(speaker(t, &[], "say"), None);
    }

    /// A cue run that opens with a noun before its cue word ("researchers disclosed") holds the
    /// source, and the cue is the rest; an article alone ("An argument about") names no one.
    #[test]
    fn a_noun_opening_the_cue_run_is_its_source() {
        let t = "In 2000, researchers disclosed a cache of documents. An argument about the plan \
                 followed.";
        let tok = crate::text::tokens::analyze_text(t);
        let cues = crate::cues::Cues::embedded().unwrap();
        let view = crate::reported::features::View::new(t, &tok, &[], &[], &cues);
        let run = |w: &str| tok.tokens_of(at(t, w));
        let found = |cue: &str, content: &str| {
            let runs = [(Role::Cue, run(cue)), (Role::Content, run(content))];
            let f = crate::reported::grouping::group(t, &view, &[], &runs).remove(0);
            (
                f.source.map(|m| m.span.text(t).to_string()),
                f.cue[0].text(t).to_string(),
            )
        };
        assert_eq!(
            found("researchers disclosed", "a cache of documents"),
            (Some("researchers".to_string()), "disclosed".to_string())
        );
        assert_eq!(
            found("An argument about", "the plan"),
            (None, "An argument about".to_string())
        );
    }

    #[test]
    fn a_relative_pronoun_source_has_the_name_before_it_as_antecedent() {
        let t = "Councilman David Reyes, who voted against the plan, said so.";
        let tok = crate::text::tokens::analyze_text(t);
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let ents = [Entity {
            span: at("David Reyes"),
            label: Label::Per,
        }];
        let m = super::antecedent(t, &tok, &ents, at("who voted against the plan")).unwrap();
        assert_eq!(m.span.text(t), "David Reyes");
        // a source that is no relative pronoun has none
        assert_eq!(super::antecedent(t, &tok, &ents, at("the plan")), None);
    }

    #[test]
    fn a_relative_pronoun_source_refers_to_the_name_or_phrase_before_it() {
        let refers = |t: &str, names: &[&str], source: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
            let s = t.find(source).unwrap();
            super::refers_to(t, &tok, &ents, Span::new(s, s + source.len()))
                .map(|m| (m.span.text(t).to_string(), m.kind))
        };
        let t = "Senator Maria Lopez, who opposed the plan, spoke.";
        assert_eq!(
            refers(t, &["Maria Lopez"], "who"),
            Some(("Maria Lopez".into(), MentionKind::Name))
        );
        let t = "Republican leaders who have opposed the plan met.";
        assert_eq!(
            refers(t, &[], "who"),
            Some(("leaders".into(), MentionKind::Description))
        );
        // a source that is no bare relative pronoun refers to nothing more
        assert_eq!(refers(t, &[], "Republican leaders"), None);
        let t = "Who opposed the plan?";
        assert_eq!(refers(t, &[], "Who"), None);
    }

    #[test]
    fn a_relative_clause_between_name_and_cue_keeps_the_name_as_actor() {
        let t = "Councilman David Reyes, who voted against the plan, said the city had not studied the shade.";
        let m = Models::embedded().unwrap();
        let a = analyze_with(t, &m).unwrap();
        let r = &a.attributions[0];
        // the source as written is the name or the relative clause ("who ..."); the actor is the
        // name's either way
        let src = r.source.unwrap().span.text(t);
        assert!(src == "David Reyes" || src.starts_with("who"), "{r:?}");
        let actor = &a.actors[r.actor.expect("an actor").0 as usize];
        assert_eq!(actor.name, "David Reyes");
    }
}
