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
//! - `tagging`: tagging each stretch of sentences that holds a cue word, twice (the second pass
//!   reads where the first put its cues), and the tagged runs;
//! - `grouping`: the tagged runs into relations (a content run joins the nearest cue of its
//!   sentence, a cue takes the nearest source of its sentence; a relation needs a cue word, a
//!   colon or a quotation);
//! - `sources` and `subjects`: the rules that choose a relation's source when the tagger gave
//!   none or a doubtful one (`subjects`: the subject before the cue);
//! - `quotations`: merging with the direct quotations: a relation whose content holds a found
//!   quotation takes that quotation's speaker, a quotation with a cue of its own leaves the
//!   reported words before it, and a quotation no relation holds becomes a relation of its own;
//! - `layout`: relations the layout gives: a headline's "Name: claim", transcript turns;
//! - here: the model, the relation type (`Found`) and `find`, the order of the above.
//!
//! This module does not resolve a source to an actor (that is `actors`, as for quotes) and does
//! not find quotations (that is `quotes` and `speakers`).

pub mod features;
mod grouping;
mod layout;
pub mod net;
mod quotations;
mod sources;
mod subjects;
pub mod tagger;
mod tagging;
pub mod trainer;

use crate::analysis::{Entity, Mention, MentionKind};
use crate::cues::Cues;
use crate::model_file::ModelError;
use crate::speakers::Choice;
use crate::text::{Span, TokenRange, Tokenized};
use features::View;
use grouping::{group, worth_keeping};
use layout::{headline_claim, transcript_turns};
use net::Net;
use quotations::merge_quotes;
pub use sources::refers_to;
pub use tagging::{cue_windows, runs, tag, tag_windows, windows};

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

/// The tokens `r` as a description ("an arbitration panel", "Republican leaders"): a source
/// that is neither a name nor a pronoun.
fn description(tok: &Tokenized, r: TokenRange) -> Mention {
    Mention {
        span: span_of(tok, r),
        kind: MentionKind::Description,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Entity, Label};
    use crate::text::Span;
    use crate::{Models, analyze_with};

    /// The entity of `label` at the first occurrence of `name` in `text`.
    pub(super) fn ent(text: &str, name: &str, label: Label) -> Entity {
        let s = text.find(name).unwrap();
        Entity {
            span: Span::new(s, s + name.len()),
            label,
        }
    }

    pub(super) fn at(t: &str, w: &str) -> Span {
        let s = t.find(w).unwrap();
        Span::new(s, s + w.len())
    }

    /// (source, cue, content pieces) of each relation, as text.
    pub(super) fn relations(text: &str) -> Vec<(String, String, Vec<String>)> {
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

    pub(super) fn one(text: &str) -> (String, String, Vec<String>) {
        let r = relations(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r.into_iter().next().unwrap()
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
    fn no_cue_no_relation() {
        assert!(
            relations("The bridge reopened in May after repairs costing $2 million.").is_empty()
        );
    }
}
