//! Speakers: for each quotation, the source mention as written ("Putin", "he", "a spokesman"), or
//! none. Candidates (`candidates`) are scored by a linear ranker (`features`, trained on PolNeAR
//! attributions by `trainer`) against a "no speaker" outcome. Quotes are read in order so that a
//! continuation can share the previous quote's speaker. Resolving a mention to an actor is done in
//! `actors`, not here.

pub mod candidates;
pub mod context;
pub mod features;
pub mod naming;
pub mod phrase;
pub mod quoted;
pub mod spokesperson;
pub mod trainer;

use crate::analysis::{Entity, Mention};
use crate::cues::Cues;
use crate::linear::Linear;
use crate::model_file::ModelError;
use crate::text::{Span, Tokenized};
use candidates::Candidate;
use features::{Ctx, candidate_features, none_features, quote_facts, ranks};

pub const MAGIC: &[u8] = b"NLSPK\x02";
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/speakers.bin");

pub struct SpeakerModel {
    pub ranker: Linear,
}

impl SpeakerModel {
    pub fn from_bytes(b: &[u8]) -> Result<SpeakerModel, ModelError> {
        Ok(SpeakerModel {
            ranker: Linear::from_bytes(MAGIC, b)?,
        })
    }
    pub fn embedded() -> Result<SpeakerModel, ModelError> {
        SpeakerModel::from_bytes(EMBEDDED_MODEL)
    }
}

/// The chosen speaker of one quote and the cue word nearest to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub speaker: Option<Mention>,
    pub cue: Option<Span>,
    /// How far the chosen outcome's score is above the next best (candidates and "none"); a
    /// rule that names the speaker (a possessive claim, a relative clause) gives `RULE_MARGIN`.
    pub margin: f32,
}

/// The margin reported for speakers found by a rule rather than the ranker.
pub const RULE_MARGIN: f32 = 10.0;

/// Choose among candidates (index into `cands`) or none (`None`); also the margin of the choice
/// over the next best outcome.
pub fn choose(
    model: &Linear,
    ctx: &Ctx,
    facts: &features::QuoteFacts,
    cands: &[Candidate],
    named: Option<Span>,
) -> (Option<usize>, f32) {
    let none = model.score(&none_features(facts));
    let rank = ranks(cands, facts.q);
    let mut scored: Vec<(f32, Option<usize>)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                model.score(&candidate_features(ctx, facts, c, rank[i])),
                Some(i),
            )
        })
        .collect();
    scored.push((none, None));
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // the name the quotation labels never says it (`naming::named_object`), nor the one told
    scored.retain(|&(_, i)| {
        i.is_none_or(|i| {
            named.is_none_or(|n| !n.overlaps(cands[i].span)) && !addressee(ctx, &cands[i])
        })
    });
    // "who lost the primaries to Clinton": the object of a preposition is not the speaker when
    // the ranker is unsure about it
    if let [(s0, Some(i)), (s1, _), ..] = scored[..]
        && s0 - s1 < UNSURE_OBJECT
        && object_of_preposition(ctx, &cands[i])
    {
        scored.remove(0);
    }
    let best = (scored[0].0, scored[0].1);
    let second = scored.get(1).map_or(f32::NEG_INFINITY, |x| x.0);
    let margin = if second.is_finite() {
        best.0 - second
    } else {
        RULE_MARGIN
    };
    (best.1, margin)
}

/// "told Reuters", "told the daily La Corse", "told reporters": who is told is not who speaks.
/// The name follows "told"/"tells"/"telling", with "the" and up to two lower-case words between.
fn addressee(ctx: &Ctx, c: &Candidate) -> bool {
    let word = |k: usize| ctx.tok.tokens[k].span.text(ctx.text);
    let mut k = c.tokens.0;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        match ctx.word(prev).as_ref() {
            "told" | "tells" | "telling" => return true,
            w if w == "the" || word(prev).starts_with(char::is_lowercase) && w.len() > 2 => {
                k = prev
            }
            _ => return false,
        }
    }
    false
}

