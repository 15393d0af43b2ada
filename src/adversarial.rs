//! Adversarial texts for the benchmark and the fuzzer: inputs shaped to make a stage grow faster
//! than the text (one huge token, base64, "A/" repeated, a line without a full stop, long runs of
//! capitalised words, many names, many paragraphs, quote marks or punctuation only, a transcript
//! of speaker turns, one sentence of clauses continued by cues, words whose hashes share their low
//! bits). Generated from a fixed seed, so every run measures the same bytes. Nothing here
//! analyses anything.

/// A small deterministic generator (SplitMix64): the same seed gives the same texts everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const FIRST: &[&str] = &[
    "Angela", "Vladimir", "Maria", "John", "Aisha", "Wei", "Carlos", "Olga", "Kwame", "Priya",
    "Hiroshi", "Fatima", "Liam", "Sofia", "Mateo", "Zoe",
];
const WORDS: &[&str] = &[
    "the", "council", "said", "budget", "would", "vote", "on", "plan", "and", "city", "school",
    "new", "of", "in", "report", "years", "people", "told", "that", "it",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "bi", "cor", "de", "fen", "gu", "hal",
    "is", "jo", "mar", "no", "pe",
];

/// The n-th made-up surname: n written in base 20 with syllables, capitalised ("Kalomi").
fn surname(mut n: usize) -> String {
    let mut s = String::new();
    for _ in 0..4 {
        s.push_str(SYLLABLES[n % 20]);
        n /= 20;
    }
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// The first `n` of the lowercase words (five letters that spell their number in base 26, then
/// four more) whose `hash_bytes(0, word)`, the entity features' key of a word, ends in `bits`
/// zero bits. Such words would share a bucket in any table that takes its buckets from those
/// bits, as a hash map of word hashes used as they are does; `hash::DocKey` is why ours do not.
///
/// Found by meeting in the middle, not by trying words: an FNV-1a step `h = (h ^ byte) * P`
/// taken modulo 2^bits depends only on the low bits of `h`, and is undone by multiplying by
/// P's inverse. So the states from which each of the 676 two-letter endings reaches zero are
/// tabled once, and each prefix tries its 676 two-letter middles against the table (about 1.7
/// words a prefix at 18 bits).
pub fn colliding_words(n: usize, bits: u32) -> Vec<String> {
    use crate::hash::FNV_PRIME as P;
    let mask = if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    // P's inverse modulo 2^64, by Newton's iteration (each step doubles the correct bits)
    let mut inv = P;
    for _ in 0..6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(P.wrapping_mul(inv)));
    }
    let letters = b'a'..=b'z';
    // state before the last two letters -> those letters
    let mut ends: Vec<(u64, [u8; 2])> = Vec::with_capacity(676);
    for c in letters.clone() {
        for d in letters.clone() {
            // (s ^ d) * P ends in zeros when s ^ d does: s = d, then the same for c
            let before_c = ((d as u64).wrapping_mul(inv) ^ c as u64) & mask;
            ends.push((before_c, [c, d]));
        }
    }
    ends.sort_unstable();
    let step = |h: u64, b: u8| (h ^ b as u64).wrapping_mul(P);
    let mut out = Vec::with_capacity(n);
    let mut k = 0usize;
    while out.len() < n {
        let mut prefix = [0u8; 5];
        let mut m = k;
        for p in prefix.iter_mut() {
            *p = b'a' + (m % 26) as u8;
            m /= 26;
        }
        k += 1;
        let h = prefix
            .iter()
            .fold(crate::hash::hash_bytes(0, &[]), |h, b| step(h, *b));
        for a in letters.clone() {
            for b in letters.clone() {
                let s = step(step(h, a), b) & mask;
                let at = ends.partition_point(|e| e.0 < s);
                for (_, [c, d]) in ends[at..].iter().take_while(|e| e.0 == s) {
                    if out.len() < n {
                        let w = [&prefix[..], &[a, b, *c, *d]].concat();
                        out.push(String::from_utf8(w).unwrap_or_default());
                    }
                }
            }
        }
    }
    out
}

/// Repeat `unit` until the text holds at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

