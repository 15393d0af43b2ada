//! Offsets: one byte-offset `Span` inside Rust, converted to code points (CLI, score files) or
//! UTF-16 code units (the JS API) only at the edges, through an `OffsetMap`.
//!
//! This module does not know about tokens or any later stage; it only maps positions in one text.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the analysed text, always on `char` boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// Does only blank space (spaces, tabs) stand between the start of its line and this span?
    /// Only those blanks are read: constant work, whatever the length of the line.
    pub fn opens_line(&self, text: &str) -> bool {
        let before = text[..self.start].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    }
}

/// Which unit the outside world counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values: Python `str` indices, what `score.py` reads.
    CodePoint,
    /// UTF-16 code units: JavaScript string indices.
    Utf16,
}

/// Maps byte offsets of one text to code points or UTF-16 units in O(log n) per lookup.
pub struct OffsetMap {
    /// One entry per char whose byte length differs from its external width:
    /// `(byte start, external start, byte length, external width)`. Between entries the two
    /// offsets move in step (ASCII).
    wide: Vec<(usize, usize, usize, usize)>,
    byte_len: usize,
    ext_len: usize,
}

impl OffsetMap {
    pub fn new(text: &str, unit: Unit) -> OffsetMap {
        let mut wide = Vec::new();
        let mut ext = 0;
        for (b, c) in text.char_indices() {
            let w = match unit {
                Unit::CodePoint => 1,
                Unit::Utf16 => c.len_utf16(),
            };
            if c.len_utf8() != w {
                wide.push((b, ext, c.len_utf8(), w));
            }
            ext += w;
        }
        OffsetMap {
            wide,
            byte_len: text.len(),
            ext_len: ext,
        }
    }

    /// Length of the text in external units.
    pub fn ext_len(&self) -> usize {
        self.ext_len
    }

    /// External offset of a byte offset (clamped to the text; a byte inside a char maps to the
    /// char's start).
    pub fn to_ext(&self, byte: usize) -> usize {
        let byte = byte.min(self.byte_len);
        let i = self.wide.partition_point(|w| w.0 <= byte);
        if i == 0 {
            return byte;
        }
        let (b0, e0, bl, ew) = self.wide[i - 1];
        if byte < b0 + bl {
            e0
        } else {
            e0 + ew + (byte - b0 - bl)
        }
    }

    /// Byte offset of an external offset, if it falls on a char boundary of the text.
    pub fn to_byte(&self, ext: usize) -> Option<usize> {
        if ext > self.ext_len {
            return None;
        }
        let i = self.wide.partition_point(|w| w.1 <= ext);
        if i == 0 {
            return Some(ext);
        }
        let (b0, e0, bl, ew) = self.wide[i - 1];
        if ext == e0 {
            Some(b0)
        } else if ext < e0 + ew {
            None // inside a surrogate pair
        } else {
            Some(b0 + bl + (ext - e0 - ew))
        }
    }

    pub fn span(&self, s: Span) -> [usize; 2] {
        [self.to_ext(s.start), self.to_ext(s.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_opens_its_line_after_blanks_only() {
        let t = "A b\n \tHeader: x\nend";
        let at = |w: &str| {
            let a = t.find(w).unwrap();
            Span::new(a, a + w.len())
        };
        assert!(at("A").opens_line(t) && at("Header").opens_line(t) && at("end").opens_line(t));
        assert!(!at("b").opens_line(t) && !at("x").opens_line(t));
    }

    fn check_roundtrip(text: &str, unit: Unit) {
        let map = OffsetMap::new(text, unit);
        let mut ext = 0;
        for (b, c) in text.char_indices() {
            assert_eq!(map.to_ext(b), ext, "byte {b} in {text:?}");
            assert_eq!(map.to_byte(ext), Some(b));
            ext += match unit {
                Unit::CodePoint => 1,
                Unit::Utf16 => c.len_utf16(),
            };
        }
        assert_eq!(map.to_ext(text.len()), ext);
        assert_eq!(map.to_byte(ext), Some(text.len()));
        assert_eq!(map.to_byte(ext + 1), None);
    }

    #[test]
    fn emoji_accents_and_crlf_map_in_both_units() {
        for t in [
            "",
            "abc",
            "é",
            "Zoë said “hi” 🎉 to Renée\r\nok",
            "👍🏽a",
            "a\u{301}b",
            "שלום abc",
            "🎉🎉",
        ] {
            check_roundtrip(t, Unit::CodePoint);
            check_roundtrip(t, Unit::Utf16);
        }
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_one_code_point() {
        let t = "🎉 Putin";
        let s = Span::new(t.find('P').unwrap(), t.len());
        assert_eq!(OffsetMap::new(t, Unit::CodePoint).span(s), [2, 7]);
        assert_eq!(OffsetMap::new(t, Unit::Utf16).span(s), [3, 8]);
    }

    #[test]
    fn byte_inside_a_char_clamps_to_its_start() {
        let t = "a€b";
        let m = OffsetMap::new(t, Unit::CodePoint);
        assert_eq!(m.to_ext(2), 1);
        assert_eq!(m.to_ext(4), 2);
        assert_eq!(m.to_byte(2), Some(4));
    }
}
