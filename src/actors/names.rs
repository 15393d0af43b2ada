//! Names as the clustering compares them, beyond their words (`text::name_words`): acronyms
//! ("Federal Bureau of Investigation" -> fbi), display names, honorifics and the gender they or a
//! first name imply. Pure functions over strings and the gazetteer; no clustering here.

use crate::knowledge::Gazetteers;
pub use crate::lexicon::Gender;
use crate::lexicon::HONORIFICS;
use crate::text::normalise;

/// The gender an honorific word implies ("Mrs." -> female).
pub fn honorific_gender(word: &str) -> Option<Gender> {
    let w = normalise(word);
    HONORIFICS.iter().find(|h| h.0 == w).and_then(|h| h.1)
}

/// "Federal Bureau of Investigation" -> "fbi": initials of the capitalised words.
pub fn acronym_of(s: &str) -> Option<String> {
    let caps: String = s
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    (caps.chars().count() >= 2).then(|| caps.to_lowercase())
}

/// The name as shown in the sidebar: without a possessive or a leading "the ".
pub fn display_name(t: &str) -> String {
    let t = t.trim_end_matches("’s").trim_end_matches("'s");
    let t = t.strip_prefix("the ").unwrap_or(t);
    // "[Angela] Merkel" is shown as "Angela Merkel"
    if t.starts_with('[') && t.contains("] ") {
        return t.replacen('[', "", 1).replacen(']', "", 1);
    }
    t.to_string()
}

/// Gender from the first-name lists (FIRST_M / FIRST_F): the first word of a full name, or a
/// lone word that is a first name and not also a surname ("Melanie", not "Clinton").
pub fn first_name_gender(words: &[String], gaz: &Gazetteers) -> Option<Gender> {
    let first = words.first()?;
    let bits = gaz.lookup(first);
    let has = |list: &str| gaz.has(bits, list);
    if words.len() == 1 && has("LAST") {
        return None;
    }
    match (has("FIRST_M"), has("FIRST_F")) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::name_words;

    #[test]
    fn display_names_drop_the_brackets_of_an_editor() {
        assert_eq!(display_name("[Angela] Merkel"), "Angela Merkel");
        assert_eq!(display_name("[Sic]"), "[Sic]");
    }

    #[test]
    fn acronyms_from_capitalised_words() {
        assert_eq!(
            acronym_of("Federal Bureau of Investigation").as_deref(),
            Some("fbi")
        );
        assert_eq!(acronym_of("Putin"), None);
    }

    #[test]
    fn a_lone_first_name_has_a_gender_unless_it_is_also_a_surname() {
        let gaz = Gazetteers::parse(
            "FIRST_F\tMelanie\nFIRST_M\tKevin\nFIRST_M\tClinton\nLAST\tClinton\n",
            "",
        )
        .unwrap();
        let g = |s: &str| first_name_gender(&name_words(s), &gaz);
        assert_eq!(g("Melanie"), Some(Gender::Female));
        assert_eq!(g("Kevin"), Some(Gender::Male));
        assert_eq!(g("Clinton"), None);
        assert_eq!(g("Clinton Smith"), Some(Gender::Male));
    }
}
