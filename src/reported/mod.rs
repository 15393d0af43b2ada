//! Reported speech: attribution relations with or without quotation marks ("The minister said she
//! had asked the mayor whether he would cooperate"): who (source), the words that attribute
//! (cue: "said", "according to", "denied") and what (content).
//!
//! - `features`: what the tagger reads of each token (and, in the second pass, of the first
//!   pass's tags);
//! - `tagger`: the chain of B/I tags of cue, source and content (and L closing a content run),
//!   decoded with Viterbi;
//! - `net`: what scores each token's tags, a small net over hashed features;
//! - `trainer`: the net's training (CRF log-loss), on PolNeAR train's attributions;
//! - here: tagging each stretch of sentences that holds a cue word, twice (the second pass reads
//!   where the first put its cues), and grouping the tagged runs into relations (a content run
//!   joins the nearest cue of its sentence, a cue takes the nearest source of its sentence; a
//!   relation needs a cue word, a colon or a quotation), then merging with the direct quotations:
//!   a relation whose content holds a found quotation takes that quotation's speaker, a
//!   quotation with a cue of its own leaves the reported words before it, and a quotation no
//!   relation holds becomes a relation of its own.
//!
//! This module does not resolve a source to an actor (that is `actors`, as for quotes) and does
//! not find quotations (that is `quotes` and `speakers`).

pub mod features;
pub mod net;
pub mod tagger;
pub mod trainer;

use crate::analysis::{Entity, Mention, MentionKind};
use crate::cues::Cues;
use crate::entities::ModelError;
use crate::speakers::Choice;
use crate::speakers::context::{FUNCTION_WORDS, PRONOUNS, phrase_before};
use crate::speakers::phrase::entity_ending_at;
use crate::text::{Span, TokenKind, TokenRange, Tokenized, normal};
use features::View;
use net::{D, Net, Sum};
use tagger::{Chain, Role, Row, Tag};

pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/reported.bin");

/// The accurate mode's other members (`newslens train reported --member K`), in native builds
/// only: the browser's build ships the one net.
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED_MEMBERS: [&[u8]; 2] = [
    include_bytes!("../../models/reported-2.bin"),
    include_bytes!("../../models/reported-3.bin"),
];

/// The tagger's nets: the shipped one, or in accurate mode that one and two more trained alike
/// with other seeds (an ensemble: their tag scores and transitions are averaged before decoding).
pub struct ReportedModel {
    /// Never empty; the first is the shipped default.
    members: Vec<Net>,
}

impl ReportedModel {
    pub fn from_bytes(b: &[u8]) -> Result<ReportedModel, ModelError> {
        Ok(ReportedModel {
            members: vec![Net::from_bytes(b)?],
        })
    }
    pub fn embedded() -> Result<ReportedModel, ModelError> {
        ReportedModel::from_bytes(EMBEDDED_MODEL)
    }
    /// The embedded net and the embedded other members (`--accurate`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded_accurate() -> Result<ReportedModel, ModelError> {
        let mut m = ReportedModel::embedded()?;
        for b in EMBEDDED_MEMBERS {
            m.add_member(b)?;
        }
        Ok(m)
    }
    /// One more net for the ensemble.
    pub fn add_member(&mut self, b: &[u8]) -> Result<(), ModelError> {
        self.members.push(Net::from_bytes(b)?);
        Ok(())
    }
    pub fn members(&self) -> &[Net] {
        &self.members
    }
}

/// One relation as found, before actors: byte spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The source mention: a name (the entity inside the source phrase), a pronoun, or the
    /// description as a whole.
    pub source: Option<Mention>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
    /// Index of the direct quotation this relation is, if its content holds one.
    pub quote: Option<usize>,
    /// The name a relative-pronoun source follows ("David Reyes, who ... said"): the source as
    /// written stays "who ...", the actor is this name's.
    pub antecedent: Option<Mention>,
}

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

/// Find the relations of a text. `quotes` and `choices` are the quotation stage's output (one
/// choice per quote).
#[allow(clippy::too_many_arguments)]
pub fn find(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    quotes: &[Span],
    choices: &[Choice],
    cues: &Cues,
    model: &ReportedModel,
) -> Vec<Found> {
    let mut view = View::new(text, tok, ents, quotes, cues);
    let tags = tag(&mut view, model.members());
    let mut found = group(text, &view, ents, &runs(&tags));
    // a reported relation needs a cue word or a colon in its cue: the tagger's other cue runs
    // ("could", "on", "restrictions") are mostly noise; a quotation's relation stays (the speaker
    // ranker judges it)
    found.retain(|f| worth_keeping(&view, f, quotes));
    if let Some(h) = headline_claim(text, ents) {
        // the headline's own relation replaces what the tagger found in the same words
        found.retain(|f| !f.content.iter().any(|c| c.overlaps(h.content[0])));
        let at = found.partition_point(|f| {
            f.content
                .first()
                .is_some_and(|c| c.start < h.content[0].start)
        });
        found.insert(at, h);
    }
    merge_quotes(text, tok, &mut found, quotes, choices);
    let turns = transcript_turns(text, tok, ents);
    if !turns.is_empty() {
        // a turn's relation replaces what was found inside its words
        let words: Vec<Span> = turns.iter().map(|t| t.content[0]).collect();
        found.retain(|f| !f.content.iter().any(|c| overlapping(&words, *c).is_some()));
        found.extend(turns);
        found.sort_by_key(|f| f.content.first().map(|c| c.start));
    }
    found
}

/// Interview transcripts (`text::turns`): each turn of a dialogue attributes the rest of its
/// paragraph to its label, with the colon as cue (PolNeAR annotates them so: 10 relations in
/// dev, 12 of the 28 label paragraphs of train). The source is the entity the label names when
/// the entity stage found one there (it reads labels as names), else the label as written.
fn transcript_turns(text: &str, tok: &Tokenized, ents: &[Entity]) -> Vec<Found> {
    crate::text::turns::dialogue(text, tok)
        .into_iter()
        .map(|t| {
            let k = ents.partition_point(|e| e.span.end <= t.label.start);
            let span = ents
                .get(k)
                .filter(|e| e.span.overlaps(t.label))
                .map_or(t.label, |e| e.span);
            Found {
                source: Some(Mention {
                    span,
                    kind: MentionKind::Name,
                }),
                cue: vec![t.colon()],
                content: vec![t.words],
                quote: None,
                antecedent: None,
            }
        })
        .collect()
}

/// "Pence: Gennifer Flowers Won't Be at Debate": a headline (the text's first line, followed by
/// more text) that opens with a name and a colon attributes what follows to that name. The name
/// must be a person or organisation the entity stage found, ending at the colon, in at most five
/// words, so that "The Latest:", "Breaking:" or "Exclusive:" attribute nothing. In PolNeAR train,
/// 72 of 116 headlines of the "Words: claim" shape are such relations; requiring a name is what
/// keeps the labels out.
fn headline_claim(text: &str, ents: &[Entity]) -> Option<Found> {
    let end = text.find('\n')?;
    let line = &text[..end];
    let colon = line.find(": ")?;
    let prefix = &line[..colon];
    if prefix.split_whitespace().count() > 5 || !text[end..].trim().contains(' ') {
        return None;
    }
    let name = ents.iter().take_while(|e| e.span.start < colon).find(|e| {
        e.span.end == colon
            && matches!(
                e.label,
                crate::analysis::Label::Per | crate::analysis::Label::Org
            )
    })?;
    let start = colon + 2;
    let body = line[start..].trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    if body.split_whitespace().count() < 2 {
        return None;
    }
    Some(Found {
        source: Some(Mention {
            span: name.span,
            kind: MentionKind::Name,
        }),
        cue: vec![Span::new(colon, colon + 1)],
        content: vec![Span::new(start, start + body.len())],
        quote: None,
        antecedent: None,
    })
}

/// A relation found by the tagger is kept when its cue holds a cue word or a colon, or its
/// content holds a quotation. (PolNeAR dev: the 185 relations with neither matched gold content at
/// partial precision 44.8 and had the right source in 58% of matches, against 77.1 and 85% for
/// the others.)
fn worth_keeping(view: &View, f: &Found, quotes: &[Span]) -> bool {
    f.cue.iter().any(|c| view.has_cue(view.tok.tokens_of(*c)))
        || f.content.iter().any(|c| overlapping(quotes, *c).is_some())
}

/// The index of a span of `spans` that `c` overlaps, if any (`spans` in text order and not
/// overlapping, as quotations and transcript turns are: the first ending after `c`'s start).
/// O(log n).
fn overlapping(spans: &[Span], c: Span) -> Option<usize> {
    let k = spans.partition_point(|q| q.end <= c.start);
    spans.get(k).filter(|q| q.overlaps(c)).map(|_| k)
}

fn span_of(tok: &Tokenized, r: TokenRange) -> Span {
    Span::new(
        tok.tokens[r.start].span.start,
        tok.tokens[r.end - 1].span.end,
    )
}

