//! The tagger's file format: small, versioned, little-endian.
//!
//! ```text
//! "NLNER" 1u8 | nt u8 | scale f32 | trans f32[nt*nt] | start f32[nt] | n u32 |
//! n × (key delta varint | tag mask u32 (3 bytes used) | i16 per set bit)
//! ```
//! Keys are sorted so deltas stay small. Read with `model_file::Reader`: a truncated or foreign
//! file is an `Err` with a message, never a panic.

use super::model::{IdIndex, LineRow, NT, Row, Tagger};
use crate::model_file::{ModelError, Reader, write_varint};

const MAGIC: &[u8] = b"NLNER\x02";

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

pub fn read(bytes: &[u8]) -> Result<Tagger, ModelError> {
    let mut r = Reader::new(bytes, "entity model");
    r.magic(MAGIC)?;
    if r.u8()? as usize != NT {
        return Err(r.error("unexpected tag count"));
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
        return Err(r.error("row count larger than the file"));
    }
    // one pass, straight into the index and the rows: this load is on the page's path to its
    // first highlights
    let mut index = IdIndex::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    let mut key = 0u32;
    for i in 0..n {
        key = key.wrapping_add(r.varint()?);
        let m = r.take(3)?;
        let mask = u32::from_le_bytes([m[0], m[1], m[2], 0]) & ((1 << NT) - 1);
        let mut row = [0i16; NT];
        let vals = r.take(2 * mask.count_ones() as usize)?;
        let mut bits = mask;
        for v in vals.chunks_exact(2) {
            row[bits.trailing_zeros() as usize] = i16::from_le_bytes([v[0], v[1]]);
            bits &= bits - 1;
        }
        index.insert(key, i as u32);
        rows.push(LineRow(row));
    }
    Ok(Tagger {
        index,
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
