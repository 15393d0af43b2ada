//! The tagger's second pass: what the first pass said about the same capitalised word elsewhere
//! in the document (the "extended prediction history" of Ratinov & Roth 2009; Krishnan & Manning
//! 2006 do the same with a second CRF). A surname tagged as a person in four sentences and as a
//! place in a fifth tells the tagger what the fifth probably is.
//!
//! This module only counts and turns the counts into feature ids; the tagger's weights (trained
//! on first-pass tags of held-out folds, see `trainer`) decide what they mean. `decode` runs both
//! passes over a document, for the pipeline and for the trainer's scores alike.

use super::features::{DocStats, TokenInfo, sentence_features};
use super::model::{Row, Scorer, Tag, emissions, spans_of, viterbi};
use crate::hash::{DocKey, DocMap, FNV_OFFSET, entity_id, entity_mix};
use crate::text::TokenRange;

/// Keyed by word hashes, and hashed again with the document's key (`DocKey`).
type Counts = DocMap<u64, [u16; 5]>;

const T_HIST: u64 = 100;

/// Per capitalised word (case aside: "CHARLOTTE" is "Charlotte"): how often the first pass tagged
/// it O, PER, ORG, LOC, MISC.
pub struct History {
    counts: Counts,
    /// The same per (word, first-pass name holding it): "Merrow" in "Merrow Reservoir" apart
    /// from "Merrow" in "Merrow Anglers Association".
    in_name: Counts,
    /// Per token: a hash of the first-pass name holding it (its own word when it is in none).
    names: Vec<u64>,
}

/// 0 for O, 1..=4 for the tag's label.
fn kind(t: Tag) -> usize {
    if t == Tag::O {
        0
    } else {
        1 + (t.0 as usize - 1) / 4
    }
}

impl History {
    /// Count the first-pass `tags` (one per token) of every capitalised token (`key`: the
    /// document's, `Tokenized::key`).
    pub fn new(infos: &[TokenInfo], tags: &[Tag], key: DocKey) -> History {
        let names = name_hashes(infos, tags);
        let mut counts = Counts::with_hasher(key);
        let mut in_name = Counts::with_hasher(key);
        for ((info, tag), name) in infos.iter().zip(tags).zip(&names) {
            if info.cap {
                let k = kind(*tag);
                let c = counts.entry(info.lower).or_default();
                c[k] = c[k].saturating_add(1);
                let c = in_name.entry(entity_mix(info.lower, *name)).or_default();
                c[k] = c[k].saturating_add(1);
            }
        }
        History {
            counts,
            in_name,
            names,
        }
    }

    /// Do other occurrences of token `i`'s word carry another first-pass kind than `own`?
    pub fn disagrees(&self, infos: &[TokenInfo], i: usize, own: Tag) -> bool {
        let t = &infos[i];
        t.cap
            && self.counts.get(&t.lower).is_some_and(|c| {
                let k = kind(own);
                c.iter().enumerate().any(|(j, n)| j != k && *n > 0)
            })
    }

