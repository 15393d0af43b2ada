//! Entities: find PER / ORG / LOC / MISC names in tokenized text.
//!
//! A linear-chain model over BILOU tags (`model`), with features (`features`) that include
//! gazetteers and word clusters (`gazetteer`), trained by `trainer` and stored by
//! `serialization`. After tagging, each span is tidied (edge punctuation, a leading title, number
//! words and common nouns dropped, laws labelled MISC), and `repair` fixes spans and labels over
//! the whole document (honorifics, initials, bodies cut at "for", headers, ...). This stage does
//! not group mentions into actors (see `actors`).

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod history;
pub mod model;
mod repair;
pub mod serialization;
pub mod trainer;

use crate::analysis::{Entity, Label};
use crate::text::{Span, TokenKind, TokenRange, Tokenized};
use gazetteer::Gazetteers;
use model::{Tagger, spans_of};
pub use serialization::ModelError;

/// The shipped files, embedded at build time (built by `newslens train ner` and
/// `scripts/build_gazetteers.py`; see models/README.md).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/ner.bin");
pub const EMBEDDED_GAZETTEER: &str = include_str!("../../models/gazetteer.tsv");
pub const EMBEDDED_CLUSTERS: &str = include_str!("../../models/clusters.tsv");

/// Everything the entity stage reads besides the text.
pub struct EntityModel {
    pub tagger: Tagger,
    pub gaz: Gazetteers,
}

impl EntityModel {
    pub fn from_parts(model: &[u8], gaz: Gazetteers) -> Result<EntityModel, ModelError> {
        Ok(EntityModel {
            tagger: serialization::read(model)?,
            gaz,
        })
    }

    pub fn embedded() -> Result<EntityModel, ModelError> {
        EntityModel::from_parts(
            EMBEDDED_MODEL,
            Gazetteers::parse(EMBEDDED_GAZETTEER, EMBEDDED_CLUSTERS),
        )
    }
}

/// Tag every sentence, then apply document-level consistency.
pub fn find(text: &str, tok: &Tokenized, model: &EntityModel) -> Vec<Entity> {
    find_with_progress(text, tok, model, &mut |_| {})
}

/// `find`, reporting the fraction of tokens tagged so far.
pub fn find_with_progress(
    text: &str,
    tok: &Tokenized,
    model: &EntityModel,
    progress: &mut dyn FnMut(f32),
) -> Vec<Entity> {
    let (infos, stats) = features::token_infos(text, tok, &model.gaz);
    // a window with no capitalised word of two or more letters holds no name: not tagged
    let ranges: Vec<TokenRange> = tok
        .sentences
        .iter()
        .flat_map(|s| windows(text, tok, *s))
        .filter(|s| (s.start..s.end).any(|i| could_start_name(tok.tokens[i].span.text(text))))
        .collect();
    let tags = history::decode(&model.tagger, &infos, &stats, &ranges, progress);
    let mut out = Vec::new();
    for s in &ranges {
        for (a, b, label) in spans_of(&tags[s.start..s.end]) {
            if let Some((a, b)) = tidy(text, tok, s.start + a, s.start + b, label) {
                for (a, b, label) in split_title(text, tok, a, b, label) {
                    let span = Span::new(tok.tokens[a].span.start, tok.tokens[b - 1].span.end);
                    let name = span.text(text);
                    if is_common_noun(name) {
                        continue;
                    }
                    out.push(Entity {
                        span,
                        label: law_is_misc(name, label),
                    });
                }
            }
        }
    }
    let out = repair::all(text, tok, out);
    progress(1.0);
    out
}

/// Can this token be part of a name the tagger finds? A name holds at least one word that
/// starts with a capital and has a second letter ("Merkel", "EU", "O’Brien"); a window without one
/// (punctuation, numbers, lower-case text, "A/A/A") is skipped.
fn could_start_name(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.any(char::is_alphabetic)
}

/// Longest run of tokens tagged at once. A "sentence" longer than this (a text without full
/// stops, a base64 blob) is tagged in windows, cut before a lower-case word or punctuation so that
/// no name is split; this keeps the tagger's time and memory linear in the text.
const MAX_WINDOW: usize = 400;

/// `s` cut into windows of at most `MAX_WINDOW` tokens.
fn windows(text: &str, tok: &Tokenized, s: TokenRange) -> impl Iterator<Item = TokenRange> {
    let mut start = s.start;
    std::iter::from_fn(move || {
        if start >= s.end {
            return None;
        }
        let mut end = s.end;
        if end - start > MAX_WINDOW {
            end = start + MAX_WINDOW;
            // back up to a token that cannot continue a name (at most 40 tokens)
            let cut = (end - 40..end).rev().find(|&i| {
                !tok.tokens[i]
                    .span
                    .text(text)
                    .starts_with(char::is_uppercase)
            });
            end = cut.map_or(end, |i| i + 1);
        }
        let w = TokenRange { start, end };
        start = end;
        Some(w)
    })
}

