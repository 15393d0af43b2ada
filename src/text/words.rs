//! Word forms as every stage compares them: `normalise` (typography and case: curly quotes to
//! ASCII, digits to 0, lower case) and `normal` (the same, borrowing a word already normal).
//! Pure functions; they change no offsets. Hashing words is `crate::hash`.

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
