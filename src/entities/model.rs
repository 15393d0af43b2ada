//! The entity tagger's model: a linear-chain model over BILOU tags (weights per feature and tag,
//! plus tag-transition weights), decoded exactly with Viterbi. Trained as an averaged structured
//! perceptron in `trainer.rs`; read and written by `serialization.rs`.

use crate::analysis::Label;
use crate::decode::{self, Grammar};

/// O, then B I L U for each of PER ORG LOC MISC.
pub const NT: usize = 17;
pub type Row = [f32; NT];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    B,
    I,
    L,
    U,
}

/// A tag index in `0..NT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);
    pub fn new(label: Label, pos: Pos) -> Tag {
        let l = Label::ALL.iter().position(|x| *x == label).unwrap_or(0) as u8;
        Tag(1 + 4 * l + pos as u8)
    }
    pub fn label(self) -> Option<Label> {
        (self.0 > 0).then(|| Label::ALL[((self.0 - 1) / 4) as usize])
    }
    pub fn pos(self) -> Option<Pos> {
        (self.0 > 0).then(|| [Pos::B, Pos::I, Pos::L, Pos::U][((self.0 - 1) % 4) as usize])
    }
    /// May `next` follow `self` in a well-formed BILOU sequence?
    pub fn allows(self, next: Tag) -> bool {
        match self.pos() {
            None | Some(Pos::L) | Some(Pos::U) => {
                matches!(next.pos(), None | Some(Pos::B) | Some(Pos::U))
            }
            Some(Pos::B) | Some(Pos::I) => {
                matches!(next.pos(), Some(Pos::I) | Some(Pos::L)) && next.label() == self.label()
            }
        }
    }
    pub fn can_start(self) -> bool {
        matches!(self.pos(), None | Some(Pos::B) | Some(Pos::U))
    }
    pub fn can_end(self) -> bool {
        matches!(self.pos(), None | Some(Pos::L) | Some(Pos::U))
    }
}

/// Feature id -> row number, for the shipped taggers: an open-addressing table of (id, row + 1)
/// pairs, a third full. Most features of a token have no row, and a miss here costs one or two
/// probes of adjacent pairs, several times cheaper than a failed `HashMap` lookup.
#[derive(Default, Clone, Debug)]
pub struct IdIndex {
    slots: Vec<(u32, u32)>,
}

impl IdIndex {
    /// From (feature id, row) pairs; ids are distinct.
    pub fn new(pairs: impl ExactSizeIterator<Item = (u32, u32)>) -> IdIndex {
        let mut index = IdIndex::with_capacity(pairs.len());
        for (id, row) in pairs {
            index.insert(id, row);
        }
        index
    }

    /// An empty index with room for `n` ids.
    pub fn with_capacity(n: usize) -> IdIndex {
        let cap = (n * 3).next_power_of_two().max(16);
        IdIndex {
            slots: vec![(0u32, 0u32); cap],
        }
    }

    /// Add a distinct id (at most the capacity's).
    pub fn insert(&mut self, id: u32, row: u32) {
        let cap = self.slots.len();
        let mut i = id as usize & (cap - 1);
        while self.slots[i].1 != 0 {
            i = (i + 1) & (cap - 1);
        }
        self.slots[i] = (id, row + 1);
    }

    /// Every (id, row) pair, in no order.
    pub fn pairs(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.slots
            .iter()
            .filter(|(_, r)| *r != 0)
            .map(|(id, r)| (*id, r - 1))
    }

    pub fn get(&self, id: u32) -> Option<u32> {
        let cap = self.slots.len();
        if cap == 0 {
            return None;
        }
        let mut i = id as usize & (cap - 1);
        loop {
            match self.slots[i] {
                (_, 0) => return None,
                (k, r) if k == id => return Some(r - 1),
                _ => i = (i + 1) & (cap - 1),
            }
        }
    }
}

/// Anything that can score a token's features: the trained float weights or the shipped
/// quantised ones.
pub trait Scorer {
    fn add_row(&self, feature: u32, acc: &mut Row);
    /// The emission scores of one token's features.
    fn emit(&self, feats: &[u32]) -> Row {
        let mut acc = [0.0; NT];
        for &f in feats {
            self.add_row(f, &mut acc);
        }
        acc
    }
    fn transition(&self, prev: Tag, next: Tag) -> f32;
    fn start(&self, t: Tag) -> f32;
}

/// A row of quantised weights alone on a cache line. Packed, a row of 34 bytes straddles two
/// lines half the time, and the tagger reads its rows in no order: aligned, the entity stage
/// took 14-21% less time (it costs 30 bytes a row, 0.5 MB for the shipped tagger).
#[repr(align(64))]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineRow(pub [i16; NT]);

/// The shipped model: quantised sparse rows (i16 times `scale`).
pub struct Tagger {
    pub index: IdIndex,
    pub rows: Vec<LineRow>,
    pub scale: f32,
    pub trans: [[f32; NT]; NT],
    pub start: Row,
}

