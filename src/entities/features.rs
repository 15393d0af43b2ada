//! Features of each token for the entity tagger, as 32-bit hashed ids.
//!
//! The templates follow the feature-based state of the art (Ratinov & Roth 2009; Finkel et al.
//! 2005): word and lowercased word, shape, affixes, a ±2 window, capitalisation in context
//! (sentence start, all-caps or Title Case headline), gazetteer matches, word clusters and
//! document-level signals (how the same word is written elsewhere in the text, and the words
//! around it there: Ratinov & Roth's context aggregation). Tag history is not here: the model's
//! transition weights carry it, and the labels of the same word elsewhere are the second pass's
//! (`history`). Typographic variants (’ “ ”) are
//! normalised for features only; offsets never change.

use crate::hash::{DocKey, DocMap, entity_id, entity_mix, hash_bytes};
use crate::knowledge::Gazetteers;
use crate::text::{TokenKind, TokenRange, Tokenized, normal};

/// Keyed by word hashes, and hashed again with the document's key (`DocKey`).
type ByHash<V> = DocMap<u64, V>;

/// "Xxxx", "XX", "x.x.", "dd-dd" with runs capped at 3, and the short form with runs collapsed.
pub fn shapes(word: &str) -> (String, String) {
    let mut long = String::new();
    let mut short = String::new();
    shapes_into(word, &mut long, &mut short);
    (long, short)
}

/// `shapes`, written into two buffers (cleared first) so that a caller reuses them.
fn shapes_into(word: &str, long: &mut String, short: &mut String) {
    long.clear();
    short.clear();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                _ => c,
            }
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            short.push(s);
        }
        if run <= 3 {
            long.push(s);
        }
        last = s;
    }
}

/// What is precomputed once per token.
#[derive(Clone, Debug, Default)]
pub struct TokenInfo {
    pub lower: u64,
    pub form: u64,
    pub shape: u64,
    pub short: u64,
    pub affixes: [u64; 8],
    pub cap: bool,
    pub all_caps_word: bool,
    pub alpha: bool,
    /// An opening quotation mark or bracket.
    pub opener: bool,
    pub cluster: [u64; 3],
    pub gaz: Vec<u64>,
}

/// Per-document facts used by the document-level features.
pub struct DocStats {
    /// hash of the lowercased form -> (seen capitalised mid-sentence, seen lowercase)
    seen: ByHash<(bool, bool)>,
    /// hash of a capitalised word's lowercased form -> (token, previous word, next word) of its
    /// first occurrences in the document (context aggregation, Ratinov & Roth 2009)
    contexts: ByHash<Vec<(usize, u64, u64)>>,
}

impl DocStats {
    /// The document's key (`Tokenized::key`), for its other maps.
    pub fn key(&self) -> DocKey {
        *self.seen.hasher()
    }
}

/// Occurrences of a word whose contexts are kept (linear time whatever the text).
const MAX_CONTEXTS: usize = 6;

const T_BIAS: u64 = 1;
const T_FORM: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_AFFIX: u64 = 6;
const T_WIN: u64 = 10; // 10..=14 window lower words at offsets -2..=2 (except 0)
const T_WINSHAPE: u64 = 20;
const T_BIGRAM: u64 = 30;
const T_SENT: u64 = 40;
const T_DOC: u64 = 50;
const T_CLUSTER: u64 = 60;
const T_GAZ: u64 = 70;
const T_HEAD: u64 = 80;
const T_AGG: u64 = 90;