/// Relations from tagged runs: each content run joins the nearest cue run of its window's
/// sentence (or the next or previous sentence when its own has none); contents of one cue make
/// one relation; the cue takes the nearest source run of its sentence.
fn group(text: &str, view: &View, ents: &[Entity], runs: &[(Role, TokenRange)]) -> Vec<Found> {
    let tok = view.tok;
    let cues: Vec<TokenRange> = runs
        .iter()
        .filter(|r| r.0 == Role::Cue)
        .map(|r| r.1)
        .collect();
    let sources: Vec<TokenRange> = runs
        .iter()
        .filter(|r| r.0 == Role::Source && could_be_source(text, tok, r.1))
        .map(|r| r.1)
        .collect();
    let para = |i: usize| tok.paragraph_at(tok.tokens[i].span.start);
    // the nearest cue (index into `cues`) of a run: same sentence first, then one sentence away,
    // never another paragraph; runs over a few hundred tokens away are not searched
    let nearest = |r: TokenRange, within: &[TokenRange]| -> Option<usize> {
        let s = tok.sentence_of(r.start);
        let k = within.partition_point(|c| c.start < r.start);
        let lo = k.saturating_sub(4);
        let hi = (k + 4).min(within.len());
        (lo..hi)
            .filter(|&j| para(within[j].start) == para(r.start))
            .map(|j| {
                let c = within[j];
                let cs = tok.sentence_of(c.start);
                let dist = if c.start >= r.end {
                    c.start - r.end
                } else {
                    r.start.saturating_sub(c.end)
                };
                (s.abs_diff(cs), dist, j)
            })
            .filter(|x| x.0 <= 1)
            .min()
            .map(|x| x.2)
    };
    let mut by_cue: Vec<Vec<TokenRange>> = vec![Vec::new(); cues.len()];
    for (role, r) in runs {
        if *role == Role::Content
            && let Some(c) = nearest(*r, &cues)
        {
            by_cue[c].push(*r);
        }
    }
    let mut out = Vec::new();
    for (c, mut contents) in cues.iter().zip(by_cue) {
        // the words before "..., the group says": the whole stretch, also where the tagger
        // gave the cue only part of it
        match fronted_content(text, view, *c) {
            Some(r)
                if contents.first().is_none_or(|x| x.start == r.start)
                    && contents.iter().all(|x| x.end <= r.end) =>
            {
                contents = vec![r];
            }
            _ if contents.is_empty() => continue,
            _ => {}
        }
        let source = nearest(*c, &sources)
            .filter(|&j| tok.sentence_of(sources[j].start) == tok.sentence_of(c.start))
            .map(|j| source_mention(text, tok, ents, sources[j]))
            .or_else(|| {
                let clause = clause_subject(text, tok, ents, *c);
                match (subject_before(text, tok, ents, *c), clause) {
                    // a cue that continues its clause (", hoping ...") belongs to the clause's
                    // subject, not to a name ending the clause ("Clinton set out to energize
                    // the Democratic Party, hoping ...")
                    (Some(b), Some(s)) if s.span.start < b.span.start => Some(s),
                    (b, _) => b,
                }
                .or_else(|| description_before(text, tok, *c))
                .or(clause)
            });
        let source = aside_subject(text, tok, ents, *c, source)
            .or(source)
            .or_else(|| inverted_speaker(text, tok, ents, *c));
        let source = relative_subject(text, tok, *c, source).or(source);
        let source = agent_after(text, tok, ents, *c, &sources).or(source);
        // only a cue with no source yet is searched for one inside it
        let (source, cue) = match source {
            Some(m) => (Some(m), *c),
            None => {
                source_in_cue(text, view, ents, *c).map_or((None, *c), |(m, rest)| (Some(m), rest))
            }
        };
        out.push(Found {
            source,
            cue: vec![span_of(tok, cue)],
            content: contents.iter().map(|r| span_of(tok, *r)).collect(),
            quote: None,
            antecedent: source.and_then(|m| antecedent(text, tok, ents, m.span)),
        });
    }
    out
}

/// "Almost 650 courses have closed since 2006, the group says.": a speech cue ("said", "told",
/// "according to", "wrote", "added", "noted", "tweeted", "reported"; at most three tokens) in the
/// last clause of its sentence attributes the words before that clause's comma (the "known gap"
/// of the model card), where the tagger gave the cue no content or only the first part of them
/// ("Almost 650 courses"). The clause must be short: a source of at
/// most eight tokens, the cue and at most six more without a comma ("the group says", "Carly
/// Fiorina said Monday"), or the cue right after the comma ("..., said Gov. Terry Branstad of
/// Iowa"); it must not open with a conjunction or a relative pronoun ("..., which said", "..., and
/// she said"); the words before hold four tokens or more, and the sentence no quotation (the
/// quotation stage attributes quotations). Sentences over 150 tokens are left alone.
fn fronted_content(text: &str, view: &View, cue: TokenRange) -> Option<TokenRange> {
    const LONGEST_SENTENCE: usize = 150;
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
        "wrote",
        "writes",
        "added",
        "adds",
        "notes",
        "noted",
        "tweeted",
        "reported",
        "reports",
    ];
    const OPENERS: &[&str] = &[
        "who", "which", "that", "and", "but", "or", "as", "while", "when", "if", "because",
        "although", "though", "after", "before", "since", "until", "so", "where", "whom", "whose",
        "what", "how", "why", "even", "then", "not", "nor", "yet",
    ];
    let tok = view.tok;
    let word = |i: usize| tok.tokens[i].span.text(text);
    let is = |i: usize, list: &[&str]| list.contains(&normal(word(i)).as_ref());
    if cue.end - cue.start > 3 || !(cue.start..cue.end).any(|i| is(i, SPEECH)) {
        return None;
    }
    let s = tok.sentences[tok.sentence_of(cue.start)];
    // every scan below stays within the sentence, and a sentence this long is no news sentence
    // (so that a text of one endless "sentence" with many cues costs linear time)
    if s.end - s.start > LONGEST_SENTENCE {
        return None;
    }
    let comma = (s.start.max(cue.start.saturating_sub(9))..cue.start)
        .rev()
        .find(|&i| word(i) == ",")?;
    let subject = cue.start - comma - 1;
    if subject > 0
        && (subject > 8
            || s.end - cue.end > 6
            || is(comma + 1, OPENERS)
            || (cue.end..s.end).any(|i| word(i) == ","))
    {
        return None;
    }
    if comma < s.start + 4 || (s.start..s.end).any(|i| view.quoted(i)) {
        return None;
    }
    Some(TokenRange {
        start: s.start,
        end: comma,
    })
}

/// "Trump, speaking to a veterans group in Virginia, said ...", "Ms. Khan, in an article in The
/// Washington Post, rebuked ...", "Paradis, who has been active in politics since the age of 25,
/// said ...", "Eva Resnick-Day, an activist for Greenpeace, demanded ...": when the cue follows
/// an aside set off by commas that opens with a participle ("speaking", "appearing"; not
/// "including" or "according"), a preposition, a relative pronoun or a determiner (an
/// appositive), and a person or organisation (or a pronoun) ends right before the aside, the
/// source is that name, not a name inside the aside. `chosen` is the source found so far; the
/// rule applies only when it is missing or lies inside the aside.
fn aside_subject(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
    chosen: Option<Mention>,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let close = cue.start.checked_sub(1).filter(|&i| word(i) == ",")?;
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    let open = (first.max(close.saturating_sub(25))..close)
        .rev()
        .find(|&i| word(i) == ",")?;
    if open == first || open + 1 >= close {
        return None;
    }
    let head = word(open + 1);
    let opens_aside = head.ends_with("ing") && !matches!(head, "including" | "according")
        || crate::lexicon::PREPOSITIONS.contains(&head)
        || matches!(head, "who" | "which" | "the" | "a" | "an");
    if !opens_aside || !head.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let phrase = Span::new(tok.tokens[open].span.start, tok.tokens[close].span.end);
    if chosen.is_some_and(|m| !phrase.contains(m.span)) {
        return None;
    }
    // with no name before it, the noun phrase there ("The Obama administration, in an effort
    // to ..., has said"); not before an appositive, which as often opens the sentence's own
    // clause ("In a statement announcing the pick, the union called ..., citing")
    let appositive = matches!(head, "the" | "a" | "an");
    name_or_pronoun_at(text, ents, tok.tokens[open - 1].span).or_else(|| {
        let before = TokenRange {
            start: open,
            end: open + 1,
        };
        (!appositive).then(|| description_before(text, tok, before))?
    })
}

