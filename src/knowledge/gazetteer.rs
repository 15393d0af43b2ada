//! Gazetteers (lists of known names by type) and word clusters: the entity tagger reads both as
//! features, the actors stage reads the lists (first names and their gender, places, words
//! usually written in lower case).
//!
//! Both are plain text built by `scripts/build_gazetteers.py` (names from registry packages) and
//! `newslens train clusters` (clusters from the unlabeled shared corpora), and embedded in the
//! binary. This module only loads and matches them; it makes no decision about labels.

use crate::hash::{IdHasher, hash_bytes};
use crate::model_file::ModelError;
use crate::text::Tokenized;
use crate::text::normalise;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The shipped files (built by `scripts/build_gazetteers.py` and `newslens train clusters`; see
/// models/README.md).
pub const EMBEDDED_GAZETTEER: &str = include_str!("../../models/gazetteer.tsv");
pub const EMBEDDED_CLUSTERS: &str = include_str!("../../models/clusters.tsv");

/// Phrases and words are stored by a 64-bit hash of their key: no strings to allocate at load.
fn key_hash(key: &str) -> u64 {
    hash_bytes(7, key.as_bytes())
}

const MAX_PHRASE: usize = 6;

#[derive(Default)]
pub struct Gazetteers {
    /// normalised phrase (tokens joined by one space) -> bit set of list ids
    phrases: HashMap<u64, u32, BuildHasherDefault<IdHasher>>,
    /// list names, index = bit
    pub lists: Vec<String>,
    /// normalised word -> cluster bit string
    clusters: HashMap<u64, [u64; 3], BuildHasherDefault<IdHasher>>,
}

impl Gazetteers {
    /// Parse the gazetteer file (a `#LIST` line, then that list's phrases, one a line, each
    /// front-coded: a digit, the number of bytes it shares with the line before, then the rest;
    /// plain `LIST<TAB>phrase` lines are read too)
    /// and the cluster file (`bits<TAB>word word ...` lines, a cluster's words on one line).
    /// Both layouts are for gzip: `LIST<TAB>phrase` lines took 111 KB gzipped, these 78 KB, and
    /// a line per word of the clusters 64 KB against 50 KB. Malformed lines are errors.
    pub fn parse(gazetteer: &str, clusters: &str) -> Result<Gazetteers, ModelError> {
        let mut g = Gazetteers::default();
        g.phrases.reserve(gazetteer.len() / 8);
        fn bad<T>(file: &str, n: usize, why: &str) -> Result<T, ModelError> {
            Err(ModelError(format!("{file} line {}: {why}", n + 1)))
        }
        // (this parse is on the page's path to its first highlights)
        let list_bit = |lists: &mut Vec<String>, list: &str, n: usize| match lists
            .iter()
            .position(|l| l == list)
        {
            Some(b) => Ok(b),
            None if lists.len() < 32 => {
                lists.push(list.to_string());
                Ok(lists.len() - 1)
            }
            None => bad("gazetteer.tsv", n, "a 33rd list (at most 32 fit a lookup)"),
        };
        let mut current: Option<usize> = None;
        let mut phrase = String::new();
        for (n, line) in gazetteer.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let bit = if let Some(list) = line.strip_prefix('#') {
                current = Some(list_bit(&mut g.lists, list, n)?);
                phrase.clear();
                continue;
            } else if let Some((list, p)) = line.split_once('\t') {
                // a plain `LIST<TAB>phrase` line (tests, lists written by hand)
                phrase.clear();
                phrase.push_str(p);
                list_bit(&mut g.lists, list, n)?
            } else {
                let Some(bit) = current else {
                    return bad("gazetteer.tsv", n, "a phrase before the first '#LIST' line");
                };
                let shared = line.as_bytes()[0].wrapping_sub(b'0') as usize;
                if shared > 9 || shared > phrase.len() || !phrase.is_char_boundary(shared) {
                    return bad("gazetteer.tsv", n, "not 'N<rest of the phrase>'");
                }
                phrase.truncate(shared);
                phrase.push_str(&line[1..]);
                bit
            };
            // ASCII lower-case letters and single spaces are their own key: hash them directly
            let simple = is_simple_phrase(phrase.as_bytes());
            let h = if simple {
                key_hash(&phrase)
            } else {
                let key = phrase_key(&phrase);
                if key.is_empty() {
                    continue;
                }
                key_hash(&key)
            };
            *g.phrases.entry(h).or_default() |= 1 << bit;
        }
        for (n, line) in clusters.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let Some((bits, words)) = line.split_once('\t') else {
                return bad("clusters.tsv", n, "not 'BITS<tab>word word ...'");
            };
            if bits.is_empty() || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                return bad("clusters.tsv", n, "a cluster path is a string of 0 and 1");
            }
            let p = |n: usize| hash_bytes(100 + n as u64, &bits.as_bytes()[..n.min(bits.len())]);
            let prefixes = [p(4), p(8), p(64)];
            for word in words.split(' ') {
                if word.is_empty() || word.contains('\t') {
                    return bad("clusters.tsv", n, "not 'BITS<tab>word word ...'");
                }
                g.clusters.insert(key_hash(word), prefixes);
            }
        }
        Ok(g)
    }

    pub fn embedded() -> Result<Gazetteers, ModelError> {
        Gazetteers::parse(EMBEDDED_GAZETTEER, EMBEDDED_CLUSTERS)
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Lists holding this exact phrase (as a bit set).
    pub fn lookup(&self, phrase: &str) -> u32 {
        self.phrases
            .get(&key_hash(&phrase_key(phrase)))
            .copied()
            .unwrap_or(0)
    }

    /// Does the bit set `bits` (from `lookup`) hold the list named `list`?
    pub fn has(&self, bits: u32, list: &str) -> bool {
        self.lists
            .iter()
            .position(|l| l == list)
            .is_some_and(|b| bits & (1 << b) != 0)
    }

    /// Hashes of the word's cluster path prefixes of lengths 4, 8 and the full path (0 if none).
    pub fn cluster_prefixes(&self, lower: &str) -> [u64; 3] {
        self.clusters
            .get(&key_hash(lower))
            .copied()
            .unwrap_or([0; 3])
    }

    /// For every token, the gazetteer feature values of the longest match that holds it and
    /// starts with a capitalised token (`cap`): one value per (list, position in match: B/I/L/U).
    pub fn mark(&self, tok: &Tokenized, lowers: &[impl AsRef<str>], cap: &[bool]) -> Vec<Vec<u64>> {
        let mut marks = vec![Vec::new(); lowers.len()];
        if self.phrases.is_empty() {
            return marks;
        }
        let mut key = String::new();
        for s in &tok.sentences {
            let mut i = s.start;
            while i < s.end {
                if !cap[i] {
                    i += 1;
                    continue;
                }
                let mut best = None;
                key.clear();
                for j in i..(i + MAX_PHRASE).min(s.end) {
                    if j > i {
                        key.push(' ');
                    }
                    key.push_str(lowers[j].as_ref());
                    if let Some(&bits) = self.phrases.get(&key_hash(&key)) {
                        best = Some((j + 1, bits));
                    }
                }
                match best {
                    Some((end, bits)) => {
                        for k in i..end {
                            let pos = if end - i == 1 {
                                3
                            } else if k == i {
                                0
                            } else if k + 1 == end {
                                2
                            } else {
                                1
                            };
                            for b in 0..32u64 {
                                if bits & (1 << b) != 0 {
                                    marks[k].push(b * 4 + pos);
                                }
                            }
                        }
                        i = end;
                    }
                    None => i += 1,
                }
            }
        }
        marks
    }
}

