//! Countries as the actors stage reads them, with the table of capitals and demonyms
//! (`knowledge::Countries`): the reading of a capital as its government ("Baghdad says", "backed
//! by Baghdad" and "Baghdad's oil deal" name Iraq; "BAGHDAD" in a dateline and "arrived in
//! Baghdad" name the city).
//!
//! It does not decide which mentions name one actor (that is `cluster`); it only says, for a
//! capital's mention, whether its position makes it the government, and which country that is,
//! and, for the countries the text names, which cluster each one is (`clusters_of_countries`).

use super::cluster::key_words;
use crate::analysis::{Entity, Label};
use crate::hash::{DocKey, DocMap};
use crate::knowledge::Countries;
use crate::lexicon::{AUXILIARIES, IRREGULAR_PAST};
use crate::text::{Span, Tokenized, name_words};

/// Verbs whose object is someone addressed or judged, so an agent: "accused Taipei", "urged
/// Washington".
const ADDRESSEE_VERBS: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "blamed",
    "blames",
    "blaming",
    "criticised",
    "criticized",
    "condemned",
    "urged",
    "urges",
    "urging",
    "warned",
    "warns",
    "told",
    "tells",
    "asked",
    "slammed",
    "infuriated",
    "angered",
    "pressed",
    "pressured",
    "persuade",
    "persuaded",
];

/// Does this capital's mention stand for its government, by its position: the subject of a verb
/// ("Baghdad says", "Colombo estimates", "Washington would"), a possessor of something lower-case
/// ("Baghdad's oil deal"), the agent after "by" or the partner after "with", the one addressed by
/// a verb of speaking or judging ("accused Taipei"), the subject of an infinitive ("for New
/// Delhi to sign"), or the power broken away from ("independence from Rome"). A dateline or headline in capitals, or a
/// place position ("in Baghdad", "Cairo airport", "London's Stansted airport") is the city.
pub fn stands_for_government(text: &str, tok: &Tokenized, e: &Entity) -> bool {
    if e.label == Label::Per || is_all_caps(e.span.text(text)) {
        return false;
    }
    let first = tok.tokens.partition_point(|t| t.span.start < e.span.start);
    let after = tok.tokens.partition_point(|t| t.span.start < e.span.end);
    let word = |i: usize| -> &str { tok.tokens.get(i).map_or("", |t| t.span.text(text)) };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let next = word(after);
    if next == "'s" || next == "’s" {
        return lower(word(after + 1));
    }
    if lower(next) && is_verb_after_subject(&next.to_lowercase()) {
        return true;
    }
    let prev = if first > 0 { word(first - 1) } else { "" };
    let prev = prev.to_lowercase();
    let before_from = || {
        let w = if first > 1 { word(first - 2) } else { "" };
        RULED_FROM.contains(&w.to_lowercase().as_str())
    };
    prev == "by"
        || prev == "with"
        || ADDRESSEE_VERBS.contains(&prev.as_str())
        // the subject of an infinitive: "impossible for New Delhi to sign"
        || (prev == "for" && next == "to")
        // the power one breaks away from: "independence from Rome", "rule from Moscow"
        || (prev == "from" && before_from())
}

/// Nouns of sovereignty that name a government after "from": "independence from Rome".
const RULED_FROM: &[&str] = &[
    "independence",
    "autonomy",
    "secession",
    "separation",
    "split",
    "rule",
    "orders",
];

/// A verb that can follow its subject: an auxiliary, an irregular past, or a word ending in
/// "-s" or "-ed" ("says", "estimates", "accused").
fn is_verb_after_subject(w: &str) -> bool {
    AUXILIARIES.contains(&w)
        || IRREGULAR_PAST.contains(&w)
        || (w.len() > 3 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))))
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// For each entity, the country whose government it names as a capital in a government's
/// position (`stands_for_government`), when that country is named in the text too: the key of
/// the country, as the cluster keys write it.
pub fn capitals_as_governments<'c>(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    countries: &'c Countries,
) -> Vec<Option<&'c str>> {
    ents.iter()
        .map(|e| {
            let country = countries.country_of_capital(e.span.text(text))?;
            stands_for_government(text, tok, e).then_some(country)
        })
        .collect()
}