/// "House conservatives who have vehemently opposed it", "Sanders, who endorsed Clinton": a
/// relative pronoun that opens the cue's clause, with only auxiliaries and adverbs between it and
/// the cue, is the source as written (PolNeAR marks it so; its antecedent gives the actor), when
/// the source chosen so far lies before it.
fn relative_subject(
    text: &str,
    tok: &Tokenized,
    cue: TokenRange,
    chosen: Option<Mention>,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    let mut i = cue.start.checked_sub(1)?;
    while i > first && cue.start - i <= 3 && verbish(word(i)) {
        i -= 1;
    }
    if !RELATIVE_PRONOUNS.contains(&word(i)) {
        return None;
    }
    let pronoun = tok.tokens[i].span;
    chosen
        .is_some_and(|m| m.span.end <= pronoun.start)
        .then_some(Mention {
            span: pronoun,
            kind: MentionKind::Description,
        })
}

/// "was quickly dismissed by the media and voters", "according to her lawyers": a cue that
/// ends with "according to", or a passive cue with "by" at or right after its end, names its
/// source after it (PolNeAR marks the agent, not the subject before the cue): a source run the
/// tagger marked there, else a name or pronoun among the next three tokens, else the noun phrase
/// there (up to six words, not across punctuation or a function word) as a description. Not for
/// verbs of feeling ("was impressed by"), whose subject feels.
fn agent_after(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
    sources: &[TokenRange],
) -> Option<Mention> {
    const BE: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];
    let word = |i: usize| tok.tokens[i].span.text(text);
    let end = tok.sentences[tok.sentence_of(cue.start)].end;
    let last = cue.end - 1;
    let according =
        word(last) == "to" && last > cue.start && word(last - 1).eq_ignore_ascii_case("according");
    let passive = (cue.start..cue.end).any(|i| BE.contains(&word(i)))
        && (cue.start..cue.end).any(|i| word(i).ends_with("ed"))
        && !(cue.start..cue.end).any(|i| crate::lexicon::FEELING_VERBS.contains(&word(i)));
    let start = if according || passive && word(last) == "by" {
        cue.end
    } else if passive && cue.end < end && word(cue.end) == "by" {
        cue.end + 1
    } else {
        return None;
    };
    // `sources` are in text order
    let k = sources.partition_point(|r| r.start < start);
    if let Some(r) = sources.get(k).filter(|r| r.start == start) {
        return Some(source_mention(text, tok, ents, *r));
    }
    mention_after(text, tok, ents, start..end)
}

/// The name or pronoun among the first three tokens of `within`, else the noun phrase opening
/// it (up to six words, not across punctuation or a function word) as a description.
fn mention_after(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    within: std::ops::Range<usize>,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let (start, end) = (within.start, within.end);
    let function_word = |i: usize| FUNCTION_WORDS.contains(&word(i).to_lowercase().as_str());
    let words: Vec<usize> = (start..end.min(start + 6))
        .take_while(|&i| tok.tokens[i].kind == TokenKind::Word && (i == start || !function_word(i)))
        .collect();
    if let Some(m) = words
        .iter()
        .take(3)
        .find_map(|&i| name_or_pronoun_at(text, ents, tok.tokens[i].span))
    {
        return Some(m);
    }
    let (&a, &b) = (words.first()?, words.last()?);
    Some(Mention {
        span: span_of(
            tok,
            TokenRange {
                start: a,
                end: b + 1,
            },
        ),
        kind: MentionKind::Description,
    })
}

/// "..., say experts like Paul Bauman": a speech verb right after a comma or a closing quotation
/// mark, with nothing found before it, has its source right after it.
fn inverted_speaker(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let prev = cue.start.checked_sub(1)?;
    let after_comma = word(prev) == "," || tok.tokens[prev].kind == TokenKind::Quote;
    let speech = cue.len() == 1
        && matches!(
            word(cue.start),
            "said"
                | "says"
                | "say"
                | "told"
                | "added"
                | "wrote"
                | "writes"
                | "adds"
                | "noted"
                | "notes"
                | "argued"
                | "argues"
                | "explained"
                | "asked"
        );
    let end = tok.sentences[tok.sentence_of(cue.start)].end;
    (after_comma && speech).then(|| mention_after(text, tok, ents, cue.end..end))?
}

/// "one lawmaker called Trump ...", "researchers disclosed a cache": a cue run that opens with
/// nouns (not cue words, function words, auxiliaries or words in -ly, -ing, -ed) before its first
/// cue word holds its source; the source, and the cue without it. Not an article or a possessive
/// "'s" alone.
fn source_in_cue(
    text: &str,
    view: &View,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<(Mention, TokenRange)> {
    let tok = view.tok;
    let word = |i: usize| tok.tokens[i].span.text(text);
    let nounish = |i: usize| {
        let w = word(i);
        let lower = w.to_lowercase();
        tok.tokens[i].kind == TokenKind::Word
            && !view.has_cue(TokenRange {
                start: i,
                end: i + 1,
            })
            && !FUNCTION_WORDS.contains(&lower.as_str())
            && !crate::lexicon::AUXILIARIES.contains(&lower.as_str())
            && !["ly", "ing", "ed"].iter().any(|x| lower.ends_with(x))
    };
    let split = (cue.start..cue.end).find(|&i| !nounish(i))?;
    if split == cue.start
        || split - cue.start > 4
        || !view.has_cue(TokenRange {
            start: split,
            end: split + 1,
        })
    {
        return None;
    }
    let head = TokenRange {
        start: cue.start,
        end: split,
    };
    // an article or a possessive "'s" alone names no one
    let names_nothing = |i: usize| {
        matches!(word(i).to_lowercase().as_str(), "a" | "an" | "the")
            || word(i).starts_with(['\'', '’'])
    };
    if (head.start..head.end).all(names_nothing) {
        return None;
    }
    let m = (head.start..head.end)
        .find_map(|i| name_or_pronoun_at(text, ents, tok.tokens[i].span))
        .unwrap_or(Mention {
            span: span_of(tok, head),
            kind: MentionKind::Description,
        });
    Some((
        m,
        TokenRange {
            start: split,
            end: cue.end,
        },
    ))
}

/// Relative pronouns that PolNeAR marks as a source as written ("Sanders, who endorsed ...").
const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "that"];

/// How far back from a cue (in tokens) `clause_subject` looks for the opening of its sentence.
const CLAUSE_REACH: usize = 60;

/// When nothing else gives a source and the cue continues a clause ("Rubio has shifted to match
/// the mood, offering ...", "Clinton tried here last week to ... and promised ..."): the name
/// or pronoun that opens the sentence, its subject.
fn clause_subject(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<Mention> {
    let word = |i: usize| tok.tokens[i].span.text(text);
    let prev = cue.start.checked_sub(1)?;
    let head = word(cue.start);
    let continues = matches!(word(prev), "," | "and")
        && (head.ends_with("ing") || word(prev) == "and")
        && head.starts_with(|c: char| c.is_lowercase())
        && !matches!(head, "including" | "according");
    if !continues {
        return None;
    }
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    // a subject further back than CLAUSE_REACH tokens is not looked for (and the time spent on
    // a cue stays bounded however long the sentence)
    if cue.start - first > CLAUSE_REACH
        || (first..cue.start)
            .any(|i| matches!(word(i), ":" | ";") || tok.tokens[i].kind == TokenKind::Quote)
    {
        return None;
    }
    // the subject opens the sentence, after at most one opener ("But", "Likewise,", "More
    // recently,")
    let mut i = first;
    if i + 2 < cue.start && (matches!(word(i), "But" | "And" | "Yet" | "So") || word(i + 1) == ",")
    {
        i += 1 + usize::from(word(i + 1) == ",");
    } else if i + 3 < cue.start
        && word(i + 2) == ","
        && (i..i + 2).all(|j| {
            tok.tokens[j].kind == TokenKind::Word
                && name_or_pronoun_at(text, ents, tok.tokens[j].span).is_none()
        })
    {
        i += 3;
    }
    // "The retired neurosurgeon has provided no details ..., saying": with no name, an article
    // opening a noun phrase of a few words that a verb follows
    let description_at = |i: usize| {
        if !matches!(word(i), "The" | "A" | "An" | "the" | "a" | "an") {
            return None;
        }
        let end = (i + 2..(i + 6).min(prev)).find(|&j| {
            let w = word(j);
            verbish(w) || crate::lexicon::IRREGULAR_PAST.contains(&w)
        })?;
        (i + 1..end)
            .all(|j| tok.tokens[j].kind == TokenKind::Word)
            .then(|| Mention {
                span: span_of(tok, TokenRange { start: i, end }),
                kind: MentionKind::Description,
            })
    };
    // a name or pronoun within the first four words, after capitalised ones only ("Democratic
    // front-runner Hillary Clinton was ..." is not taken: "front-runner" stops it, and neither
    // is "most Clinton allies"), and not a possessive ("Trump's comments") nor a name that
    // modifies a noun ("Obama aides met")
    let subject_at = |i: usize| {
        let Some(m) = (i..(i + 4).min(prev))
            .take_while(|&j| {
                word(j).starts_with(|c: char| c.is_uppercase())
                    || (j == i && PRONOUNS.contains(&word(j)))
            })
            .find_map(|j| name_or_pronoun_at(text, ents, tok.tokens[j].span))
        else {
            return description_at(i);
        };
        let next = tok.tokens.partition_point(|t| t.span.start < m.span.end);
        let after = tok.tokens.get(next).map_or("", |t| t.span.text(text));
        let modifier = matches!(after, "'s" | "’s" | "'" | "’")
            || m.kind == MentionKind::Name
                && after.starts_with(|c: char| c.is_lowercase())
                && !verbish(after)
                && !crate::lexicon::IRREGULAR_PAST.contains(&after);
        (!modifier).then_some(m)
    };
    // after a fronted phrase ("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton
    // tried ..."): the first comma that a subject follows
    let fronted = crate::lexicon::PREPOSITIONS.contains(&word(i).to_lowercase().as_str());
    if fronted {
        (i..prev)
            .filter(|&j| word(j) == ",")
            .find_map(|j| subject_at(j + 1))
    } else {
        subject_at(i)
    }
}

/// A word that can follow a subject as (the start of) its verb: an auxiliary, an adverb, or a
/// verb in -ed ("Rubio has", "Zucker also", "Trump surged"). Not a word in -s: a plural noun
/// ("Obama aides") looks the same as a verb ("Clinton wins"), and taking neither cost nothing on
/// PolNeAR train.
fn verbish(w: &str) -> bool {
    crate::lexicon::AUXILIARIES.contains(&w)
        || matches!(
            w,
            "also" | "then" | "still" | "never" | "once" | "again" | "quickly" | "soon"
        )
        || w.ends_with("ly")
        || w.ends_with("ed")
}

/// The person or organisation whose name holds token `t`, or `t` itself when it is a pronoun.
fn name_or_pronoun_at(text: &str, ents: &[Entity], t: Span) -> Option<Mention> {
    let k = ents.partition_point(|e| e.span.end <= t.start);
    if let Some(e) = ents.get(k).filter(|e| {
        e.span.contains(t)
            && matches!(
                e.label,
                crate::analysis::Label::Per | crate::analysis::Label::Org
            )
    }) {
        return Some(Mention {
            span: e.span,
            kind: MentionKind::Name,
        });
    }
    PRONOUNS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(t.text(text)))
        .then_some(Mention {
            span: t,
            kind: MentionKind::Pronoun,
        })
}