/// Precompute `TokenInfo` for every token of the text.
pub fn token_infos(text: &str, tok: &Tokenized, gaz: &Gazetteers) -> (Vec<TokenInfo>, DocStats) {
    let mut infos = Vec::with_capacity(tok.tokens.len());
    let mut lowers = Vec::with_capacity(tok.tokens.len());
    let (mut long, mut short) = (String::new(), String::new());
    for t in &tok.tokens {
        let w = t.span.text(text);
        let lower = normal(w);
        shapes_into(w, &mut long, &mut short);
        let mut affixes = [0u64; 8];
        // prefixes and suffixes of 1..=4 characters, of words longer than that
        let n = lower.chars().count();
        let at = |k: usize| lower.char_indices().nth(k).map_or(lower.len(), |(b, _)| b);
        for k in 1..=4.min(n.saturating_sub(1)) {
            affixes[k - 1] = hash_bytes(k as u64, &lower.as_bytes()[..at(k)]);
            affixes[k + 3] = hash_bytes(10 + k as u64, &lower.as_bytes()[at(n - k)..]);
        }
        let cap = w.starts_with(|c: char| c.is_uppercase());
        let all_caps_word = cap
            && w.chars().all(|c| !c.is_lowercase())
            && w.chars().filter(|c| c.is_alphabetic()).count() > 1;
        let cluster = gaz.cluster_prefixes(&lower);
        infos.push(TokenInfo {
            lower: hash_bytes(0, lower.as_bytes()),
            form: hash_bytes(1, w.as_bytes()),
            shape: hash_bytes(2, long.as_bytes()),
            short: hash_bytes(3, short.as_bytes()),
            affixes,
            cap,
            all_caps_word,
            alpha: w.starts_with(char::is_alphabetic),
            opener: matches!(w, "“" | "\"" | "‘" | "(" | "[" | "'"),
            cluster,
            gaz: Vec::new(),
        });
        lowers.push(lower);
    }
    let cap: Vec<bool> = infos.iter().map(|i| i.cap).collect();
    for (info, marks) in infos.iter_mut().zip(gaz.mark(tok, &lowers, &cap)) {
        info.gaz = marks;
    }
    let mut stats = DocStats {
        seen: ByHash::with_hasher(tok.key),
        contexts: ByHash::with_hasher(tok.key),
    };
    for s in &tok.sentences {
        let caps = headline_kind(&infos, *s);
        for i in s.start..s.end {
            if tok.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let e = stats.seen.entry(infos[i].lower).or_default();
            if caps == 0 && i > s.start && infos[i].cap && !infos[i].all_caps_word {
                e.0 = true;
            }
            if !infos[i].cap {
                e.1 = true;
                continue;
            }
            let c = stats.contexts.entry(infos[i].lower).or_default();
            if c.len() < MAX_CONTEXTS {
                let prev = if i > s.start { infos[i - 1].lower } else { 7 };
                let next = if i + 1 < s.end { infos[i + 1].lower } else { 7 };
                c.push((i, prev, next));
            }
        }
    }
    (infos, stats)
}

/// 0: normal sentence, 1: ALL CAPS, 2: Title Case headline (most words capitalised).
fn headline_kind(infos: &[TokenInfo], s: TokenRange) -> u8 {
    let words = || infos[s.start..s.end].iter().filter(|t| t.alpha);
    let alpha = words().count();
    if alpha < 3 {
        return 0;
    }
    let caps = words().filter(|t| t.all_caps_word).count();
    let titles = words().filter(|t| t.cap).count();
    if caps * 10 >= alpha * 7 {
        1
    } else if titles * 10 >= alpha * 7 && s.len() >= 3 {
        2
    } else {
        0
    }
}

