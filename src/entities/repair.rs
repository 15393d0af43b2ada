//! Repairs after tagging, over the whole document: each rule fixes one kind of span or label the
//! tagger gets wrong in news text, and each has a test below. Person names: the words after an
//! honorific, initials and Jr./III, a bare surname after its full name. Bodies: a name cut at
//! its connector ("Coalition for the Homeless"), two organisations joined by "for the", an
//! ordinal or an "of <place>" chapter, a name after a word for a body. Labels: wars, places and
//! bodies tagged as people. Not names: a Title Case section header before a colon. This module
//! does not tag, and it does not group mentions into actors (see `actors`).

use crate::analysis::{Entity, Label};
use crate::hash::DocMap;
use crate::lexicon::{NAME_PARTICLES, PERSON_HONORIFICS};
use crate::text::{Span, TokenKind, Tokenized, normalise};

/// All repairs, in order.
pub fn all(text: &str, tok: &Tokenized, ents: Vec<Entity>) -> Vec<Entity> {
    let out = honorific_names(text, tok, ents);
    let mut out = person_edges(text, tok, out);
    consistent_surnames(text, tok, &mut out);
    let out = join_for_the(text, out);
    let out = named_bodies(text, tok, out);
    let out = named_wars(text, out);
    let out = not_people(text, out);
    let out = without_section_headers(text, tok, out);
    let out = named_by_head(text, tok, out);
    let out = transcript_speakers(text, tok, out);
    let out = no_interjections(text, out);
    let out = ordinals_and_chapters(text, tok, out);
    let out = editors_brackets(text, out);
    in_order_without_overlaps(out)
}

/// "[Angela] Merkel": a first name an editor put in brackets is part of the person's name, one
/// entity from the opening bracket, whether the tagger cut the name at the bracket ("Angela" and
/// "Merkel") or started it inside ("Angela] Merkel").
fn editors_brackets(text: &str, ents: Vec<Entity>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for e in ents {
        let opened = text[..e.span.start].ends_with('[');
        // "Angela] Merkel" as tagged: take in the opening bracket
        if opened && e.label == Label::Per && e.span.text(text).contains("] ") {
            out.push(Entity {
                span: Span::new(e.span.start - 1, e.span.end),
                ..e
            });
            continue;
        }
        // "[Angela]" then "Merkel": one person
        if let Some(prev) = out.last_mut()
            && e.label == Label::Per
            && text[..prev.span.start].ends_with('[')
            && text.get(prev.span.end..e.span.start) == Some("] ")
        {
            *prev = Entity {
                span: Span::new(prev.span.start - 1, e.span.end),
                label: Label::Per,
            };
            continue;
        }
        out.push(e);
    }
    out
}

/// The entities in text order, none overlapping another: where rules meet on a freak text
/// (honorifics, titles and names run together), the earlier (then the longer) entity stays.
fn in_order_without_overlaps(mut ents: Vec<Entity>) -> Vec<Entity> {
    ents.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for e in ents {
        if out.last().is_none_or(|l| l.span.end <= e.span.start) {
            out.push(e);
        }
    }
    out
}

/// Words that open spoken sentences ("Well, look, ...") and the stage directions of transcripts
/// ("(CROSSTALK)"): no names, though capitalised where they stand.
const INTERJECTIONS: &[&str] = &[
    "well", "look", "yes", "yeah", "no", "oh", "okay", "ok", "listen", "sure", "hey", "thanks",
    "sorry",
];
const STAGE_DIRECTIONS: &[&str] = &[
    "APPLAUSE",
    "BOOING",
    "CHEERING",
    "CHEERS",
    "CROSSTALK",
    "INAUDIBLE",
    "LAUGHTER",
    "LAUGHS",
];

/// Drops a one-word entity that is an interjection followed by a comma ("Well, look") or a
/// stage direction in brackets ("(CROSSTALK)", "(LAUGHTER.)").
fn no_interjections(text: &str, mut ents: Vec<Entity>) -> Vec<Entity> {
    ents.retain(|e| {
        let name = e.span.text(text);
        let after = text[e.span.end..].chars().next();
        let before = text[..e.span.start].chars().next_back();
        let interjection =
            after == Some(',') && INTERJECTIONS.contains(&name.to_lowercase().as_str());
        let closing = text[e.span.end..].trim_start_matches('.').chars().next();
        let direction = matches!(before, Some('(' | '['))
            && matches!(closing, Some(')' | ']'))
            && STAGE_DIRECTIONS.contains(&name);
        !(interjection || direction)
    });
    ents
}