/// Can a tagged source run name someone? Not when every word of it is a function word, an
/// adverb in -ly or a verb in -ing ("or", "but", "optimistically", "taking"): such a run is the
/// tagger's mistake, and the fallbacks choose instead. Possessives stay (PolNeAR marks "his" in
/// "his criticism of"), and so do numbers ("47%" of a poll).
fn could_be_source(text: &str, tok: &Tokenized, r: TokenRange) -> bool {
    const NOT_A_NAME: &[&str] = &[
        "and", "or", "but", "nor", "when", "while", "whether", "if", "because", "as", "rather",
        "then", "so", "also", "even", "just", "only", "still", "yet", "not", "no", "since",
        "until",
    ];
    (r.start..r.end).any(|i| {
        let t = tok.tokens[i];
        let w = t.span.text(text);
        t.kind == TokenKind::Number
            || t.kind == TokenKind::Word
                && (w.starts_with(char::is_uppercase)
                    || !(NOT_A_NAME.contains(&w)
                        || crate::lexicon::PREPOSITIONS.contains(&w)
                        || (w.len() > 4 && (w.ends_with("ly") || w.ends_with("ing")))))
    })
}

/// When the tagger marked no source: the name or pronoun just before the cue in its sentence
/// ("Stumpf tried on Tuesday to make the case that ..."), at most 8 tokens back, not across a
/// full stop, colon or quotation mark.
fn subject_before(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    cue: TokenRange,
) -> Option<Mention> {
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    for i in (first.max(cue.start.saturating_sub(8))..cue.start).rev() {
        let t = tok.tokens[i];
        if matches!(t.kind, TokenKind::Quote)
            || matches!(t.span.text(text), "." | ":" | ";" | "!" | "?")
        {
            return None;
        }
        if let Some(m) = name_or_pronoun_at(text, ents, t.span) {
            return Some(m);
        }
        // "Mr. Obama, who understood that ...": the relative pronoun right before the cue is the
        // source as written (its antecedent gives the actor); not "which state media claimed",
        // nor across a clause ("Britain, which has a large army, blocked ...")
        if matches!(t.span.text(text), "who" | "which")
            && cue.start - i <= 3
            && (i + 1..cue.start).all(|j| tok.text_of(text, j) != ",")
            && !(i + 1..cue.start).any(|j| {
                let w = tok.tokens[j].span.text(text);
                w.starts_with(char::is_uppercase) || matches!(w, "the" | "a" | "an")
            })
        {
            return Some(Mention {
                span: t.span,
                kind: MentionKind::Description,
            });
        }
    }
    None
}

/// When neither the tagger nor `subject_before` finds a source: the noun phrase that ends right
/// before the cue ("an arbitration panel found", "administrators decided"), as a description.
fn description_before(text: &str, tok: &Tokenized, cue: TokenRange) -> Option<Mention> {
    let first = tok.sentences[tok.sentence_of(cue.start)].start;
    let (a, b) = phrase_before(text, tok, cue.start, first.max(cue.start.saturating_sub(8)))?;
    Some(Mention {
        span: span_of(tok, TokenRange { start: a, end: b }),
        kind: MentionKind::Description,
    })
}

/// "David Reyes, who voted against the plan, said ...": for a source that opens with a relative
/// pronoun, the name just before it (and its comma).
fn antecedent(text: &str, tok: &Tokenized, ents: &[Entity], source: Span) -> Option<Mention> {
    let first = tok.tokens.partition_point(|t| t.span.start < source.start);
    if !RELATIVE_PRONOUNS.contains(&tok.tokens.get(first)?.span.text(text)) {
        return None;
    }
    let mut before = first.checked_sub(1)?;
    if tok.text_of(text, before) == "," {
        before = before.checked_sub(1)?;
    }
    entity_ending_at(ents, tok.tokens[before].span.end).map(|e| Mention {
        span: e.span,
        kind: MentionKind::Name,
    })
}

/// For a source that is a bare relative pronoun ("who" in "Republican leaders who have opposed
/// the plan"), what it stands for, for readers: the name before it (`antecedent`), else the noun
/// phrase before it ("leaders"). The source as written stays the pronoun (PolNeAR's, and
/// `score.py`'s, notion of the source).
pub fn refers_to(text: &str, tok: &Tokenized, ents: &[Entity], source: Span) -> Option<Mention> {
    let first = tok.tokens.partition_point(|t| t.span.start < source.start);
    let t = tok.tokens.get(first)?;
    if t.span != source || !RELATIVE_PRONOUNS.contains(&t.span.text(text)) {
        return None;
    }
    antecedent(text, tok, ents, source).or_else(|| {
        let end = match first.checked_sub(1)? {
            c if tok.text_of(text, c) == "," => c,
            _ => first,
        };
        let lo = tok.sentences[tok.sentence_of(first)].start;
        let (a, b) = phrase_before(text, tok, end, lo.max(end.saturating_sub(8)))?;
        Some(Mention {
            span: span_of(tok, TokenRange { start: a, end: b }),
            kind: MentionKind::Description,
        })
    })
}

/// What a source run names: a pronoun, the first person (else the first entity) inside it, or
/// the run as a description.
fn source_mention(text: &str, tok: &Tokenized, ents: &[Entity], r: TokenRange) -> Mention {
    let span = span_of(tok, r);
    if r.len() == 1
        && PRONOUNS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(span.text(text)))
    {
        return Mention {
            span,
            kind: MentionKind::Pronoun,
        };
    }
    let lo = ents.partition_point(|e| e.span.start < span.start);
    let inside = ents[lo..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .filter(|e| span.contains(e.span));
    let named = inside
        .clone()
        .find(|e| e.label == crate::analysis::Label::Per)
        .or_else(|| inside.clone().next());
    match named {
        Some(e) => Mention {
            span: e.span,
            kind: MentionKind::Name,
        },
        None => Mention {
            span,
            kind: MentionKind::Description,
        },
    }
}

/// "“I don't see details,” she said after reading the outline": a relation whose pieces before
/// its cue are all quotations and whose pieces after it are none holds the quotation only; a
/// "that" clause after the cue becomes a relation of the same source and cue. (In PolNeAR dev,
/// 36 of 39 such pairs belong to two relations, or the words after the cue to none.)
fn split_quotation_from_what_follows(
    text: &str,
    found: &mut Vec<Found>,
    is_quotation: &impl Fn(&Span) -> bool,
) {
    let mut out = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let Some(cue) = f.cue.first().copied() else {
            out.push(f);
            continue;
        };
        let (before, after): (Vec<Span>, Vec<Span>) =
            f.content.iter().partition(|c| c.end <= cue.start);
        if before.is_empty()
            || after.is_empty()
            || !before.iter().all(is_quotation)
            || after.iter().any(is_quotation)
        {
            out.push(f);
            continue;
        }
        out.push(Found {
            content: before,
            ..f.clone()
        });
        // a "that" clause after the cue is a relation of its own; other words there ("she said
        // after reading the outline", "several months after her release") are circumstances
        let clause = after[0].text(text).split_whitespace().next() == Some("that");
        if clause {
            out.push(Found {
                content: after,
                ..f
            });
        }
    }
    *found = out;
}

