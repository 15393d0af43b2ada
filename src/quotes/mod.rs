//! Quotes: the quoted spans of a text (`spans`) that are quotations of someone's words, as
//! decided by a classifier trained on PolNeAR (`classify`), against scare quotes, titles,
//! nicknames and terms. Who said each quote is the next stage (`speakers`).

pub mod classify;
pub mod spans;

use crate::cues::Cues;
use crate::linear::Linear;
use crate::model_file::ModelError;
use crate::text::Tokenized;
pub use spans::{QuotedSpan, headline_end};

pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/quotes.bin");

pub struct QuoteModel {
    pub classifier: Linear,
}

impl QuoteModel {
    pub fn from_bytes(b: &[u8]) -> Result<QuoteModel, ModelError> {
        Ok(QuoteModel {
            classifier: Linear::from_bytes(classify::MAGIC, b)?,
        })
    }
    pub fn embedded() -> Result<QuoteModel, ModelError> {
        QuoteModel::from_bytes(EMBEDDED_MODEL)
    }
}

/// The quoted spans that the classifier takes for quotations, in text order.
pub fn find(text: &str, tok: &Tokenized, cues: &Cues, model: &QuoteModel) -> Vec<QuotedSpan> {
    spans::find(text)
        .into_iter()
        .filter(|q| {
            model
                .classifier
                .score(&classify::features(text, tok, cues, q))
                > 0.0
        })
        .collect()
}