/// Feature ids of every token in sentence `s`, one Vec per token: `out` is resized to the
/// sentence and its Vecs are refilled, so a caller that keeps `out` between sentences (without
/// clearing it) reuses their memory.
pub fn sentence_features(
    infos: &[TokenInfo],
    stats: &DocStats,
    s: TokenRange,
    out: &mut Vec<Vec<u32>>,
) {
    out.resize_with(s.len(), || Vec::with_capacity(48));
    let head = headline_kind(infos, s) as u64;
    let at = |j: isize| -> Option<&TokenInfo> {
        if j < s.start as isize || j >= s.end as isize {
            None
        } else {
            Some(&infos[j as usize])
        }
    };
    for (i, f) in (s.start..s.end).zip(out.iter_mut()) {
        let t = &infos[i];
        f.clear();
        f.push(entity_id(T_BIAS, 0));
        f.push(entity_id(T_FORM, t.form));
        f.push(entity_id(T_LOWER, t.lower));
        f.push(entity_id(T_SHAPE, t.shape));
        f.push(entity_id(T_SHORT, t.short));
        for (k, a) in t.affixes.iter().enumerate() {
            if *a != 0 {
                f.push(entity_id(T_AFFIX + k as u64 * 1000, *a));
            }
        }
        for d in [-2isize, -1, 1, 2] {
            let v = at(i as isize + d).map_or(7, |n| n.lower);
            f.push(entity_id(T_WIN + (d + 2) as u64, v));
            if d.abs() == 1 {
                let sh = at(i as isize + d).map_or(7, |n| n.short);
                f.push(entity_id(T_WINSHAPE + (d + 2) as u64, sh));
                f.push(entity_id(
                    T_WINSHAPE + 10 + (d + 2) as u64,
                    entity_mix(sh, t.short),
                ));
            }
        }
        let prev = at(i as isize - 1).map_or(7, |n| n.lower);
        let next = at(i as isize + 1).map_or(7, |n| n.lower);
        f.push(entity_id(T_BIGRAM, entity_mix(prev, t.lower)));
        f.push(entity_id(T_BIGRAM + 1, entity_mix(t.lower, next)));
        // sentence-initial, or the first word after an opening quote or bracket
        let first = i == s.start || (i > s.start && infos[i - 1].opener);
        f.push(entity_id(T_SENT, entity_mix(first as u64, t.short)));
        f.push(entity_id(T_HEAD, entity_mix(head, t.short)));
        if head != 0 {
            f.push(entity_id(T_HEAD + 1, entity_mix(head, t.lower)));
        }
        if let Some(&(cap_mid, lower_seen)) = stats.seen.get(&t.lower) {
            let v = (cap_mid as u64) | (lower_seen as u64) << 1 | (t.cap as u64) << 2;
            f.push(entity_id(T_DOC, v));
            f.push(entity_id(
                T_DOC + 1,
                entity_mix(v, first as u64 | head << 1),
            ));
        }
        // the words around the same capitalised word elsewhere: "Mr. Kerry" there helps "Kerry"
        // here (context aggregation)
        if t.cap
            && let Some(c) = stats.contexts.get(&t.lower)
        {
            for &(_, prev, next) in c.iter().filter(|(j, _, _)| *j != i) {
                f.push(entity_id(T_AGG, prev));
                f.push(entity_id(T_AGG + 1, next));
            }
        }
        for (k, c) in t.cluster.iter().enumerate() {
            if *c != 0 {
                f.push(entity_id(T_CLUSTER + k as u64, *c));
                f.push(entity_id(
                    T_CLUSTER + 10 + k as u64,
                    entity_mix(*c, t.cap as u64),
                ));
            }
        }
        for d in [-1isize, 1] {
            if let Some(n) = at(i as isize + d)
                && n.cluster[1] != 0
            {
                f.push(entity_id(T_CLUSTER + 20 + (d + 1) as u64, n.cluster[1]));
            }
        }
        for g in &t.gaz {
            f.push(entity_id(T_GAZ, *g));
            f.push(entity_id(T_GAZ + 1, entity_mix(*g, t.cap as u64)));
        }
        for d in [-1isize, 1] {
            if let Some(n) = at(i as isize + d) {
                for g in &n.gaz {
                    f.push(entity_id(T_GAZ + 2 + (d + 1) as u64, *g));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalised_word_sees_the_words_around_it_elsewhere() {
        let text = "Mr. Kerry spoke . Later Kerry left .";
        let tok = crate::text::tokens::analyze_text(text);
        let (infos, stats) = token_infos(text, &tok, &Gazetteers::default());
        let kerry: Vec<usize> = (0..tok.tokens.len())
            .filter(|i| tok.tokens[*i].span.text(text) == "Kerry")
            .collect();
        let word = |w: &str| hash_bytes(0, w.as_bytes());
        let feats_of = |i: usize| {
            let s = *tok
                .sentences
                .iter()
                .find(|s| s.start <= i && i < s.end)
                .unwrap();
            let mut out = Vec::new();
            sentence_features(&infos, &stats, s, &mut out);
            out.swap_remove(i - s.start)
        };
        // the second "Kerry" sees "mr." and "spoke" from the first, not its own neighbours
        let second = feats_of(kerry[1]);
        assert!(second.contains(&entity_id(T_AGG, word("mr."))));
        assert!(second.contains(&entity_id(T_AGG + 1, word("spoke"))));
        assert!(!second.contains(&entity_id(T_AGG, word("later"))));
        let first = feats_of(kerry[0]);
        assert!(first.contains(&entity_id(T_AGG, word("later"))));
        assert!(!first.contains(&entity_id(T_AGG, word("mr."))));
    }

    #[test]
    fn shapes_cap_runs_and_collapse() {
        assert_eq!(shapes("Washington"), ("Xxxx".to_string(), "Xx".to_string()));
        assert_eq!(shapes("U.S."), ("X.X.".to_string(), "X.X.".to_string()));
        assert_eq!(
            shapes("1996-08-30"),
            ("ddd-dd-dd".to_string(), "d-d-d".to_string())
        );
    }
}