/// Direct quotations are relations too: a relation whose content holds a quotation takes the
/// quotation's speaker (the speaker ranker is the better judge) and cue when it has none; a
/// quotation no relation holds becomes one. Output in text order.
fn merge_quotes(
    text: &str,
    tok: &Tokenized,
    found: &mut Vec<Found>,
    quotes: &[Span],
    choices: &[Choice],
) {
    let is_quotation = |c: &Span| overlapping(quotes, *c).is_some();
    split_quotation_from_what_follows(text, found, &is_quotation);
    split_quotations_with_their_own_cue(found, quotes, choices);
    let mut held = vec![false; quotes.len()];
    for f in found.iter_mut() {
        let inside: Vec<usize> = f
            .content
            .iter()
            .filter_map(|c| overlapping(quotes, *c))
            .collect();
        let Some(&qi) = inside.first() else {
            continue;
        };
        for k in inside {
            held[k] = true;
        }
        f.quote = Some(qi);
        if let Some(ch) = choices.get(qi)
            && ch.speaker.is_some()
        {
            f.source = ch.speaker;
        }
    }
    let mut own: Vec<Found> = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if held[qi] {
            continue;
        }
        let ch = choices.get(qi);
        own.push(Found {
            source: ch.and_then(|c| c.speaker),
            cue: ch.and_then(|c| c.cue).into_iter().collect(),
            content: vec![*q],
            quote: Some(qi),
            antecedent: None,
        });
    }
    found.extend(own);
    found.sort_by_key(|f| f.content.first().map(|c| c.start));
    // "“A,” he said. “B.”": a quotation that continues the previous relation's words (same
    // paragraph, the same source mention) is another piece of that relation's content
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        let continues = out.last().is_some_and(|p| {
            f.quote.is_some()
                && f.source.is_some()
                && p.content.last().is_some_and(&is_quotation)
                && p.source.map(|m| m.span) == f.source.map(|m| m.span)
                && match (p.content.last(), f.content.first()) {
                    (Some(a), Some(b)) => tok.paragraph_at(a.start) == tok.paragraph_at(b.start),
                    _ => false,
                }
        });
        if continues && let Some(p) = out.last_mut() {
            p.content.extend(f.content);
            continue;
        }
        out.push(f);
    }
    *found = out;
}

/// Reported words and a quotation after them with a cue of its own ("Rendell said it would be
/// easier .... “A gas tax increase would cost ...,” he said.") are two relations, not one with
/// two pieces: the quotation leaves the relation and becomes its own, with its speaker and cue.
fn split_quotations_with_their_own_cue(
    found: &mut Vec<Found>,
    quotes: &[Span],
    choices: &[Choice],
) {
    let mut out = Vec::new();
    for f in found.iter_mut() {
        if f.content.len() < 2 {
            continue;
        }
        // each piece with the ranker's choice for its quotation, when that cue is not ours
        let own: Vec<Option<&Choice>> = f
            .content
            .iter()
            .map(|c| {
                overlapping(quotes, *c)
                    .and_then(|qi| choices.get(qi))
                    .filter(|ch| {
                        ch.cue
                            .is_some_and(|cue| !f.cue.iter().any(|fc| fc.overlaps(cue)))
                    })
            })
            .collect();
        if own.iter().all(Option::is_some) || own.iter().all(Option::is_none) {
            continue;
        }
        let pieces = std::mem::take(&mut f.content);
        for (c, ch) in pieces.into_iter().zip(own) {
            match ch {
                None => f.content.push(c),
                Some(ch) => out.push(Found {
                    source: ch.speaker,
                    cue: ch.cue.into_iter().collect(),
                    content: vec![c],
                    quote: None,
                    antecedent: None,
                }),
            }
        }
    }
    found.extend(out);
}

#[cfg(test)]
mod tests {
    use super::{Found, Role, headline_claim};
    use crate::analysis::{Entity, Label, Mention, MentionKind};
    use crate::speakers::Choice;
    use crate::text::Span;
    use crate::{Models, analyze_with};

    /// The entity of `label` at the first occurrence of `name` in `text`.
    fn ent(text: &str, name: &str, label: Label) -> Entity {
        let s = text.find(name).unwrap();
        Entity {
            span: Span::new(s, s + name.len()),
            label,
        }
    }

    #[test]
    fn a_headline_opening_with_a_name_and_a_colon_attributes_what_follows() {
        let text = "Pence: Flowers Won’t Be at Debate.\n\nThe governor spoke on Sunday.";
        let h = headline_claim(text, &[ent(text, "Pence", Label::Per)]).unwrap();
        assert_eq!(h.source.unwrap().span.text(text), "Pence");
        assert_eq!(h.cue[0].text(text), ":");
        assert_eq!(h.content[0].text(text), "Flowers Won’t Be at Debate");
        // a label before the colon, no name: nothing
        let text = "The Latest: Trump urges supporters to vote\n\nMore text follows here.";
        assert_eq!(
            headline_claim(text, &[ent(text, "Trump", Label::Per)]),
            None
        );
        // a place is no source; a lone line is no headline
        let text = "Ohio: Voters Head to the Polls\n\nMore text follows here.";
        assert_eq!(headline_claim(text, &[ent(text, "Ohio", Label::Loc)]), None);
        let text = "Pence: Flowers Won’t Be at Debate.";
        assert_eq!(
            headline_claim(text, &[ent(text, "Pence", Label::Per)]),
            None
        );
    }