/// Speaker labels of a transcript that are roles, not names.
const SPEAKER_ROLES: &[&str] = &[
    "ANNOUNCER",
    "ANSWER",
    "AUDIENCE",
    "CROWD",
    "HOST",
    "INTERVIEWER",
    "MODERATOR",
    "NARRATOR",
    "QUESTION",
    "REPORTER",
    "SPEAKER",
    "UNIDENTIFIED",
];

/// "WALLACE: Let’s start with ...": in a transcript (`text::turns`), a speaker label of two
/// letters or more that is no role word ("MODERATOR", "Q") is a person's name, whatever the
/// tagger made of it.
fn transcript_speakers(text: &str, tok: &Tokenized, mut ents: Vec<Entity>) -> Vec<Entity> {
    let turns = crate::text::turns::dialogue(text, tok);
    if turns.is_empty() {
        return ents;
    }
    // labels in text order, one per paragraph: whatever entity overlaps one gives way to it
    let names: Vec<Span> = turns
        .iter()
        .map(|t| t.label)
        .filter(|l| {
            let label = l.text(text);
            label.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !label.split(' ').any(|w| SPEAKER_ROLES.contains(&w))
        })
        .collect();
    ents.retain(|e| {
        let k = names.partition_point(|l| l.end <= e.span.start);
        !names.get(k).is_some_and(|l| l.overlaps(e.span))
    });
    ents.extend(names.into_iter().map(|span| Entity {
        span,
        label: Label::Per,
    }));
    ents.sort_by_key(|e| e.span);
    ents
}

/// "Mr. Morial said", "Mrs. King added": the capitalised words after an honorific are a person,
/// whatever the tagger said (it may have missed them, or read "King" as a title and dropped it).
/// An entity that starts there is relabelled PER; where none does, one is added. The name runs
/// over capitalised words, initials and particles ("Mr. de Blasio"), and a "Jr."/"Sr." after it.
fn honorific_names(text: &str, tok: &Tokenized, mut ents: Vec<Entity>) -> Vec<Entity> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let name_word = |i: usize| {
        let w = word(i);
        tok.tokens[i].kind == TokenKind::Word
            && (w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
            && !w.contains('’')
            && !w.contains('\'')
    };
    let honorific = |i: usize| PERSON_HONORIFICS.contains(&normalise(word(i)).as_str());
    let mut added = Vec::new();
    let mut j = 0; // first entity that may start at or after the token looked at
    for i in 0..tok.tokens.len().saturating_sub(1) {
        // the cheap test first: this runs on every token
        if !word(i).starts_with(char::is_uppercase) || !honorific(i) {
            continue;
        }
        let a = i + 1;
        let mut b = a;
        // another honorific ends the name ("Mr. Mrs. Zoë" is two tries, not one name), and so
        // does a line break
        while b < tok.tokens.len()
            && b - a < 4
            && name_word(b)
            && !honorific(b)
            && (b == a
                || !text[tok.tokens[b - 1].span.end..tok.tokens[b].span.start].contains('\n'))
        {
            b += 1;
        }
        if b == a || !word(a).starts_with(char::is_uppercase) {
            continue;
        }
        let span = Span::new(tok.tokens[a].span.start, tok.tokens[b - 1].span.end);
        while j < ents.len() && ents[j].span.end <= span.start {
            j += 1;
        }
        // another entity starts inside the name run ("Miss Universe" + "Alicia Machado"): the
        // run is no one name
        let split = ents.get(j + 1).is_some_and(|n| n.span.start < span.end);
        match ents.get_mut(j) {
            // the tagger's span starts at the name: it is a person
            Some(e) if e.span.start == span.start => e.label = Label::Per,
            // it covers the name from the honorific on ("Mr. Morial" as ORG): the name alone
            Some(e) if e.span.start == tok.tokens[i].span.start && !split => {
                e.span = Span::new(span.start, e.span.end.max(span.end));
                e.label = Label::Per;
            }
            // an entity from before the honorific, or one that starts inside the name: left alone
            Some(e) if e.span.start < span.end => {}
            _ => added.push(Entity {
                span,
                label: Label::Per,
            }),
        }
    }
    if !added.is_empty() {
        ents.extend(added);
        ents.sort_by_key(|e| e.span.start);
    }
    ents
}

