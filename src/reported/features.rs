//! Features of one token for the reported-speech tagger: the word and its neighbours, entity
//! tags, whether it sits inside a quotation, and where the nearest cue word
//! ("said", "according") of its sentence lies (side, distance, commas between). Everything is read
//! from `View`, computed once per document; the same code serves training and analysis.

use super::tagger::{Role, Tag};
use crate::analysis::Entity;
use crate::cues::Cues;
use crate::hash::{hash_bytes, reported_id};
use crate::text::normal;
use crate::text::{Span, TokenKind, TokenRange, Tokenized};
use std::borrow::Cow;

/// One document as the tagger reads it, by token.
pub struct View<'a> {
    pub tok: &'a Tokenized,
    /// Hashes of the normalised word and of the shape class.
    words: Vec<u64>,
    shape: Vec<u64>,
    /// 1 first token of its sentence, 2 last, 3 both.
    edge: Vec<u8>,
    /// The cue lexicon's class of each word (`Cues::class`; 0 unlisted or not a word); a strong
    /// cue word is `strong`.
    class: Vec<u8>,
    colon: Vec<bool>,
    comma: Vec<bool>,
    /// Entity tag: 0 none, else 1 + 2 * label + (0 first token, 1 later token).
    ent: Vec<u8>,
    /// 0 outside quotations, 1 inside, 2 the opening mark, 3 the closing mark.
    quote: Vec<u8>,
    /// Per token: nearest cue token before / after it in its sentence, and commas between.
    left: Vec<Option<(usize, u16)>>,
    right: Vec<Option<(usize, u16)>>,
    /// The first pass's cue runs, once `anchor` has been called (the second pass reads them).
    anchors: Option<Anchors>,
}

/// Per token, what the first pass tagged: its role, and the nearest cue run before and after it
/// in the sentence (the run's last token, and commas between).
struct Anchors {
    /// The first pass's role of each token: 0 none, 1 + role.
    role: Vec<u8>,
    left: Vec<Option<(usize, u16)>>,
    right: Vec<Option<(usize, u16)>>,
}

/// `Anchors::role` of a token in a cue run.
const CUE_ROLE: u8 = 1 + Role::Cue as u8;

impl Anchors {
    fn in_cue(&self, i: usize) -> bool {
        self.role.get(i) == Some(&CUE_ROLE)
    }
}