/// Below this margin a speaker that is the object of a preposition gives way to the next best.
const UNSURE_OBJECT: f32 = 4.0;

/// "lost the primaries to Clinton", "met with Putin": a name governed by a preposition (titles
/// and capitalised words before it skipped) and not followed by a cue; "according to", "by" and
/// "from" name sources.
fn object_of_preposition(ctx: &Ctx, c: &Candidate) -> bool {
    c.kind == crate::analysis::MentionKind::Name
        // "the chair of the DNC", "footage of Trump saying": "of" ties the name into a larger
        // phrase that may well be the source
        && !ctx.is_cue(c.tokens.1)
        && crate::syntax::governing_preposition(ctx.text, ctx.tok, c.tokens.0, 4)
            .is_some_and(|p| !matches!(p.as_str(), "by" | "from" | "of"))
}

/// Speakers of `quotes` (in text order).
pub fn attribute(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    quotes: &[Span],
    cues: &Cues,
    model: &SpeakerModel,
) -> Vec<Choice> {
    attribute_with_progress(text, tok, ents, quotes, cues, model, &mut |_| {})
}

/// `attribute`, reporting the fraction of quotes done.
pub fn attribute_with_progress(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    quotes: &[Span],
    cues: &Cues,
    model: &SpeakerModel,
    progress: &mut dyn FnMut(f32),
) -> Vec<Choice> {
    let ctx = Ctx::new(text, tok, cues);
    let n = quotes.len().max(1) as f32;
    let mut out: Vec<Choice> = Vec::with_capacity(quotes.len());
    let mut prev_speaker = None;
    let mut prev_quote = None;
    let headline_end = crate::quotes::headline_end(text).unwrap_or(0);
    for (k, &q) in quotes.iter().enumerate() {
        progress(k as f32 / n);
        let cands = candidates::candidates(&ctx, ents, quotes, q);
        let facts = quote_facts(&ctx, q, quotes, prev_speaker, prev_quote);
        let ruled = quoted::quoted_as_saying(text, tok, ents, q)
            .or_else(|| quoted::inner_report(text, tok, ents, q))
            .or_else(|| phrase::possessive_claim(text, tok, ents, q))
            .or_else(|| phrase::possessive_words(text, tok, q))
            .or_else(|| phrase::relative_clause_speaker(text, tok, ents, |i| ctx.is_cue(i), q))
            .or_else(|| phrase::name_appositive_cue(text, tok, ents, |i| ctx.is_cue(i), q))
            .or_else(|| spokesperson::spokesperson(text, tok, ents, |i| ctx.is_cue(i), q))
            .or_else(|| naming::passive_naming_agent(text, tok, ents, q))
            .or_else(|| naming::naming_verb_subject(text, tok, ents, q));
        let ruled = ruled.or_else(|| {
            let prev = out.last()?;
            continues(&ctx, quotes, k, prev.speaker?.span).then_some(prev.speaker?)
        });
        let (speaker, margin) = match ruled {
            Some(m) => (Some(m), RULE_MARGIN),
            None => {
                let named = naming::named_object(text, tok, ents, q);
                let (pick, margin) = choose(&model.ranker, &ctx, &facts, &cands, named);
                let speaker = pick.map(|i| {
                    let m = Mention {
                        span: cands[i].span,
                        kind: cands[i].kind,
                    };
                    let previous = out.last().and_then(|c| c.speaker);
                    if let Some(s) = previous.filter(|s| in_appositive_of(text, s.span, m.span, q))
                    {
                        return s;
                    }
                    phrase::outside_relative_clause(text, tok, ents, |i| ctx.is_cue(i), m.span)
                        .unwrap_or_else(|| phrase::whole_speaker(text, tok, ents, m))
                });
                // no speaker: "... a new campaign message: “…”" is the sentence subject's
                match speaker {
                    None => match phrase::claim_colon_subject(text, tok, ents, q) {
                        Some(m) => (Some(m), RULE_MARGIN),
                        None => (None, margin),
                    },
                    some => (some, margin),
                }
            }
        };
        let speaker = speaker.map(|m| phrase::named_description(text, tok, ents, m));
        let cue = speaker.and_then(|m| nearest_cue(&ctx, m.span, q));
        // a headline's quotation starts no chain into the body
        let headline = q.start < headline_end;
        if speaker.is_some() && !headline {
            prev_speaker = speaker.map(|m| m.span);
        }
        if !headline {
            prev_quote = Some(q);
        }
        out.push(Choice {
            speaker,
            cue,
            margin,
        });
    }
    progress(1.0);
    out
}