/// Capitalised heads of the names of bodies that go on with "for", "to", "against" or "of":
/// "Coalition for the Homeless", "Alliance to Reclaim Our Schools", "Movement for Black Lives".
const BODY_HEADS: &[&str] = &[
    "coalition",
    "alliance",
    "movement",
    "committee",
    "association",
    "foundation",
    "institute",
    "center",
    "centre",
    "council",
    "league",
    "union",
    "society",
    "fund",
    "project",
    "campaign",
    "network",
    "partnership",
    "federation",
    "congress",
    "commission",
    "organization",
    "organisation",
    "friends",
    "citizens",
    "americans",
    "mothers",
    "parents",
    "students",
];

/// "The Northeast Ohio Coalition for the Homeless": a name the tagger cut at its connecting word
/// ("Northeast Ohio Coalition" + "Homeless", or "Movement" left untagged + "Black Lives") is one
/// organisation: the capitalised run ending in a body's head word, the connector ("for",
/// "for the", "to", "against", "of": "American Civil Liberties Union of Ohio") and the entity
/// after it.
fn named_bodies(text: &str, tok: &Tokenized, ents: Vec<Entity>) -> Vec<Entity> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let cap =
        |i: usize| tok.tokens[i].kind == TokenKind::Word && word(i).starts_with(char::is_uppercase);
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents {
        let a = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        // the connector before the entity: "for", "for the", "to", "against"
        let mut k = a;
        if k > 0 && normalise(word(k - 1)) == "the" {
            k -= 1;
        }
        let connector = k > 0
            && matches!(
                normalise(word(k - 1)).as_str(),
                "for" | "to" | "against" | "of"
            );
        if !connector
            || k < 2
            || !cap(k - 2)
            || !BODY_HEADS.contains(&normalise(word(k - 2)).as_str())
        {
            out.push(e);
            continue;
        }
        // the capitalised run ending in the head word (at most 5 words, not past a sentence start)
        let head = k - 2;
        let mut start = head;
        while start > 0 && head - start < 5 && cap(start - 1) && normalise(word(start - 1)) != "the"
        {
            start -= 1;
        }
        let from = tok.tokens[start].span.start;
        while out.last().is_some_and(|p| p.span.end > from) {
            out.pop();
        }
        e.span = Span::new(from, e.span.end);
        e.label = Label::Org;
        out.push(e);
    }
    out
}

/// "the Iraq War", "the Vietnam War": a place followed by "War" names the war (MISC), not the
/// place.
fn named_wars(text: &str, mut ents: Vec<Entity>) -> Vec<Entity> {
    for e in &mut ents {
        let rest = &text[e.span.end..];
        if matches!(e.label, Label::Loc | Label::Misc) {
            for w in [" War", " Wars"] {
                let after = rest.get(w.len()..w.len() + 1);
                if rest.starts_with(w)
                    && after.is_none_or(|c| !c.starts_with(char::is_alphanumeric))
                {
                    e.span = Span::new(e.span.start, e.span.end + w.len());
                    e.label = Label::Misc;
                    break;
                }
            }
        }
    }
    ents
}