/// ASCII lower-case words joined by single spaces (one pass over the bytes).
fn is_simple_phrase(phrase: &[u8]) -> bool {
    let mut after_space = true; // no leading space, no two spaces
    for &b in phrase {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if b.is_ascii_lowercase() {
            after_space = false;
        } else {
            return false;
        }
    }
    !after_space // not empty, no trailing space
}

/// A phrase as the matcher sees it: tokenised, normalised, joined by single spaces.
fn phrase_key(phrase: &str) -> String {
    // fast path (most entries): letters and single spaces tokenize to themselves
    if phrase.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !phrase.contains("  ")
        && !phrase.starts_with(' ')
        && !phrase.ends_with(' ')
    {
        return phrase.to_lowercase();
    }
    let toks = crate::text::tokens::tokenize(phrase);
    toks.iter()
        .map(|t| normalise(t.span.text(phrase)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simple_phrase_is_lower_case_ascii_words_between_single_spaces() {
        let by_parts = |p: &str| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_lowercase() || b == b' ')
                && !p.contains("  ")
                && !p.starts_with(' ')
                && !p.ends_with(' ')
        };
        let phrases = [
            "",
            " ",
            "a",
            "new york",
            "new  york",
            " new york",
            "new york ",
            "New york",
            "são paulo",
            "a b c",
            "ab-c",
            "a\tb",
            "x ",
            "  ",
            "z",
        ];
        for p in phrases {
            assert_eq!(is_simple_phrase(p.as_bytes()), by_parts(p), "{p:?}");
        }
    }

    #[test]
    fn phrases_match_whatever_the_typography() {
        let g = Gazetteers::parse("LOC\tNew York\nPER\tO'Brien\nLOC\tYork\n", "").unwrap();
        assert_eq!(g.lookup("new york"), 1);
        assert_eq!(g.lookup("O’Brien"), 2);
        assert_eq!(g.lookup("Boston"), 0);
    }

    #[test]
    fn front_coded_lists_and_cluster_lines_read_as_plain_ones() {
        let plain = Gazetteers::parse(
            "LOC\tNew York\nLOC\tNewark\nLOC\tZoë\nLOC\tZoëville\nPER\tNew\n",
            "0101\tparis\n0101\tyork\n11\tnew\n",
        )
        .unwrap();
        let coded = Gazetteers::parse(
            "#LOC\n0New York\n3ark\n0Zoë\n4ville\n#PER\n0New\n",
            "0101\tparis york\n11\tnew\n",
        )
        .unwrap();
        for p in [
            "new york",
            "Newark",
            "Zoë",
            "Zoëville",
            "new",
            "york",
            "Zoë York",
        ] {
            assert_eq!(plain.lookup(p), coded.lookup(p), "{p}");
        }
        assert_eq!(coded.lookup("zoëville"), 1);
        assert_eq!(coded.lookup("new"), 2);
        for w in ["paris", "york", "new", "london"] {
            assert_eq!(plain.cluster_prefixes(w), coded.cluster_prefixes(w), "{w}");
        }
        assert_ne!(coded.cluster_prefixes("york"), [0; 3]);
    }

    #[test]
    fn fast_and_slow_keys_agree() {
        for p in [
            "New York",
            "São Paulo",
            "Winston-Salem",
            "O'Brien",
            "St. Louis",
            "Zoë",
        ] {
            let slow: String = crate::text::tokens::tokenize(p)
                .iter()
                .map(|t| normalise(t.span.text(p)))
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(phrase_key(p), slow, "{p}");
        }
    }

    #[test]
    fn longest_match_wins_and_marks_positions() {
        let g = Gazetteers::parse("LOC\tNew York\nLOC\tYork\n", "").unwrap();
        let text = "He flew to New York today";
        let tok = crate::text::tokens::analyze_text(text);
        let lowers: Vec<String> = tok
            .tokens
            .iter()
            .map(|t| normalise(t.span.text(text)))
            .collect();
        let cap: Vec<bool> = tok
            .tokens
            .iter()
            .map(|t| t.span.text(text).starts_with(char::is_uppercase))
            .collect();
        let marks = g.mark(&tok, &lowers, &cap);
        assert_eq!(marks[3], vec![0]); // B of list 0
        assert_eq!(marks[4], vec![2]); // L of list 0
        assert!(marks[0].is_empty());
    }

    #[test]
    fn a_malformed_line_is_an_error_naming_it() {
        let err = |g: &str, c: &str| Gazetteers::parse(g, c).err().map(|e| e.0);
        assert_eq!(err("LOC\tYork\n\nLOC\tParis\n", "0101\tparis\n"), None);
        assert!(
            err("LOC\tYork\nLOC York\n", "")
                .unwrap()
                .contains("gazetteer.tsv line 2")
        );
        for g in [
            "0York\n",
            "#LOC\n0York\n5k\n",
            "#LOC\n0Zoë\n3x\n",
            "#LOC\nYork\n",
        ] {
            assert!(err(g, "").is_some(), "{g:?}");
        }
        assert!(err("", "0101\tparis  york\n").is_some());
        assert!(
            err("", "0101\tparis\n01x\tyork\n")
                .unwrap()
                .contains("clusters.tsv line 2")
        );
        assert!(
            err("", "0101 paris\n")
                .unwrap()
                .contains("clusters.tsv line 1")
        );
        let lists: String = (0..33).map(|i| format!("L{i}\tword\n")).collect();
        assert!(err(&lists, "").unwrap().contains("33rd list"));
    }
}