    /// (source, cue, content pieces) of each relation, as text.
    fn relations(text: &str) -> Vec<(String, String, Vec<String>)> {
        let m = Models::embedded().unwrap();
        let a = analyze_with(text, &m).unwrap();
        a.attributions
            .iter()
            .map(|r| {
                (
                    r.source
                        .map_or(String::new(), |s| s.span.text(text).to_string()),
                    r.cue
                        .iter()
                        .map(|c| c.text(text))
                        .collect::<Vec<_>>()
                        .join(" "),
                    r.content.iter().map(|c| c.text(text).to_string()).collect(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, Vec<String>) {
        let r = relations(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r.into_iter().next().unwrap()
    }

    #[test]
    fn each_turn_of_a_transcript_is_a_relation_of_its_speaker() {
        let text = "The senator spoke to the host on Sunday. A partial transcript follows.\n\n\
                    \"DALTON: Will you vote for the bill, senator?\n\n\
                    \"OKAFOR: Well, I said so last week, and I said why.\n\n\
                    \"DALTON: And the others?\n\n\
                    \"OKAFOR: They will decide for themselves.\"\n";
        let r = relations(text);
        let turns: Vec<(&str, &str, &str)> = r
            .iter()
            .filter(|(_, c, _)| c == ":")
            .map(|(s, c, x)| (s.as_str(), c.as_str(), x[0].as_str()))
            .collect();
        assert_eq!(
            turns,
            [
                ("DALTON", ":", "Will you vote for the bill, senator?"),
                ("OKAFOR", ":", "Well, I said so last week, and I said why."),
                ("DALTON", ":", "And the others?"),
                ("OKAFOR", ":", "They will decide for themselves."),
            ],
            "{r:?}"
        );
        // no relation found inside a turn's words survives beside it
        assert_eq!(r.len(), 4, "{r:?}");
        // the labels are people, and the speakers' actors
        let m = Models::embedded().unwrap();
        let a = analyze_with(text, &m).unwrap();
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert!(
            names.contains(&"DALTON") && names.contains(&"OKAFOR"),
            "{names:?}"
        );
        assert!(a.attributions.iter().all(|x| x.actor.is_some()));
        // "Well," opening a turn is no name
        assert!(!a.entities.iter().any(|e| e.span.text(text) == "Well"));
    }

    #[test]
    fn an_aside_before_the_cue_does_not_hold_the_source() {
        use super::aside_subject;
        let case = |text: &str, names: &[(&str, Label)], chosen: Option<&str>| {
            let tok = crate::text::tokens::analyze_text(text);
            let ents: Vec<Entity> = names.iter().map(|(n, l)| ent(text, n, *l)).collect();
            let cue = tok
                .tokens
                .iter()
                .position(|t| t.span.text(text) == "said")
                .unwrap();
            let chosen = chosen.map(|n| Mention {
                span: ent(text, n, Label::Loc).span,
                kind: MentionKind::Name,
            });
            let range = crate::text::TokenRange {
                start: cue,
                end: cue + 1,
            };
            aside_subject(text, &tok, &ents, range, chosen).map(|m| m.span.text(text).to_string())
        };
        let text = "Trump, speaking to a veterans group in Virginia, said he would act.";
        let names = [("Trump", Label::Per), ("Virginia", Label::Loc)];
        // a source inside the phrase, or none, gives way to the name before it
        assert_eq!(
            case(text, &names, Some("Virginia")).as_deref(),
            Some("Trump")
        );
        assert_eq!(case(text, &names, None).as_deref(), Some("Trump"));
        // a source outside the phrase stays
        let text2 = "Aides to Trump, speaking in Virginia, said he would act.";
        assert_eq!(case(text2, &[("Trump", Label::Per)], Some("Aides")), None);
        // "including" and "according" phrases, and phrases after a place, are left alone
        let text3 = "Unions, including the AFT, said the deal was fair.";
        assert_eq!(case(text3, &[("AFT", Label::Org)], Some("AFT")), None);
        let text4 = "In Ohio, speaking to reporters, said the aide.";
        assert_eq!(case(text4, &[("Ohio", Label::Loc)], None), None);
        // a pronoun before the phrase is the source too
        let text5 = "She, appearing with Ruiz, said the plan would fail.";
        assert_eq!(
            case(text5, &[("Ruiz", Label::Per)], Some("Ruiz")).as_deref(),
            Some("She")
        );
        // an aside opening with a preposition or a relative pronoun
        let names6 = [("Ms. Okafor", Label::Per), ("Tribune", Label::Org)];
        let text6 = "Ms. Okafor, in an article in the Tribune, said the plan would fail.";
        assert_eq!(
            case(text6, &names6, Some("Tribune")).as_deref(),
            Some("Ms. Okafor")
        );
        let text7 = "Ms. Okafor, who writes for the Tribune, said the plan would fail.";
        assert_eq!(
            case(text7, &names6, Some("Tribune")).as_deref(),
            Some("Ms. Okafor")
        );
        // an appositive is an aside too
        let text9 = "Ms. Okafor, a columnist at the Tribune, said the plan would fail.";
        assert_eq!(
            case(text9, &names6, Some("Tribune")).as_deref(),
            Some("Ms. Okafor")
        );
        // a clause that is no aside ("and ...") is left alone
        let text8 = "Ms. Okafor, and the Tribune, said the plan would fail.";
        assert_eq!(case(text8, &names6, Some("Tribune")), None);
        // no name before the aside: the noun phrase there, as a description
        let text10 = "The young candidates, for whom Ohio matters, said the plan would fail.";
        let ohio = [("Ohio", Label::Loc)];
        assert_eq!(
            case(text10, &ohio, Some("Ohio")).as_deref(),
            Some("The young candidates")
        );
        assert_eq!(
            case(text10, &ohio, None).as_deref(),
            Some("The young candidates")
        );
    }

    /// A passive cue ("was criticized by") or "according to" takes the source after it: a name,
    /// else the noun phrase there; a verb of feeling ("was impressed by") does not.
    #[test]
    fn a_passive_or_according_to_cue_names_its_source_after_it() {
        let agent = |t: &str, names: &[&str], cue: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
            super::agent_after(t, &tok, &ents, tok.tokens_of(at(t, cue)), &[])
                .map(|m| m.span.text(t).to_string())
        };
        let t = "Ortiz was sharply criticized by the local union leaders for the plan.";
        assert_eq!(
            agent(t, &["Ortiz"], "was sharply criticized").as_deref(),
            Some("the local union leaders")
        );
        assert_eq!(
            agent(t, &["Ortiz"], "was sharply criticized by").as_deref(),
            Some("the local union leaders")
        );
        let t = "The plan was rejected by Senator Lee on Monday.";
        assert_eq!(
            agent(t, &["Senator Lee"], "was rejected").as_deref(),
            Some("Senator Lee")
        );
        let t = "According to Ortiz, the plan failed.";
        assert_eq!(
            agent(t, &["Ortiz"], "According to").as_deref(),
            Some("Ortiz")
        );
        // a verb of feeling, an active cue, a passive with no agent: nothing
        let t = "Neither man was impressed by Ortiz on Monday.";
        assert_eq!(agent(t, &["Ortiz"], "was impressed"), None);
        let t = "Ortiz criticized the plan by the river.";
        assert_eq!(agent(t, &["Ortiz"], "criticized"), None);
        let t = "Ortiz was criticized for the plan.";
        assert_eq!(agent(t, &["Ortiz"], "was criticized"), None);
    }

    /// "..., say experts like Ana Ortiz": a speech verb after a comma or a closing quotation
    /// mark has its source after it; not a speech verb that follows its subject.
    #[test]
    fn an_inverted_speech_verb_has_its_source_after_it() {
        let speaker = |t: &str, names: &[&str], cue: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
            super::inverted_speaker(t, &tok, &ents, tok.tokens_of(at(t, cue)))
                .map(|m| m.span.text(t).to_string())
        };
        let t = "Part of the problem, say experts like Ana Ortiz, is the soft ground.";
        assert_eq!(
            speaker(t, &["Ana Ortiz"], "say").as_deref(),
            Some("Ana Ortiz")
        );
        let t = "\u{201c}It failed,\u{201d} said one senior official on Monday.";
        assert_eq!(
            speaker(t, &[], "said").as_deref(),
            Some("one senior official")
        );
        let t = "Experts say the ground is soft.";
        assert_eq!(speaker(t, &[], "say"), None);
    }

    /// A cue run that opens with a noun before its cue word ("researchers disclosed") holds the
    /// source, and the cue is the rest; an article alone ("An argument about") names no one.
    #[test]
    fn a_noun_opening_the_cue_run_is_its_source() {
        let t = "In 2000, researchers disclosed a cache of documents. An argument about the plan \
                 followed.";
        let tok = crate::text::tokens::analyze_text(t);
        let cues = crate::cues::Cues::embedded();
        let view = super::features::View::new(t, &tok, &[], &[], &cues);
        let run = |w: &str| tok.tokens_of(at(t, w));
        let found = |cue: &str, content: &str| {
            let runs = [(Role::Cue, run(cue)), (Role::Content, run(content))];
            let f = super::group(t, &view, &[], &runs).remove(0);
            (
                f.source.map(|m| m.span.text(t).to_string()),
                f.cue[0].text(t).to_string(),
            )
        };
        assert_eq!(
            found("researchers disclosed", "a cache of documents"),
            (Some("researchers".to_string()), "disclosed".to_string())
        );
        assert_eq!(
            found("An argument about", "the plan"),
            (None, "An argument about".to_string())
        );
    }

    #[test]
    fn a_relative_pronoun_opening_the_cues_clause_is_the_source() {
        use super::relative_subject;
        let case = |text: &str, cue: &str, chosen: &str| {
            let tok = crate::text::tokens::analyze_text(text);
            let start = tok
                .tokens
                .iter()
                .position(|t| t.span.text(text) == cue)
                .unwrap();
            let s = text.find(chosen).unwrap();
            let chosen = Mention {
                span: Span::new(s, s + chosen.len()),
                kind: MentionKind::Name,
            };
            let range = crate::text::TokenRange {
                start,
                end: start + 1,
            };
            relative_subject(text, &tok, range, Some(chosen)).map(|m| m.span.text(text).to_string())
        };
        let text = "House members who have vehemently opposed the bill met on Monday.";
        assert_eq!(case(text, "opposed", "House").as_deref(), Some("who"));
        let text = "The poll by Quinnipiac that showed a tie was cited.";
        assert_eq!(case(text, "showed", "Quinnipiac").as_deref(), Some("that"));
        // a subject between the pronoun and the cue ("that voters believe"), or a chosen source
        // after the pronoun, leaves the source alone
        let text = "Polls by Gallup show that voters believe the economy is weak.";
        assert_eq!(case(text, "believe", "Gallup"), None);
        let text = "Those who Lopez said were absent came later.";
        assert_eq!(case(text, "said", "Lopez"), None);
    }

    #[test]
    fn content_after_the_cue() {
        let (s, c, x) =
            one("The minister said she had asked the mayor whether he would cooperate.");
        assert_eq!((s.as_str(), c.as_str()), ("The minister", "said"));
        assert_eq!(x, ["she had asked the mayor whether he would cooperate"]);
    }

    #[test]
    fn content_before_the_cue() {
        let (s, c, x) = one("The plan will cost jobs, the union said.");
        assert_eq!((s.as_str(), c.as_str()), ("the union", "said"));
        assert_eq!(x, ["The plan will cost jobs"]);
    }

    #[test]
    fn according_to() {
        let (s, c, x) = one("Inflation will rise, according to the central bank.");
        assert_eq!(
            (s.as_str(), c.as_str()),
            ("the central bank", "according to")
        );
        assert_eq!(x, ["Inflation will rise"]);
    }

    #[test]
    fn a_noun_cue() {
        let (_, c, x) =
            one("The company's claim that the product was safe drew criticism from regulators.");
        assert_eq!(c, "claim");
        assert!(x[0].starts_with("that the product was safe"), "{x:?}");
    }

    #[test]
    fn a_negated_cue_and_a_name_as_source() {
        let (s, c, x) = one("Governor Tom Reed did not say whether he would sign the bill.");
        assert_eq!((s.as_str(), c.as_str()), ("Tom Reed", "did not say"));
        assert_eq!(x, ["whether he would sign the bill"]);
        let (s, c, _) = one("Senator Maria Lopez denied that her office had received the letter.");
        assert_eq!((s.as_str(), c.as_str()), ("Maria Lopez", "denied"));
    }

    #[test]
    fn a_relative_clause_between_name_and_cue_keeps_the_name_as_actor() {
        let t = "Councilman David Reyes, who voted against the plan, said the city had not studied the shade.";
        let m = Models::embedded().unwrap();
        let a = analyze_with(t, &m).unwrap();
        let r = &a.attributions[0];
        // the source as written is the name or the relative clause ("who ..."); the actor is the
        // name's either way
        let src = r.source.unwrap().span.text(t);
        assert!(src == "David Reyes" || src.starts_with("who"), "{r:?}");
        let actor = &a.actors[r.actor.expect("an actor").0 as usize];
        assert_eq!(actor.name, "David Reyes");
    }

    #[test]
    fn a_relative_pronoun_source_refers_to_the_name_or_phrase_before_it() {
        let refers = |t: &str, names: &[&str], source: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
            let s = t.find(source).unwrap();
            super::refers_to(t, &tok, &ents, Span::new(s, s + source.len()))
                .map(|m| (m.span.text(t).to_string(), m.kind))
        };
        let t = "Senator Maria Lopez, who opposed the plan, spoke.";
        assert_eq!(
            refers(t, &["Maria Lopez"], "who"),
            Some(("Maria Lopez".into(), MentionKind::Name))
        );
        let t = "Republican leaders who have opposed the plan met.";
        assert_eq!(
            refers(t, &[], "who"),
            Some(("leaders".into(), MentionKind::Description))
        );
        // a source that is no bare relative pronoun refers to nothing more
        assert_eq!(refers(t, &[], "Republican leaders"), None);
        let t = "Who opposed the plan?";
        assert_eq!(refers(t, &[], "Who"), None);
    }

    #[test]
    fn a_relative_pronoun_source_has_the_name_before_it_as_antecedent() {
        let t = "Councilman David Reyes, who voted against the plan, said so.";
        let tok = crate::text::tokens::analyze_text(t);
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let ents = [Entity {
            span: at("David Reyes"),
            label: Label::Per,
        }];
        let m = super::antecedent(t, &tok, &ents, at("who voted against the plan")).unwrap();
        assert_eq!(m.span.text(t), "David Reyes");
        // a source that is no relative pronoun has none
        assert_eq!(super::antecedent(t, &tok, &ents, at("the plan")), None);
    }

    #[test]
    fn a_quotation_keeps_its_own_words_not_what_follows_its_cue() {
        let t = "“I don’t see details about who is left out,” she said after reading the outline.";
        let (s, _, x) = one(t);
        assert_eq!(s, "she");
        assert_eq!(x, ["“I don’t see details about who is left out,”"]);
    }

    #[test]
    fn a_that_clause_after_a_quotation_cue_is_a_relation_of_its_own() {
        let t = "“We do not see a link to terrorism,” the mayor said, adding that it would take hours before details emerge.";
        let r = relations(t);
        let contents: Vec<&str> = r.iter().map(|x| x.2[0].as_str()).collect();
        assert!(
            contents.contains(&"“We do not see a link to terrorism,”"),
            "{r:?}"
        );
        assert!(r.iter().all(|x| x.2.len() == 1), "{r:?}");
    }

    #[test]
    fn a_relation_needs_a_cue_word_a_colon_or_a_quotation() {
        let t = "Taxes could rise. Lee said “no” to it: all of it.";
        let tok = crate::text::tokens::analyze_text(t);
        let cues = crate::cues::Cues::embedded();
        let quotes = [at(t, "“no”")];
        let view = super::features::View::new(t, &tok, &[], &quotes, &cues);
        let rel = |cue: &str, content: &str| Found {
            source: None,
            cue: vec![at(t, cue)],
            content: vec![at(t, content)],
            quote: None,
            antecedent: None,
        };
        assert!(!super::worth_keeping(&view, &rel("could", "rise"), &quotes));
        assert!(super::worth_keeping(&view, &rel("said", "rise"), &quotes));
        assert!(super::worth_keeping(&view, &rel(":", "all of it"), &quotes));
        assert!(super::worth_keeping(&view, &rel("to", "“no”"), &quotes));
    }

    /// A tagged source run of function words, -ly adverbs or -ing verbs names no one; names,
    /// nouns, numbers ("47%" of a poll) and possessives ("his" in "his criticism of") can.
    #[test]
    fn a_source_run_must_be_able_to_name_someone() {
        let t = "Rubio, but optimistically, or taking it in stride, his critics and 47% of voters.";
        let tok = crate::text::tokens::analyze_text(t);
        let run = |w: &str| tok.tokens_of(at(t, w));
        for w in ["but", "optimistically", "or taking", "in"] {
            assert!(!super::could_be_source(t, &tok, run(w)), "{w}");
        }
        for w in ["Rubio", "his", "critics", "47", "or taking it"] {
            assert!(super::could_be_source(t, &tok, run(w)), "{w}");
        }
    }

    /// `clause_subject` for the cue word `cue` of `t`, with the first occurrence of each of
    /// `names` found as a person.
    fn clause_subject_of<'a>(t: &'a str, names: &[&str], cue: &str) -> Option<&'a str> {
        let tok = crate::text::tokens::analyze_text(t);
        let ents: Vec<Entity> = names.iter().map(|n| ent(t, n, Label::Per)).collect();
        super::clause_subject(t, &tok, &ents, tok.tokens_of(at(t, cue))).map(|m| m.span.text(t))
    }

