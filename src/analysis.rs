//! The output types of `analyze`, and their export to JSON with offsets in code points (CLI,
//! `score.py`) or UTF-16 units (JS). Spans inside are byte spans; conversion happens only in
//! `Analysis::export`.

use crate::text::{OffsetMap, Span, Unit};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Label {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A named-entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A name: "Vladimir Putin", "Putin", "the Post".
    Name,
    /// "he", "she", "they", "it", "I", "we".
    Pronoun,
    /// A description: "a campaign spokesman", "the Russian president".
    Description,
}

/// A stretch of text that refers to an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

/// Index of an actor in `Analysis::actors`; exported as "a0", "a1", ...
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

impl ActorId {
    pub fn key(self) -> String {
        format!("a{}", self.0)
    }
}

/// A quotation: the span includes its quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    /// The source mention as written ("he", "Putin", "a spokesman"), if any.
    pub speaker: Option<Mention>,
    /// The speech verb or phrase tying speaker and quote ("said", "according to").
    pub cue: Option<Span>,
    /// The actor the speaker mention refers to.
    pub actor: Option<ActorId>,
    /// How sure the attribution is (see `Confidence`).
    pub confidence: Confidence,
    /// The speaker ranker's margin over the next best outcome, in thousandths.
    pub margin_milli: i32,
}

/// `Sure`: an actor the ranker chose by a wide margin (or a rule named), through a name or a
/// pronoun. `Unsure`: a narrow margin, a description resolved by rule, a speaker that names no
/// actor, or no speaker at all. The page marks unsure attributions; the threshold is calibrated on the dev articles
/// (models/README.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Sure,
    Unsure,
}

/// An attribution relation, direct or reported: who (source), the words that attribute (cue),
/// what (content). A direct quotation is one too (`quote`), with the quotation as its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The source mention as written: a name, a pronoun or a description.
    pub source: Option<Mention>,
    pub cue: Vec<Span>,
    /// One or more pieces ("The plan," he said, "will fail" has two).
    pub content: Vec<Span>,
    /// The actor the source refers to.
    pub actor: Option<ActorId>,
    /// Index into `Analysis::quotes` when the content is a direct quotation.
    pub quote: Option<usize>,
    /// For a source that is a relative pronoun ("who"), the name or noun phrase it stands for
    /// (`reported::refers_to`), to show readers when no actor was found.
    pub refers_to: Option<Mention>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
    Place,
    Other,
}

impl ActorKind {
    pub fn label(self) -> Label {
        match self {
            ActorKind::Person => Label::Per,
            ActorKind::Organisation => Label::Org,
            ActorKind::Place => Label::Loc,
            ActorKind::Other => Label::Misc,
        }
    }
    pub fn of_label(l: Label) -> ActorKind {
        match l {
            Label::Per => ActorKind::Person,
            Label::Org => ActorKind::Organisation,
            Label::Loc => ActorKind::Place,
            Label::Misc => ActorKind::Other,
        }
    }
}

/// Someone or something the article talks about, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    /// Sorted by position.
    pub mentions: Vec<Mention>,
    pub quotes: usize,
}

/// Everything `analyze` finds in one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    /// Direct and reported speech, in text order.
    pub attributions: Vec<Attribution>,
    /// In salience order (see `actors`).
    pub actors: Vec<Actor>,
}

// ------------------------------------------------------------------------------ export

/// The JSON shape shared by the CLI (code points) and the wasm API (UTF-16): a superset of the
/// system format `score.py` reads.
#[derive(Serialize, Debug)]
pub struct Export {
    pub entities: Vec<ExportEntity>,
    pub quotes: Vec<ExportQuote>,
    pub attributions: Vec<ExportAttribution>,
    pub actors: Vec<ExportActor>,
}

#[derive(Serialize, Debug)]
pub struct ExportAttribution {
    pub source: Vec<[usize; 2]>,
    pub source_text: Option<String>,
    pub source_kind: Option<MentionKind>,
    /// `Attribution::refers_to` as text ("Republican leaders" for a source "who").
    pub source_refers_to: Option<String>,
    pub cue: Vec<[usize; 2]>,
    pub content: Vec<[usize; 2]>,
    pub actor: Option<String>,
    /// Index into `quotes` when this is a direct quotation.
    pub quote: Option<usize>,
}

#[derive(Serialize, Debug)]
pub struct ExportEntity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub text: String,
    pub actor: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct ExportQuote {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Vec<[usize; 2]>>,
    pub speaker_text: Option<String>,
    pub speaker_kind: Option<MentionKind>,
    pub cue: Option<[usize; 2]>,
    pub actor: Option<String>,
    pub confidence: Confidence,
    pub margin: f32,
}

#[derive(Serialize, Debug)]
pub struct ExportActor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub mentions: Vec<[usize; 2]>,
    pub mention_kinds: Vec<MentionKind>,
    pub quotes: usize,
}

impl Analysis {
    pub fn export(&self, text: &str, unit: Unit) -> Export {
        let map = OffsetMap::new(text, unit);
        // ordered by span: no hash to flood, and no second pass over the text for a key
        let mut mention_actor = std::collections::BTreeMap::new();
        for a in &self.actors {
            for m in &a.mentions {
                mention_actor.insert(m.span, a.id.key());
            }
        }
        Export {
            entities: self
                .entities
                .iter()
                .map(|e| {
                    let [start, end] = map.span(e.span);
                    ExportEntity {
                        start,
                        end,
                        label: e.label,
                        text: e.span.text(text).to_string(),
                        actor: mention_actor.get(&e.span).cloned(),
                    }
                })
                .collect(),
            quotes: self
                .quotes
                .iter()
                .map(|q| {
                    let [start, end] = map.span(q.span);
                    ExportQuote {
                        start,
                        end,
                        speaker: q.speaker.map(|m| vec![map.span(m.span)]),
                        speaker_text: q.speaker.map(|m| m.span.text(text).to_string()),
                        speaker_kind: q.speaker.map(|m| m.kind),
                        cue: q.cue.map(|c| map.span(c)),
                        actor: q.actor.map(ActorId::key),
                        confidence: q.confidence,
                        margin: q.margin_milli as f32 / 1000.0,
                    }
                })
                .collect(),
            attributions: self
                .attributions
                .iter()
                .map(|a| ExportAttribution {
                    source: a.source.iter().map(|m| map.span(m.span)).collect(),
                    source_text: a.source.map(|m| m.span.text(text).to_string()),
                    source_kind: a.source.map(|m| m.kind),
                    source_refers_to: a.refers_to.map(|m| m.span.text(text).to_string()),
                    cue: a.cue.iter().map(|c| map.span(*c)).collect(),
                    content: a.content.iter().map(|c| map.span(*c)).collect(),
                    actor: a.actor.map(ActorId::key),
                    quote: a.quote,
                })
                .collect(),
            actors: self
                .actors
                .iter()
                .map(|a| ExportActor {
                    id: a.id.key(),
                    name: a.name.clone(),
                    kind: a.kind,
                    role: a.role.clone(),
                    mentions: a.mentions.iter().map(|m| map.span(m.span)).collect(),
                    mention_kinds: a.mentions.iter().map(|m| m.kind).collect(),
                    quotes: a.quotes,
                })
                .collect(),
        }
    }
}
