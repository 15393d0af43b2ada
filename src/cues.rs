//! The cue lexicon: words that introduce or attribute speech ("said", "told", "according",
//! "tweeted"), learned from PolNeAR's cue spans by `scripts/build_cues.py`, each with how often it
//! was a cue there; words PolNeAR saw too rarely to count ("lampooned") are listed with a rate
//! from their GloVe neighbours and a cue count under 2, so never strong. The quote classifier and
//! the speaker ranker read the strong words (`is_cue`); the reported-speech tagger reads every
//! listed word's rate class (`class`). It decides nothing by itself.

use crate::hash::WordMap;
use crate::model_file::ModelError;
use crate::text::normal;

pub const EMBEDDED_CUES: &str = include_str!("../models/cues.tsv");

#[derive(Default, Clone)]
pub struct Cues {
    /// The strong words: at least `STRONG_COUNT` times a cue, and a cue in at least
    /// `STRONG_RATE` of their occurrences.
    words: WordMap<()>,
    /// Every listed word's class (`class`).
    classes: WordMap<u8>,
}

const STRONG_COUNT: u32 = 4;
const STRONG_RATE: f32 = 0.25;

impl Cues {
    /// `word<TAB>cue count<TAB>rate` lines; a line with the word alone counts as strong, and one
    /// without a rate has rate 1. A count that is not a whole number or a rate that is not a
    /// number is an error naming its line, never a default.
    pub fn parse(tsv: &str) -> Result<Cues, ModelError> {
        let mut c = Cues::default();
        for (n, line) in tsv.lines().enumerate() {
            let bad = |what: &str, field: &str| {
                ModelError(format!("cues.tsv line {}: {what} {field:?}", n + 1))
            };
            let mut f = line.split('\t');
            let Some(w) = f.next().filter(|w| !w.is_empty()) else {
                continue;
            };
            let count: u32 = match f.next() {
                None => STRONG_COUNT,
                Some(x) => x
                    .parse()
                    .map_err(|_| bad("a cue count that is not a whole number:", x))?,
            };
            let rate: f32 = match f.next() {
                None => 1.0,
                Some(x) => x
                    .parse()
                    .map_err(|_| bad("a rate that is not a number:", x))?,
            };
            let strong = count >= STRONG_COUNT && rate >= STRONG_RATE;
            if strong {
                c.words.insert(w.to_string(), ());
            }
            c.classes.insert(w.to_string(), class_of(rate, strong));
        }
        Ok(c)
    }

    /// The rate class of an already normalised word: 0 unlisted; else 1-3 by how often it was a
    /// cue (under 0.25, under 0.6, more), plus 3 when it is strong (so 1-6).
    pub fn class(&self, word: &str) -> u8 {
        self.classes.get(word).copied().unwrap_or(0)
    }

    /// Is a word of this class strong (`is_normal_cue`)?
    pub fn is_strong_class(class: u8) -> bool {
        class > 3
    }

    pub fn embedded() -> Result<Cues, ModelError> {
        Cues::parse(EMBEDDED_CUES)
    }

    /// Is this token (as written) a cue word?
    pub fn is_cue(&self, token: &str) -> bool {
        self.is_normal_cue(&normal(token))
    }

    /// Is this already normalised word a cue word?
    pub fn is_normal_cue(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }
}

fn class_of(rate: f32, strong: bool) -> u8 {
    let by_rate = if rate < 0.25 {
        1
    } else if rate < 0.6 {
        2
    } else {
        3
    };
    by_rate + if strong { 3 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lookup_ignores_case() {
        let c = Cues::parse("said\t10\t0.9\ntold\t5\t0.8\n").unwrap();
        assert!(c.is_cue("Said") && c.is_cue("told"));
        assert!(!c.is_cue("table"));
    }

    #[test]
    fn rare_or_weak_words_are_listed_but_not_strong() {
        let c = Cues::parse("said\t900\t0.9\nurges\t2\t0.8\nabout\t50\t0.12\n").unwrap();
        assert!(c.is_cue("said") && !c.is_cue("urges") && !c.is_cue("about"));
        assert_eq!(c.class("said"), 6);
        assert_eq!(c.class("urges"), 3);
        assert_eq!(c.class("about"), 1);
        assert_eq!(c.class("table"), 0);
        for w in ["said", "urges", "about", "table"] {
            assert_eq!(Cues::is_strong_class(c.class(w)), c.is_normal_cue(w), "{w}");
        }
    }

    #[test]
    fn a_count_or_rate_that_is_no_number_is_an_error_naming_its_line() {
        let e = Cues::parse("said\t900\t0.9\ntold\tmany\t0.8\n")
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "bad model file: cues.tsv line 2: a cue count that is not a whole number: \"many\""
        );
        for tsv in [
            "said\t\t0.9\n",
            "said\t-3\t0.9\n",
            "said\t4.5\t0.9\n",
            "said\t9\tmost\n",
        ] {
            assert!(Cues::parse(tsv).is_err(), "{tsv:?}");
        }
        // the word alone is a strong cue; the shipped lexicon parses
        assert!(Cues::parse("said\n").unwrap().is_cue("said"));
        assert!(Cues::embedded().is_ok());
    }
}