    /// A cue continuing its clause ("..., offering", "... and promised") with no source near it
    /// takes the name or pronoun that opens the sentence; not a possessive or a name that
    /// modifies a noun, nor a cue that opens a clause of its own.
    #[test]
    fn a_continuing_cue_takes_the_sentence_subject() {
        let t = "Rubio has shifted to match the mood, offering a plan. Likewise, she tried and \
                 promised more. Trump's remarks drew fire, prompting a reply. Obama aides met \
                 Tuesday, saying little. Rubio spoke. Critics said it failed. Likewise, Lee \
                 went after them and called for calm.";
        let subject = |w: &str| clause_subject_of(t, &["Rubio", "Trump", "Obama", "Lee"], w);
        assert_eq!(subject("offering"), Some("Rubio"));
        assert_eq!(subject("promised"), Some("she"));
        assert_eq!(subject("prompting"), None);
        assert_eq!(subject("saying"), None);
        assert_eq!(subject("failed"), None);
        // an irregular past verb after the name shows it is the subject, as "-ed" does
        assert_eq!(subject("called"), Some("Lee"));
        // with no name, a noun phrase opening with an article that a verb follows
        let t = "The retired surgeon has given no details, saying little. The plan for the new tax \
                 on drinks failed, prompting a reply. The city of Reno, the state and its counties met, \
                 urging calm.";
        let subject = |w: &str| clause_subject_of(t, &[], w);
        assert_eq!(subject("saying"), Some("The retired surgeon"));
        // an opener of two words and a comma ("More recently,"), not a name and its comma
        let t2 = "More recently, Ortiz has changed course, urging calm. Mr. Lee, in a long \
                  speech, spoke for an hour, criticizing the plan.";
        let subject2 = |w: &str| clause_subject_of(t2, &["Ortiz", "Mr. Lee"], w);
        assert_eq!(subject2("urging"), Some("Ortiz"));
        assert_eq!(subject2("criticizing"), Some("Mr. Lee"));
        assert_eq!(subject("prompting"), None);
        assert_eq!(subject("urging"), None);
    }

    /// After a fronted phrase ("At a rally in Ames, Iowa, on Sunday, ..."), the subject is the
    /// name after the comma that closes it, not a name inside it.
    #[test]
    fn a_fronted_phrase_is_skipped_to_find_the_subject() {
        let t = "At a rally in Ames, Iowa, on Sunday, Ortiz tried to explain, saying more. \
                 With Okafor, Lee left early, adding little.";
        let subject = |w: &str| clause_subject_of(t, &["Ortiz", "Okafor", "Lee"], w);
        assert_eq!(subject("saying"), Some("Ortiz"));
        assert_eq!(subject("adding"), Some("Lee"));
    }

    /// `clause_subject` looks back at most `CLAUSE_REACH` tokens, so that a cue in an endless
    /// sentence costs a bounded time.
    #[test]
    fn a_subject_too_far_back_is_not_looked_for() {
        let near = "Ortiz worked for the union, saying more.".to_string();
        let far = format!(
            "Ortiz worked for the union{}, saying more.",
            " and the city".repeat(25)
        );
        assert_eq!(
            clause_subject_of(&near, &["Ortiz"], "saying"),
            Some("Ortiz")
        );
        assert_eq!(clause_subject_of(&far, &["Ortiz"], "saying"), None);
    }

