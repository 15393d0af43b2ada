//! Tagging: the windows of whole sentences worth tagging (those holding a cue word or a colon),
//! the two passes of the tagger over them (the second reads where the first put its cues), the
//! ensemble of `--accurate` (the members' scores and transitions averaged before decoding), and
//! the tagged runs. What each token's tags are scored from is `features` and `net`; the chain
//! they are decoded along is `tagger`.

use super::features::View;
use super::net::{D, Net, Sum};
use super::tagger::{Chain, Role, Row, Tag};
use crate::text::{TokenRange, Tokenized};

/// Stretches of at most this many tokens are tagged at once (whole sentences where they fit).
const WINDOW: usize = 300;

/// The token ranges to tag: runs of whole sentences of one paragraph, up to `WINDOW` tokens
/// (a longer sentence is cut).
pub fn windows(tok: &Tokenized) -> Vec<TokenRange> {
    let mut out = Vec::new();
    for p in &tok.paragraphs {
        let mut start = p.tokens.start;
        let first = tok.sentence_of(p.tokens.start);
        for s in &tok.sentences[first..] {
            if s.start >= p.tokens.end {
                break;
            }
            let end = s.end.min(p.tokens.end);
            if end - start > WINDOW && s.start > start {
                out.push(TokenRange {
                    start,
                    end: s.start,
                });
                start = s.start;
            }
            while end - start > WINDOW {
                out.push(TokenRange {
                    start,
                    end: start + WINDOW,
                });
                start += WINDOW;
            }
        }
        if start < p.tokens.end {
            out.push(TokenRange {
                start,
                end: p.tokens.end,
            });
        }
    }
    out
}

/// The windows worth tagging: those holding a cue word or a colon (no cue, no attribution;
/// 95% of PolNeAR train's tagged tokens lie in such windows).
pub fn cue_windows(view: &View) -> Vec<TokenRange> {
    windows(view.tok)
        .into_iter()
        .filter(|w| view.has_cue(*w))
        .collect()
}

/// Tags for every token (O outside the windows), in two passes: the first reads the text alone,
/// the second also where the first put its cues and what it tagged around each token
/// (`View::anchor`). Only windows where the first pass found a cue are tagged again, and their
/// first-pass sums of rows are kept: the second pass adds its own features' rows to them, and
/// runs the recurrent states again over the new sums. With several `members` (never none), each
/// scores every window from its own sums, and the mean of their scores is decoded along the
/// mean of their transitions; one member gives exactly its own tags.
pub fn tag(view: &mut View, members: &[Net]) -> Vec<Tag> {
    let windows = cue_windows(view);
    let mut tags = vec![Tag::O; view.tok.tokens.len()];
    let chain = mean_chain(members);
    let mut first = tag_windows(view, members, &chain, &windows, &mut tags);
    view.anchor(&tags);
    let mut feats = Vec::with_capacity(32);
    for (k, w) in windows.iter().enumerate() {
        if !view.has_anchor(*w) {
            continue;
        }
        for i in 0..w.end - w.start {
            feats.clear();
            view.anchor_features(w.start + i, &mut feats);
            for (m, f) in members.iter().zip(first.iter_mut()) {
                m.accumulate(&feats, &mut f[k][i]);
            }
        }
        let emissions = mean_scores(members, first.iter().map(|f| &f[k][..]));
        tags[w.start..w.end].copy_from_slice(&chain.decode(&emissions));
    }
    tags
}

/// The first pass: the tags of each window (the `members`' mean scores decoded along `chain`,
/// their mean transitions) written into `tags`, and per member each window's sums of rows
/// returned (the second pass adds to them). A window's sums are scored while they are fresh in
/// the cache.
pub fn tag_windows(
    view: &View,
    members: &[Net],
    chain: &Chain,
    windows: &[TokenRange],
    tags: &mut [Tag],
) -> Vec<Vec<Vec<Sum>>> {
    let mut out: Vec<Vec<Vec<Sum>>> = vec![Vec::with_capacity(windows.len()); members.len()];
    let mut feats = Vec::with_capacity(64);
    for w in windows {
        for (m, f) in members.iter().zip(out.iter_mut()) {
            f.push(window_sums(view, m, *w, &mut feats));
        }
        let emissions = mean_scores(members, out.iter().map(|f| &f[f.len() - 1][..]));
        tags[w.start..w.end].copy_from_slice(&chain.decode(&emissions));
    }
    out
}

