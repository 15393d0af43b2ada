//! Hashing, in one place: the byte hash behind every hashed feature id and gazetteer key
//! (`hash_bytes`, seeded FNV-1a), the mixers that turn hashes into the feature ids of each
//! trained model, and the hashers of the crate's maps (`IdMap` for ids already mixed, `WordMap`
//! for a model's own word lists, `DocMap` for maps keyed by an article's words).
//!
//! The feature ids are baked into the shipped model files (`models/`): each function here must
//! keep computing exactly what it computes, or the models must be retrained
//! (`every_hash_keeps_its_values` pins them). So the mixers of different models stay different
//! functions, each named for the model whose ids it makes: `entity_mix` and `entity_id` (the
//! entity tagger, `ner.bin`), `reported_id` (the reported-speech net, `reported.bin`); the linear
//! models' ids are `hash_bytes` folded to 32 bits (`fold32`, `linear::feat`). `fmix` mixes only
//! the per-article map keys, which no file holds.
//!
//! It does not choose features: each stage's `features.rs` decides what is hashed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a's 64-bit prime: each byte's step is `h = (h ^ byte) * FNV_PRIME`.
pub const FNV_PRIME: u64 = 0x100_0000_01b3;
/// FNV-1a's 64-bit offset basis: the state before the first byte (with seed 0).
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over bytes, seeded: cheap, deterministic across platforms (wasm and native).
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET ^ seed.wrapping_mul(FNV_PRIME);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// `hash_bytes` as a `Hasher`, for maps of a model's own word lists (the cue lexicon): std's
/// default (SipHash, built against hash flooding) took several times as long per short word.
/// Only for maps whose keys all come from a shipped file: an article's words may be looked up in
/// them, never inserted, since a fixed unkeyed hash would let a crafted text pile its words into
/// a few buckets (maps keyed by an article's words hash with `DocKey`).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
}

/// A map keyed by a model's words, hashed with `WordHasher`.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// The hasher of every map keyed by one article's own words or spans, keyed by the article
/// itself (`DocKey::of`, a SipHash of its text; `Tokenized::key` carries it from the tokenizer).
///
/// Why: a hash that does not depend on the text lets a crafted text choose words whose hashes
/// share their low bits, the bits that pick a bucket, so that they pile into a few buckets and
/// every insertion walks the pile: time quadratic in the text. FNV-1a's low bits depend only on
/// the low bits of each step, so such words take a few thousand tries each; std's SipHash keys
/// are random natively but fixed in WebAssembly, where there is no randomness to draw. A key
/// that depends on every byte of the text cannot be aimed at before the text is written, and
/// changes as soon as a word is added. The maps are only looked up, never iterated into an
/// output, so the key changes no result.
///
/// Each 8-byte piece of a key is mixed into the state with a bijective 64-bit mixer (MurmurHash3's
/// finaliser), the article's key before the first piece and after the last: about a nanosecond
/// for a word id, against several for SipHash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocKey {
    key: u64,
    /// A hasher's first state: `fmix(key)`.
    start: u64,
}

impl DocKey {
    pub fn of(text: &str) -> DocKey {
        use std::hash::Hash;
        // std's SipHash with its fixed keys: no text can be written to reach a chosen key
        let mut h = std::hash::DefaultHasher::new();
        text.hash(&mut h);
        let key = h.finish();
        DocKey {
            key,
            start: fmix(key),
        }
    }
}

impl std::hash::BuildHasher for DocKey {
    type Hasher = DocHasher;
    fn build_hasher(&self) -> DocHasher {
        DocHasher {
            key: self.key,
            state: self.start,
        }
    }
}

/// `DocKey`'s hasher.
pub struct DocHasher {
    key: u64,
    state: u64,
}

