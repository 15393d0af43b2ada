//! The reported-speech tagger's model: a linear chain over eight tags (O, then B and I of cue,
//! source and content, and L: the last token of a content run), one weight row per hashed
//! feature plus tag-transition weights, decoded exactly with Viterbi. Trained in `trainer.rs`;
//! stored with weights quantised to i16.

use crate::entities::ModelError;
use crate::entities::model::{IdIndex, IdMap};

/// O, B-cue, I-cue, B-source, I-source, B-content, I-content, L-content (the last token of a
/// content run of two tokens or more).
pub const NT: usize = 8;
pub type Row = [f32; NT];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Cue,
    Source,
    Content,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Cue, Role::Source, Role::Content];
}

/// A tag index in `0..NT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);
    /// The last token of a content run of two tokens or more.
    pub const LAST_CONTENT: Tag = Tag(Tag::L_CONTENT);
    const B_CONTENT: u8 = 1 + 2 * Role::Content as u8;
    const I_CONTENT: u8 = Tag::B_CONTENT + 1;
    const L_CONTENT: u8 = Tag::I_CONTENT + 1;
    pub fn begin(r: Role) -> Tag {
        Tag(1 + 2 * r as u8)
    }
    pub fn inside(r: Role) -> Tag {
        Tag(2 + 2 * r as u8)
    }
    pub fn role(self) -> Option<Role> {
        match self.0 {
            0 => None,
            Tag::L_CONTENT => Some(Role::Content),
            k => Some(Role::ALL[((k - 1) / 2) as usize]),
        }
    }
    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1 && self != Tag::LAST_CONTENT
    }
    /// May `next` follow `self`? An I tag continues a run of its own role only; a content run
    /// of two tokens or more ends with L (I-content is followed by I- or L-content, and L follows
    /// B- or I-content).
    pub fn allows(self, next: Tag) -> bool {
        match (self.0, next.0) {
            (Tag::I_CONTENT, n) => n == Tag::I_CONTENT || n == Tag::L_CONTENT,
            (p, Tag::I_CONTENT | Tag::L_CONTENT) => p == Tag::B_CONTENT || p == Tag::I_CONTENT,
            _ => next.0 == 0 || next.is_begin() || self.role() == next.role(),
        }
    }
}

pub const MAGIC: &[u8] = b"NLREP\x02";

/// The largest weight is stored as this integer (at most 32767): 1023 levels score as 32767 did
/// (PolNeAR dev partial F1 73.14 vs 73.12) and the file gzips 59 KB smaller (255: 73.06).
pub const LEVELS: f32 = 1023.0;

#[derive(Default, Clone)]
pub struct Model {
    pub rows: IdMap<Row>,
    pub trans: [Row; NT],
    /// The stored rows for fast lookup, built by `from_bytes` (a model being trained has none
    /// and reads `rows`): the i16 weights padded to eight lanes, 16 bytes a row, and their scale.
    table: Option<(IdIndex, Vec<[i16; 8]>, f32)>,
}

impl Model {
    /// A model of stored weights: integers times `scale`, by feature id.
    fn stored(rows: Vec<(u32, [i16; NT])>, scale: f32, trans: [Row; NT]) -> Model {
        let mut rows = rows;
        rows.sort_unstable_by_key(|r| r.0);
        let index = IdIndex::new(rows.iter().enumerate().map(|(k, r)| (r.0, k as u32)));
        let padded = rows
            .iter()
            .map(|(_, w)| {
                let mut p = [0i16; 8];
                p[..NT].copy_from_slice(w);
                p
            })
            .collect();
        Model {
            rows: rows
                .iter()
                .map(|(id, w)| (*id, w.map(|v| v as f32 * scale)))
                .collect(),
            trans,
            table: Some((index, padded, scale)),
        }
    }

    /// Emission scores of one token (stored weights: the integers summed, then scaled once).
    pub fn emit(&self, feats: &[u32]) -> Row {
        match &self.table {
            Some((index, rows, scale)) => {
                let mut sum = [0i32; 8];
                for f in feats {
                    if let Some(r) = index.get(*f) {
                        let r = &rows[r as usize];
                        for t in 0..8 {
                            sum[t] += r[t] as i32;
                        }
                    }
                }
                let mut out = [0f32; NT];
                for t in 0..NT {
                    out[t] = sum[t] as f32 * scale;
                }
                out
            }
            None => {
                let mut acc = [0f32; NT];
                for f in feats {
                    if let Some(r) = self.rows.get(f) {
                        for t in 0..NT {
                            acc[t] += r[t];
                        }
                    }
                }
                acc
            }
        }
    }