    /// A cue continuing its clause after a comma, with no source tagged, belongs to the
    /// clause's subject, not to the name that ends the clause before the comma; a tagged source
    /// stays.
    #[test]
    fn a_continuing_cue_skips_the_name_ending_its_clause() {
        let t = "Maria Ortiz worked for months to win over the Teamsters Union, hoping that the \
                 drivers would back her plan.";
        let tok = crate::text::tokens::analyze_text(t);
        let cues = crate::cues::Cues::embedded();
        let ents = [
            ent(t, "Maria Ortiz", Label::Per),
            ent(t, "Teamsters Union", Label::Org),
        ];
        let view = super::features::View::new(t, &tok, &ents, &[], &cues);
        let run = |w: &str| tok.tokens_of(at(t, w));
        let mut runs = vec![
            (Role::Cue, run("hoping")),
            (Role::Content, run("that the drivers would back her plan")),
        ];
        let source = |runs: &[(Role, crate::text::TokenRange)]| {
            let found = super::group(t, &view, &ents, runs);
            found[0].source.map(|m| m.span.text(t).to_string())
        };
        assert_eq!(source(&runs).as_deref(), Some("Maria Ortiz"));
        runs.push((Role::Source, run("Teamsters Union")));
        assert_eq!(source(&runs).as_deref(), Some("Teamsters Union"));
    }

    #[test]
    fn a_relative_pronoun_is_the_subject_only_right_before_the_cue() {
        let t =
            "Mr. Obama, who understood that, acted. Britain, which has a large army, blocked it.";
        let tok = crate::text::tokens::analyze_text(t);
        let cue = |w: &str| tok.tokens_of(at(t, w));
        let who = super::subject_before(t, &tok, &[], cue("understood")).unwrap();
        assert_eq!(who.span.text(t), "who");
        assert_eq!(super::subject_before(t, &tok, &[], cue("blocked")), None);
    }

    #[test]
    fn without_a_name_the_noun_phrase_before_the_cue_is_the_source() {
        let t = "In May, an arbitration panel found the firm at fault.";
        let tok = crate::text::tokens::analyze_text(t);
        let cue = tok.tokens_of(at(t, "found"));
        let m = super::description_before(t, &tok, cue).unwrap();
        assert_eq!(m.span.text(t), "an arbitration panel");
        assert_eq!(m.kind, MentionKind::Description);
        // a cue opening its sentence has none
        let t = "Found: the firm at fault.";
        let tok = crate::text::tokens::analyze_text(t);
        let cue = tok.tokens_of(at(t, "Found"));
        assert_eq!(super::description_before(t, &tok, cue), None);
    }

    fn at(t: &str, w: &str) -> Span {
        let s = t.find(w).unwrap();
        Span::new(s, s + w.len())
    }

    #[test]
    fn a_quotation_continues_a_quotation_not_reported_words() {
        // "Lopez said the council had cut the budget twice. “You cannot run a city like this.”"
        // and "“We cut it twice,” Lopez said. “You cannot run a city like this.”": the same
        // source; only the second pair is one relation
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let run = |t: &str, first: &str| {
            let tok = crate::text::tokens::analyze_text(t);
            let lopez = Mention {
                span: at(t, "Lopez"),
                kind: MentionKind::Name,
            };
            let second = at(t, "“You cannot run a city like this.”");
            let mut quotes = vec![second];
            if first.starts_with('“') {
                quotes.insert(0, at(t, first));
            }
            let choices: Vec<Choice> = quotes
                .iter()
                .map(|_| Choice {
                    speaker: Some(lopez),
                    cue: Some(at(t, "said")),
                    margin: 5.0,
                })
                .collect();
            let mut found = vec![Found {
                source: Some(lopez),
                cue: vec![at(t, "said")],
                content: vec![at(t, first)],
                quote: None,
                antecedent: None,
            }];
            super::merge_quotes(t, &tok, &mut found, &quotes, &choices);
            found.iter().map(|f| f.content.len()).collect::<Vec<_>>()
        };
        let reported =
            "Lopez said the council had cut the budget twice. “You cannot run a city like this.”";
        assert_eq!(
            run(reported, "the council had cut the budget twice"),
            [1, 1]
        );
        let quoted = "“We cut it twice,” Lopez said. “You cannot run a city like this.”";
        assert_eq!(run(quoted, "“We cut it twice,”"), [2]);
    }

    /// Reported words, then a quotation the speaker ranker gives a cue of its own: two
    /// relations. With the relation's own cue, one relation of two pieces.
    #[test]
    fn a_quotation_with_its_own_cue_leaves_the_reported_words() {
        let t = "Lopez said the council had cut the budget twice. “You cannot run a city like \
                 this,” she told reporters.";
        let tok = crate::text::tokens::analyze_text(t);
        let lopez = Mention {
            span: at(t, "Lopez"),
            kind: MentionKind::Name,
        };
        let quote = at(t, "“You cannot run a city like this,”");
        let run = |quote_cue: Span| {
            let mut found = vec![Found {
                source: Some(lopez),
                cue: vec![at(t, "said")],
                content: vec![at(t, "the council had cut the budget twice"), quote],
                quote: None,
                antecedent: None,
            }];
            let choices = [Choice {
                speaker: Some(lopez),
                cue: Some(quote_cue),
                margin: 5.0,
            }];
            super::merge_quotes(t, &tok, &mut found, &[quote], &choices);
            found
        };
        let found = run(at(t, "told"));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].content,
            [at(t, "the council had cut the budget twice")]
        );
        assert_eq!(found[1].content, [quote]);
        assert_eq!(found[1].cue, [at(t, "told")]);
        assert_eq!(found[1].quote, Some(0));
        let found = run(at(t, "said"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].content.len(), 2);
    }

    #[test]
    fn a_quotation_is_a_relation_and_its_continuation_joins_it() {
        let t = "“The plan is dead,” Lopez said. “We will start again.”";
        let (s, _, x) = one(t);
        assert_eq!(s, "Lopez");
        assert_eq!(x, ["“The plan is dead,”", "“We will start again.”"]);
    }

    #[test]
    fn a_cue_word_that_is_often_no_cue_still_makes_a_relation() {
        // "plans" is inside a PolNeAR cue in a fifth of its uses: listed, not strong
        let cues = crate::cues::Cues::embedded();
        assert!(cues.class("plans") > 0 && !cues.is_normal_cue("plans"));
        // its sentence is tagged, and a relation the tagger makes with it as cue is kept.
        // (Whether the tagger makes one is the model's call: PolNeAR reads "Ortiz plans to run"
        // as no attribution four times in five, and so did 8 of 10 held-out-fold models of the
        // tagger, so this test does not ask the shipped model.)
        let t = "Ortiz plans to run for governor next year.";
        let tok = crate::text::tokens::analyze_text(t);
        let view = super::features::View::new(t, &tok, &[], &[], &cues);
        assert_eq!(super::cue_windows(&view).len(), 1);
        let rel = |cue: &str| Found {
            source: None,
            cue: vec![at(t, cue)],
            content: vec![at(t, "to run for governor next year")],
            quote: None,
            antecedent: None,
        };
        assert!(super::worth_keeping(&view, &rel("plans"), &[]));
        assert!(!super::worth_keeping(&view, &rel("run"), &[]));
    }

    #[test]
    fn a_speech_cue_in_the_last_clause_attributes_the_words_before_its_comma() {
        for (text, source, cue, content) in [
            (
                "Almost 200 public libraries have closed since 2010, the association says.",
                "the association",
                "says",
                "Almost 200 public libraries have closed since 2010",
            ),
            (
                "The vote was delayed until March, Okafor told reporters on Monday.",
                "Okafor",
                "told",
                "The vote was delayed until March",
            ),
            (
                "The bridge will cost twice what was promised, said Maria Okafor, the city's \
                 budget chief.",
                "Maria Okafor",
                "said",
                "The bridge will cost twice what was promised",
            ),
        ] {
            let r = relations(text);
            assert!(
                r.iter()
                    .any(|(s, c, x)| s == source && c == cue && x == &[content.to_string()]),
                "{text}: {r:?}"
            );
        }
    }

    #[test]
    fn no_cue_no_relation() {
        assert!(
            relations("The bridge reopened in May after repairs costing $2 million.").is_empty()
        );
    }

    /// `--accurate`: the members' scores and transitions are averaged; one member is itself.
    #[test]
    fn an_ensemble_averages_its_members_scores_and_transitions() {
        use super::features::View;
        use super::{ReportedModel, cue_windows, mean_chain, mean_scores, tag, window_sums};
        let text = "The minister said she had asked the mayor whether he would cooperate.";
        let tok = crate::text::tokens::analyze_text(text);
        let cues = crate::cues::Cues::embedded();
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