    /// Feature ids for token `i` (first-pass tag `own`) from the other occurrences of its word,
    /// appended to `out`; false when there is none.
    pub fn features(&self, infos: &[TokenInfo], i: usize, own: Tag, out: &mut Vec<u32>) -> bool {
        let t = &infos[i];
        if !t.cap {
            return false;
        }
        let Some(all) = self.counts.get(&t.lower) else {
            return false;
        };
        let mut others = *all;
        others[kind(own)] = others[kind(own)].saturating_sub(1);
        let total: u32 = others.iter().map(|c| *c as u32).sum();
        if total == 0 {
            return false;
        }
        let (maj, share) = majority(&others);
        // the others split: inside the same first-pass name, and inside other names
        let mut same = self
            .in_name
            .get(&entity_mix(t.lower, self.names[i]))
            .copied()
            .unwrap_or_default();
        same[kind(own)] = same[kind(own)].saturating_sub(1);
        let mut apart = others;
        for (a, s) in apart.iter_mut().zip(same) {
            *a = a.saturating_sub(s);
        }
        for (template, part) in [(T_HIST + 5, same), (T_HIST + 7, apart)] {
            if part.iter().any(|c| *c > 0) {
                let (m, sh) = majority(&part);
                out.push(entity_id(template, entity_mix(m, sh)));
                out.push(entity_id(
                    template + 1,
                    entity_mix(entity_mix(m, sh), kind(own) as u64),
                ));
            }
        }
        let many = (total >= 3) as u64;
        out.push(entity_id(T_HIST, entity_mix(maj, share)));
        out.push(entity_id(
            T_HIST + 1,
            entity_mix(entity_mix(maj, share), many),
        ));
        out.push(entity_id(
            T_HIST + 2,
            entity_mix(entity_mix(maj, share), t.short),
        ));
        out.push(entity_id(T_HIST + 3, entity_mix(maj, kind(own) as u64)));
        for (k, c) in others.iter().enumerate().skip(1) {
            if *c > 0 {
                out.push(entity_id(T_HIST + 4, k as u64));
            }
        }
        true
    }
}

/// The majority kind among `counts` (ties to the later kind: a name over O) and its share: 2 all,
/// 1 at least half, 0 less.
fn majority(counts: &[u16; 5]) -> (u64, u64) {
    let total: u32 = counts.iter().map(|c| *c as u32).sum();
    let (maj, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(k, c)| (**c, *k))
        .map(|(k, c)| (k as u64, *c as u32))
        .unwrap_or((0, 0));
    let share = if n == total {
        2
    } else if 2 * n >= total {
        1
    } else {
        0
    };
    (maj, share)
}

/// For each token, a hash of the lower-cased words of the first-pass name (BILOU run) holding it;
/// a token outside any name gets its own word's hash.
fn name_hashes(infos: &[TokenInfo], tags: &[Tag]) -> Vec<u64> {
    let mut out: Vec<u64> = infos.iter().map(|t| t.lower).collect();
    for (start, end, _) in spans_of(tags) {
        let h = (start..end).fold(FNV_OFFSET, |h, j| entity_mix(h, infos[j].lower));
        out[start..end].fill(h);
    }
    out
}

/// Tags for every token of a document: the first pass over `ranges` (sentences or windows), then
/// the second (`second_pass`). Tokens outside `ranges` are O. `progress` gets the fraction done.
pub fn decode(
    model: &impl Scorer,
    infos: &[TokenInfo],
    stats: &DocStats,
    ranges: &[TokenRange],
    progress: &mut dyn FnMut(f32),
) -> Vec<Tag> {
    let n = infos.len().max(1) as f32;
    let mut tags = vec![Tag::O; infos.len()];
    let mut first: Vec<Vec<Row>> = Vec::with_capacity(ranges.len());
    let mut feats = Vec::new();
    for r in ranges {
        progress(0.5 * r.start as f32 / n);
        sentence_features(infos, stats, *r, &mut feats);
        let em = emissions(model, &feats);
        tags[r.start..r.end].copy_from_slice(&viterbi(model, &em));
        first.push(em);
    }
    progress(0.5);
    second_pass(model, infos, stats.key(), ranges, &mut tags, first);
    tags
}

/// The second pass: the first pass's `tags` and emissions (`first`, one per range) with the
/// history features added, decoded again over the ranges where the other occurrences of some
/// word disagree with its first-pass tag. Where all agree, the history only confirms the first
/// pass: skipping those ranges keeps the second pass cheap.
pub fn second_pass(
    model: &impl Scorer,
    infos: &[TokenInfo],
    key: DocKey,
    ranges: &[TokenRange],
    tags: &mut [Tag],
    first: Vec<Vec<Row>>,
) {
    let history = History::new(infos, tags, key);
    let mut extra = Vec::new();
    for (r, mut em) in ranges.iter().zip(first) {
        if !(r.start..r.end).any(|i| history.disagrees(infos, i, tags[i])) {
            continue;
        }
        for (i, row) in (r.start..r.end).zip(em.iter_mut()) {
            extra.clear();
            if history.features(infos, i, tags[i], &mut extra) {
                for f in &extra {
                    model.add_row(*f, row);
                }
            }
        }
        let second = viterbi(model, &em);
        tags[r.start..r.end].copy_from_slice(&second);
    }
}