/// "Rikers Island", "Seton Hall University" tagged as people, "Northshore Environmental Trust"
/// as a place or a misc name, "Merrow Reservoir" as a body: a name of two or more words whose
/// last word names a place, a body or a natural feature (and is no surname) is that place or
/// body.
fn not_people(text: &str, mut ents: Vec<Entity>) -> Vec<Entity> {
    for e in &mut ents {
        let name = e.span.text(text);
        if !name.contains(' ') {
            continue;
        }
        let tail = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
        // not "bay": "Tampa Bay", "Green Bay" are also teams
        let natural = matches!(
            tail.as_str(),
            "reservoir"
                | "river"
                | "lake"
                | "creek"
                | "canyon"
                | "valley"
                | "mountains"
                | "glacier"
                | "desert"
                | "ocean"
                | "peninsula"
                | "strait"
                | "canal"
        );
        if natural && matches!(e.label, Label::Per | Label::Org) {
            e.label = Label::Loc;
            continue;
        }
        if !matches!(e.label, Label::Per | Label::Loc | Label::Misc) {
            continue;
        }
        // words that are also surnames (Hall, Park, Church, House, Bank, Street) are left alone
        let place = matches!(
            tail.as_str(),
            "island" | "islands" | "county" | "avenue" | "airport"
        );
        let body = matches!(
            tail.as_str(),
            "university"
                | "college"
                | "school"
                | "institute"
                | "foundation"
                | "hospital"
                | "museum"
                | "library"
                | "committee"
                | "council"
                | "department"
                | "agency"
                | "company"
                | "trust"
                | "association"
                | "corporation"
        );
        // a place keeps its place tails ("Rikers Island" tagged LOC is right), and a building
        // may be a place ("taken to Central Clinical Hospital")
        let building = matches!(tail.as_str(), "hospital" | "museum" | "library");
        if (body && !(building && e.label != Label::Per)) || (place && e.label == Label::Per) {
            e.label = if place { Label::Loc } else { Label::Org };
        }
    }
    ents
}

/// "Veto Power Impedes Peace Efforts: Eliminating ...": an entity of four or more words that
/// runs from the start of its line to a colon is the section's header, not a name.
fn without_section_headers(text: &str, tok: &Tokenized, mut ents: Vec<Entity>) -> Vec<Entity> {
    ents.retain(|e| {
        if !text[e.span.end..].starts_with(": ") {
            return true;
        }
        let a = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        let b = tok.tokens.partition_point(|t| t.span.start < e.span.end);
        let words = tok.tokens[a..b]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count();
        !(e.span.opens_line(text) && words >= 4)
    });
    ents
}

/// "the social media company Meta", "the bank HSBC": a person-labelled name right after a
/// lower-case word for a body is that body. Not "centre"/"center": before a name it is a
/// player's position ("French centre Philippe Sella").
fn named_by_head(text: &str, tok: &Tokenized, mut ents: Vec<Entity>) -> Vec<Entity> {
    for e in &mut ents {
        if e.label != Label::Per {
            continue;
        }
        let a = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        let head = a
            .checked_sub(1)
            .map(|k| tok.tokens[k].span.text(text))
            .filter(|w| w.starts_with(char::is_lowercase));
        if head.is_some_and(|w| {
            crate::lexicon::ORG_HEADS.contains(&w) && !matches!(w, "centre" | "center")
        }) {
            e.label = Label::Org;
        }
    }
    ents
}

/// "the 11th Circuit", "the 82nd Airborne": an ordinal before a name belongs to it, and the name
/// is no person; "the ACLU of Georgia": an acronym, "of" and a place are one organisation.
fn ordinals_and_chapters(text: &str, tok: &Tokenized, ents: Vec<Entity>) -> Vec<Entity> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(char::is_alphabetic);
        let suffix = &w[digits.len()..];
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th")
    };
    let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents {
        let a = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        if a > 0
            && ordinal(word(a - 1))
            && text.get(tok.tokens[a - 1].span.end..e.span.start) == Some(" ")
        {
            e.span = Span::new(tok.tokens[a - 1].span.start, e.span.end);
            if e.label == Label::Per {
                e.label = Label::Org;
            }
        }
        if let Some(prev) = out.last_mut()
            && prev.label == Label::Org
            && e.label == Label::Loc
            && acronym(prev.span.text(text))
            && text.get(prev.span.end..e.span.start) == Some(" of ")
        {
            prev.span = Span::new(prev.span.start, e.span.end);
            continue;
        }
        out.push(e);
    }
    out
}

