//! Word forms as every stage compares them: `normalise` (typography and case: curly quotes to
//! ASCII, digits to 0, lower case) and `hash_bytes` (the seeded FNV-1a hash behind every hashed
//! feature id and gazetteer key). Pure functions; they change no offsets.

/// FNV-1a over bytes, seeded: cheap, deterministic across platforms (wasm and native).
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x100_0000_01b3);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Normalise typography for features: curly quotes and apostrophes to ASCII, digits to 0.
pub fn normalise(word: &str) -> String {
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
