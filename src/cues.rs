//! The cue lexicon: words that introduce or attribute speech ("said", "told", "according",
//! "tweeted"), learned from PolNeAR's cue spans by `scripts/build_cues.py`. Read by the quote
//! classifier and the speaker ranker as features; it decides nothing by itself.

use crate::text::normal;
use std::collections::HashSet;

pub const EMBEDDED_CUES: &str = include_str!("../models/cues.tsv");

#[derive(Default, Clone)]
pub struct Cues {
    words: HashSet<String>,
}

impl Cues {
    /// `word<TAB>...` lines; anything after the first tab is ignored.
    pub fn parse(tsv: &str) -> Cues {
        Cues {
            words: tsv
                .lines()
                .filter_map(|l| l.split('\t').next())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    pub fn embedded() -> Cues {
        Cues::parse(EMBEDDED_CUES)
    }

    /// Is this token (as written) a cue word?
    pub fn is_cue(&self, token: &str) -> bool {
        self.is_normal_cue(&normal(token))
    }

    /// Is this already normalised word a cue word?
    pub fn is_normal_cue(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lookup_ignores_case() {
        let c = Cues::parse("said\t10\t0.9\ntold\t5\t0.8\n");
        assert!(c.is_cue("Said") && c.is_cue("told"));
        assert!(!c.is_cue("table"));
    }
}