/// "“A,” X said on Saturday at the gala, where Y also spoke. “B.”": quotation `k` opens the
/// sentence right after the one that holds the previous quotation's end and its speaker `s`, in
/// the same paragraph, and no cue word follows it in its own sentence: it continues the
/// previous quotation, whoever else that sentence names.
fn continues(ctx: &Ctx, quotes: &[Span], k: usize, s: Span) -> bool {
    let tok = ctx.tok;
    let (Some(&p), Some(&q)) = (k.checked_sub(1).and_then(|j| quotes.get(j)), quotes.get(k)) else {
        return false;
    };
    if s.start < p.end || s.end > q.start {
        return false;
    }
    let tok_at = |b: usize| tok.tokens.partition_point(|t| t.span.start < b);
    let para = tok.paragraph_at(q.start);
    let same_para = tok.paragraph_at(p.start) == para && tok.paragraph_at(s.start) == para;
    // the speaker's sentence ends right before the quotation opens (a splitter may not break
    // before a straight mark, so the text says it: ". “" )
    let ends = ctx.text[p.end..q.start]
        .trim_end()
        .ends_with(['.', '!', '?']);
    let one_sentence = tok.sentence_of(tok_at(p.end).saturating_sub(1))
        == tok.sentence_of(tok_at(s.start).min(tok.tokens.len().saturating_sub(1)));
    // no cue of its own: the words after it up to the end of its sentence or paragraph
    let end = tok
        .paragraphs
        .get(para)
        .map_or(tok.tokens.len(), |r| r.tokens.end);
    let own_cue = (tok_at(q.end)..end.min(tok_at(q.end) + 12))
        .take_while(|&i| !matches!(tok.tokens[i].span.text(ctx.text), "." | "!" | "?"))
        .any(|i| ctx.is_cue(i));
    same_para && ends && one_sentence && !own_cue
}

/// "“…,” warned Soren Jessen-Petersen, Special Envoy for the U.N. High Commissioner.¶“…”": the
/// name `m` the ranker chose for quotation `q` stands in the appositive after the previous
/// quotation's speaker `s` (a comma after `s`, then no sentence end, mark or line break up to
/// `m`), and `q` opens a later paragraph: the words go on being `s`'s, not the body that
/// describes `s`.
fn in_appositive_of(text: &str, s: Span, m: Span, q: Span) -> bool {
    if !(s.end < m.start && m.end <= q.start) {
        return false;
    }
    let between = &text[s.end..m.start];
    let after = &text[m.end..q.start];
    between.starts_with(',')
        && !between.contains(['.', '!', '?', '\n', '"', '“', '”', ':', ';'])
        && after.contains('\n')
}

