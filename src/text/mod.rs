//! Text: byte spans and their conversion to code points / UTF-16 (`offsets`), and the cutting of
//! text into tokens, sentences and paragraphs (`tokens`), word forms (`words`), and
//! the speaker labels of interview transcripts (`turns`).
//! Nothing here knows about entities.

pub mod offsets;
pub mod tokens;
pub mod turns;
pub mod words;

pub use offsets::{OffsetMap, Span, Unit};
pub use tokens::{Paragraph, Token, TokenKind, TokenRange, Tokenized};
pub use words::{name_words, normal, normalise};
