//! The speaker is a whole name. The ranker picks one candidate mention; when that mention is a
//! modifier inside a larger noun phrase, the speaker is the phrase's person: "MSNBC host Chris
//! Matthews" -> Chris Matthews, "Obama’s former campaign strategist" -> the description after the
//! possessive, "the Republican presidential nominee" -> the description, not the adjective. A
//! demonym, adjective or place used as a modifier ("US officials") is never the speaker itself.

use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::lexicon::{AUXILIARIES, CLAUSE_FINAL_SPEECH, DOCUMENTS, PREPOSITIONS, is_title};
use crate::syntax::{ends_description, entity_ending_at, entity_starting_at, modifier_of};
use crate::text::normalise;
use crate::text::{Span, TokenKind, Tokenized};

/// A description speaker that the text names right after it: "said the spokesman, Hamid
/// Ibrahimi." (`appositive_name`), "said the factory's trade union secretary Dragutin
/// Stanojlovic" (a possessive and a title before the name): the name. Other mentions as they are.
pub fn named_description(text: &str, tok: &Tokenized, ents: &[Entity], m: Mention) -> Mention {
    if m.kind != MentionKind::Description {
        return m;
    }
    let name = appositive_name(text, tok, ents, m.span).or_else(|| {
        // "'s", then at most four lower-case or title words, then a person's name
        let next = tok.tokens.partition_point(|t| t.span.start < m.span.end);
        if !matches!(tok.tokens.get(next)?.span.text(text), "’s" | "'s") {
            return None;
        }
        let k = (next + 1..tok.tokens.len().min(next + 6)).find(|&k| {
            let w = tok.tokens[k].span.text(text);
            w.starts_with(char::is_uppercase) && !is_title(&normalise(w))
        })?;
        let words_between = (next + 1..k).all(|j| tok.tokens[j].kind == TokenKind::Word);
        let e = entity_starting_at(ents, tok.tokens[k].span.start)?;
        (words_between && k > next + 1 && e.label == Label::Per).then_some(e.span)
    });
    name.map_or(m, |span| Mention {
        span,
        kind: MentionKind::Name,
    })
}

/// "said the spokesman, Hamid Ibrahimi.": the person's name in apposition right after a
/// description (a comma between, and after the name the sentence or clause ends).
fn appositive_name(text: &str, tok: &Tokenized, ents: &[Entity], d: Span) -> Option<Span> {
    let next = tok.tokens.partition_point(|t| t.span.start < d.end);
    if tok.tokens.get(next)?.span.text(text) != "," {
        return None;
    }
    let e = entity_starting_at(ents, tok.tokens.get(next + 1)?.span.start)?;
    let after = tok.tokens.partition_point(|t| t.span.start < e.span.end);
    let closes = tok
        .tokens
        .get(after)
        .is_none_or(|t| matches!(t.span.text(text), "." | "," | ";" | "!" | "?"));
    (e.label == Label::Per && closes).then_some(e.span)
}

/// "Professor Tom Lodge of the University of the Witwatersrand", "Ann Lee at Acme": a body or
/// place named right after a person by "of", "at" or "from" (a "the" between) is where the
/// person works or comes from; the person speaks.
fn person_of_body(text: &str, tok: &Tokenized, ents: &[Entity], m: Span) -> Option<Span> {
    let mut k = tok.tokens.partition_point(|t| t.span.start < m.start);
    let word = |k: usize| tok.word(text, k);
    if k > 0 && word(k - 1) == "the" {
        k -= 1;
    }
    let prep = k.checked_sub(1)?;
    if !matches!(word(prep).as_ref(), "of" | "at" | "from") {
        return None;
    }
    let end = tok.tokens.get(prep.checked_sub(1)?)?.span.end;
    entity_ending_at(ents, end)
        .filter(|e| e.label == Label::Per)
        .map(|e| e.span)
}