/// The countries of the table that `mentions` name, each to its cluster: `mentions` are (span,
/// cluster) pairs, keyed by the words of the mention as the clusters compare them ("Taiwan" of a
/// cluster whose fullest name is longer); where mentions of one country are in several clusters,
/// the first pair's cluster.
pub fn clusters_of_countries(
    text: &str,
    key: DocKey,
    countries: &Countries,
    mentions: impl IntoIterator<Item = (Span, usize)>,
) -> DocMap<String, usize> {
    let mut by_country = DocMap::with_hasher(key);
    for (span, c) in mentions {
        let words = key_words(&name_words(span.text(text))).join(" ");
        if countries.is_country(&words) {
            by_country.entry(words).or_insert(c);
        }
    }
    by_country
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::test_entities as ents;
    use crate::text::tokens::analyze_text;
    use Label::*;

    fn table() -> Countries {
        Countries::parse("Iraq\tBaghdad\tIraqi\nUnited Kingdom\tLondon\tBritish\n").unwrap()
    }

    /// For each mention of `city` in `text` (all tagged places), whether it names the government.
    fn governments(text: &str, city: &str) -> Vec<bool> {
        let tok = analyze_text(text);
        let names: Vec<(&str, Label)> = text.matches(city).map(|_| (city, Loc)).collect();
        let e = ents(text, &names);
        let t = table();
        capitals_as_governments(text, &tok, &e, &t)
            .iter()
            .map(Option::is_some)
            .collect()
    }

    #[test]
    fn a_capital_as_subject_possessor_agent_or_addressee_is_its_government() {
        let t = "Baghdad says it will talk. They discussed Baghdad's oil deal. It was backed by \
                 Baghdad. Ties with Baghdad grew. Kuwait accused Baghdad of delay. It is hard \
                 for Baghdad to agree. They won independence from Baghdad.";
        assert_eq!(governments(t, "Baghdad"), [true; 7]);
    }

    #[test]
    fn a_capital_as_a_place_is_the_city() {
        let t = "BAGHDAD says the headline. He arrived in Baghdad on Monday. The Baghdad airport \
                 shut. Planes reached London's Stansted airport. She left Baghdad. Flights for \
                 Baghdad leave daily. Troops withdrew from Baghdad.";
        assert_eq!(governments(t, "BAGHDAD"), [false]);
        assert_eq!(governments(t, "Baghdad"), [false; 5]);
        assert_eq!(governments(t, "London"), [false]);
    }

    #[test]
    fn each_country_named_goes_to_the_cluster_of_its_first_mention() {
        let t = "Iraq and the Iraq and London.";
        let tok = analyze_text(t);
        let span = |s: &str, from: usize| {
            let b = from + t[from..].find(s).unwrap();
            Span::new(b, b + s.len())
        };
        let mentions = [
            (span("Iraq", 0), 2),
            (span("the Iraq", 0), 1),
            (span("London", 0), 0),
        ];
        let by_country = clusters_of_countries(t, tok.key, &table(), mentions);
        // a capital is no country; "the Iraq" is Iraq, after the first mention's cluster
        assert_eq!(by_country.len(), 1);
        assert_eq!(by_country.get("iraq"), Some(&2));
    }

    #[test]
    fn a_person_named_like_a_capital_is_not_a_government() {
        let t = "Paris said no.";
        let tok = analyze_text(t);
        let e = ents(t, &[("Paris", Per)]);
        let c = Countries::parse("France\tParis\tFrench\n").unwrap();
        assert_eq!(capitals_as_governments(t, &tok, &e, &c), [None]);
    }
}
