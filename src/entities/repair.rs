//! Repairs after tagging, over the whole document: each rule fixes one kind of span or label the
//! tagger gets wrong in news text, and each has a test below. Person names: the words after an
//! honorific, initials and Jr./III, a bare surname after its full name. Bodies: a name cut at
//! its connector ("Coalition for the Homeless"), two organisations joined by "for the", an
//! ordinal or an "of <place>" chapter, a name after a word for a body. Labels: wars, places and
//! bodies tagged as people, a name after a title tagged as anything but a person, a country (or
//! its acronym) tagged as a body. Not names: a Title Case section header before a colon. This module
//! does not tag, and it does not group mentions into actors (see `actors`).

use crate::analysis::{Entity, Label};
use crate::hash::DocMap;
use crate::knowledge::Gazetteers;
use crate::lexicon::{NAME_PARTICLES, NAME_TITLES, ORG_HEADS, PERSON_HONORIFICS};
use crate::text::{Span, TokenKind, Tokenized};

/// All repairs, in order.
pub fn all(text: &str, tok: &Tokenized, gaz: &Gazetteers, ents: Vec<Entity>) -> Vec<Entity> {
    let out = honorific_names(text, tok, ents);
    let mut out = person_edges(text, tok, out);
    consistent_surnames(text, tok, &mut out);
    let out = join_for_the(text, out);
    let out = named_bodies(text, tok, out);
    let out = named_wars(text, out);
    let out = not_people(text, out);
    let out = people_after_titles(text, tok, out);
    let out = countries_as_places(text, gaz, out);
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
    let name_word = |i: usize| {
        let w = tok.text_of(text, i);
        tok.tokens[i].kind == TokenKind::Word
            && (w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
            && !w.contains('’')
            && !w.contains('\'')
    };
    let honorific = |i: usize| PERSON_HONORIFICS.contains(&&*tok.word(text, i));
    let mut added = Vec::new();
    let mut j = 0; // first entity that may start at or after the token looked at
    for i in 0..tok.tokens.len().saturating_sub(1) {
        // the cheap test first: this runs on every token
        if !tok.text_of(text, i).starts_with(char::is_uppercase) || !honorific(i) {
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
        if b == a || !tok.text_of(text, a).starts_with(char::is_uppercase) {
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

/// Capitalised heads of the names of bodies that go on with "for", "to", "against", "of" or "on":
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
    "subcommittee",
    "board",
    "school",
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
/// "for the", "for a", "to", "against", "of": "American Civil Liberties Union of Ohio"; "on"
/// before a body or other name, not a place or person: "Subcommittee on Consumer Protection",
/// not "the European Union on Bosnia") and the entity after it, or two or more capitalised words
/// the tagger left out ("Commission on Presidential Debates").
fn named_bodies(text: &str, tok: &Tokenized, ents: Vec<Entity>) -> Vec<Entity> {
    let cap = |i: usize| {
        tok.tokens[i].kind == TokenKind::Word
            && tok.text_of(text, i).starts_with(char::is_uppercase)
    };
    let ents = untagged_tails(text, tok, ents);
    let mut out: Vec<Entity> = Vec::with_capacity(ents.len());
    for mut e in ents {
        let a = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        let k = connector_before(text, tok, a, e.label);
        if k == a || k < 1 || !cap(k - 1) || !BODY_HEADS.contains(&&*tok.word(text, k - 1)) {
            out.push(e);
            continue;
        }
        // the capitalised run ending in the head word (at most 5 words, not past a sentence start)
        let head = k - 1;
        let mut start = head;
        while start > 0 && head - start < 5 && cap(start - 1) && tok.word(text, start - 1) != "the"
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

/// The first token of the connector ("for", "for the", "for a", "to", "against", "of", "on")
/// that ends just before token `a`, or `a` when there is none. "on" only before an organisation
/// (`label`): a place, a person or an event after it is what the body met or did ("on Bosnia",
/// "on Labor Day").
fn connector_before(text: &str, tok: &Tokenized, a: usize, label: Label) -> usize {
    let mut k = a;
    let mut article = None;
    if k > 0 && matches!(&*tok.word(text, k - 1), "the" | "a" | "an") {
        k -= 1;
        article = Some(tok.word(text, k));
    }
    if k == 0 {
        return a;
    }
    let connects = match (&*tok.word(text, k - 1), article.as_deref()) {
        ("for", _) => true,
        ("to" | "against" | "of", None | Some("the")) => true,
        ("on", None) => label == Label::Org,
        _ => false,
    };
    if connects { k - 1 } else { a }
}

/// "The Commission on Presidential Debates" with only "Commission" tagged: an organisation that
/// ends in a body's head word, then "on", "for" or "of" and two to five capitalised words that no
/// entity holds, up to a lower-case word or a mark, takes them in.
fn untagged_tails(text: &str, tok: &Tokenized, mut ents: Vec<Entity>) -> Vec<Entity> {
    let cap = |i: usize| {
        tok.tokens[i].kind == TokenKind::Word
            && tok.text_of(text, i).starts_with(char::is_uppercase)
    };
    for i in 0..ents.len() {
        let e = ents[i];
        let b = tok.tokens.partition_point(|t| t.span.start < e.span.end);
        if e.label != Label::Org
            || b == 0
            || b + 2 >= tok.tokens.len()
            || !BODY_HEADS.contains(&&*tok.word(text, b - 1))
            || !matches!(&*tok.word(text, b), "on" | "for" | "of")
        {
            continue;
        }
        let mut end = b + 1;
        while end < tok.tokens.len() && end - b <= 5 && cap(end) {
            end += 1;
        }
        let next_start = ents.get(i + 1).map_or(usize::MAX, |n| n.span.start);
        if end - b - 1 < 2 || end - b - 1 > 5 || tok.tokens[end - 1].span.end > next_start {
            continue;
        }
        ents[i].span = Span::new(e.span.start, tok.tokens[end - 1].span.end);
    }
    ents
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

/// "Secretary General Ban Ki-moon" with "Ban Ki-moon" tagged as another name, "President
/// Obama" with "Obama" as a body: a name of one to three capitalised words right after a
/// capitalised title is a person, unless its last word names a body or a place ("Judge
/// Rotenberg Center").
fn people_after_titles(text: &str, tok: &Tokenized, mut ents: Vec<Entity>) -> Vec<Entity> {
    for e in &mut ents {
        if e.label == Label::Per {
            continue;
        }
        let i = tok.tokens.partition_point(|t| t.span.start < e.span.start);
        let Some(prev) = i.checked_sub(1).map(|p| tok.tokens[p].span.text(text)) else {
            continue;
        };
        let name = e.span.text(text);
        let words: Vec<&str> = name.split(' ').collect();
        let tail = words.last().map_or(String::new(), |w| w.to_lowercase());
        // a title in capitals is a headline's word ("COACH NICE")
        let titled = prev.starts_with(char::is_uppercase)
            && prev.chars().any(char::is_lowercase)
            && NAME_TITLES.contains(&prev.to_lowercase().as_str());
        if titled
            && words.len() <= 3
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && !ORG_HEADS.contains(&tail.as_str())
            && !PLACE_OR_BODY_TAILS.contains(&tail.as_str())
        {
            e.label = Label::Per;
        }
    }
    ents
}

/// A country of the gazetteer named in full ("United Arab Emirates") tagged as a body is the
/// place: CoNLL marks countries places even as governments or national teams. Not states (US
/// teams are "Colorado", "Minnesota") and not people ("Jordan").
/// So is its acronym when the text names the country in full ("UAE" beside "United Arab
/// Emirates").
fn countries_as_places(text: &str, gaz: &Gazetteers, mut ents: Vec<Entity>) -> Vec<Entity> {
    let is_country = |e: &Entity| gaz.has(gaz.lookup(e.span.text(text)), "COUNTRY");
    let initials: Vec<String> = ents
        .iter()
        .filter(|e| e.span.text(text).contains(' ') && is_country(e))
        .map(|e| {
            e.span
                .text(text)
                .split(' ')
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect()
        })
        .collect();
    for e in &mut ents {
        if e.label != Label::Org {
            continue;
        }
        let acronym: String = e.span.text(text).chars().filter(|&c| c != '.').collect();
        let spelt = acronym.len() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase())
            && initials.contains(&acronym);
        if spelt || is_country(e) {
            e.label = Label::Loc;
        }
    }
    ents
}

/// Last words of places and bodies that no title makes a person: "Judge Rotenberg Center".
const PLACE_OR_BODY_TAILS: &[&str] = &[
    "center",
    "centre",
    "hospital",
    "island",
    "islands",
    "county",
    "airport",
    "street",
    "avenue",
    "bridge",
    "hall",
    "house",
    "school",
    "college",
    "university",
    "institute",
    "foundation",
    "church",
    "park",
    "square",
    "road",
    "station",
    "base",
    "city",
    "state",
    "province",
    "award",
    "prize",
    "memorial",
    "stadium",
    "hotel",
    "palace",
];

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
            && ordinal(tok.text_of(text, a - 1))
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
            && (a + 1..b - 1).any(|i| is_initial(tok.text_of(text, i)))
            && (a..b).all(|i| tok.text_of(text, i).starts_with(char::is_uppercase));
        if e.label != Label::Per && !(middle_initial && e.label == Label::Org) {
            out.push(e);
            continue;
        }
        e.label = Label::Per;
        if a > 0
            && is_initial(tok.text_of(text, a - 1))
            && gap(tok.tokens[a - 1].span.end, e.span.start)
        {
            e.span = Span::new(tok.tokens[a - 1].span.start, e.span.end);
            // the initial alone, tagged as something else, is dropped
            if out.last().is_some_and(|p| p.span.end > e.span.start) {
                out.pop();
            }
        }
        if let Some(t) = tok.tokens.get(b)
            && matches!(
                tok.text_of(text, b),
                "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"
            )
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
mod tests;