/// Words that precede a name but are not part of it, as CoNLL annotates ("President Bill Clinton"
/// -> "Bill Clinton").
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "rev.",
    "president",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "ambassador",
    "commissioner",
    "reverend",
    "governor",
    "mayor",
    "councilman",
    "councilwoman",
    "superintendent",
    "judge",
    "justice",
    "secretary",
    "minister",
    "chancellor",
    "general",
    "king",
    "queen",
    "pope",
    "prince",
    "princess",
    "sir",
    "lord",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "chief",
    "coach",
    "officer",
    "detective",
    "sheriff",
    "professor",
];

/// Token range of an entity without edge punctuation, a leading "The" (kept for places: "The
/// Hague") or a leading title on a person; None when nothing is left.
fn tidy(
    text: &str,
    tok: &Tokenized,
    mut a: usize,
    mut b: usize,
    label: Label,
) -> Option<(usize, usize)> {
    let is_word = |i: usize| {
        matches!(
            tok.tokens[i].kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Handle
        )
    };
    while a < b && !is_word(a) {
        a += 1;
    }
    // an edge mark stays when it belongs to the name: the closing bracket of "Mladost ( L )",
    // the "$" glued to "C$" or "US$"
    let belongs = |b: usize| {
        let w = tok.tokens[b - 1].span.text(text);
        let opened = |o: &str| (a..b - 1).any(|i| tok.tokens[i].span.text(text) == o);
        (w == ")" && opened("("))
            || (w == "]" && opened("["))
            || (w == "$"
                && b - 1 > a
                && tok.tokens[b - 2].span.end == tok.tokens[b - 1].span.start
                && tok.tokens[b - 2]
                    .span
                    .text(text)
                    .chars()
                    .all(|c| c.is_ascii_uppercase()))
    };
    while b > a && !is_word(b - 1) && !belongs(b) {
        b -= 1;
    }
    // "Gennifer Flowers Won’t Be at Debate": a word cut off before its "n’t" ("Wo", "Ca") is a
    // verb, not the end of a name
    let clitic_follows = |b: usize| {
        tok.tokens.get(b).is_some_and(|t| {
            t.span.start == tok.tokens[b - 1].span.end
                && matches!(t.span.text(text), "n’t" | "n't" | "N’T" | "N'T")
        })
    };
    if b > a && clitic_follows(b) {
        b -= 1;
    }
    // URLs, e-mail addresses, @handles and #hashtags are never names, nor part of one
    if (a..b).any(|i| matches!(tok.tokens[i].kind, TokenKind::Url | TokenKind::Handle)) {
        return None;
    }
    let first = |a: usize| tok.tokens[a].span.text(text).to_lowercase();
    if b - a >= 2 && label != Label::Loc && first(a) == "the" {
        a += 1;
    }
    while b - a >= 2 && label == Label::Per && TITLES.contains(&first(a).as_str()) {
        a += 1;
    }
    // "Ninety percent", "Thousands marched": a number word opening a sentence is no name;
    // "Editor’s note", "President" alone: a title alone names no one
    let title_alone = |a: usize| {
        label == Label::Per && (TITLES.contains(&first(a).as_str()) || first(a) == "editor")
    };
    if b - a == 1 && (is_number_word(&first(a)) || title_alone(a)) {
        return None;
    }
    (a < b).then_some((a, b))
}

/// "PAC", "super PACs", "CEO": capitalised common nouns of news text, no names.
fn is_common_noun(name: &str) -> bool {
    const COMMON: &[&str] = &[
        "pac",
        "pacs",
        "super pac",
        "super pacs",
        "ceo",
        "ceos",
        "cfo",
        "gdp",
        "ipo",
    ];
    COMMON.contains(&name.to_lowercase().as_str())
}

/// A law is a thing, not a body: "Affordable Care Act", "Freedom of Information Act", "the 1994
/// Crime Bill" are MISC, as CoNLL marks them, whatever label the tagger gave.
fn law_is_misc(name: &str, label: Label) -> Label {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    let several = name.contains(' ');
    if several
        && label == Label::Org
        && matches!(last.as_str(), "act" | "bill" | "law" | "amendment")
    {
        Label::Misc
    } else {
        label
    }
}

/// "ninety", "twenty-five", "thousands": a number written out.
fn is_number_word(w: &str) -> bool {
    const UNITS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
    ];
    w.split('-').all(|p| UNITS.contains(&p))
}

/// Lower-case words that may sit inside a person's name ("Bill de Blasio", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "van", "von", "bin", "ibn", "al", "el", "la",
    "le",
];