impl Scorer for Tagger {
    fn add_row(&self, feature: u32, acc: &mut Row) {
        if let Some(r) = self.index.get(feature) {
            let row = &self.rows[r as usize].0;
            for t in 0..NT {
                acc[t] += row[t] as f32 * self.scale;
            }
        }
    }
    /// The stored weights are integers times one scale: sum the integers, scale once.
    fn emit(&self, feats: &[u32]) -> Row {
        let mut sum = [0i32; NT];
        for &f in feats {
            if let Some(r) = self.index.get(f) {
                let row = &self.rows[r as usize].0;
                for t in 0..NT {
                    sum[t] += row[t] as i32;
                }
            }
        }
        sum.map(|v| v as f32 * self.scale)
    }
    fn transition(&self, prev: Tag, next: Tag) -> f32 {
        self.trans[prev.0 as usize][next.0 as usize]
    }
    fn start(&self, t: Tag) -> f32 {
        self.start[t.0 as usize]
    }
}

/// Emission scores of each token.
pub fn emissions(model: &impl Scorer, feats: &[Vec<u32>]) -> Vec<Row> {
    feats.iter().map(|fs| model.emit(fs)).collect()
}

/// The best well-formed tag sequence (exact Viterbi under BILOU constraints: `Tag::can_start`,
/// `Tag::allows`, `Tag::can_end`; `decode::viterbi`).
pub fn viterbi(model: &impl Scorer, em: &[Row]) -> Vec<Tag> {
    let grammar = Grammar::<NT>::new(
        |t| Tag(t as u8).can_start(),
        |p, c| Tag(p as u8).allows(Tag(c as u8)),
        |t| Tag(t as u8).can_end(),
    );
    let start: Row = std::array::from_fn(|t| model.start(Tag(t as u8)));
    let trans: [Row; NT] = std::array::from_fn(|p| {
        std::array::from_fn(|c| model.transition(Tag(p as u8), Tag(c as u8)))
    });
    decode::viterbi(&grammar, &start, &trans, em)
        .into_iter()
        .map(Tag)
        .collect()
}

/// Entity token ranges `(start, end, label)` from a tag sequence (well-formed or not: a stray
/// I/L starts an entity, a B/I at the end closes one).
pub fn spans_of(tags: &[Tag]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (Some(label), Some(pos)) = (t.label(), t.pos()) else {
            if let Some((s, l)) = open.take() {
                out.push((s, i, l));
            }
            continue;
        };
        if let Some((s, l)) = open
            && (l != label || matches!(pos, Pos::B | Pos::U))
        {
            out.push((s, i, l));
            open = None;
        }
        let start = open.map_or(i, |o| o.0);
        match pos {
            Pos::U | Pos::L => {
                out.push((start, i + 1, label));
                open = None;
            }
            Pos::B | Pos::I => open = Some((start, label)),
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// BILOU tags for `n` tokens with the given entity token ranges.
pub fn tags_of(n: usize, spans: &[(usize, usize, Label)]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; n];
    for &(s, e, l) in spans {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            tags[s] = Tag::new(l, Pos::U);
        } else {
            tags[s] = Tag::new(l, Pos::B);
            for t in &mut tags[s + 1..e - 1] {
                *t = Tag::new(l, Pos::I);
            }
            tags[e - 1] = Tag::new(l, Pos::L);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_index_finds_every_id_and_nothing_else() {
        let ids: Vec<u32> = (0..1000u32)
            .map(|i| i.wrapping_mul(2_654_435_761))
            .collect();
        let idx = IdIndex::new(ids.iter().enumerate().map(|(r, id)| (*id, r as u32)));
        for (r, id) in ids.iter().enumerate() {
            assert_eq!(idx.get(*id), Some(r as u32));
        }
        assert_eq!(idx.get(7), None);
        assert_eq!(IdIndex::default().get(1), None);
    }

    #[test]
    fn bilou_roundtrip() {
        let spans = vec![(0, 2, Label::Per), (3, 4, Label::Loc), (4, 7, Label::Org)];
        assert_eq!(spans_of(&tags_of(8, &spans)), spans);
    }

    #[test]
    fn malformed_sequences_still_give_spans() {
        let i_per = Tag::new(Label::Per, Pos::I);
        let b_org = Tag::new(Label::Org, Pos::B);
        assert_eq!(
            spans_of(&[i_per, Tag::O, b_org]),
            vec![(0, 1, Label::Per), (2, 3, Label::Org)]
        );
    }

    struct Flat;
    impl Scorer for Flat {
        fn add_row(&self, _: u32, _: &mut Row) {}
        fn transition(&self, _: Tag, _: Tag) -> f32 {
            0.0
        }
        fn start(&self, _: Tag) -> f32 {
            0.0
        }
    }

    #[test]
    fn viterbi_never_returns_an_ill_formed_sequence() {
        // Emissions that prefer I-PER everywhere: the best legal path is B I ... L.
        let mut row = [0.0; NT];
        row[Tag::new(Label::Per, Pos::I).0 as usize] = 5.0;
        let tags = viterbi(&Flat, &vec![row; 4]);
        assert!(tags[0].can_start() && tags[3].can_end());
        for w in tags.windows(2) {
            assert!(w[0].allows(w[1]));
        }
        assert_eq!(spans_of(&tags), vec![(0, 4, Label::Per)]);
    }
}