/// Is `w` an initial ("J.", "R.")?
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// Whole person names: an initial right before a person ("J. Joe Ricketts") and a generational
/// suffix right after one ("Martin Luther King Jr.", "John Smith III") belong to the name; a
/// name shaped "Vann R. Newkirk" (a middle initial between capitalised words) is a person.
fn person_edges(text: &str, tok: &Tokenized, ents: Vec<Entity>) -> Vec<Entity> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let gap = |a: usize, b: usize| text.get(a..b) == Some(" ");
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents {
        // a suffix the previous name took in ("Biden Jr." and the tagger's "Jr."): gone
        if out.last().is_some_and(|p| p.span.contains(e.span)) {
            continue;
        }
        let a = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        let b = tok.tokens.partition_point(|t| t.span.start < e.span.end);
        if a >= b {
            out.push(e);
            continue;
        }
        let middle_initial = b - a >= 3
            && (a + 1..b - 1).any(|i| is_initial(word(i)))
            && (a..b).all(|i| word(i).starts_with(char::is_uppercase));
        if e.label != Label::Per && !(middle_initial && e.label == Label::Org) {
            out.push(e);
            continue;
        }
        e.label = Label::Per;
        if a > 0 && is_initial(word(a - 1)) && gap(tok.tokens[a - 1].span.end, e.span.start) {
            e.span = Span::new(tok.tokens[a - 1].span.start, e.span.end);
            // the initial alone, tagged as something else, is dropped
            if out.last().is_some_and(|p| p.span.end > e.span.start) {
                out.pop();
            }
        }
        if let Some(t) = tok.tokens.get(b)
            && matches!(word(b), "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV")
            && gap(e.span.end, t.span.start)
        {
            e.span = Span::new(e.span.start, t.span.end);
        }
        out.push(e);
    }
    out
}

/// "U.S. Court of Appeals" + "for the" + "Sixth Circuit": two organisation spans joined by "for
/// the" are one name, as in "Center for American Progress".
fn join_for_the(text: &str, ents: Vec<Entity>) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for e in ents {
        if let Some(prev) = out.last_mut()
            && prev.label == Label::Org
            && e.label == Label::Org
            && text.get(prev.span.end..e.span.start) == Some(" for the ")
        {
            prev.span = Span::new(prev.span.start, e.span.end);
            continue;
        }
        out.push(e);
    }
    out
}