/// The adversarial inputs, each about `bytes` long: (name, text).
pub fn inputs(bytes: usize) -> Vec<(&'static str, String)> {
    let mut r = Rng::new(0x6e65_7773_6c65_6e73);
    let b64: String = {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        (0..bytes).map(|_| A[r.below(64)] as char).collect()
    };
    let no_stop: String = {
        let mut s = String::with_capacity(bytes + 16);
        while s.len() < bytes {
            s.push_str(r.pick::<&str>(WORDS));
            s.push(' ');
        }
        s
    };
    let capitalised: String = {
        let mut s = String::with_capacity(bytes + 16);
        while s.len() < bytes {
            let w = r.pick(WORDS);
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
            s.push(' ');
        }
        s
    };
    let distinct_names: String = {
        let mut s = String::with_capacity(bytes + 64);
        let mut n = 0usize;
        while s.len() < bytes {
            // distinct by construction: the n-th surname spells n in base 20 with syllables
            let l = surname(n);
            s.push_str(&format!(
                "{} {l} said “yes,” and {l} agreed. ",
                r.pick(FIRST)
            ));
            n += 1;
        }
        s
    };
    let one_name = repeat_to("Merkel ", bytes);
    let paragraphs = repeat_to("Short paragraph.\n\n", bytes);
    let quote_marks: String = {
        const Q: &[char] = &['“', '”', '"', '‘', '’', '\'', '«', '»'];
        let mut s = String::with_capacity(bytes + 4);
        while s.len() < bytes {
            s.push(*r.pick(Q));
        }
        s
    };
    let punctuation: String = {
        const P: &[char] = &['.', ',', ';', ':', '!', '?', '-', '(', ')', '—', '…', '/'];
        let mut s = String::with_capacity(bytes + 4);
        while s.len() < bytes {
            s.push(*r.pick(P));
        }
        s
    };
    // an interview transcript: every paragraph a speaker turn, each holding names
    let transcript: String = {
        let mut s = String::with_capacity(bytes + 128);
        while s.len() < bytes {
            let label = surname(r.below(8)).to_uppercase();
            s.push_str(&format!(
                "{label}: Well, {} {} told the council in {} that it would vote.\n\n",
                r.pick(FIRST),
                surname(r.below(400)),
                surname(r.below(400)),
            ));
        }
        s
    };
    // one sentence of clauses each continued by a cue (", saying ..."): every cue's subject
    // would lie at the sentence's far-away start
    let continued: String = {
        let mut s = String::with_capacity(bytes + 128);
        while s.len() < bytes {
            s.push_str(&format!(
                "{} {} worked for the {}, saying that the {} works and hoping it lasts, ",
                r.pick(FIRST),
                surname(r.below(400)),
                r.pick(WORDS),
                r.pick(WORDS),
            ));
        }
        s
    };
    // Title Case words whose lowercase forms' hashes end in the same 18 bits (`colliding_words`):
    // each is new to the document's word tables, and every one lands in the same bucket of a
    // table that takes its buckets from those bits
    let colliding: String = {
        let mut s = String::with_capacity(bytes + 64);
        let words = colliding_words(bytes / 8 + 1, 18);
        for (i, w) in words.iter().enumerate() {
            if s.len() >= bytes {
                break;
            }
            s.push_str(&w[..1].to_uppercase());
            s.push_str(&w[1..]);
            s.push_str(if i % 8 == 7 { " said.\n" } else { " " });
        }
        s
    };
    vec![
        ("one huge token", "a".repeat(bytes)),
        ("base64, no spaces", b64),
        ("\"A/\" repeated", repeat_to("A/", bytes)),
        ("one line, no full stop", no_stop),
        ("capitalised words in a row", capitalised),
        ("distinct names", distinct_names),
        ("one name repeated", one_name),
        ("short paragraphs", paragraphs),
        ("quote marks only", quote_marks),
        ("punctuation only", punctuation),
        ("interview transcript", transcript),
        ("continued clauses, no full stop", continued),
        ("words whose hashes share 18 low bits", colliding),
    ]
}

/// Pieces the fuzzer strings texts from: words and names, every kind of quotation mark and
/// apostrophe, combining marks, RTL and zero-width characters, emoji with modifiers, control
/// characters, CR/LF, titles, abbreviations, URLs, handles and glued name lists.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "…",
    "/",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "the",
    "a",
    "spokesman",
    "Mr.",
    "Mrs.",
    "Sen.",
    "U.S.",
    "Rep.",
    "'s",
    "’s",
    "n’t",
    "Angela Merkel",
    "Merkel",
    "Vladimir Putin",
    "Putin",
    "the Washington Post",
    "Post",
    "FBI",
    "Federal Bureau of Investigation",
    "(ISIS/ISIL)",
    "Zoë",
    "Rene\u{301}e",
    "e\u{301}\u{302}\u{303}",
    "\u{301}",
    "مرحبا",
    "שלום",
    "\u{200F}",
    "\u{200E}",
    "\u{202E}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{FE0F}",
    "👍🏽",
    "🇫🇷",
    "👩\u{200D}💻",
    "🎉",
    "\u{0}",
    "\u{7}",
    "\u{1B}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{FFFD}",
    "https://ex.com/a?b=1",
    "@handle",
    "#tag",
    "DoeSen.",
    "1,000",
    "3.5%",
    "ALL CAPS HEADLINE",
    "Title Case Words Here",
    "al-Rashid",
    "O’Brien",
    "(D-N.C.)",
    "Jr.",
    "\u{10FFFF}",
];

/// One random text for the fuzzer: 0 to `max_pieces` pieces, sometimes with a random char.
pub fn fuzz_text(r: &mut Rng, max_pieces: usize) -> String {
    let n = r.below(max_pieces + 1);
    let mut s = String::new();
    for _ in 0..n {
        if r.below(10) == 0 {
            // any scalar value
            let c = loop {
                if let Some(c) = char::from_u32(r.below(0x11_0000) as u32) {
                    break c;
                }
            };
            s.push(c);
        } else {
            s.push_str(r.pick::<&str>(PIECES));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_deterministic_and_of_the_asked_size() {
        let a = inputs(10_000);
        let b = inputs(10_000);
        assert_eq!(a.len(), 13);
        for ((n1, t1), (n2, t2)) in a.iter().zip(&b) {
            assert_eq!(n1, n2);
            assert_eq!(t1, t2);
            assert!(
                t1.len() >= 10_000 && t1.len() < 10_200,
                "{n1}: {}",
                t1.len()
            );
        }
    }

    #[test]
    fn colliding_words_are_distinct_words_whose_hashes_end_alike() {
        let words = colliding_words(3000, 18);
        assert_eq!(words.len(), 3000);
        let distinct: std::collections::BTreeSet<&String> = words.iter().collect();
        assert_eq!(distinct.len(), 3000);
        for w in &words {
            assert!(
                w.len() == 9 && w.bytes().all(|b| b.is_ascii_lowercase()),
                "{w}"
            );
            assert_eq!(
                crate::hash::hash_bytes(0, w.as_bytes()) & 0x3_ffff,
                0,
                "{w}"
            );
        }
    }
}
