//! Word forms as every stage compares them: `normalise` (typography and case: curly quotes to
//! ASCII, digits to 0, lower case) and `normal` (the same, borrowing a word already normal); and
//! `name_words`, the words of a name as the actors' clusters and the table of countries key them.
//! Pure functions; they change no offsets. Hashing words is `crate::hash`.

use crate::lexicon::HONORIFICS;
use std::borrow::Cow;

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

/// Words of a name without a leading "the", honorifics and possessive marks.
pub fn name_words(s: &str) -> Vec<String> {
    // an editor's brackets ("[Angela] Merkel") are no part of the words
    let mut w: Vec<String> = s
        .split_whitespace()
        .map(|x| normalise(x.trim_matches(['[', ']'])))
        .filter(|x| !x.is_empty())
        .collect();
    while w
        .first()
        .is_some_and(|f| f == "the" || HONORIFICS.iter().any(|h| h.0 == f))
    {
        w.remove(0);
    }
    if let Some(l) = w.last_mut() {
        for suffix in ["'s", "'"] {
            if l.len() > suffix.len() && l.ends_with(suffix) {
                l.truncate(l.len() - suffix.len());
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::{name_words, normal, normalise};
    use std::borrow::Cow;

    #[test]
    fn name_words_drop_the_honorifics_and_possessives() {
        assert_eq!(name_words("The Washington Post’s"), ["washington", "post"]);
        assert_eq!(name_words("Mrs. Clinton"), ["clinton"]);
        assert_eq!(name_words("[Angela] Merkel"), ["angela", "merkel"]);
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
