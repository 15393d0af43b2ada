//! What several stages read of a document, one home, so that no stage reaches into another's
//! files: where an entity or a quotation sits (`positions`: the entity ending or starting at a
//! byte, whether a span is inside a quotation) and the phrases around a word (`phrases`: the
//! noun phrase before or after a cue word, the preposition governing a name, the name a title
//! modifies, the words that end a description). Pure functions over the text, its tokens, the
//! entities and the quotations; they answer no stage's question (who speaks, which actor) and
//! read no model.

pub mod phrases;
pub mod positions;

pub use phrases::{
    ends_description, governing_preposition, modifier_of, phrase_after, phrase_before,
};
pub use positions::{entity_ending_at, entity_starting_at, in_quote};
