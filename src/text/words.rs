//! Word forms as every stage compares them: `normalise` (typography and case: curly quotes to
//! ASCII, digits to 0, lower case) and `hash_bytes` (the seeded FNV-1a hash behind every hashed
//! feature id and gazetteer key); and how maps hash words (`WordMap` for a model's own word
//! lists, `DocKey` for maps keyed by an article's words). Pure functions; they change no offsets.

use std::borrow::Cow;

/// FNV-1a's 64-bit prime: each byte's step is `h = (h ^ byte) * FNV_PRIME`.
pub const FNV_PRIME: u64 = 0x100_0000_01b3;

/// FNV-1a over bytes, seeded: cheap, deterministic across platforms (wasm and native).
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(FNV_PRIME);
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

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
}

/// A map keyed by a model's words, hashed with `WordHasher`.
pub type WordMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

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
        use std::hash::{Hash, Hasher};
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
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl std::hash::Hasher for DocHasher {
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
pub type DocMap<K, V> = std::collections::HashMap<K, V, DocKey>;
/// A set of an article's own words, hashed with its `DocKey`.
pub type DocSet<K> = std::collections::HashSet<K, DocKey>;

/// Normalise typography for features: curly quotes and apostrophes to ASCII, digits to 0.
pub fn normalise(word: &str) -> String {
    if word.is_ascii() {
        // the same mapping, byte by byte (most words of English news)
        let bytes = word
            .bytes()
            .map(|b| match b {
                b'`' => b'\'',
                b'0'..=b'9' => b'0',
                b => b.to_ascii_lowercase(),
            })
            .collect();
        return String::from_utf8(bytes).unwrap_or_default();
    }
    word.chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' => '-',
            c if c.is_ascii_digit() => '0',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// `normalise`, borrowing when the word is already normal (ASCII lower case, no digits).
pub fn normal(w: &str) -> Cow<'_, str> {
    if w.bytes()
        .all(|b| b.is_ascii_lowercase() || (b.is_ascii_punctuation() && b != b'`'))
    {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(normalise(w))
    }
}

#[cfg(test)]
mod tests {
    use super::{DocKey, hash_bytes, normal, normalise};
    use std::borrow::Cow;
    use std::hash::BuildHasher;

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

    #[test]
    fn normalise_maps_curly_marks_digits_and_case() {
        assert_eq!(normalise("O’Brien"), "o'brien");
        assert_eq!(normalise("“1999"), "\"0000");
        assert_eq!(normalise("İstanbul–ÉTÉ"), "i̇stanbul-été");
        assert_eq!(normalise("Rock`n`ROLL42"), "rock'n'roll00");
    }

    /// The ASCII shortcut maps every ASCII character as the general path does.
    #[test]
    fn the_ascii_shortcut_agrees_with_the_general_path() {
        let all: String = (0u8..128).map(char::from).collect();
        // a non-ASCII character sends the same text down the general path
        let general = normalise(&format!("{all}é"));
        assert_eq!(format!("{}é", normalise(&all)), general);
    }

    #[test]
    fn normal_borrows_only_what_is_already_normal() {
        assert!(matches!(normal("said"), Cow::Borrowed("said")));
        assert!(matches!(normal("n't"), Cow::Borrowed(_)));
        assert_eq!(normal("Said"), "said");
        assert!(matches!(normal("Said"), Cow::Owned(_)));
        assert_eq!(normal("a`b"), "a'b");
        assert_eq!(normal("x9"), "x0");
    }
}
