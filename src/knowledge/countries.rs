//! The table of countries: each one's capitals and demonyms (`models/countries.tsv`, built by
//! `scripts/build_countries.py`), keyed by the words of their names (`text::name_words`) so that
//! the actors stage looks its name mentions up as it compares them.
//!
//! It only loads and looks up the table; when a capital's mention stands for its government is
//! the actors stage's rule (`actors::countries`).

use std::collections::{HashMap, HashSet};

use crate::model_file::ModelError;
use crate::text::name_words;

/// The shipped table (see models/README.md).
pub const EMBEDDED_COUNTRIES: &str = include_str!("../../models/countries.tsv");

/// Capitals and demonyms, keyed by their name words joined with one space ("new delhi").
#[derive(Default)]
pub struct Countries {
    /// capital -> country, both as name words joined ("baghdad" -> "iraq")
    by_capital: HashMap<String, String>,
    /// demonym -> country ("iraqi" -> "iraq")
    by_demonym: HashMap<String, String>,
    /// every country of the table ("iraq")
    names: HashSet<String>,
}

impl Countries {
    /// Parse `country<TAB>capitals<TAB>demonyms` lines (lists comma-separated, a field may be
    /// empty).
    pub fn parse(table: &str) -> Result<Countries, ModelError> {
        let mut c = Countries::default();
        for (n, line) in table.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(country), Some(capitals), Some(demonyms), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(ModelError(format!(
                    "countries.tsv line {}: not 'country<tab>capitals<tab>demonyms'",
                    n + 1
                )));
            };
            let country = joined(country);
            c.names.insert(country.clone());
            for capital in capitals.split(',').filter(|s| !s.is_empty()) {
                c.by_capital.insert(joined(capital), country.clone());
            }
            for demonym in demonyms.split(',').filter(|s| !s.is_empty()) {
                c.by_demonym.insert(joined(demonym), country.clone());
            }
        }
        Ok(c)
    }

    pub fn embedded() -> Result<Countries, ModelError> {
        Countries::parse(EMBEDDED_COUNTRIES)
    }

    /// The country whose capital this name is ("New Delhi" -> "india").
    pub fn country_of_capital(&self, name: &str) -> Option<&str> {
        self.by_capital.get(&joined(name)).map(String::as_str)
    }

    /// Is this (as name words joined with one space) a country of the table?
    pub fn is_country(&self, key: &str) -> bool {
        self.names.contains(key)
    }

    /// The country of a demonym ("Iraqi" -> "iraq").
    pub fn country_of_demonym(&self, word: &str) -> Option<&str> {
        self.by_demonym.get(&joined(word)).map(String::as_str)
    }
}

fn joined(name: &str) -> String {
    name_words(name).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_lists_and_rejects_malformed_lines() {
        let c = Countries::parse("South Africa\tPretoria,Cape Town\tSouth African\n").unwrap();
        assert_eq!(c.country_of_capital("Cape Town"), Some("south africa"));
        assert_eq!(c.country_of_demonym("South African"), Some("south africa"));
        assert_eq!(c.country_of_capital("Durban"), None);
        assert!(Countries::parse("Iraq\tBaghdad\n").is_err());
    }

    #[test]
    fn the_shipped_table_leaves_out_a_capital_two_countries_claim() {
        let c = Countries::embedded().unwrap();
        assert_eq!(c.country_of_capital("Baghdad"), Some("iraq"));
        assert_eq!(c.country_of_capital("Washington"), Some("united states"));
        assert_eq!(c.country_of_capital("Jerusalem"), None);
    }
}