/// The whole speaker phrase for a chosen name mention `m` (token range `toks`).
pub fn whole_speaker(text: &str, tok: &Tokenized, ents: &[Entity], m: Mention) -> Mention {
    if m.kind != MentionKind::Name {
        return m;
    }
    let entity_at = |b: usize| {
        ents.binary_search_by_key(&b, |e| e.span.start)
            .ok()
            .map(|i| ents[i])
    };
    let label = entity_at(m.span.start).map(|e| e.label);
    // "Officials at Homeland Security Investigations, a division of Immigration and Customs
    // Enforcement, said": a name inside an appositive describes the name before it
    if let Some(owner) =
        appositive_owner(text, tok, m.span).and_then(|end| entity_ending_at(ents, end))
    {
        return Mention {
            span: owner.span,
            kind: MentionKind::Name,
        };
    }
    if let Some(p) = person_of_body(text, tok, ents, m.span) {
        return Mention {
            span: p,
            kind: MentionKind::Name,
        };
    }
    let is_person_at = |b: usize| entity_at(b).is_some_and(|e| e.label == Label::Per);
    if let Some(p) = modifier_of(text, tok, m.span, is_person_at).and_then(entity_at) {
        return Mention {
            span: p.span,
            kind: MentionKind::Name,
        };
    }
    let next = tok.tokens.partition_point(|t| t.span.start < m.span.end);
    let possessive = tok
        .tokens
        .get(next)
        .is_some_and(|t| matches!(t.span.text(text), "’s" | "'s"));
    let modifier_only = matches!(label, Some(Label::Misc) | Some(Label::Loc));
    if !(possessive || modifier_only) {
        return m;
    }
    // "Ivana Trump’s brief said": the author of a document is the speaker
    if possessive
        && tok
            .tokens
            .get(next + 1)
            .is_some_and(|t| DOCUMENTS.contains(&normalise(t.span.text(text)).as_str()))
    {
        return m;
    }
    // the lower-case words that follow: "former campaign strategist", "presidential nominee"
    let from = if possessive { next + 1 } else { next };
    let mut end = from;
    while let Some(t) = tok.tokens.get(end) {
        let w = t.span.text(text);
        let lower = t.kind == TokenKind::Word && w.starts_with(char::is_lowercase);
        if !lower || end - from >= 5 || ends_description(&normalise(w)) {
            break;
        }
        end += 1;
    }
    if end == from {
        return m;
    }
    let start = if possessive {
        tok.tokens[from].span.start
    } else {
        m.span.start
    };
    Mention {
        span: Span::new(start, tok.tokens[end - 1].span.end),
        kind: MentionKind::Description,
    }
}

/// If `m` sits in an appositive ("X, a division of M,"), the end byte of X.
fn appositive_owner(text: &str, tok: &Tokenized, m: Span) -> Option<usize> {
    let i = tok.tokens.partition_point(|t| t.span.start < m.start);
    // back over: of <lower-case words> (a|an|the) ,
    let mut k = i;
    let word = |k: usize| tok.word(text, k);
    if k == 0 || word(k - 1) != "of" {
        return None;
    }
    k -= 1;
    let mut steps = 0;
    while k > 0
        && steps < 4
        && tok.tokens[k - 1]
            .span
            .text(text)
            .starts_with(char::is_lowercase)
    {
        k -= 1;
        steps += 1;
        if matches!(word(k).as_ref(), "a" | "an" | "the") {
            break;
        }
    }
    if !(k >= 2 && matches!(word(k).as_ref(), "a" | "an" | "the") && word(k - 1) == ",") {
        return None;
    }
    Some(tok.tokens[k - 2].span.end)
}

