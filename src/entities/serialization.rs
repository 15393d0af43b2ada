//! The tagger's file format: small, versioned, little-endian, laid out for gzip.
//!
//! ```text
//! "NLNER" 3u8 | nt u8 | scale f32 | trans f32[nt*nt] | start f32[nt] | n u32 |
//! key deltas u32[n], as 4 byte planes | tag masks (3 bytes), as 3 byte planes |
//! one byte per non-zero weight | the weights' high parts, varints
//! ```
//! Rows are sorted by key (a feature id) so deltas stay small, and each row keeps only its
//! non-zero weights (bit t of its mask: tag t has one). A weight is stored zig-zagged (0, -1, 1,
//! -2, ... as 0, 1, 2, 3, ...) as a varint whose first byte is in the first stream and whose
//! further bytes are in the second. The same numbers written row after row (v2: key varint,
//! mask, i16s) took 640 KB, 453 KB gzipped; in planes and streams gzip finds each field's own
//! distribution: 353 KB gzipped. Read with `model_file::Reader`: a truncated or foreign file is
//! an `Err` with a message, never a panic.

use super::model::{IdIndex, LineRow, NT, Row, Tagger};
use crate::model_file::{ModelError, Reader, write_varint};

const MAGIC: &[u8] = b"NLNER\x03";

/// Bytes a key delta takes (its planes), and a tag mask.
const KEY_BYTES: usize = 4;
const MASK_BYTES: usize = 3;

/// Zig-zag: small magnitudes of either sign become small unsigned numbers.
fn zigzag(v: i16) -> u32 {
    let v = v as i32;
    ((v << 1) ^ (v >> 31)) as u32
}

fn unzigzag(z: u32) -> i32 {
    (z >> 1) as i32 ^ -((z & 1) as i32)
}

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
    let mut keys: [Vec<u8>; KEY_BYTES] = Default::default();
    let mut masks: [Vec<u8>; MASK_BYTES] = Default::default();
    let (mut first, mut more) = (Vec::new(), Vec::new());
    let mut last = 0u32;
    for (key, row) in rows {
        for (plane, b) in keys.iter_mut().zip((key - last).to_le_bytes()) {
            plane.push(b);
        }
        last = *key;
        let mask: u32 = row
            .iter()
            .enumerate()
            .filter(|(_, v)| **v != 0)
            .map(|(i, _)| 1u32 << i)
            .sum();
        for (plane, b) in masks.iter_mut().zip(mask.to_le_bytes()) {
            plane.push(b);
        }
        for v in row.iter().filter(|v| **v != 0) {
            let z = zigzag(*v);
            first.push((z & 0x7f) as u8 | if z >= 0x80 { 0x80 } else { 0 });
            if z >= 0x80 {
                write_varint(&mut more, z >> 7);
            }
        }
    }
    for plane in keys.iter().chain(&masks) {
        out.extend(plane);
    }
    out.extend(first);
    out.extend(more);
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
    let keys = r.take(KEY_BYTES * n)?;
    let masks = r.take(MASK_BYTES * n)?;
    let mask = |i: usize| {
        u32::from_le_bytes([masks[i], masks[n + i], masks[2 * n + i], 0]) & ((1 << NT) - 1)
    };
    let weights: usize = (0..n).map(|i| mask(i).count_ones() as usize).sum();
    let first = r.take(weights)?;
    // one pass, straight into the index and the rows: this load is on the page's path to its
    // first highlights
    let mut index = IdIndex::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    let mut key = 0u32;
    let mut w = 0;
    for i in 0..n {
        let delta = u32::from_le_bytes([keys[i], keys[n + i], keys[2 * n + i], keys[3 * n + i]]);
        key = key.wrapping_add(delta);
        let mut row = [0i16; NT];
        let mut bits = mask(i);
        while bits != 0 {
            let b = first[w];
            w += 1;
            let mut z = (b & 0x7f) as u32;
            if b >= 0x80 {
                let high = r.varint()?;
                if high > 0x1ff {
                    return Err(r.error("weight out of range"));
                }
                z |= high << 7;
            }
            row[bits.trailing_zeros() as usize] = unzigzag(z) as i16;
            bits &= bits - 1;
        }
        index.insert(key, i as u32);
        rows.push(LineRow(row));
    }
    if !r.rest().is_empty() {
        return Err(ModelError(
            "entity model: bytes after the last weight".into(),
        ));
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
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_err());
    }

    #[test]
    fn weights_of_every_size_and_sign_roundtrip() {
        let mut row = [0i16; NT];
        let vals = [
            1, -1, 63, -64, 64, -65, 1023, -1024, 8191, -8192, 32767, -32767,
        ];
        row[..vals.len()].copy_from_slice(&vals);
        let m = read(&write(&[(7, row)], 1.0, &[[0.0; NT]; NT], &[0.0; NT])).unwrap();
        assert_eq!(m.rows[0].0, row);
    }

    /// The shipped file is what `write` makes of the rows it holds: `newslens train ner` writes
    /// these very bytes.
    #[test]
    fn the_shipped_model_is_written_back_byte_for_byte() {
        let m = read(crate::entities::EMBEDDED_MODEL).unwrap();
        let rows: Vec<(u32, [i16; NT])> = m
            .index
            .pairs()
            .map(|(key, r)| (key, m.rows[r as usize].0))
            .collect();
        let again = write(&rows, m.scale, &m.trans, &m.start);
        assert!(again == crate::entities::EMBEDDED_MODEL);
    }
}