/// Last words of names that are places or bodies, never people ("Prince Edward Island",
/// "General Motors").
const NOT_PERSON_TAIL: &[&str] = &[
    "island",
    "islands",
    "county",
    "university",
    "college",
    "school",
    "institute",
    "center",
    "centre",
    "foundation",
    "hospital",
    "airport",
    "park",
    "street",
    "avenue",
    "bridge",
    "hall",
    "company",
    "group",
    "fund",
    "trust",
    "council",
    "committee",
    "party",
    "museum",
    "library",
    "church",
    "motors",
    "bank",
    "award",
    "prize",
    "court",
    "house",
    "department",
    "agency",
];

/// A title inside a span the tagger gave to an organisation or other name: "Mayor Bill de Blasio"
/// (ORG) is the person Bill de Blasio; "Manhattan Supreme Court Justice Frank Nervo" is the court
/// (ORG) and the person (PER). The person part needs two or more name words; places are left
/// alone. Returns the spans to keep, in order.
fn split_title(
    text: &str,
    tok: &Tokenized,
    a: usize,
    b: usize,
    label: Label,
) -> Vec<(usize, usize, Label)> {
    let keep = vec![(a, b, label)];
    // "Reuters/Ipsos", "ABC/Washington Post": two names joined by a slash are two names
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&i| tok.tokens[i].span.text(text) == "/") {
        let capital = |i: usize| {
            tok.tokens[i]
                .span
                .text(text)
                .starts_with(char::is_uppercase)
        };
        if capital(a) && capital(k + 1) {
            let mut out = split_title(text, tok, a, k, label);
            out.extend(split_title(text, tok, k + 1, b, label));
            return out;
        }
    }
    if !matches!(label, Label::Org | Label::Misc) || b - a < 3 {
        return keep;
    }
    let word = |i: usize| tok.tokens[i].span.text(text);
    let name_word = |i: usize| {
        let w = word(i);
        tok.tokens[i].kind == TokenKind::Word
            && (w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
    };
    // the last title word followed only by name words
    let Some(t) = (a..b - 2).rev().find(|&i| {
        TITLES.contains(&word(i).to_lowercase().as_str()) && word(i).starts_with(char::is_uppercase)
    }) else {
        return keep;
    };
    let person = (t + 1, b);
    let tail = word(b - 1).to_lowercase();
    if !(person.0..person.1).all(name_word)
        || person.1 - person.0 < 2
        || NOT_PERSON_TAIL.contains(&tail.as_str())
        || !word(person.0).starts_with(char::is_uppercase)
    {
        return keep;
    }
    let mut out = Vec::new();
    // what comes before the title run stays an organisation ("Manhattan Supreme Court")
    let mut pe = t;
    while pe > a && TITLES.contains(&word(pe - 1).to_lowercase().as_str()) {
        pe -= 1;
    }
    if pe > a && (a..pe).any(|i| word(i).starts_with(char::is_uppercase)) {
        out.push((a, pe, Label::Org));
    }
    out.push((person.0, person.1, Label::Per));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str, label: Label) -> Vec<(String, Label)> {
        let tok = crate::text::tokens::analyze_text(t);
        split_title(t, &tok, 0, tok.tokens.len(), label)
            .into_iter()
            .map(|(a, b, l)| {
                (
                    t[tok.tokens[a].span.start..tok.tokens[b - 1].span.end].to_string(),
                    l,
                )
            })
            .collect()
    }

    #[test]
    fn a_title_inside_an_organisation_span_splits_off_the_person() {
        assert_eq!(
            split("Mayor Bill de Blasio", Label::Org),
            [("Bill de Blasio".to_string(), Label::Per)]
        );
        assert_eq!(
            split("Manhattan Supreme Court Justice Frank Nervo", Label::Org),
            [
                ("Manhattan Supreme Court".to_string(), Label::Org),
                ("Frank Nervo".to_string(), Label::Per)
            ]
        );
        assert_eq!(
            split("Reuters/Ipsos", Label::Org),
            [
                ("Reuters".to_string(), Label::Org),
                ("Ipsos".to_string(), Label::Org)
            ]
        );
        // not people: one name word, a place or a company
        assert_eq!(split("Justice Department", Label::Org).len(), 1);
        assert_eq!(split("Prince Edward Island", Label::Org).len(), 1);
        assert_eq!(split("General Motors Company", Label::Org).len(), 1);
        assert_eq!(split("Mayor Bill de Blasio", Label::Loc).len(), 1);
    }

    #[test]
    fn handles_urls_and_emails_are_never_names() {
        let t = "@AWRHawkins wrote to awr@breitbart.com";
        let tok = crate::text::tokens::analyze_text(t);
        for (a, b) in [(0, 1), (0, 2), (3, 4)] {
            assert_eq!(tidy(t, &tok, a, b, Label::Per), None, "{a}..{b}");
        }
        assert_eq!(tidy(t, &tok, 1, 2, Label::Per), Some((1, 2)));
    }

    #[test]
    fn tidy_drops_edge_punctuation_the_and_titles() {
        let text = "[Hillary] Clinton met Mayor Elena Vasquez at The New York Times and The Hague";
        let tok = crate::text::tokens::analyze_text(text);
        let span = |a: usize, b: usize, l: Label| {
            tidy(text, &tok, a, b, l)
                .map(|(a, b)| &text[tok.tokens[a].span.start..tok.tokens[b - 1].span.end])
        };
        assert_eq!(span(1, 4, Label::Per), Some("Hillary] Clinton"));
        assert_eq!(span(0, 2, Label::Per), Some("Hillary"));
        assert_eq!(span(5, 8, Label::Per), Some("Elena Vasquez"));
        assert_eq!(span(9, 13, Label::Org), Some("New York Times"));
        assert_eq!(span(14, 16, Label::Loc), Some("The Hague"));
        assert_eq!(span(0, 1, Label::Misc), None);
    }

    #[test]
    fn tidy_leaves_a_verb_cut_before_its_contraction_out() {
        let text = "Gennifer Flowers Won’t Be There, Trump Can't Say";
        let tok = crate::text::tokens::analyze_text(text);
        let words: Vec<&str> = tok.tokens.iter().map(|t| t.span.text(text)).collect();
        let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
        let span = |a: usize, b: usize| {
            tidy(text, &tok, a, b, Label::Per)
                .map(|(a, b)| &text[tok.tokens[a].span.start..tok.tokens[b - 1].span.end])
        };
        assert_eq!(span(0, at("Wo") + 1), Some("Gennifer Flowers"), "{words:?}");
        assert_eq!(span(at("Trump"), at("Ca") + 1), Some("Trump"));
        assert_eq!(span(0, 2), Some("Gennifer Flowers"));
    }

    #[test]
    fn tidy_keeps_marks_that_belong_to_the_name() {
        let text = "Mladost (L) beat Ann Lee) for C$ 5 , not C $ or US$";
        let tok = crate::text::tokens::analyze_text(text);
        let span = |from: &str, to: &str, l: Label| {
            let a = tok.tokens.iter().position(|t| t.span.text(text) == from)?;
            let b = a
                + tok.tokens[a..]
                    .iter()
                    .position(|t| t.span.text(text) == to)?
                + 1;
            tidy(text, &tok, a, b, l)
                .map(|(a, b)| &text[tok.tokens[a].span.start..tok.tokens[b - 1].span.end])
        };
        assert_eq!(span("Mladost", ")", Label::Org), Some("Mladost (L)"));
        // a bracket the name did not open is cut
        assert_eq!(span("Ann", ")", Label::Per), Some("Ann Lee"));
        let c = tok
            .tokens
            .iter()
            .rposition(|t| t.span.text(text) == "C")
            .unwrap();
        let spaced = tidy(text, &tok, c, c + 2, Label::Misc).unwrap();
        assert_eq!(spaced, (c, c + 1), "C $: the mark is not glued to the name");
        let glued = tok
            .tokens
            .iter()
            .position(|t| t.span.text(text) == "C")
            .unwrap();
        assert_eq!(
            tidy(text, &tok, glued, glued + 2, Label::Misc),
            Some((glued, glued + 2))
        );
    }

    #[test]
    fn common_nouns_are_no_names_and_laws_are_misc() {
        assert!(is_common_noun("super PACs") && is_common_noun("PAC") && !is_common_noun("PACE"));
        assert_eq!(law_is_misc("Affordable Care Act", Label::Org), Label::Misc);
        assert_eq!(law_is_misc("Crime Bill", Label::Org), Label::Misc);
        // one word, or not an organisation: unchanged
        assert_eq!(law_is_misc("Act", Label::Org), Label::Org);
        assert_eq!(law_is_misc("Bill Gates", Label::Per), Label::Per);
        assert_eq!(law_is_misc("Law Society", Label::Org), Label::Org);
    }

    #[test]
    fn a_title_alone_names_no_one() {
        let text = "Editor’s note: the President spoke.";
        let tok = crate::text::tokens::analyze_text(text);
        assert_eq!(tidy(text, &tok, 0, 1, Label::Per), None);
    }

    #[test]
    fn a_number_word_alone_is_no_name() {
        let text = "Ninety percent agreed. Twenty-nine said no. Ninety Days is a film.";
        let tok = crate::text::tokens::analyze_text(text);
        assert_eq!(tidy(text, &tok, 0, 1, Label::Per), None);
        assert_eq!(tidy(text, &tok, 4, 5, Label::Misc), None);
        // a number word inside a longer name stays
        assert_eq!(tidy(text, &tok, 9, 11, Label::Misc), Some((9, 11)));
    }
}