/// "the Chicago Police Department which reported “…”", "Smith, who said “…”": the name before a
/// relative pronoun and a cue, right before the quotation, is the speaker.
pub fn relative_clause_speaker(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    is_cue: impl Fn(usize) -> bool,
    q: Span,
) -> Option<Mention> {
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    // NAME [,] (which|who|that) CUE [that|:|,] “
    let mut k = open;
    if k > 0 && matches!(tok.tokens[k - 1].span.text(text), "that" | ":" | ",") {
        k -= 1;
    }
    if k < 3 || !is_cue(k - 1) {
        return None;
    }
    let rel = tok.word(text, k - 2);
    if !matches!(rel.as_ref(), "which" | "who" | "that") {
        return None;
    }
    let mut n = k - 2;
    if n > 0 && tok.tokens[n - 1].span.text(text) == "," {
        n -= 1;
    }
    let name_end = tok.tokens.get(n.checked_sub(1)?)?.span.end;
    let e = entity_ending_at(ents, name_end)?;
    matches!(e.label, Label::Per | Label::Org).then_some(Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

/// "Ireland's Data Protection Commission (DPC), which oversees Meta in the EU, said ...": a
/// mention inside a relative clause that ends right before a cue is not the one speaking; the
/// name the clause describes is. Returns that name when `m` sits in such a clause.
pub fn outside_relative_clause(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    is_cue: impl Fn(usize) -> bool,
    m: Span,
) -> Option<Mention> {
    let i = tok.tokens.partition_point(|t| t.span.start < m.start);
    let j = tok.tokens.partition_point(|t| t.span.start < m.end);
    let word = |k: usize| tok.tokens[k].span.text(text);
    // back to ", which|who" (at most 12 tokens, no stop, no other comma)
    let rel = (i.saturating_sub(12)..i)
        .rev()
        .take_while(|&k| !clause_stop(text, tok, k) && word(k) != ",")
        .find(|&k| matches!(tok.word(text, k).as_ref(), "which" | "who"))?;
    if rel == 0 || word(rel - 1) != "," {
        return None;
    }
    // on to the clause's closing comma and a cue right after it
    comma_before_cue(text, tok, &is_cue, j..j + 12)?;
    // the name before the clause, over a parenthesised short form ("Commission (DPC)")
    let mut end = rel - 1;
    if end > 0 && word(end - 1) == ")" {
        end = (end.saturating_sub(6)..end - 1)
            .rev()
            .find(|&k| word(k) == "(")?;
    }
    let e = entity_ending_at(ents, tok.tokens.get(end.checked_sub(1)?)?.span.end)?;
    matches!(e.label, Label::Per | Label::Org).then_some(Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

/// "“This decision is flawed,” Nick Clegg, the firm's president of global affairs, wrote.": a
/// name right after the quotation, an appositive between commas, then a cue word: the name is the
/// speaker. (Without the appositive the ranker sees the pattern; with it, an earlier "Meta said"
/// could win.)
pub fn name_appositive_cue(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    is_cue: impl Fn(usize) -> bool,
    q: Span,
) -> Option<Mention> {
    // the quotation ends with a comma inside its marks
    if !text[..q.end]
        .trim_end_matches(['”', '"', '’', '\''])
        .ends_with(',')
    {
        return None;
    }
    let k = ents.partition_point(|e| e.span.start < q.end);
    let e = ents.get(k).filter(|e| {
        matches!(e.label, Label::Per | Label::Org) && text[q.end..e.span.start].trim().is_empty()
    })?;
    let after = tok.tokens.partition_point(|t| t.span.start < e.span.end);
    if tok.tokens.get(after)?.span.text(text) != "," {
        return None;
    }
    comma_before_cue(text, tok, &is_cue, after + 2..after + 16).map(|_| Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

/// The token ranges of the clauses that attribute quotation `q`: the clause right after it (up
/// to 14 tokens, to the first clause stop, after a comma that closes the quotation; none after a
/// quotation that ends its sentence with a full stop or its paragraph) and, when the
/// quotation follows a colon or a comma, the clause before it (from the previous clause stop, at
/// most 14 tokens back). Constant work per quotation.
pub(crate) fn adjacent_clauses(
    text: &str,
    tok: &Tokenized,
    q: Span,
) -> impl Iterator<Item = std::ops::Range<usize>> {
    let n = tok.tokens.len();
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    let close = tok.tokens.partition_point(|t| t.span.start < q.end);
    let stop = |k: usize| clause_stop(text, tok, k);
    let mut after = close;
    if tok
        .tokens
        .get(after)
        .is_some_and(|t| t.span.text(text) == ",")
    {
        after += 1;
    }
    let after_end = (after..n.min(after + 14))
        .find(|&k| stop(k))
        .unwrap_or(n.min(after + 14));
    // “… authorities.” then a new paragraph, or a full stop inside the marks: what follows is
    // another sentence, no clause of this quotation's
    let inner = q
        .text(text)
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let next_start = tok.tokens.get(close).map_or(text.len(), |t| t.span.start);
    let closed = inner.ends_with('.') || text[q.end..next_start].contains('\n');
    let after_end = if closed { after } else { after_end };
    let before = open
        .checked_sub(1)
        .filter(|&k| matches!(tok.tokens[k].span.text(text), ":" | ","));
    let before_range = before.map(|b| {
        let lo = (b.saturating_sub(14)..b)
            .rev()
            .find(|&k| stop(k))
            .map_or(b.saturating_sub(14), |k| k + 1);
        lo..b
    });
    std::iter::once(after..after_end).chain(before_range)
}

/// Does token `k` end a clause for the rules above (a quotation mark, or . ; : ! ?)?
pub(crate) fn clause_stop(text: &str, tok: &Tokenized, k: usize) -> bool {
    matches!(tok.tokens[k].kind, TokenKind::Quote)
        || matches!(tok.tokens[k].span.text(text), "." | ";" | ":" | "!" | "?")
}

/// The first comma among tokens `range` (cut at the text's end, not past a clause stop), when a
/// cue word follows it: ", the firm's president, wrote" / ", which oversees Meta, said".
fn comma_before_cue(
    text: &str,
    tok: &Tokenized,
    is_cue: impl Fn(usize) -> bool,
    range: std::ops::Range<usize>,
) -> Option<usize> {
    (range.start..range.end.min(tok.tokens.len()))
        .take_while(|&k| !clause_stop(text, tok, k))
        .find(|&k| tok.tokens[k].span.text(text) == ",")
        .filter(|&k| is_cue(k + 1))
}

/// "President Obama is rolling out a new campaign message: “It's about me.”": a word for what
/// was said and a colon right before the quotation make the sentence's subject the speaker: the
/// first person or organisation of the sentence that no preposition governs. Only asked when the
/// ranker found no speaker.
pub fn claim_colon_subject(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    q: Span,
) -> Option<Mention> {
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    if open < 2 || tok.tokens[open - 1].span.text(text) != ":" {
        return None;
    }
    if !DOCUMENTS.contains(&tok.word(text, open - 2).as_ref()) {
        return None;
    }
    let sent = tok.sentences.get(tok.sentence_of(open - 1))?;
    // the sentence's start, but never more than 80 tokens back (linear on any text)
    let lo = tok.tokens[sent.start.max(open.saturating_sub(80))]
        .span
        .start;
    let para = tok.paragraph_at(q.start);
    let first = ents.partition_point(|e| e.span.start < lo);
    ents[first..]
        .iter()
        .take_while(|e| e.span.end <= q.start)
        .filter(|e| matches!(e.label, Label::Per | Label::Org))
        .filter(|e| tok.paragraph_at(e.span.start) == para)
        .find(|e| {
            let i = tok.tokens.partition_point(|t| t.span.start < e.span.start);
            // the word before the name, skipping titles ("for President Obama")
            let mut k = i;
            while k > 0 && is_title(&tok.word(text, k - 1)) {
                k -= 1;
            }
            k == 0 || !PREPOSITIONS.contains(&tok.word(text, k - 1).as_ref())
        })
        .map(|e| Mention {
            span: e.span,
            kind: MentionKind::Name,
        })
}

/// "Nancy Reagan was laughed at with her “just say no” message": a short quotation between a
/// possessive "her"/"his"/"its" and the noun it modifies is the possessor's words; the pronoun
/// is the speaker (the actors stage resolves it). "told her “I love you” often" is not: the
/// pronoun follows a preposition or opens a clause, and the word after the quotation is a plain
/// lower-case word, no function word or verb of speech.
pub fn possessive_words(text: &str, tok: &Tokenized, q: Span) -> Option<Mention> {
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    let close = tok.tokens.partition_point(|t| t.span.start < q.end);
    let short = close - open <= 8;
    let poss = tok.tokens.get(open.checked_sub(1)?)?;
    let after = tok.tokens.get(close)?;
    let w = normalise(after.span.text(text));
    let modified = after.kind == TokenKind::Word
        && after.span.text(text).starts_with(char::is_lowercase)
        && !ends_description(&w)
        && !PREPOSITIONS.contains(&w.as_str())
        && !AUXILIARIES.contains(&w.as_str())
        && !CLAUSE_FINAL_SPEECH.contains(&w.as_str());
    // "with her “…” message", "His “…” plan": after a preposition or at a clause's start, the
    // word is a possessive, not the object of "told her"
    let before = (open >= 2).then(|| tok.tokens[open - 2]);
    let determiner = before.is_none_or(|b| {
        b.kind != TokenKind::Word || PREPOSITIONS.contains(&normalise(b.span.text(text)).as_str())
    });
    let possessive = determiner
        && matches!(
            normalise(poss.span.text(text)).as_str(),
            "her" | "his" | "its"
        );
    (short && possessive && modified).then_some(Mention {
        span: poss.span,
        kind: MentionKind::Pronoun,
    })
}

/// "Trump’s claim that “…”", "Trump’s statement about “…”": a possessive name and a word for
/// what was said, right before the quotation, make the owner the speaker, whoever the sentence's
/// subject is.
pub fn possessive_claim(text: &str, tok: &Tokenized, ents: &[Entity], q: Span) -> Option<Mention> {
    let open = tok.tokens.partition_point(|t| t.span.start < q.start);
    // NAME ’s CLAIM [that there have been] “ : the claim word within six words of the quote,
    // with no punctuation or other quotation between
    let mut k = open;
    let mut steps = 0;
    loop {
        if k < 3 || steps > 6 {
            return None;
        }
        let t = tok.tokens[k - 1];
        if DOCUMENTS.contains(&normalise(t.span.text(text)).as_str()) {
            break;
        }
        let w = t.span.text(text);
        let plain = t.kind == TokenKind::Word && w.starts_with(char::is_lowercase);
        if !(plain || (steps == 0 && w == ":")) {
            return None;
        }
        k -= 1;
        steps += 1;
    }
    // "Trump’s statement was “true.”": the quotation judges the claim, it is not the claim
    let verdict = tok.tokens.get(k).is_some_and(|t| {
        matches!(
            normalise(t.span.text(text)).as_str(),
            "was"
                | "is"
                | "were"
                | "are"
                | "seemed"
                | "seems"
                | "looked"
                | "sounded"
                | "proved"
                | "rated"
                | "deemed"
                | "called"
        )
    });
    if verdict && k < open {
        return None;
    }
    let claim = tok.word(text, k - 1);
    let poss = tok.tokens[k - 2].span.text(text);
    if !DOCUMENTS.contains(&claim.as_ref()) || !matches!(poss, "’s" | "'s") {
        return None;
    }
    let name_end = tok.tokens[k - 3].span.end;
    let e = entity_ending_at(ents, name_end)?;
    matches!(e.label, Label::Per | Label::Org).then_some(Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    fn whole(t: &str, names: &[(&str, Label)], chosen: &str) -> (String, MentionKind) {
        let tok = analyze_text(t);
        let mut from = 0;
        let ents: Vec<Entity> = names
            .iter()
            .map(|(n, l)| {
                let b = from + t[from..].find(n).unwrap();
                from = b + n.len();
                Entity {
                    span: Span::new(b, b + n.len()),
                    label: *l,
                }
            })
            .collect();
        let s = t.find(chosen).unwrap();
        let m = Mention {
            span: Span::new(s, s + chosen.len()),
            kind: MentionKind::Name,
        };
        let w = whole_speaker(t, &tok, &ents, m);
        (w.span.text(t).to_string(), w.kind)
    }

    #[test]
    fn an_outlet_before_a_host_gives_the_host() {
        let t = "“Fine,” said MSNBC host Chris Matthews.";
        let got = whole(
            t,
            &[("MSNBC", Label::Org), ("Chris Matthews", Label::Per)],
            "MSNBC",
        );
        assert_eq!(got, ("Chris Matthews".to_string(), MentionKind::Name));
        let t = "“Fine,” IMF chief economist Maury Obstfeld said.";
        let got = whole(
            t,
            &[("IMF", Label::Org), ("Maury Obstfeld", Label::Per)],
            "IMF",
        );
        assert_eq!(got.0, "Maury Obstfeld");
    }

    #[test]
    fn a_person_modifier_gives_the_person_it_modifies() {
        let t = "“Pleased,” Trump lawyer Marc Kasowitz said.";
        let got = whole(
            t,
            &[("Trump", Label::Per), ("Marc Kasowitz", Label::Per)],
            "Trump",
        );
        assert_eq!(got.0, "Marc Kasowitz");
    }

    #[test]
    fn a_description_gives_the_name_in_apposition_after_it() {
        let t = "“A great game,” said the spokesman, Hamid Ibrahimi.";
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, &[("Hamid Ibrahimi", Label::Per)]);
        let at = t.find("the spokesman").unwrap();
        let d = Span::new(at, at + "the spokesman".len());
        assert_eq!(
            appositive_name(t, &tok, &ents, d).map(|s| s.text(t)),
            Some("Hamid Ibrahimi")
        );
        // must not fire: the name opens another clause
        let t = "“A great game,” said the spokesman, Hamid Ibrahimi agreed.";
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, &[("Hamid Ibrahimi", Label::Per)]);
        assert_eq!(appositive_name(t, &tok, &ents, d), None);
    }

    #[test]
    fn a_description_named_after_its_possessive_and_title_gives_the_name() {
        let t = "“Stubborn,” said the factory's trade union secretary Dragutin Stanojlovic.";
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, &[("Dragutin Stanojlovic", Label::Per)]);
        let at = t.find("the factory").unwrap();
        let m = Mention {
            span: Span::new(at, at + "the factory".len()),
            kind: MentionKind::Description,
        };
        assert_eq!(
            named_description(t, &tok, &ents, m).span.text(t),
            "Dragutin Stanojlovic"
        );
        // must not fire: a possessive with no title before the name
        let t = "“Stubborn,” said the factory's Dragutin Stanojlovic.";
        let tok = analyze_text(t);
        let ents = crate::actors::test_entities(t, &[("Dragutin Stanojlovic", Label::Per)]);
        assert_eq!(named_description(t, &tok, &ents, m).span, m.span);
    }

    #[test]
    fn words_owned_by_a_possessive_pronoun_are_its_referent_s() {
        fn words(t: &str) -> Option<&str> {
            let tok = analyze_text(t);
            possessive_words(t, &tok, crate::actors::test_first_quote(t)).map(|m| m.span.text(t))
        }
        assert_eq!(
            words("She was mocked for her “just say no” message."),
            Some("her")
        );
        // must not fire: "her" as an object, a long quotation
        assert_eq!(words("He told her “I love you” and left."), None);
        assert_eq!(words("He told her “I love you” often."), None);
    }

    #[test]
    fn a_body_named_after_a_person_gives_the_person() {
        let names = [
            ("Tom Lodge", Label::Per),
            ("University of Natal", Label::Org),
        ];
        let t = "Tom Lodge of the University of Natal demurred, saying: “Healthy.”";
        assert_eq!(whole(t, &names, "University of Natal").0, "Tom Lodge");
        // must not fire: a body after a preposition that does not follow the person
        let t = "Tom Lodge spoke at length of the University of Natal: “Healthy.”";
        assert_eq!(
            whole(t, &names, "University of Natal").0,
            "University of Natal"
        );
    }

    #[test]
    fn a_body_and_its_bracketed_acronym_before_a_title_give_the_person() {
        let names = [
            ("Farmers' Union", Label::Org),
            ("NFU", Label::Org),
            ("John Jones", Label::Per),
        ];
        let t = "“Careful,” Farmers' Union (NFU) chairman John Jones said.";
        assert_eq!(whole(t, &names, "Farmers' Union").0, "John Jones");
        // must not fire: a bracket that holds no acronym
        let names = [("Farmers' Union", Label::Org), ("John Jones", Label::Per)];
        let t = "“Careful,” Farmers' Union (in Wales) chairman John Jones said.";
        assert_eq!(whole(t, &names, "Farmers' Union").0, "Farmers' Union");
    }

    #[test]
    fn a_body_before_a_title_of_several_words_gives_the_person() {
        let t = "“No,” Senate Majority Leader Mitch McConnell said.";
        let got = whole(
            t,
            &[("Senate", Label::Org), ("Mitch McConnell", Label::Per)],
            "Senate",
        );
        assert_eq!(got.0, "Mitch McConnell");
        let t = "“No,” Clinton communication director Jennifer Palmieri said.";
        let got = whole(
            t,
            &[("Clinton", Label::Per), ("Jennifer Palmieri", Label::Per)],
            "Clinton",
        );
        assert_eq!(got.0, "Jennifer Palmieri");
    }

    #[test]
    fn a_clause_between_two_names_is_no_title() {
        // a verb, an adverb or a plain adjective before the title: the first name is no modifier
        for (t, first, second) in [
            (
                "Trump openly admires Russian President Vladimir Putin as a “strong leader.”",
                "Trump",
                "Vladimir Putin",
            ),
            (
                "Chris Christie described Democratic presidential nominee Hillary Clinton as a “disgrace.”",
                "Chris Christie",
                "Hillary Clinton",
            ),
        ] {
            let got = whole(t, &[(first, Label::Per), (second, Label::Per)], first);
            assert_eq!(got.0, first, "{t}");
        }
    }

    #[test]
    fn a_possessor_gives_the_description_it_owns() {
        let t = "“Outrageous,” Obama’s former campaign strategist said.";
        let got = whole(t, &[("Obama", Label::Per)], "Obama");
        assert_eq!(
            got,
            (
                "former campaign strategist".to_string(),
                MentionKind::Description
            )
        );
    }

    #[test]
    fn an_adjective_or_place_modifier_is_never_the_speaker() {
        let t = "The Republican presidential nominee said “fair” twice.";
        let got = whole(t, &[("Republican", Label::Misc)], "Republican");
        assert_eq!(
            got,
            (
                "Republican presidential nominee".to_string(),
                MentionKind::Description
            )
        );
        let t = "US officials said “no”.";
        assert_eq!(whole(t, &[("US", Label::Loc)], "US").0, "US officials");
        // the description stops before a verb
        let t = "Only European immigrants are “safe” here.";
        let got = whole(t, &[("European", Label::Misc)], "European").0;
        assert_eq!(got, "European immigrants");
    }

    #[test]
    fn the_author_of_a_document_is_the_speaker() {
        let t = "“No,” Ivana Trump’s brief said.";
        let got = whole(t, &[("Ivana Trump", Label::Per)], "Ivana Trump");
        assert_eq!(got, ("Ivana Trump".to_string(), MentionKind::Name));
    }

    #[test]
    fn a_possessive_claim_right_before_the_quote_names_its_owner() {
        let t = "Politifact checked Donald Trump’s claim that “thousands of shootings” happened.";
        let tok = analyze_text(t);
        let ents = vec![
            Entity {
                span: Span::new(0, 10),
                label: Label::Org,
            },
            Entity {
                span: Span::new(19, 31),
                label: Label::Per,
            },
        ];
        let q = crate::actors::test_first_quote(t);
        let m = possessive_claim(t, &tok, &ents, q).unwrap();
        assert_eq!(m.span.text(t), "Donald Trump");
        // no possessive claim: the ranker decides
        let t2 = "Politifact said that “thousands of shootings” happened.";
        let tok2 = analyze_text(t2);
        let q2 = crate::actors::test_first_quote(t2);
        assert_eq!(possessive_claim(t2, &tok2, &ents[..1], q2), None);
        // a verdict on the claim is not the claim
        let t3 = "Politifact said Donald Trump’s claim was “true.”";
        let tok3 = analyze_text(t3);
        let ents3 = vec![Entity {
            span: Span::new(16, 28),
            label: Label::Per,
        }];
        assert_eq!(ents3[0].span.text(t3), "Donald Trump");
        let q3 = crate::actors::test_first_quote(t3);
        assert_eq!(possessive_claim(t3, &tok3, &ents3, q3), None);
    }

    #[test]
    fn a_name_in_an_appositive_gives_the_name_it_describes() {
        let t = "Officials at Homeland Security Investigations, a division of Immigration and Customs Enforcement, said “no”.";
        let got = whole(
            t,
            &[
                ("Homeland Security Investigations", Label::Org),
                ("Immigration and Customs Enforcement", Label::Org),
            ],
            "Immigration and Customs Enforcement",
        );
        assert_eq!(got.0, "Homeland Security Investigations");
    }

    #[test]
    fn the_name_before_a_relative_clause_with_a_cue_is_the_speaker() {
        let t = "They turned to the Chicago Police Department which reported “2,521 shooting incidents” in the city.";
        let tok = analyze_text(t);
        let s = t.find("Chicago").unwrap();
        let ents = vec![Entity {
            span: Span::new(s, s + "Chicago Police Department".len()),
            label: Label::Org,
        }];
        let reported = tok
            .tokens
            .iter()
            .position(|x| x.span.text(t) == "reported")
            .unwrap();
        let q = crate::actors::test_first_quote(t);
        let m = relative_clause_speaker(t, &tok, &ents, |i| i == reported, q).unwrap();
        assert_eq!(m.span.text(t), "Chicago Police Department");
        // without a cue the ranker decides
        assert_eq!(relative_clause_speaker(t, &tok, &ents, |_| false, q), None);
    }

    #[test]
    fn a_plain_name_stays_as_it_is() {
        let t = "“Fine,” Chris Matthews said of Trump.";
        let got = whole(
            t,
            &[("Chris Matthews", Label::Per), ("Trump", Label::Per)],
            "Chris Matthews",
        );
        assert_eq!(got, ("Chris Matthews".to_string(), MentionKind::Name));
    }
}