/// The cue word closest to the speaker mention, on the quote's side or right after it, within
/// the same paragraph.
fn nearest_cue(ctx: &Ctx, speaker: Span, q: Span) -> Option<Span> {
    let tok = ctx.tok;
    let para = tok.paragraphs.get(tok.paragraph_at(speaker.start))?;
    let s = tok.tokens.partition_point(|t| t.span.start < speaker.start);
    let lo = para.tokens.start.max(s.saturating_sub(candidates::WINDOW));
    let hi = para.tokens.end.min(s + candidates::WINDOW);
    (lo..hi)
        .filter(|&i| {
            let t = tok.tokens[i];
            ctx.is_cue(i) && !q.contains(t.span) && !speaker.contains(t.span)
        })
        .min_by_key(|&i| (i as isize - s as isize).unsigned_abs())
        .map(|i| tok.tokens[i].span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Label, MentionKind};
    use crate::text::tokens::analyze_text;

    /// Does `test` hold for the name `w` in `t`, as the speaker ranker's filters see it?
    fn check(t: &str, w: &str, test: fn(&Ctx, &Candidate) -> bool) -> bool {
        let tok = analyze_text(t);
        let cues = Cues::embedded().unwrap();
        let ctx = Ctx::new(t, &tok, &cues);
        let a = t.find(w).unwrap();
        let span = Span::new(a, a + w.len());
        let first = tok.tokens.partition_point(|k| k.span.start < span.start);
        let last = tok.tokens.partition_point(|k| k.span.start < span.end);
        let c = Candidate {
            span,
            kind: MentionKind::Name,
            label: Some(Label::Per),
            tokens: (first, last),
        };
        test(&ctx, &c)
    }

    fn object(t: &str, w: &str) -> bool {
        check(t, w, object_of_preposition)
    }

    #[test]
    fn who_is_told_is_not_who_speaks() {
        let told = |t: &str, w: &str| check(t, w, addressee);
        assert!(told(
            "Debre told the daily La Corse he gave “firm orders”.",
            "La Corse"
        ));
        assert!(told("Lee told Reuters: “No.”", "Reuters"));
        // must not fire: the teller, and a name after other words
        assert!(!told(
            "Debre told the daily La Corse he gave “firm orders”.",
            "Debre"
        ));
        assert!(!told("He was told by Ann Lee: “No.”", "Ann Lee"));
        assert!(!told("Lee told them, Acme said: “No.”", "Acme"));
    }

    #[test]
    fn a_name_in_the_previous_speaker_s_appositive_is_not_the_next_speaker() {
        let at = |t: &str, w: &str| {
            let a = t.find(w).unwrap();
            Span::new(a, a + w.len())
        };
        let t = "“Dismal,” warned Ann Lee, envoy for the U.N. refugee agency.\n\n“It is late.”";
        let q = at(t, "“It is late.”");
        assert!(in_appositive_of(t, at(t, "Ann Lee"), at(t, "U.N."), q));
        // a name in a sentence of its own; a quotation in the same paragraph; no comma after
        // the speaker
        let t = "“Dismal,” warned Ann Lee. The U.N. agreed.\n\n“It is late.”";
        assert!(!in_appositive_of(
            t,
            at(t, "Ann Lee"),
            at(t, "U.N."),
            at(t, "“It is")
        ));
        let t = "“Dismal,” warned Ann Lee, adding that the U.N. said “It is late.”";
        assert!(!in_appositive_of(
            t,
            at(t, "Ann Lee"),
            at(t, "U.N."),
            at(t, "“It is")
        ));
        let t = "“Dismal,” warned Ann Lee and the U.N. agency.\n\n“It is late.”";
        assert!(!in_appositive_of(
            t,
            at(t, "Ann Lee"),
            at(t, "U.N."),
            at(t, "“It is")
        ));
    }

    #[test]
    fn objects_of_prepositions_are_told_from_sources() {
        assert!(object(
            "Sanders, who lost the primaries to Clinton, spoke.",
            "Clinton"
        ));
        assert!(object(
            "He met with Russian President Vladimir Putin today.",
            "Vladimir Putin"
        ));
        // sources and phrases that hold the source
        assert!(!object(
            "It is safe, according to Ann Lee, a doctor.",
            "Ann Lee"
        ));
        assert!(!object("A statement from Acme said so.", "Acme"));
        assert!(!object("The chair of the DNC may call a vote.", "DNC"));
        assert!(!object("The ad ends with Trump saying it.", "Trump"));
        assert!(!object("Ann Lee said no.", "Ann Lee"));
    }
}