/// MurmurHash3's 64-bit finaliser: a bijection whose every output bit depends on every input bit.
/// `DocKey`'s mixer; no model file holds its values.
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl Hasher for DocHasher {
    fn finish(&self) -> u64 {
        fmix(self.state ^ self.key)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut pieces = bytes.chunks_exact(8);
        for p in &mut pieces {
            let mut b = [0u8; 8];
            b.copy_from_slice(p);
            self.write_u64(u64::from_le_bytes(b));
        }
        let rest = pieces.remainder();
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        // the length sets the top byte, so that "ab" and "ab\0" differ
        self.write_u64(u64::from_le_bytes(b) ^ ((rest.len() as u64 + 1) << 56));
    }
    fn write_u64(&mut self, i: u64) {
        self.state = fmix(self.state ^ i).wrapping_add(self.key);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// A map keyed by an article's own words, ids or spans, hashed with its `DocKey`.
pub type DocMap<K, V> = HashMap<K, V, DocKey>;
/// A set of an article's own words, hashed with its `DocKey`.
pub type DocSet<K> = std::collections::HashSet<K, DocKey>;

/// A 64-bit hash folded to the 32 bits of a feature id (its high half XORed into its low half).
pub fn fold32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// The entity tagger's mixer of two hashes (a feature's parts, a name's words in turn): a
/// rotate and multiply by the golden ratio, then SplitMix64-style xorshift-multiply steps. Its
/// values are baked into `ner.bin`.
pub fn entity_mix(a: u64, b: u64) -> u64 {
    let mut h = a ^ b.rotate_left(29).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 29)
}

/// The entity tagger's feature id of a template and a value (`entity_mix`, folded to 32 bits).
pub fn entity_id(template: u64, value: u64) -> u32 {
    fold32(entity_mix(
        template.wrapping_mul(0x2545_f491_4f6c_dd1d),
        value,
    ))
}

/// The reported-speech net's feature id of a kind and its parts (each part already a hash or a
/// small number): a multiply-xorshift step per part, folded to 32 bits. Its values pick the rows
/// of `reported.bin`.
pub fn reported_id(kind: u64, parts: &[u64]) -> u32 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ kind.wrapping_mul(0xff51_afd7_ed55_8ccd);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 31;
    }
    fold32(h)
}

/// Ids that are already well-mixed hashes (feature ids, gazetteer keys) used as they are: the
/// hasher of `IdMap`. Only for maps whose keys come from a model file or a trainer's features.
#[derive(Default)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = i as u64;
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}
/// A map keyed by feature ids, hashed with `IdHasher`.
pub type IdMap<V> = HashMap<u32, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    /// The shipped models hold these values: a change here means retraining every model.
    #[test]
    fn every_hash_keeps_its_values() {
        assert_eq!(hash_bytes(0, b"putin"), 0xa30e_890c_daee_06b1);
        assert_eq!(hash_bytes(7, b"new york"), 0x1fc9_8aa5_a41d_1d41);
        assert_eq!(entity_mix(1, 2), 0x271b_82a9_3c69_b9b3);
        assert_eq!(entity_id(3, 42), 0xa666_afe2);
        assert_eq!(reported_id(5, &[hash_bytes(0x77, b"said"), 3]), 0x7bb9_9e1a);
        assert_eq!(reported_id(0, &[]), 0xe17d_05ac);
        assert_eq!(fold32(hash_bytes(0x51, b"w=said")), 0xb081_157e);
    }

    /// How many of `hashes` fall in the fullest of 2^12 buckets taken from their low bits.
    fn fullest_bucket(hashes: impl Iterator<Item = u64>) -> usize {
        let mut load = vec![0usize; 1 << 12];
        for h in hashes {
            load[(h & 0xfff) as usize] += 1;
        }
        load.into_iter().max().unwrap_or(0)
    }

    #[test]
    fn a_documents_key_spreads_words_crafted_to_share_a_bucket() {
        // 3,000 words whose FNV-1a hashes (the entity features' word keys) end in 18 zero bits:
        // used as they are, they all fall in one bucket
        let words = crate::adversarial::colliding_words(3000, 18);
        let ids: Vec<u64> = words.iter().map(|w| hash_bytes(0, w.as_bytes())).collect();
        assert_eq!(fullest_bucket(ids.iter().copied()), 3000);
        // hashed with the key of the text that holds them, they spread as random hashes do
        // (3,000 in 4,096 buckets: rarely more than 6 in one)
        let text = words.join(" ");
        let key = DocKey::of(&text);
        assert!(fullest_bucket(ids.iter().map(|id| key.hash_one(id))) <= 8);
        assert!(fullest_bucket(words.iter().map(|w| key.hash_one(w.as_str()))) <= 8);
        // the key is the text's: the same text, the same key; one more word, another key
        assert_eq!(DocKey::of(&text), key);
        assert_ne!(DocKey::of(&(text.clone() + " a")), key);
    }

    #[test]
    fn a_documents_hasher_tells_apart_what_differs_in_length_or_a_byte() {
        let key = DocKey::of("any text");
        let h = |s: &str| key.hash_one(s);
        let pieces = [
            "",
            "a",
            "ab",
            "ab\0",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgi",
        ];
        let hashes: std::collections::BTreeSet<u64> = pieces.iter().map(|p| h(p)).collect();
        assert_eq!(hashes.len(), pieces.len());
        assert_eq!(h("abcdefghi"), h("abcdefghi"));
    }
}
