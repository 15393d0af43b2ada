//! newslens: who said what in a news article.
//!
//! `analyze` runs the stages in order, each reading only what earlier ones produced:
//! text -> tokens, sentences, paragraphs (`text`) -> entities (`entities`) -> quotations
//! (`quotes`) -> speakers (`speakers`) -> actors (`actors`) -> one `Analysis`. The wasm bindings
//! (`wasm`) and the CLI (`src/bin/newslens.rs`) are thin layers over this.

#![allow(clippy::needless_range_loop)] // index loops over token ranges read better here

pub mod actors;
pub mod adversarial;
pub mod analysis;
pub mod cues;
pub mod entities;
pub mod lexicon;
pub mod linear;
pub mod quotes;
pub mod speakers;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{
    Actor, ActorId, ActorKind, Analysis, Entity, Label, Mention, MentionKind, Quote,
};
pub use entities::ModelError;
pub use text::{Span, Unit};

use cues::Cues;
use entities::EntityModel;
use quotes::QuoteModel;
use speakers::SpeakerModel;

/// All trained parts, loaded once and passed explicitly.
pub struct Models {
    pub entities: EntityModel,
    pub quotes: QuoteModel,
    pub speakers: SpeakerModel,
    pub cues: Cues,
}

impl Models {
    /// The models embedded in this build (see models/README.md).
    pub fn embedded() -> Result<Models, ModelError> {
        Ok(Models {
            entities: EntityModel::embedded()?,
            quotes: QuoteModel::embedded()?,
            speakers: SpeakerModel::embedded()?,
            cues: Cues::embedded(),
        })
    }
}

/// Texts longer than this (in bytes) are refused with an error rather than analysed.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum InputError {
    TooLong { bytes: usize },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::TooLong { bytes } => write!(
                f,
                "text is {:.1} MB; the limit is {} MB",
                *bytes as f64 / 1e6,
                MAX_TEXT_BYTES / 1024 / 1024
            ),
        }
    }
}
impl std::error::Error for InputError {}

/// Analyse one text with the given models. Never panics on any string.
pub fn analyze_with(text: &str, m: &Models) -> Result<Analysis, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLong { bytes: text.len() });
    }
    let tok = text::tokens::analyze_text(text);
    let entities = entities::find(text, &tok, &m.entities);
    let found = quotes::find(text, &tok, &m.cues, &m.quotes);
    let spans: Vec<Span> = found.iter().map(|q| q.span).collect();
    let atts = speakers::attribute(text, &tok, &entities, &spans, &m.cues, &m.speakers);
    let (actors, quote_actor) =
        actors::build(text, &tok, &entities, &spans, &atts, &m.entities.gaz);
    let entities = actors::consistent_labels(&entities, &actors);
    let quotes = spans
        .iter()
        .zip(atts)
        .zip(quote_actor)
        .map(|((span, a), actor)| Quote {
            span: *span,
            speaker: a.speaker,
            cue: a.cue,
            actor,
        })
        .collect();
    Ok(Analysis {
        entities,
        quotes,
        actors,
    })
}

/// Analyse with the embedded models (loaded once per process).
pub fn analyze(text: &str) -> Result<Analysis, Box<dyn std::error::Error>> {
    static MODELS: std::sync::OnceLock<Result<Models, ModelError>> = std::sync::OnceLock::new();
    let m = MODELS
        .get_or_init(Models::embedded)
        .as_ref()
        .map_err(|e| Box::new(ModelError(e.0.clone())))?;
    Ok(analyze_with(text, m)?)
}
