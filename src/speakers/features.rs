//! Features of (quote, candidate) pairs for the speaker ranker, and of the "no speaker" outcome:
//! side and distance, paragraph, the tokens between candidate and quote (the grammatical pattern:
//! "“…,” X said", "X said: “…”", "X: “…”", "according to X"), cue words next to the candidate,
//! candidate type, and whether the candidate spoke the previous quote (continuations).

use super::candidates::Candidate;
pub use super::context::Ctx;
use crate::linear::feat;
use crate::text::Span;
use crate::text::normal;
use std::borrow::Cow;

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        _ => "17+",
    }
}

/// Facts about the quote shared by all its candidates.
pub struct QuoteFacts {
    pub q: Span,
    /// token index of the opening mark, one past the closing mark
    pub first: usize,
    pub after: usize,
    pub para: usize,
    pub cue_in_para: bool,
    pub starts_para: bool,
    pub prev_speaker: Option<Span>,
    /// The previous quote sits in the previous paragraph (or the same one).
    pub prev_quote_near: bool,
    /// "short" (1-3 words: often a fragment inside reported speech), "mid" or "long".
    pub size: &'static str,
    /// The opening mark starts its sentence.
    pub starts_sentence: bool,
}

pub fn quote_facts(
    ctx: &Ctx,
    q: Span,
    quotes: &[Span],
    prev_speaker: Option<Span>,
    prev_quote: Option<Span>,
) -> QuoteFacts {
    let tok = ctx.tok;
    let first = tok.tokens.partition_point(|t| t.span.start < q.start);
    let after = tok.tokens.partition_point(|t| t.span.start < q.end);
    let para = tok.paragraph_at(q.start);
    let pspan = tok.paragraphs.get(para).map_or(q, |p| p.span);
    let window = super::candidates::WINDOW;
    let cue_in_para = tok.paragraphs.get(para).is_some_and(|p| {
        (p.tokens.start.max(first.saturating_sub(window))..p.tokens.end.min(after + window))
            .any(|i| ctx.is_cue(i) && !crate::syntax::in_quote(tok.tokens[i].span, quotes))
    });
    let words = tok.tokens[first.min(after)..after]
        .iter()
        .filter(|t| t.kind == crate::text::TokenKind::Word)
        .count();
    let size = match words {
        0..=3 => "short",
        4..=10 => "mid",
        _ => "long",
    };
    let starts_sentence = tok
        .sentences
        .get(tok.sentence_of(first))
        .is_some_and(|s| s.start == first);
    let prev_quote_near = prev_quote.is_some_and(|p| tok.paragraph_at(p.start) + 1 >= para);
    QuoteFacts {
        q,
        first,
        after,
        para,
        cue_in_para,
        starts_para: pspan.start == q.start,
        prev_speaker,
        prev_quote_near,
        size,
        starts_sentence,
    }
}

pub fn none_features(f: &QuoteFacts) -> Vec<u32> {
    [
        "none".to_string(),
        format!("none|cue={}", f.cue_in_para),
        format!("none|qsize={}|qstart={}", f.size, f.starts_sentence),
        format!("none|cue={}|start={}", f.cue_in_para, f.starts_para),
        format!("none|prevnear={}|cue={}", f.prev_quote_near, f.cue_in_para),
    ]
    .iter()
    .map(|s| feat(s))
    .collect()
}

