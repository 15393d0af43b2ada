//! Entities: find PER / ORG / LOC / MISC names in tokenized text.
//!
//! A linear-chain model over BILOU tags (`model`), with features (`features`) that include
//! gazetteers and word clusters (`knowledge::gazetteer`), trained by `trainer` and stored by
//! `serialization`. After tagging, `tidy` fixes each span (edge punctuation, a leading title, number
//! words and common nouns dropped, a title splitting a body from a person, laws labelled MISC),
//! and `repair` fixes spans and labels over the whole document (honorifics, initials, bodies cut
//! at "for", headers, ...). Here: tagging in windows, then the two. This stage does not group
//! mentions into actors (see `actors`).

pub mod clusters;
pub mod features;
pub mod history;
pub mod model;
mod repair;
pub mod serialization;
mod tidy;
pub mod trainer;

use crate::analysis::Entity;
use crate::knowledge::Gazetteers;
use crate::model_file::ModelError;
use crate::text::{TokenRange, Tokenized};
use model::{Tagger, spans_of};

/// The shipped tagger, embedded at build time (built by `newslens train ner`; see
/// models/README.md).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/ner.bin");

/// Everything the entity stage reads besides the text: the tagger and the gazetteers it was
/// trained with.
pub struct EntityModel {
    pub tagger: Tagger,
    pub gaz: Gazetteers,
}

impl EntityModel {
    pub fn from_parts(model: &[u8], gaz: Gazetteers) -> Result<EntityModel, ModelError> {
        Ok(EntityModel {
            tagger: serialization::read(model)?,
            gaz,
        })
    }

    pub fn embedded() -> Result<EntityModel, ModelError> {
        EntityModel::from_parts(EMBEDDED_MODEL, Gazetteers::embedded()?)
    }
}

/// Tag every sentence, then apply document-level consistency.
pub fn find(text: &str, tok: &Tokenized, model: &EntityModel) -> Vec<Entity> {
    find_with_progress(text, tok, model, &mut |_| {})
}

/// `find`, reporting the fraction of tokens tagged so far.
pub fn find_with_progress(
    text: &str,
    tok: &Tokenized,
    model: &EntityModel,
    progress: &mut dyn FnMut(f32),
) -> Vec<Entity> {
    progress(0.0);
    let (infos, stats) = features::token_infos(text, tok, &model.gaz);
    // a window with no capitalised word of two or more letters holds no name: not tagged
    let ranges: Vec<TokenRange> = tok
        .sentences
        .iter()
        .flat_map(|s| windows(text, tok, *s))
        .filter(|s| (s.start..s.end).any(|i| could_start_name(tok.tokens[i].span.text(text))))
        .collect();
    let tags = history::decode(&model.tagger, &infos, &stats, &ranges, progress);
    let mut out = Vec::new();
    for s in &ranges {
        for (a, b, label) in spans_of(&tags[s.start..s.end]) {
            tidy::all(text, tok, s.start + a, s.start + b, label, &mut out);
        }
    }
    let out = repair::all(text, tok, &model.gaz, out);
    progress(1.0);
    out
}

/// Can this token be part of a name the tagger finds? A name holds at least one word that
/// starts with a capital and has a second letter ("Merkel", "EU", "O’Brien"); a window without one
/// (punctuation, numbers, lower-case text, "A/A/A") is skipped.
fn could_start_name(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.any(char::is_alphabetic)
}

/// Longest run of tokens tagged at once. A "sentence" longer than this (a text without full
/// stops, a base64 blob) is tagged in windows, cut before a lower-case word or punctuation so that
/// no name is split; this keeps the tagger's time and memory linear in the text.
const MAX_WINDOW: usize = 400;

/// `s` cut into windows of at most `MAX_WINDOW` tokens.
fn windows(text: &str, tok: &Tokenized, s: TokenRange) -> impl Iterator<Item = TokenRange> {
    let mut start = s.start;
    std::iter::from_fn(move || {
        if start >= s.end {
            return None;
        }
        let mut end = s.end;
        if end - start > MAX_WINDOW {
            end = start + MAX_WINDOW;
            // back up to a token that cannot continue a name (at most 40 tokens)
            let cut = (end - 40..end).rev().find(|&i| {
                !tok.tokens[i]
                    .span
                    .text(text)
                    .starts_with(char::is_uppercase)
            });
            end = cut.map_or(end, |i| i + 1);
        }
        let w = TokenRange { start, end };
        start = end;
        Some(w)
    })
}