impl<'a> View<'a> {
    pub fn new(
        text: &'a str,
        tok: &'a Tokenized,
        ents: &[Entity],
        quotes: &[Span],
        cues: &Cues,
    ) -> View<'a> {
        let n = tok.tokens.len();
        let normal_words: Vec<Cow<str>> = tok
            .tokens
            .iter()
            .map(|t| normal(t.span.text(text)))
            .collect();
        let shape: Vec<&'static str> = tok
            .tokens
            .iter()
            .map(|t| {
                let s = t.span.text(text);
                match t.kind {
                    TokenKind::Quote => "Q",
                    TokenKind::Punct => match s {
                        "," => ",",
                        "." | "!" | "?" => ".",
                        ":" => ":",
                        "(" | ")" => "()",
                        _ => "p",
                    },
                    TokenKind::Number => "0",
                    _ if s.starts_with(char::is_uppercase) => "C",
                    _ => "w",
                }
            })
            .collect();
        let words = normal_words
            .iter()
            .map(|w| hash_bytes(0x77, w.as_bytes()))
            .collect();
        let mut edge = vec![0u8; n];
        for s in &tok.sentences {
            edge[s.start] |= 1;
            edge[s.end - 1] |= 2;
        }
        let class: Vec<u8> = tok
            .tokens
            .iter()
            .zip(&normal_words)
            .map(|(t, w)| {
                if t.kind == TokenKind::Word {
                    cues.class(w)
                } else {
                    0
                }
            })
            .collect();
        let mut ent = vec![0u8; n];
        let mut quote = vec![0u8; n];
        let mut i = 0;
        for e in ents {
            while i < n && tok.tokens[i].span.start < e.span.start {
                i += 1;
            }
            let mut j = i;
            while j < n && tok.tokens[j].span.end <= e.span.end {
                let l = crate::analysis::Label::ALL
                    .iter()
                    .position(|x| *x == e.label)
                    .unwrap_or(0) as u8;
                ent[j] = 1 + 2 * l + u8::from(j > i);
                j += 1;
            }
        }
        let mut i = 0;
        for q in quotes {
            while i < n && tok.tokens[i].span.start < q.start {
                i += 1;
            }
            let mut j = i;
            while j < n && tok.tokens[j].span.end <= q.end {
                quote[j] = 1;
                j += 1;
            }
            if j > i {
                quote[i] = 2;
                quote[j - 1] = 3;
            }
        }
        let comma: Vec<bool> = shape.iter().map(|s| *s == ",").collect();
        let strong = |i: usize| Cues::is_strong_class(class[i]);
        let (left, right) = nearest_marks(tok, strong, |i| comma[i], |i| comma[i]);
        View {
            tok,
            words,
            shape: shape
                .iter()
                .map(|s| hash_bytes(0x78, s.as_bytes()))
                .collect(),
            edge,
            colon: shape.iter().map(|s| *s == ":").collect(),
            comma,
            class,
            ent,
            quote,
            left,
            right,
            anchors: None,
        }
    }

    /// Read the first pass's tags: its cue runs become anchors for the second pass's features.
    pub fn anchor(&mut self, tags: &[Tag]) {
        let n = self.tok.tokens.len();
        let role: Vec<u8> = (0..n)
            .map(|i| {
                tags.get(i)
                    .and_then(|t| t.role())
                    .map_or(0, |r| 1 + r as u8)
            })
            .collect();
        let inside = |i: usize| role[i] == CUE_ROLE;
        // a run's last token stands for it ("did not say" -> "say", "according to" -> "to")
        let last = |i: usize| inside(i) && (i + 1 == n || !inside(i + 1) || tags[i + 1].is_begin());
        // a run's earlier tokens see the run's last token as their right anchor, with no comma
        // of the run between
        let (left, right) = nearest_marks(
            self.tok,
            last,
            |i| self.comma[i],
            |i| self.comma[i] && !inside(i),
        );
        self.anchors = Some(Anchors { role, left, right });
    }

    /// Is this token a strong cue word (`Cues::is_normal_cue`)?
    fn strong(&self, i: usize) -> bool {
        Cues::is_strong_class(self.class[i])
    }

    /// Is this token inside a found quotation (its marks included)?
    pub fn quoted(&self, i: usize) -> bool {
        self.quote[i] != 0
    }

    /// Does this window hold a cue run of the first pass?
    pub fn has_anchor(&self, r: TokenRange) -> bool {
        self.anchors
            .as_ref()
            .is_some_and(|a| (r.start..r.end).any(|i| a.in_cue(i)))
    }

    /// Does this token range hold a listed cue word (strong or not) or a colon (no cue, no
    /// attribution)?
    pub fn has_cue(&self, r: TokenRange) -> bool {
        (r.start..r.end).any(|i| self.class[i] > 0 || self.colon[i])
    }

    fn word(&self, i: isize) -> u64 {
        at(&self.words, i, BOUNDARY)
    }
    fn shape(&self, i: isize) -> u64 {
        at(&self.shape, i, BOUNDARY)
    }
    /// The features of token `i` of window `win`, written into `out` (cleared first).
    /// In the second pass (after `anchor`) these are the first pass's features and
    /// `anchor_features`; emission scores add up, so analysis scores the first-pass part once.
    pub fn features(&self, win: TokenRange, i: usize, out: &mut Vec<u32>) {
        self.text_features(win, i, out);
        self.anchor_features(i, out);
    }

    /// The features that read the text alone (the first pass's), written into `out` (cleared
    /// first).
    pub fn text_features(&self, win: TokenRange, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let ii = i as isize;
        let mut add = |kind: u64, parts: &[u64]| out.push(reported_id(kind, parts));
        add(0, &[]);
        for d in -2isize..=2 {
            add(1 + (d + 2) as u64, &[self.word(ii + d)]);
            add(6 + (d + 2) as u64, &[self.shape(ii + d)]);
        }
        let (w, wp, wn) = (self.word(ii), self.word(ii - 1), self.word(ii + 1));
        let (sh, shp, shn) = (self.shape(ii), self.shape(ii - 1), self.shape(ii + 1));
        add(11, &[wp, w]);
        add(12, &[w, wn]);
        add(13, &[shp, sh, shn]);
        let ent = |j: isize| at(&self.ent, j, 0) as u64;
        add(17, &[ent(ii)]);
        add(18, &[ent(ii - 1), ent(ii), ent(ii + 1)]);
        let q = self.quote[i] as u64;
        add(19, &[q]);
        add(20, &[q, sh]);
        add(21, &[self.edge[i] as u64]);
        add(22, &[u64::from(i == win.start)]);
        add(23, &[u64::from(self.strong(i)), w]);
        let Near {
            lb,
            rb,
            lw,
            rw,
            lk,
            rk,
        } = self.near(i, self.left[i], self.right[i]);
        add(24, &[lb, rb]);
        add(25, &[lb, lw]);
        add(26, &[rb, rw]);
        add(27, &[lb, lk, rb, rk]);
        add(28, &[lb, rb, sh]);
        add(29, &[lb, rb, q]);
        add(30, &[lw, w]);
        add(31, &[rw, w]);
        add(32, &[rb, rk, sh, ent(ii)]);
        add(33, &[lb, lk, wp]);
        add(34, &[lw, lk]);
        add(35, &[rw, rk]);
        add(36, &[lw, lk, sh]);
        add(37, &[rw, rk, sh]);
        let class = |j: isize| at(&self.class, j, 0) as u64;
        add(38, &[class(ii)]);
        add(39, &[class(ii), sh, ent(ii)]);
        add(40, &[class(ii - 1), class(ii), class(ii + 1)]);
    }

    /// The features that read the first pass's tags (none before `anchor`), appended to `out`:
    /// where its cues are, and its roles around the token.
    pub fn anchor_features(&self, i: usize, out: &mut Vec<u32>) {
        let Some(a) = &self.anchors else { return };
        let ii = i as isize;
        let mut add = |kind: u64, parts: &[u64]| out.push(reported_id(kind, parts));
        let w = self.word(ii);
        let sh = self.shape(ii);
        let q = self.quote[i] as u64;
        let ent = |j: isize| at(&self.ent, j, 0) as u64;
        let Near {
            lb,
            rb,
            lw,
            rw,
            lk,
            rk,
        } = self.near(i, a.left[i], a.right[i]);
        let inside = u64::from(a.in_cue(i));
        add(50, &[inside, lb, rb]);
        add(51, &[inside, w]);
        add(52, &[lb, lw]);
        add(53, &[rb, rw]);
        add(54, &[lb, lk, rb, rk]);
        add(55, &[lb, rb, sh]);
        add(56, &[lb, rb, q]);
        add(57, &[rb, rk, sh, ent(ii)]);
        add(58, &[lw, lk, sh]);
        add(59, &[rw, rk, sh]);
        add(60, &[inside, u64::from(a.in_cue(i + 1)), sh]);
        add(61, &[lw, w]);
        add(62, &[rw, w]);
        let role = |j: isize| at(&a.role, j, 9) as u64;
        add(63, &[role(ii - 1), role(ii), role(ii + 1)]);
        add(64, &[role(ii), w]);
        add(65, &[role(ii), sh, lb, rb]);
    }
}