pub fn candidate_features(ctx: &Ctx, f: &QuoteFacts, c: &Candidate, rank: usize) -> Vec<u32> {
    let tok = ctx.tok;
    let kind: Cow<str> = match (c.label, c.kind) {
        (Some(l), _) => Cow::Borrowed(l.as_str()),
        (None, crate::analysis::MentionKind::Pronoun) => {
            Cow::Owned(format!("pron:{}", normal(c.span.text(ctx.text))))
        }
        _ => Cow::Borrowed("desc"),
    };
    let before = c.span.end <= f.q.start;
    let side = if before { "B" } else { "A" };
    let cpara = tok.paragraph_at(c.span.start);
    let pd = cpara as isize - f.para as isize;
    let pdist = match pd {
        ..=-2 => "<<",
        -1 => "<",
        0 => "=",
        1 => ">",
        _ => ">>",
    };
    // tokens strictly between candidate and quote
    let (ga, gb) = if before {
        (c.tokens.1, f.first)
    } else {
        (f.after, c.tokens.0)
    };
    let gap = gb.saturating_sub(ga);
    // the pattern of the tokens between, exact ("CUE:said C") and coarse ("CUE C")
    let (sig, sig_coarse) = if gap <= 4 {
        let mut sig = String::with_capacity(32);
        let mut coarse = String::with_capacity(32);
        for i in ga..gb {
            if i > ga {
                sig.push(' ');
                coarse.push(' ');
            }
            ctx.push_class(i, &mut sig, &mut coarse);
        }
        (sig, coarse)
    } else {
        ("far".to_string(), "far".to_string())
    };
    let next_cue = ctx.is_cue(c.tokens.1);
    let prev_cue = c.tokens.0 > 0 && ctx.is_cue(c.tokens.0 - 1);
    // "prev2=" + the two words before, or "<s>" (pushed piece by piece below)
    let prev2 = (c.tokens.0 >= 2).then(|| (ctx.word(c.tokens.0 - 2), ctx.word(c.tokens.0 - 1)));
    let next_word = ctx.word(c.tokens.1);
    let possessive = next_word == "'s" || next_word == "'";
    let same_sent = {
        let qs = tok.sentence_of(if before {
            f.first
        } else {
            f.after.saturating_sub(1)
        });
        tok.sentence_of(c.tokens.0) == qs
    };
    let cue_between = (ga..gb).any(|i| ctx.is_cue(i));
    // "Politifact then ruled", "said on Friday Smith": a cue one word away
    // skip a parenthetical right after the name: "Paul Ryan (R-WI) said"
    let after = match tok.tokens.get(c.tokens.1).map(|t| t.span.text(ctx.text)) {
        Some("(") => (c.tokens.1..(c.tokens.1 + 8).min(tok.tokens.len()))
            .find(|&i| tok.tokens[i].span.text(ctx.text) == ")")
            .map_or(c.tokens.1, |i| i + 1),
        _ => c.tokens.1,
    };
    let cue_next2 = ctx.is_cue(after) || ctx.is_cue(after + 1);
    let cue_prev2 = (1..=2).any(|k| c.tokens.0 >= k && ctx.is_cue(c.tokens.0 - k));
    let sent_start = {
        let s = tok
            .sentences
            .get(tok.sentence_of(c.tokens.0))
            .map_or(0, |s| s.start);
        c.tokens.0 == s
            || (c.tokens.0 == s + 1 && tok.tokens[s].kind == crate::text::TokenKind::Quote)
    };
    let is_prev = f.prev_speaker.is_some_and(|p| {
        p.overlaps(c.span)
            || ctx
                .text
                .get(p.start..p.end)
                .is_some_and(|t| last_word(t) == last_word(c.span.text(ctx.text)))
    });
    // the same strings as before, assembled piece by piece in one reused buffer: no allocation
    // and no formatting machinery per feature (the strings, hence the ids, are unchanged)
    let mut out = Vec::with_capacity(28);
    let mut buf = String::with_capacity(64);
    macro_rules! push {
        ($($part:expr),+ $(,)?) => {{
            buf.clear();
            $(buf.push_str(AsRef::<str>::as_ref(&$part));)+
            out.push(feat(&buf));
        }};
    }
    let tf = |b: bool| if b { "true" } else { "false" };
    let (same, next_cue, prev_cue) = (tf(same_sent), tf(next_cue), tf(prev_cue));
    let (cue_between, cue_next2, cue_prev2) = (tf(cue_between), tf(cue_next2), tf(cue_prev2));
    let (sent_start, is_prev, possessive) = (tf(sent_start), tf(is_prev), tf(possessive));
    let (cue_in_para, prev_near, qstart) = (
        tf(f.cue_in_para),
        tf(f.prev_quote_near),
        tf(f.starts_sentence),
    );
    let rank = ["0", "1", "2", "3", "4"][rank.min(4)];
    let prev1 = if c.tokens.0 > 0 {
        ctx.word(c.tokens.0 - 1)
    } else {
        "<s>".into()
    };
    let next1 = ctx.word(after);
    push!("bias");
    push!("kind=", kind);
    push!("side=", side, "|pd=", pdist);
    push!("side=", side, "|pd=", pdist, "|kind=", kind);
    push!("side=", side, "|same=", same, "|dist=", bucket(gap));
    push!("side=", side, "|sig=", sig);
    push!("side=", side, "|sigc=", sig_coarse);
    push!("side=", side, "|sigc=", sig_coarse, "|kind=", kind);
    push!("nextcue=", next_cue, "|prevcue=", prev_cue, "|side=", side);
    push!("nextcue=", next_cue, "|prevcue=", prev_cue, "|kind=", kind);
    match &prev2 {
        Some((a, b)) => push!("prev2=", a, " ", b),
        None => push!("prev2=", "<s>"),
    }
    push!("prev1=", prev1, "|side=", side);
    push!("next1=", next1, "|side=", side);
    push!("poss=", possessive);
    push!("isprev=", is_prev, "|cue=", cue_in_para, "|pd=", pdist);
    push!("isprev=", is_prev, "|prevnear=", prev_near, "|kind=", kind);
    push!("cue=", cue_in_para, "|pd=", pdist, "|side=", side);
    push!("rank=", rank, "|side=", side, "|kind=", kind);
    push!(
        "rank=",
        rank,
        "|side=",
        side,
        "|nextcue=",
        next_cue,
        "|prevcue=",
        prev_cue
    );
    push!(
        "nextcue=",
        next_cue,
        "|same=",
        same,
        "|side=",
        side,
        "|cuebetween=",
        cue_between
    );
    push!(
        "cuebetween=",
        cue_between,
        "|side=",
        side,
        "|kind=",
        kind,
        "|same=",
        same
    );
    push!(
        "cuenext2=",
        cue_next2,
        "|cueprev2=",
        cue_prev2,
        "|same=",
        same,
        "|side=",
        side
    );
    push!("subj=", sent_start, "|cuenext2=", cue_next2, "|same=", same);
    push!("subj=", sent_start, "|kind=", kind, "|side=", side);
    push!(
        "qsize=", f.size, "|qstart=", qstart, "|side=", side, "|same=", same
    );
    push!(
        "qsize=",
        f.size,
        "|subj=",
        sent_start,
        "|cuenext2=",
        cue_next2,
        "|same=",
        same
    );
    push!("qsize=", f.size, "|sigc=", sig_coarse, "|side=", side);
    out
}

/// For each candidate, how many candidates on the same side of the quote are nearer to it.
pub fn ranks(cands: &[Candidate], q: Span) -> Vec<usize> {
    let dist = |c: &Candidate| {
        if c.span.end <= q.start {
            q.start - c.span.end
        } else {
            c.span.start.saturating_sub(q.end)
        }
    };
    let before = |c: &Candidate| c.span.end <= q.start;
    cands
        .iter()
        .map(|c| {
            cands
                .iter()
                .filter(|o| before(o) == before(c) && dist(o) < dist(c))
                .count()
        })
        .collect()
}

fn last_word(s: &str) -> Cow<'_, str> {
    normal(s.rsplit(' ').next().unwrap_or(s))
}