    /// The best well-formed tag sequence for tokens with these emission scores.
    pub fn decode(&self, emissions: &[Row]) -> Vec<Tag> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        // transition weights with the forbidden ones at -inf, looked up once
        let mut trans = self.trans;
        // and the tags each tag may follow, in order (the others score -inf: never chosen)
        let mut preds = [[0u8; NT]; NT];
        let mut n_preds = [0usize; NT];
        for p in 0..NT {
            for t in 0..NT {
                if Tag(p as u8).allows(Tag(t as u8)) {
                    preds[t][n_preds[t]] = p as u8;
                    n_preds[t] += 1;
                } else {
                    trans[p][t] = f32::NEG_INFINITY;
                }
            }
        }
        let mut score: Vec<Row> = Vec::with_capacity(n);
        let mut back: Vec<[u8; NT]> = Vec::with_capacity(n);
        let first = emissions[0];
        let mut row = [f32::NEG_INFINITY; NT];
        for t in 0..NT {
            if t == 0 || Tag(t as u8).is_begin() {
                row[t] = first[t];
            }
        }
        score.push(row);
        back.push([0; NT]);
        for i in 1..n {
            let e = emissions[i];
            let prev = score[i - 1];
            let mut row = [f32::NEG_INFINITY; NT];
            let mut bp = [0u8; NT];
            for t in 0..NT {
                for &p in &preds[t][..n_preds[t]] {
                    let p = p as usize;
                    let s = prev[p] + trans[p][t] + e[t];
                    if s > row[t] {
                        row[t] = s;
                        bp[t] = p as u8;
                    }
                }
            }
            score.push(row);
            back.push(bp);
        }
        let mut best = 0;
        for t in 0..NT {
            if score[n - 1][t] > score[n - 1][best] {
                best = t;
            }
        }
        let mut tags = vec![Tag::O; n];
        let mut cur = best as u8;
        for i in (0..n).rev() {
            tags[i] = Tag(cur);
            cur = back[i][cur as usize];
        }
        tags
    }

    /// Magic, scale, transitions (f32), then rows sorted by feature id: id and NT i16 weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .rows
            .values()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, v| m.max(v.abs()))
            .max(1e-6);
        let scale = max / LEVELS;
        let mut keys: Vec<(&u32, &Row)> = self
            .rows
            .iter()
            .filter(|(_, r)| r.iter().any(|v| (v / scale).round() != 0.0))
            .collect();
        keys.sort_by_key(|k| *k.0);
        let mut out = MAGIC.to_vec();
        out.extend(scale.to_le_bytes());
        for r in &self.trans {
            for v in r {
                out.extend(v.to_le_bytes());
            }
        }
        out.extend((keys.len() as u32).to_le_bytes());
        for (k, r) in keys {
            out.extend(k.to_le_bytes());
            for v in r {
                out.extend(((v / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let err = |s: &str| ModelError(format!("reported-speech model: {s}"));
        let rest = b.strip_prefix(MAGIC).ok_or_else(|| err("wrong magic"))?;
        let f32_at = |i: usize| -> Result<f32, ModelError> {
            rest.get(i..i + 4)
                .map(|s| f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
                .ok_or_else(|| err("truncated"))
        };
        let scale = f32_at(0)?;
        let mut trans = [[0f32; NT]; NT];
        for p in 0..NT {
            for t in 0..NT {
                trans[p][t] = f32_at(4 + 4 * (p * NT + t))?;
            }
        }
        let at = 4 + 4 * NT * NT;
        let n = rest
            .get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
            .ok_or_else(|| err("truncated"))?;
        let body = &rest[at + 4..];
        let width = 4 + 2 * NT;
        if body.len() != n * width {
            return Err(err(&format!(
                "expected {} row bytes, found {}",
                n * width,
                body.len()
            )));
        }
        let rows = body
            .chunks_exact(width)
            .map(|c| {
                let id = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                let mut r = [0i16; NT];
                for t in 0..NT {
                    r[t] = i16::from_le_bytes([c[4 + 2 * t], c[5 + 2 * t]]);
                }
                (id, r)
            })
            .collect();
        Ok(Model::stored(rows, scale, trans))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_keeps_runs_well_formed() {
        let mut m = Model::default();
        // feature 1 wants I-content everywhere; a run must still open with B-content
        let mut r = [0f32; NT];
        r[Tag::inside(Role::Content).0 as usize] = 2.0;
        r[Tag::begin(Role::Content).0 as usize] = 1.0;
        r[Tag::LAST_CONTENT.0 as usize] = 1.5;
        m.rows.insert(1, r);
        let e = m.emit(&[1]);
        let tags = m.decode(&[e, e, e]);
        assert_eq!(tags[0], Tag::begin(Role::Content));
        assert!(tags[1..].iter().all(|t| *t == Tag::inside(Role::Content)));
        for w in tags.windows(2) {
            assert!(w[0].allows(w[1]));
        }
        // a content run of two tokens or more closes with L before anything else: feature 2
        // wants O, and I-content may not be followed by O (B I L O scores 9.5, B B B O 8)
        let mut o = [0f32; NT];
        o[Tag::O.0 as usize] = 5.0;
        m.rows.insert(2, o);
        let tags = m.decode(&[e, e, e, m.emit(&[2])]);
        assert_eq!(tags[2], Tag::LAST_CONTENT, "{tags:?}");
        assert_eq!(tags[3], Tag::O);
        assert!(!Tag::inside(Role::Content).allows(Tag::O));
        assert!(!Tag::O.allows(Tag::LAST_CONTENT) && !Tag::LAST_CONTENT.allows(Tag::LAST_CONTENT));
        assert!(Tag::begin(Role::Content).allows(Tag::LAST_CONTENT));
        assert_eq!(Tag::LAST_CONTENT.role(), Some(Role::Content));
        assert!(!Tag::LAST_CONTENT.is_begin());
    }

    #[test]
    fn bytes_roundtrip_and_errors() {
        let mut m = Model::default();
        m.rows.insert(7, [1.0, -2.0, 0.5, 0.0, 0.0, 3.0, 0.0, -1.0]);
        m.trans[1][2] = 0.25;
        let b = m.to_bytes();
        let r = Model::from_bytes(&b).unwrap();
        assert_eq!(r.trans[1][2], 0.25);
        let row = r.rows[&7];
        assert!((row[5] - 3.0).abs() < 1e-3 && (row[1] + 2.0).abs() < 1e-3);
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Model::from_bytes(b"nope").is_err());
    }
}