/// What a token sees of the nearest anchor (cue word or cue run) before and after it: distance
/// buckets, the anchors' words, commas between (9: no anchor).
struct Near {
    lb: u64,
    rb: u64,
    lw: u64,
    rw: u64,
    lk: u64,
    rk: u64,
}

impl View<'_> {
    fn near(&self, i: usize, l: Option<(usize, u16)>, r: Option<(usize, u16)>) -> Near {
        Near {
            lb: l.map_or(9, |(c, _)| bucket(i - c)) as u64,
            rb: r.map_or(9, |(c, _)| bucket(c - i)) as u64,
            lw: l.map_or(0, |(c, _)| self.words[c]),
            rw: r.map_or(0, |(c, _)| self.words[c]),
            lk: l.map_or(9, |(_, k)| k.min(3)) as u64,
            rk: r.map_or(9, |(_, k)| k.min(3)) as u64,
        }
    }
}

/// Per token of each sentence, the nearest token before and after it (in its sentence) for which
/// `mark` holds, and the commas between (the tokens for which `comma_left` / `comma_right` hold).
#[allow(clippy::type_complexity)]
fn nearest_marks(
    tok: &Tokenized,
    mark: impl Fn(usize) -> bool,
    comma_left: impl Fn(usize) -> bool,
    comma_right: impl Fn(usize) -> bool,
) -> (Vec<Option<(usize, u16)>>, Vec<Option<(usize, u16)>>) {
    let n = tok.tokens.len();
    let (mut left, mut right) = (vec![None; n], vec![None; n]);
    for s in &tok.sentences {
        let mut last: Option<(usize, u16)> = None;
        for i in s.start..s.end {
            left[i] = last;
            if mark(i) {
                last = Some((i, 0));
            } else if comma_left(i) {
                last = last.map(|(c, k)| (c, k.saturating_add(1)));
            }
        }
        let mut next: Option<(usize, u16)> = None;
        for i in (s.start..s.end).rev() {
            right[i] = next;
            if mark(i) {
                next = Some((i, 0));
            } else if comma_right(i) {
                next = next.map(|(c, k)| (c, k.saturating_add(1)));
            }
        }
    }
    (left, right)
}

/// `v[i]`, or `outside` when `i` is before the first token or after the last.
fn at<T: Copy>(v: &[T], i: isize, outside: T) -> T {
    usize::try_from(i)
        .ok()
        .and_then(|i| v.get(i))
        .copied()
        .unwrap_or(outside)
}

/// The hash standing for "no token here" (before the first token or after the last).
const BOUNDARY: u64 = 0x8f3a_5c1e_77d2_4b69;

/// Distance in tokens, bucketed.
fn bucket(d: usize) -> u8 {
    match d {
        0..=3 => d as u8,
        4..=6 => 4,
        7..=12 => 5,
        13..=25 => 6,
        _ => 7,
    }
}