/// A later single-word mention that repeats the last word of an earlier multi-word person name
/// ("Vladimir Putin" ... "Putin") is a person too, whatever the tagger said.
fn consistent_surnames(text: &str, tok: &Tokenized, ents: &mut [Entity]) {
    // surname -> end of its first full-name mention
    let mut surnames: DocMap<&str, usize> = DocMap::with_hasher(tok.key);
    for e in ents.iter() {
        let t = e.span.text(text);
        if e.label == Label::Per
            && t.contains(' ')
            && let Some(last) = t.rsplit(' ').next()
        {
            surnames.entry(last).or_insert(e.span.end);
        }
    }
    if surnames.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        let a = tok.tokens.partition_point(|k| k.span.start < e.span.start);
        let b = tok.tokens.partition_point(|k| k.span.start < e.span.end);
        let single = tok.tokens[a..b]
            .iter()
            .filter(|k| k.kind == TokenKind::Word)
            .count()
            == 1;
        if single
            && e.label != Label::Per
            && surnames
                .get(e.span.text(text))
                .is_some_and(|end| *end <= e.span.start)
        {
            e.label = Label::Per;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities at each name's next occurrence in `text`, in order (a name given twice is found
    /// twice).
    fn ents_at(text: &str, names: &[(&str, Label)]) -> Vec<Entity> {
        let mut from = 0;
        names
            .iter()
            .map(|&(n, label)| {
                let a = from + text[from..].find(n).unwrap();
                from = a + n.len();
                Entity {
                    span: Span::new(a, from),
                    label,
                }
            })
            .collect()
    }

    /// (text, label) of each entity.
    fn shown<'t>(text: &'t str, ents: &[Entity]) -> Vec<(&'t str, Label)> {
        ents.iter().map(|e| (e.span.text(text), e.label)).collect()
    }

    #[test]
    fn organisations_joined_by_for_the_are_one_name() {
        let t = "the U.S. Court of Appeals for the Sixth Circuit and the FBI for the record";
        let got = join_for_the(
            t,
            ents_at(
                t,
                &[
                    ("U.S. Court of Appeals", Label::Org),
                    ("Sixth Circuit", Label::Org),
                    ("FBI", Label::Org),
                ],
            ),
        );
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].span.text(t),
            "U.S. Court of Appeals for the Sixth Circuit"
        );
    }

    #[test]
    fn a_bare_surname_after_a_full_name_is_a_person() {
        let text = "Vladimir Putin spoke . Putin left .";
        let tok = crate::text::tokens::analyze_text(text);
        let mut ents = ents_at(
            text,
            &[("Vladimir Putin", Label::Per), ("Putin", Label::Loc)],
        );
        consistent_surnames(text, &tok, &mut ents);
        assert_eq!(ents[1].label, Label::Per);
    }

    #[test]
    fn interjections_and_stage_directions_are_no_names() {
        let text =
            "Well, look, Mr. Kent said. (CROSSTALK.) [LAUGHTER] Well Fargo. Look Ahead, Inc.";
        let ents = ents_at(
            text,
            &[
                ("Well", Label::Per),
                ("Kent", Label::Per),
                ("CROSSTALK", Label::Org),
                ("LAUGHTER", Label::Misc),
                ("Well Fargo", Label::Org),
                ("Look Ahead", Label::Org),
            ],
        );
        let got: Vec<(&str, Label)> = shown(text, &no_interjections(text, ents));
        assert_eq!(
            got,
            [
                ("Kent", Label::Per),
                ("Well Fargo", Label::Org),
                ("Look Ahead", Label::Org)
            ]
        );
    }

    #[test]
    fn transcript_labels_are_people_and_roles_are_not() {
        let text = "MODERATOR: Your view, please?\n\nJANE DOE: We disagree, of course.\n\n\
                    MODERATOR: And yours?\n\nROE: Same as hers.\n\nJANE DOE: Thank you all.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(text, &[("JANE", Label::Loc), ("ROE", Label::Org)]);
        let got: Vec<(&str, Label)> = shown(text, &transcript_speakers(text, &tok, ents));
        assert_eq!(
            got,
            [
                ("JANE DOE", Label::Per),
                ("ROE", Label::Per),
                ("JANE DOE", Label::Per)
            ]
        );
        // no dialogue, no change
        let text = "UPDATE: The count is final.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(text, &[("UPDATE", Label::Org)]);
        assert_eq!(transcript_speakers(text, &tok, ents.clone()), ents);
    }

    #[test]
    fn initials_and_suffixes_stay_in_person_names() {
        let text = "Donor J. Joe Ricketts met Martin Luther King Jr. and Vann R. Newkirk II there.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(
            text,
            &[
                ("J.", Label::Misc),
                ("Joe Ricketts", Label::Per),
                ("Martin Luther King", Label::Per),
                ("Vann R. Newkirk", Label::Org),
                ("II", Label::Per), // the tagger's suffix alone: absorbed, not kept beside
            ],
        );
        let got: Vec<(&str, Label)> = shown(text, &person_edges(text, &tok, ents));
        assert_eq!(
            got,
            [
                ("J. Joe Ricketts", Label::Per),
                ("Martin Luther King Jr.", Label::Per),
                ("Vann R. Newkirk II", Label::Per)
            ]
        );
    }

    #[test]
    fn a_body_cut_at_its_connector_is_one_organisation() {
        let text = "The Northeast Ohio Coalition for the Homeless and the Movement for Black Lives met Tom for lunch.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(
            text,
            &[
                ("Northeast Ohio Coalition", Label::Loc),
                ("Homeless", Label::Org),
                ("Black Lives", Label::Org),
                ("Tom", Label::Per),
            ],
        );
        let got: Vec<(&str, Label)> = shown(text, &named_bodies(text, &tok, ents));
        assert_eq!(
            got,
            [
                ("Northeast Ohio Coalition for the Homeless", Label::Org),
                ("Movement for Black Lives", Label::Org),
                ("Tom", Label::Per) // "met Tom for lunch": no body's head before "for"
            ]
        );
    }

    #[test]
    fn a_name_after_a_word_for_a_body_is_that_body() {
        let text = "The social media company Meta and the activist Max Schrems met centre Ann Lee.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(
            text,
            &[
                ("Meta", Label::Per),
                ("Max Schrems", Label::Per),
                ("Ann Lee", Label::Per),
            ],
        );
        let labels: Vec<Label> = named_by_head(text, &tok, ents)
            .iter()
            .map(|e| e.label)
            .collect();
        assert_eq!(labels, [Label::Org, Label::Per, Label::Per]);
    }

    #[test]
    fn ordinals_and_chapters_belong_to_the_name() {
        let text =
            "He will appeal to the 11th Circuit, said the ACLU of Georgia and the ACLU in Ohio.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(
            text,
            &[
                ("Circuit", Label::Per),
                ("ACLU", Label::Org),
                ("Georgia", Label::Loc),
                ("ACLU", Label::Org),
                ("Ohio", Label::Loc),
            ],
        );
        let got: Vec<(&str, Label)> = shown(text, &ordinals_and_chapters(text, &tok, ents));
        assert_eq!(
            got,
            [
                ("11th Circuit", Label::Org),
                ("ACLU of Georgia", Label::Org),
                ("ACLU", Label::Org),
                ("Ohio", Label::Loc)
            ]
        );
    }

    #[test]
    fn the_name_after_an_honorific_is_a_person() {
        let text = "Mr. Morial spoke with Mrs. King and Ms. Ruiz Acme. Mr. Lee left.";
        let tok = crate::text::tokens::analyze_text(text);
        // the tagger missed Morial and King, called Ruiz Acme an organisation, kept "Mr. Lee"
        let ents = ents_at(text, &[("Ruiz Acme", Label::Org), ("Mr. Lee", Label::Org)]);
        let got: Vec<(&str, Label)> = shown(text, &honorific_names(text, &tok, ents));
        assert_eq!(
            got,
            [
                ("Morial", Label::Per),
                ("King", Label::Per),
                ("Ruiz Acme", Label::Per),
                ("Lee", Label::Per) // the honorific outside, as CoNLL marks names
            ]
        );
        // a lower-case word after "Mr." is no name
        let text = "He met the mr. and left.";
        let tok = crate::text::tokens::analyze_text(text);
        assert!(honorific_names(text, &tok, Vec::new()).is_empty());
        // two honorifics in a row (the fuzzer's "Mr. Mrs.\nZoë"): one name, never two that
        // overlap
        let text = "Mr. Mrs.\nZoë left. Dr. Ms. Lee Kim spoke.";
        let tok = crate::text::tokens::analyze_text(text);
        let got: Vec<(&str, Label)> = shown(text, &honorific_names(text, &tok, Vec::new()));
        assert_eq!(got, [("Zoë", Label::Per), ("Lee Kim", Label::Per)]);
        // a tagged entity from the honorific on, and another inside the words after it: the
        // first is not stretched over the second ("Miss Universe" + "Alicia Machado")
        let text = "She met Miss Universe Alicia Machado.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(
            text,
            &[
                ("Miss Universe", Label::Misc),
                ("Alicia Machado", Label::Per),
            ],
        );
        let got: Vec<(&str, Label)> = shown(text, &honorific_names(text, &tok, ents));
        assert_eq!(
            got,
            [
                ("Miss Universe", Label::Misc),
                ("Alicia Machado", Label::Per)
            ]
        );
    }

    /// Whatever the rules did, the entities come out in order and never overlap.
    #[test]
    fn entities_leave_repair_in_order_without_overlaps() {
        let text = "Mr. Mrs. Rep.\r\n Merkel and Dr. Jr. III Jr. Ms. Lee";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(text, &[("Merkel", Label::Per), ("Jr. III", Label::Org)]);
        let out = all(text, &tok, ents);
        assert!(
            out.windows(2).all(|w| w[0].span.end <= w[1].span.start),
            "{:?}",
            shown(text, &out)
        );
        // overlapping input, out of order: the earlier (then longer) entity stays
        let at = |w: &str, label| {
            let a = text.find(w).unwrap();
            Entity {
                span: Span::new(a, a + w.len()),
                label,
            }
        };
        let net = in_order_without_overlaps(vec![
            at("Merkel", Label::Per),
            at("Rep.", Label::Per),
            at("Mrs. Rep.", Label::Org),
        ]);
        assert_eq!(
            shown(text, &net),
            [("Mrs. Rep.", Label::Org), ("Merkel", Label::Per)]
        );
    }

    #[test]
    fn a_surname_before_the_full_name_is_left_alone() {
        let text = "Putin spoke . Vladimir Putin left .";
        let tok = crate::text::tokens::analyze_text(text);
        let mut ents = ents_at(
            text,
            &[("Putin", Label::Loc), ("Vladimir Putin", Label::Per)],
        );
        consistent_surnames(text, &tok, &mut ents);
        assert_eq!(ents[0].label, Label::Loc);
    }

    #[test]
    fn a_place_before_war_names_the_war() {
        let text = "The Iraq War and the Gulf Wars cost Iraq dearly. Warsaw agreed.";
        let ents = ents_at(
            text,
            &[
                ("Iraq", Label::Loc),
                ("Gulf", Label::Loc),
                ("Iraq", Label::Loc),
            ],
        );
        let got: Vec<(&str, Label)> = shown(text, &named_wars(text, ents));
        assert_eq!(
            got,
            [
                ("Iraq War", Label::Misc),
                ("Gulf Wars", Label::Misc),
                ("Iraq", Label::Loc)
            ]
        );
    }

    #[test]
    fn places_and_bodies_tagged_as_people_or_places_get_their_label() {
        let text = "Rikers Island and Seton Hall University hired Ann Hall.";
        let ents = ents_at(
            text,
            &[
                ("Rikers Island", Label::Per),
                ("Seton Hall University", Label::Per),
                ("Ann Hall", Label::Per),
            ],
        );
        let labels: Vec<Label> = not_people(text, ents).iter().map(|e| e.label).collect();
        assert_eq!(labels, [Label::Loc, Label::Org, Label::Per]);
        // a body tagged as a place or a misc name is the body; a place stays a place
        let text = "The Northshore Environmental Trust sued Rikers Island and the Bay Association.";
        let ents = ents_at(
            text,
            &[
                ("Northshore Environmental Trust", Label::Loc),
                ("Rikers Island", Label::Loc),
                ("Bay Association", Label::Misc),
            ],
        );
        let labels: Vec<Label> = not_people(text, ents).iter().map(|e| e.label).collect();
        assert_eq!(labels, [Label::Org, Label::Loc, Label::Org]);
        // a natural feature is a place, whatever it was tagged; a team on a bay is left alone
        let text = "The Merrow Reservoir feeds the Hudson River, said Tampa Bay.";
        let ents = ents_at(
            text,
            &[
                ("Merrow Reservoir", Label::Org),
                ("Hudson River", Label::Per),
                ("Tampa Bay", Label::Org),
            ],
        );
        let labels: Vec<Label> = not_people(text, ents).iter().map(|e| e.label).collect();
        assert_eq!(labels, [Label::Loc, Label::Loc, Label::Org]);
    }

    #[test]
    fn a_section_header_is_no_name() {
        let text = "Veto Power Impedes Peace Efforts: the Security Council failed.\nUnited Nations Children's Fund: a report.";
        let tok = crate::text::tokens::analyze_text(text);
        let ents = ents_at(
            text,
            &[
                ("Veto Power Impedes Peace Efforts", Label::Org),
                ("Security Council", Label::Org),
            ],
        );
        let kept: Vec<&str> = without_section_headers(text, &tok, ents)
            .iter()
            .map(|e| e.span.text(text))
            .collect();
        assert_eq!(kept, ["Security Council"]);
    }

    #[test]
    fn a_first_name_in_an_editors_brackets_belongs_to_the_name() {
        let t = "Then [Angela] Merkel said no, and [Jo] Roe agreed.";
        let ents = crate::actors::test_entities(
            t,
            &[
                ("Angela", Label::Loc),
                ("Merkel", Label::Per),
                ("Jo] Roe", Label::Per),
            ],
        );
        let got: Vec<&str> = editors_brackets(t, ents)
            .iter()
            .map(|e| e.span.text(t))
            .collect();
        assert_eq!(got, ["[Angela] Merkel", "[Jo] Roe"]);
        // brackets around a whole name, or a name after a bracketed word that is no name: apart
        let t = "Then [Merkel] spoke [sic] Roe agreed.";
        let ents = crate::actors::test_entities(t, &[("Merkel", Label::Per), ("Roe", Label::Per)]);
        assert_eq!(editors_brackets(t, ents.clone()), ents);
    }
}
