//! What the speaker stage reads about a document, computed once: cue words and pronouns by
//! token, the description phrases next to cue words ("a campaign spokesman said"), and word forms
//! for features. The candidates and the features both read it; it reads neither of them.

use crate::cues::Cues;
use crate::lexicon::PRONOUNS;
use crate::syntax::{phrase_after, phrase_before};
use crate::text::{TokenKind, Tokenized, normal};
use std::borrow::Cow;

/// One document as the speaker stage reads it; cue words are looked up once per token.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub tok: &'a Tokenized,
    /// Is token i a cue word?
    cue: Vec<bool>,
    /// Is token i a pronoun that can be a speaker ("he", "she", "they", ...)?
    pronoun: Vec<bool>,
    /// Indices of the pronoun tokens, in order.
    pub pronouns: Vec<usize>,
    /// Description phrases next to each cue word, in order: (cue token, phrase token range).
    pub phrases: Vec<(usize, (usize, usize))>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, tok: &'a Tokenized, cues: &Cues) -> Ctx<'a> {
        let cue: Vec<bool> = tok
            .tokens
            .iter()
            .map(|t| t.kind == TokenKind::Word && cues.is_cue(t.span.text(text)))
            .collect();
        let pronoun: Vec<bool> = tok
            .tokens
            .iter()
            .map(|t| {
                let w = t.span.text(text);
                t.kind == TokenKind::Word
                    && w.len() <= 4
                    && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
            })
            .collect();
        let pronouns = (0..tok.tokens.len()).filter(|&i| pronoun[i]).collect();
        let phrases = description_phrases(text, tok, &cue);
        Ctx {
            text,
            tok,
            cue,
            pronoun,
            pronouns,
            phrases,
        }
    }
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.pronoun.get(i).copied().unwrap_or(false)
    }

    /// The normalised word at token i ("<s>" past the end); borrowed when already normal, so
    /// that the common lower-case word costs no allocation.
    pub fn word(&self, i: usize) -> Cow<'a, str> {
        if i < self.tok.tokens.len() {
            self.tok.word(self.text, i)
        } else {
            Cow::Borrowed("<s>")
        }
    }
    pub fn is_cue(&self, i: usize) -> bool {
        self.cue.get(i).copied().unwrap_or(false)
    }
    /// Appends token i's coarse class for pattern features to `exact` ("CUE:said" for a cue
    /// word, "the", "C", "w", "Q", punctuation as written) and to `coarse` the same with a cue
    /// word's word dropped ("CUE"). Nothing is allocated.
    pub fn push_class(&self, i: usize, exact: &mut String, coarse: &mut String) {
        let t = self.tok.tokens[i];
        let s = t.span.text(self.text);
        let class: Cow<'_, str> = match t.kind {
            TokenKind::Quote => Cow::Borrowed("Q"),
            TokenKind::Punct => Cow::Borrowed(s),
            TokenKind::Word if self.is_cue(i) => {
                exact.push_str("CUE:");
                exact.push_str(&normal(s));
                coarse.push_str("CUE");
                return;
            }
            TokenKind::Word => {
                let n = normal(s);
                if matches!(
                    n.as_ref(),
                    "the"
                        | "a"
                        | "an"
                        | "to"
                        | "in"
                        | "on"
                        | "by"
                        | "of"
                        | "and"
                        | "but"
                        | "as"
                        | "has"
                        | "had"
                        | "was"
                        | "is"
                        | "also"
                ) {
                    n
                } else if s.starts_with(char::is_uppercase) {
                    Cow::Borrowed("C")
                } else {
                    Cow::Borrowed("w")
                }
            }
            _ => Cow::Borrowed("w"),
        };
        exact.push_str(&class);
        coarse.push_str(&class);
    }
}

/// Every description phrase next to a cue word in the text, in order: (cue token, phrase token
/// range), the phrase before the cue first. Computed once per document, not once per quote.
pub fn description_phrases(
    text: &str,
    tok: &Tokenized,
    cue: &[bool],
) -> Vec<(usize, (usize, usize))> {
    let n = tok.tokens.len();
    let mut out = Vec::new();
    for c in (0..n).filter(|&c| cue[c]) {
        let lo = c.saturating_sub(8);
        let hi = (c + 8).min(n);
        for p in [
            phrase_before(text, tok, c, lo),
            phrase_after(text, tok, c, hi),
        ]
        .into_iter()
        .flatten()
        {
            out.push((c, p));
        }
    }
    out
}
