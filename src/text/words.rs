//! Word forms as every stage compares them: `normalise` (typography and case: curly quotes to
//! ASCII, digits to 0, lower case) and `hash_bytes` (the seeded FNV-1a hash behind every hashed
//! feature id and gazetteer key). Pure functions; they change no offsets.

use std::borrow::Cow;

/// FNV-1a over bytes, seeded: cheap, deterministic across platforms (wasm and native).
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x100_0000_01b3);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// `hash_bytes` as a `Hasher`, for maps of a model's own word lists (the cue lexicon): std's
/// default (SipHash, built against hash flooding) took several times as long per short word.
/// Only for maps whose keys all come from a shipped file: an article's words may be looked up in
/// them, never inserted, since a fixed unkeyed hash would let a crafted text pile its words into
/// a few buckets (maps keyed by an article's words keep std's hasher).
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
    use super::{normal, normalise};
    use std::borrow::Cow;

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