/// The sentence features of `r` with the history features added (for training the second pass).
pub fn features_with_history(
    infos: &[TokenInfo],
    stats: &DocStats,
    r: TokenRange,
    history: &History,
    first: &[Tag],
) -> Vec<Vec<u32>> {
    let mut feats = Vec::new();
    sentence_features(infos, stats, r, &mut feats);
    for (i, f) in (r.start..r.end).zip(feats.iter_mut()) {
        history.features(infos, i, first[i], f);
    }
    feats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Label;
    use crate::entities::features::token_infos;
    use crate::entities::model::{NT, Pos};
    use crate::knowledge::Gazetteers;
    use crate::text::tokens::analyze_text;
    use std::collections::HashSet;

    /// A model that knows only some feature ids: each adds `boost` to one tag.
    struct Known {
        ids: HashSet<u32>,
        boost: (Tag, f32),
    }
    impl Scorer for Known {
        fn add_row(&self, f: u32, acc: &mut Row) {
            if self.ids.contains(&f) {
                acc[self.boost.0.0 as usize] += self.boost.1;
            }
        }
        fn transition(&self, _: Tag, _: Tag) -> f32 {
            0.0
        }
        fn start(&self, _: Tag) -> f32 {
            0.0
        }
    }

    impl Known {
        /// A model that reads the history features of token `i` as strong evidence for `label`.
        fn history_of(infos: &[TokenInfo], tags: &[Tag], i: usize, label: Label) -> Known {
            let mut ids = Vec::new();
            History::new(infos, tags, DocKey::of("")).features(infos, i, tags[i], &mut ids);
            Known {
                ids: ids.into_iter().collect(),
                boost: (Tag::new(label, Pos::U), 10.0),
            }
        }
    }

    /// First-pass emissions that give `tags`: 1 for the tag, 0 for the others.
    fn emissions_of(sentences: &[TokenRange], tags: &[Tag]) -> Vec<Vec<Row>> {
        sentences
            .iter()
            .map(|s| {
                (s.start..s.end)
                    .map(|i| {
                        let mut row = [0.0; NT];
                        row[tags[i].0 as usize] = 1.0;
                        row
                    })
                    .collect()
            })
            .collect()
    }

    const TEXT: &str = "Kerry spoke . Kerry left . Kerry won . Then Kerry rained .";

    fn setup() -> (Vec<TokenInfo>, Vec<TokenRange>, Vec<usize>) {
        let tok = analyze_text(TEXT);
        let (infos, _) = token_infos(TEXT, &tok, &Gazetteers::default());
        let kerry: Vec<usize> = (0..tok.tokens.len())
            .filter(|i| tok.tokens[*i].span.text(TEXT) == "Kerry")
            .collect();
        assert_eq!(kerry.len(), 4);
        (infos, tok.sentences, kerry)
    }

    fn first_tags(n: usize, kerry: &[usize], last: Label) -> Vec<Tag> {
        let mut tags = vec![Tag::O; n];
        for (k, i) in kerry.iter().enumerate() {
            let l = if k == 3 { last } else { Label::Per };
            tags[*i] = Tag::new(l, Pos::U);
        }
        tags
    }

    #[test]
    fn history_counts_the_other_occurrences_of_a_capitalised_word() {
        let (infos, _, kerry) = setup();
        let tags = first_tags(infos.len(), &kerry, Label::Loc);
        let h = History::new(&infos, &tags, DocKey::of(TEXT));
        let mut f = Vec::new();
        // the place reading: its three others say person
        assert!(h.features(&infos, kerry[3], tags[kerry[3]], &mut f));
        assert!(!f.is_empty());
        assert!(h.disagrees(&infos, kerry[3], tags[kerry[3]]));
        // a person reading: two others agree, one does not
        assert!(h.disagrees(&infos, kerry[0], tags[kerry[0]]));
        let agreeing = first_tags(infos.len(), &kerry, Label::Per);
        let h = History::new(&infos, &agreeing, DocKey::of(TEXT));
        assert!(h.features(&infos, kerry[0], agreeing[kerry[0]], &mut f));
        assert!(!h.disagrees(&infos, kerry[0], agreeing[kerry[0]]));
        // lower-case words and words seen once have no history
        let then = kerry[3] - 1;
        assert!(!h.features(&infos, then, Tag::O, &mut f));
        assert!(!h.disagrees(&infos, then, Tag::O));
        let spoke = kerry[0] + 1;
        assert!(!h.features(&infos, spoke, Tag::O, &mut f));
    }

    #[test]
    fn a_word_in_another_name_is_told_apart_from_the_same_name() {
        let text = "Merrow Reservoir is deep . Merrow Anglers met . Merrow Anglers left .";
        let tok = analyze_text(text);
        let (infos, _) = token_infos(text, &tok, &Gazetteers::default());
        let at = |w: &str, k: usize| {
            (0..tok.tokens.len())
                .filter(|i| tok.tokens[*i].span.text(text) == w)
                .nth(k)
                .unwrap()
        };
        let mut tags = vec![Tag::O; infos.len()];
        tags[at("Merrow", 0)] = Tag::new(Label::Loc, Pos::B);
        tags[at("Reservoir", 0)] = Tag::new(Label::Loc, Pos::L);
        for k in 0..2 {
            tags[at("Merrow", k + 1)] = Tag::new(Label::Org, Pos::B);
            tags[at("Anglers", k)] = Tag::new(Label::Org, Pos::L);
        }
        let h = History::new(&infos, &tags, tok.key);
        let org = 2; // kind of ORG
        // the reservoir's "Merrow": both others are in another name (ORG, all of them)
        let mut f = Vec::new();
        h.features(&infos, at("Merrow", 0), tags[at("Merrow", 0)], &mut f);
        assert!(f.contains(&entity_id(T_HIST + 7, entity_mix(org, 2))));
        assert!(
            !f.iter()
                .any(|x| *x == entity_id(T_HIST + 5, entity_mix(org, 2)))
        );
        // the anglers' "Merrow": one other in the same name, one in another
        let mut f = Vec::new();
        h.features(&infos, at("Merrow", 1), tags[at("Merrow", 1)], &mut f);
        assert!(f.contains(&entity_id(T_HIST + 5, entity_mix(org, 2))));
        assert!(f.contains(&entity_id(T_HIST + 7, entity_mix(3, 2)))); // LOC, all of the apart ones
    }

    #[test]
    fn a_name_labelled_two_ways_comes_out_one_way() {
        let (infos, sentences, kerry) = setup();
        let mut tags = first_tags(infos.len(), &kerry, Label::Loc);
        // the model: what the others of a place-tagged "Kerry" say (person, 3 of 3) means person
        let model = Known::history_of(&infos, &tags, kerry[3], Label::Per);
        // first-pass emissions that gave the tags above
        let first = emissions_of(&sentences, &tags);
        let key = DocKey::of(TEXT);
        second_pass(&model, &infos, key, &sentences, &mut tags, first);
        for i in &kerry {
            assert_eq!(tags[*i], Tag::new(Label::Per, Pos::U), "token {i}");
        }
    }

    #[test]
    fn ranges_whose_history_agrees_are_not_decoded_again() {
        let (infos, sentences, kerry) = setup();
        let mut tags = first_tags(infos.len(), &kerry, Label::Per);
        // a model that would turn every history feature into a place: never asked
        let model = Known::history_of(&infos, &tags, kerry[0], Label::Loc);
        let first = emissions_of(&sentences, &tags);
        let before = tags.clone();
        let key = DocKey::of(TEXT);
        second_pass(&model, &infos, key, &sentences, &mut tags, first);
        assert_eq!(tags, before);
    }
}
