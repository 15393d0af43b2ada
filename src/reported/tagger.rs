//! The reported-speech tagger's tags and their chain: eight tags (O, then B and I of cue,
//! source and content, and L: the last token of a content run), which tag may follow which,
//! and tag-transition weights, decoded exactly along them (`decode::viterbi`). What scores each
//! token's tags is `net.rs`; training is `trainer.rs`.

use crate::decode::{self, Grammar};

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
    /// Which tags may open a window (`Tag::may_open`) and follow one another (`Tag::allows`);
    /// any tag may close one.
    pub fn grammar() -> Grammar<NT> {
        Grammar::new(
            |t| Tag(t as u8).may_open(),
            |p, t| Tag(p as u8).allows(Tag(t as u8)),
            |_| true,
        )
    }

    /// The transition weights with the ill-formed ones (`Tag::allows`) at -inf.
    pub fn well_formed(&self) -> [Row; NT] {
        Chain::grammar().mask(&self.trans)
    }

    /// The best well-formed tag sequence for tokens with these emission scores (no start
    /// weights: `decode::viterbi`).
    pub fn decode(&self, emissions: &[Row]) -> Vec<Tag> {
        decode::viterbi(&Chain::grammar(), &[0.0; NT], &self.trans, emissions)
            .into_iter()
            .map(Tag)
            .collect()
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
}