/// A window's first-pass sums of rows, one per token, for one net (`feats`: scratch).
fn window_sums(view: &View, model: &Net, w: TokenRange, feats: &mut Vec<u32>) -> Vec<Sum> {
    (w.start..w.end)
        .map(|i| {
            view.text_features(w, i, feats);
            let mut sum = [0f32; D];
            model.accumulate(feats, &mut sum);
            sum
        })
        .collect()
}

/// The mean of the members' tag scores of a window, each from its own sums (one member: its
/// scores as they are).
fn mean_scores<'a>(members: &[Net], sums: impl Iterator<Item = &'a [Sum]>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for (m, s) in members.iter().zip(sums) {
        let scores = m.scores(s);
        if out.is_empty() {
            out = scores;
        } else {
            for (o, r) in out.iter_mut().zip(scores) {
                for (a, b) in o.iter_mut().zip(r) {
                    *a += b;
                }
            }
        }
    }
    if members.len() > 1 {
        let k = 1.0 / members.len() as f32;
        out.iter_mut().flatten().for_each(|a| *a *= k);
    }
    out
}

/// The members' mean transition weights (one member: its own).
fn mean_chain(members: &[Net]) -> Chain {
    let mut chain = members[0].layers.chain.clone();
    if members.len() > 1 {
        let k = 1.0 / members.len() as f32;
        for (p, row) in chain.trans.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                *v = members
                    .iter()
                    .map(|m| m.layers.chain.trans[p][t])
                    .sum::<f32>()
                    * k;
            }
        }
    }
    chain
}

/// Maximal runs of one role: (role, tokens).
pub fn runs(tags: &[Tag]) -> Vec<(Role, TokenRange)> {
    let mut out: Vec<(Role, TokenRange)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let Some(r) = t.role() else { continue };
        match out.last_mut() {
            Some((lr, range)) if !t.is_begin() && *lr == r && range.end == i => range.end = i + 1,
            _ => out.push((
                r,
                TokenRange {
                    start: i,
                    end: i + 1,
                },
            )),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::reported::tagger::Role;

    /// `--accurate`: the members' scores and transitions are averaged; one member is itself.
    #[test]
    fn an_ensemble_averages_its_members_scores_and_transitions() {
        use super::{cue_windows, mean_chain, mean_scores, tag, window_sums};
        use crate::reported::ReportedModel;
        use crate::reported::features::View;
        let text = "The minister said she had asked the mayor whether he would cooperate.";
        let tok = crate::text::tokens::analyze_text(text);
        let cues = crate::cues::Cues::embedded().unwrap();
        let mut view = View::new(text, &tok, &[], &[], &cues);
        let windows = cue_windows(&view);
        assert_eq!(windows.len(), 1);
        let acc = ReportedModel::embedded_accurate().unwrap();
        let members = acc.members();
        assert_eq!(members.len(), 3);
        let sums: Vec<_> = members
            .iter()
            .map(|m| window_sums(&view, m, windows[0], &mut Vec::new()))
            .collect();
        let each: Vec<_> = members
            .iter()
            .zip(&sums)
            .map(|(m, s)| m.scores(s))
            .collect();
        assert_ne!(each[0], each[1], "the members are different nets");
        let mean = mean_scores(members, sums.iter().map(|s| &s[..]));
        for (i, row) in mean.iter().enumerate() {
            for t in 0..row.len() {
                let want = (each[0][i][t] + each[1][i][t] + each[2][i][t]) / 3.0;
                assert!((row[t] - want).abs() < 1e-5, "token {i} tag {t}");
            }
        }
        let chain = mean_chain(members);
        let want = (members[0].layers.chain.trans[0][1]
            + members[1].layers.chain.trans[0][1]
            + members[2].layers.chain.trans[0][1])
            / 3.0;
        assert!((chain.trans[0][1] - want).abs() < 1e-6);
        // one member: exactly its own scores, chain and tags
        let one = &members[..1];
        assert_eq!(mean_scores(one, sums[..1].iter().map(|s| &s[..])), each[0]);
        assert_eq!(mean_chain(one).trans, members[0].layers.chain.trans);
        let alone = tag(&mut view, one);
        let mut view = View::new(text, &tok, &[], &[], &cues);
        let together = tag(&mut view, members);
        // both read the sentence as a reported relation: a cue ("said") and content after it
        for tags in [&alone, &together] {
            assert_eq!(tags[2].role(), Some(Role::Cue), "{tags:?}");
            assert_eq!(tags[4].role(), Some(Role::Content), "{tags:?}");
        }
    }
}
