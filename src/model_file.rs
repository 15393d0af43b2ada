//! Reading the shipped model files, in one place: the error every model loader returns
//! (`ModelError`), and a `Reader` of little-endian binary files that checks the magic bytes (name
//! and format version) and never reads past the end: a truncated or foreign file is an `Err` that
//! says what and where, never a panic. The entity tagger (`entities::serialization`), the
//! reported-speech net (`reported::net`) and the linear models (`linear`: the quote classifier,
//! the speaker ranker) read their files with it; the cue lexicon (`cues`, a TSV file) reports
//! its malformed lines as a `ModelError` too.
//!
//! It does not know any file's layout: each model's loader reads its own fields in order.

/// A model file that cannot be read: truncated, foreign, of another version, or malformed.
#[derive(Debug, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}
impl std::error::Error for ModelError {}

/// Reads a binary model file front to back; every error names the model (`what`).
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader of `bytes`, the file of the model `what` ("entity model"), from its first byte.
    pub fn new(bytes: &'a [u8], what: &'static str) -> Reader<'a> {
        Reader { bytes, at: 0, what }
    }

    /// An error about this model's file.
    pub fn error(&self, message: &str) -> ModelError {
        ModelError(format!("{}: {message}", self.what))
    }

    /// The file must open with `magic` (its name and format version).
    pub fn magic(&mut self, magic: &[u8]) -> Result<(), ModelError> {
        match self.bytes.get(..magic.len()) {
            Some(m) if m == magic => {
                self.at = magic.len();
                Ok(())
            }
            _ => Err(self.error("wrong magic (another file, or another version of it)")),
        }
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| self.error(&format!("truncated at byte {}", self.at)))?;
        self.at += n;
        Ok(s)
    }

    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }

    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }

    /// An unsigned LEB128 varint of at most five bytes (`write_varint`).
    pub fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(self.error("varint too long"))
    }

    /// The bytes not read yet, all of them (the reader ends).
    pub fn rest(&mut self) -> &'a [u8] {
        let s = &self.bytes[self.at..];
        self.at = self.bytes.len();
        s
    }
}

/// Append `v` as an unsigned LEB128 varint (`Reader::varint`).
pub fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back_in_order() {
        let mut b = b"MAGIC\x01".to_vec();
        b.push(7);
        b.extend(300_000u32.to_le_bytes());
        b.extend((-1.5f32).to_le_bytes());
        write_varint(&mut b, 1_000_000);
        b.extend(b"tail");
        let mut r = Reader::new(&b, "test model");
        r.magic(b"MAGIC\x01").unwrap();
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u32(), Ok(300_000));
        assert_eq!(r.f32(), Ok(-1.5));
        assert_eq!(r.varint(), Ok(1_000_000));
        assert_eq!(r.rest(), b"tail");
        assert_eq!(r.rest(), b"");
    }

    #[test]
    fn a_foreign_or_truncated_file_is_an_error_naming_the_model() {
        let mut r = Reader::new(b"MAGIC\x02", "test model");
        let e = r.magic(b"MAGIC\x01").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("bad model file: test model: wrong magic")
        );
        let mut r = Reader::new(b"MAGIC\x01\x05", "test model");
        r.magic(b"MAGIC\x01").unwrap();
        assert_eq!(r.u8(), Ok(5));
        assert_eq!(
            r.u32(),
            Err(ModelError("test model: truncated at byte 7".into()))
        );
        assert!(Reader::new(b"", "m").take(usize::MAX).is_err());
        assert!(Reader::new(&[0x80; 6], "m").varint().is_err());
        assert!(Reader::new(&[0x80; 3], "m").varint().is_err());
    }
}
