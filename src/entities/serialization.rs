//! The tagger's file format: small, versioned, little-endian.
//!
//! ```text
//! "NLNER" 1u8 | nt u8 | scale f32 | trans f32[nt*nt] | start f32[nt] | n u32 |
//! n × (key delta varint | tag mask u32 (3 bytes used) | i16 per set bit)
//! ```
//! Keys are sorted so deltas stay small. Reading never panics: a truncated or foreign file is an
//! `Err` with a message.

use super::model::{IdIndex, LineRow, NT, Row, Tagger};

const MAGIC: &[u8] = b"NLNER\x02";

#[derive(Debug, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}
impl std::error::Error for ModelError {}

/// Write a quantised model: rows of i16 sharing one scale; all-zero rows are dropped.
pub fn write(
    index: &[(u32, [i16; NT])],
    scale: f32,
    trans: &[[f32; NT]; NT],
    start: &Row,
) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(NT as u8);
    out.extend(scale.to_le_bytes());
    for row in trans {
        for v in row {
            out.extend(v.to_le_bytes());
        }
    }
    for v in start {
        out.extend(v.to_le_bytes());
    }
    let mut rows: Vec<&(u32, [i16; NT])> = index
        .iter()
        .filter(|(_, r)| r.iter().any(|v| *v != 0))
        .collect();
    rows.sort_by_key(|r| r.0);
    out.extend((rows.len() as u32).to_le_bytes());
    let mut last = 0u32;
    for (key, row) in rows {
        write_varint(&mut out, key - last);
        last = *key;
        let mask: u32 = row
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0)
            .map(|(i, _)| 1u32 << i)
            .sum();
        out.extend(&mask.to_le_bytes()[..3]);
        for v in row.iter().filter(|v| **v != 0) {
            out.extend(v.to_le_bytes());
        }
    }
    out
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or_else(|| ModelError(format!("truncated at byte {}", self.at)))?;
        self.at += n;
        Ok(s)
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        let s = self.take(4)?;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError("varint too long".into()))
    }
}

pub fn read(bytes: &[u8]) -> Result<Tagger, ModelError> {
    let mut r = Reader { b: bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(ModelError("not a newslens entity model".into()));
    }
    if r.take(1)?[0] as usize != NT {
        return Err(ModelError("unexpected tag count".into()));
    }
    let scale = r.f32()?;
    let mut trans = [[0.0; NT]; NT];
    for row in trans.iter_mut() {
        for v in row.iter_mut() {
            *v = r.f32()?;
        }
    }
    let mut start = [0.0; NT];
    for v in start.iter_mut() {
        *v = r.f32()?;
    }
    let n = r.u32()? as usize;
    if n > bytes.len() {
        return Err(ModelError("row count larger than the file".into()));
    }
    let mut keys = Vec::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    let mut key = 0u32;
    for _ in 0..n {
        key = key.wrapping_add(r.varint()?);
        let m = r.take(3)?;
        let mask = u32::from_le_bytes([m[0], m[1], m[2], 0]) & ((1 << NT) - 1);
        let mut row = [0i16; NT];
        let vals = r.take(2 * mask.count_ones() as usize)?;
        let mut k = 0;
        for (t, v) in row.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                *v = i16::from_le_bytes([vals[k], vals[k + 1]]);
                k += 2;
            }
        }
        keys.push((key, rows.len() as u32));
        rows.push(LineRow(row));
    }
    Ok(Tagger {
        index: IdIndex::new(keys.into_iter()),
        rows,
        scale,
        trans,
        start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_keeps_weights() {
        let mut trans = [[0.0; NT]; NT];
        trans[1][2] = 1.5;
        let mut row = [0i16; NT];
        row[3] = -7;
        row[16] = 100;
        let bytes = write(
            &[(5, row), (300_000, row), (9, [0; NT])],
            0.25,
            &trans,
            &[0.5; NT],
        );
        let m = read(&bytes).unwrap();
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.rows[m.index.get(300_000).unwrap() as usize].0, row);
        assert_eq!(m.trans[1][2], 1.5);
        assert_eq!(m.scale, 0.25);
    }

    #[test]
    fn truncated_or_foreign_files_are_errors() {
        let bytes = write(&[(5, [1; NT])], 1.0, &[[0.0; NT]; NT], &[0.0; NT]);
        for n in 0..bytes.len() {
            assert!(read(&bytes[..n]).is_err(), "prefix {n}");
        }
        assert!(read(b"hello world").is_err());
    }
}
