//! Text: byte spans and their conversion to code points / UTF-16 (`offsets`), and the cutting of
//! text into tokens, sentences and paragraphs (`tokens`). Nothing here knows about entities.

pub mod offsets;
pub mod tokens;

pub use offsets::{OffsetMap, Span, Unit};
pub use tokens::{Paragraph, Token, TokenKind, TokenRange, Tokenized};
