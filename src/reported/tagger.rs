//! The reported-speech tagger's tags and their chain: eight tags (O, then B and I of cue,
//! source and content, and L: the last token of a content run), which tag may follow which,
//! tag-transition weights, and exact Viterbi decoding. What scores each token's tags is
//! `net.rs`; training is `trainer.rs`.

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
    /// May a window open with this tag? (O or a B, never I or L.)
    pub fn may_open(self) -> bool {
        self == Tag::O || self.is_begin()
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

/// Tag-transition weights: the chain the emission scores are decoded along.
#[derive(Clone, Default)]
pub struct Chain {
    pub trans: [Row; NT],
}

impl Chain {
    /// The transition weights with the ill-formed ones (`Tag::allows`) at -inf.
    pub fn well_formed(&self) -> [Row; NT] {
        let mut trans = self.trans;
        for (p, row) in trans.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                if !Tag(p as u8).allows(Tag(t as u8)) {
                    *v = f32::NEG_INFINITY;
                }
            }
        }
        trans
    }

    /// The best well-formed tag sequence for tokens with these emission scores.
    pub fn decode(&self, emissions: &[Row]) -> Vec<Tag> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        // transition weights with the forbidden ones at -inf, looked up once
        let trans = self.well_formed();
        let mut score: Vec<Row> = Vec::with_capacity(n);
        let mut back: Vec<[u8; NT]> = Vec::with_capacity(n);
        let first = emissions[0];
        let mut row = [f32::NEG_INFINITY; NT];
        for t in 0..NT {
            if Tag(t as u8).may_open() {
                row[t] = first[t];
            }
        }
        score.push(row);
        back.push([0; NT]);
        for i in 1..n {
            let e = emissions[i];
            let prev = score[i - 1];
            // every tag at once for each previous tag (lanes over `t`, so the loop vectorises):
            // a forbidden pair scores -inf and never wins, and on a tie the first previous tag
            // stays, so this is the best allowed predecessor
            let mut row = [f32::NEG_INFINITY; NT];
            let mut arg = [0u32; NT];
            for (p, tr) in trans.iter().enumerate() {
                for t in 0..NT {
                    let s = prev[p] + tr[t] + e[t];
                    let better = s > row[t];
                    row[t] = if better { s } else { row[t] };
                    arg[t] = if better { p as u32 } else { arg[t] };
                }
            }
            score.push(row);
            back.push(arg.map(|p| p as u8));
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_keeps_runs_well_formed() {
        let m = Chain::default();
        // every token wants I-content; a run must still open with B-content
        let mut e = [0f32; NT];
        e[Tag::inside(Role::Content).0 as usize] = 2.0;
        e[Tag::begin(Role::Content).0 as usize] = 1.0;
        e[Tag::LAST_CONTENT.0 as usize] = 1.5;
        let tags = m.decode(&[e, e, e]);
        assert_eq!(tags[0], Tag::begin(Role::Content));
        assert!(tags[1..].iter().all(|t| *t == Tag::inside(Role::Content)));
        for w in tags.windows(2) {
            assert!(w[0].allows(w[1]));
        }
        // a content run of two tokens or more closes with L before anything else: the last
        // token wants O, and I-content may not be followed by O (B I L O scores 9.5, B B B O 8)
        let mut o = [0f32; NT];
        o[Tag::O.0 as usize] = 5.0;
        let tags = m.decode(&[e, e, e, o]);
        assert_eq!(tags[2], Tag::LAST_CONTENT, "{tags:?}");
        assert_eq!(tags[3], Tag::O);
        assert!(!Tag::inside(Role::Content).allows(Tag::O));
        assert!(!Tag::O.allows(Tag::LAST_CONTENT) && !Tag::LAST_CONTENT.allows(Tag::LAST_CONTENT));
        assert!(Tag::begin(Role::Content).allows(Tag::LAST_CONTENT));
        assert_eq!(Tag::LAST_CONTENT.role(), Some(Role::Content));
        assert!(!Tag::LAST_CONTENT.is_begin());
    }

    /// The decoded tags score as much as the best well-formed sequence found by trying them
    /// all (four tokens: 8^4 sequences), over random weights.
    #[test]
    fn decoding_finds_the_best_well_formed_sequence() {
        let mut seed = 11u64;
        let mut r = || (crate::linear::xorshift(&mut seed) % 2000) as f32 / 100.0 - 10.0;
        for _ in 0..20 {
            let m = Chain {
                trans: std::array::from_fn(|_| std::array::from_fn(|_| r())),
            };
            let em: Vec<Row> = (0..4).map(|_| std::array::from_fn(|_| r())).collect();
            let score = |p: &[Tag]| {
                let mut s = em[0][p[0].0 as usize];
                for i in 1..p.len() {
                    s += m.trans[p[i - 1].0 as usize][p[i].0 as usize] + em[i][p[i].0 as usize];
                }
                s
            };
            let ok = |p: &[Tag]| p[0].may_open() && p.windows(2).all(|w| w[0].allows(w[1]));
            let mut best = f32::NEG_INFINITY;
            for k in 0..NT.pow(4) {
                let p: Vec<Tag> = (0..4)
                    .map(|i| Tag((k / NT.pow(i)) as u8 % NT as u8))
                    .collect();
                if ok(&p) {
                    best = best.max(score(&p));
                }
            }
            let got = m.decode(&em);
            assert!(ok(&got), "{got:?}");
            assert!(
                (score(&got) - best).abs() < 1e-4,
                "{} vs {best}",
                score(&got)
            );
        }
    }
}
