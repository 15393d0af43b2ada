//! What the speaker stage reads about a document, computed once: cue words and pronouns by
//! token, the description phrases next to cue words ("a campaign spokesman said"), and word forms
//! for features. The candidates and the features both read it; it reads neither of them.

use crate::cues::Cues;
use crate::text::{TokenKind, Tokenized, normal};
use std::borrow::Cow;

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we"];

/// Words that never head a description of a speaker ("while discussing", "also said").
pub const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "that", "who", "which", "also", "has", "had", "have", "was", "were", "is",
    "are", "be", "been", "while", "when", "after", "before", "as", "if", "because", "then", "not",
    "never", "still", "just", "only", "even", "to", "of", "in", "on", "at", "for", "with", "by",
    "from", "about", "again", "later", "once", "what", "how", "why", "where", "did", "does", "do",
    "would", "will", "could", "should", "can", "may", "might", "must", "first", "last",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "another", "two", "three", "several",
    "some", "many", "other",
];

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
        match self.tok.tokens.get(i) {
            None => Cow::Borrowed("<s>"),
            Some(t) => normal(t.span.text(self.text)),
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

fn is_word(text: &str, tok: &Tokenized, i: usize) -> bool {
    let t = tok.tokens[i];
    t.kind == TokenKind::Word && !t.span.text(text).starts_with(['’', '\''])
}

/// "a campaign spokesman" ending right before cue token `c`: starts at a determiner within 5 words.
pub fn phrase_before(text: &str, tok: &Tokenized, c: usize, lo: usize) -> Option<(usize, usize)> {
    let mut a = c;
    while a > lo && c - a < 6 && is_word(text, tok, a - 1) {
        a -= 1;
        let w = tok.tokens[a].span.text(text).to_lowercase();
        if DETERMINERS.contains(&w.as_str()) {
            return (c - a >= 2).then_some((a, c));
        }
        // "their check by announcing": a function word ends the noun phrase before the cue
        if FUNCTION_WORDS.contains(&w.as_str()) {
            break;
        }
    }
    // no determiner: the head words right before the cue ("... presidential nominee said",
    // "the ad’s narrator says"), up to 3 lowercase words
    let mut a = c;
    while a > lo
        && c - a < 3
        && is_word(text, tok, a - 1)
        && tok.tokens[a - 1]
            .span
            .text(text)
            .starts_with(char::is_lowercase)
    {
        a -= 1;
    }
    let function_word = |i: usize| {
        let w = tok.tokens[i].span.text(text).to_lowercase();
        PRONOUNS.contains(&w.as_str()) || FUNCTION_WORDS.contains(&w.as_str()) || w.ends_with("ly")
    };
    (a < c && !(a..c).any(function_word)).then_some((a, c))
}

/// "a senior official" starting right after cue token `c`.
fn phrase_after(text: &str, tok: &Tokenized, c: usize, hi: usize) -> Option<(usize, usize)> {
    let a = c + 1;
    if a >= hi || !DETERMINERS.contains(&tok.tokens[a].span.text(text).to_lowercase().as_str()) {
        return None;
    }
    let mut b = a + 1;
    while b < hi
        && b - a < 6
        && is_word(text, tok, b)
        && !matches!(
            tok.tokens[b].span.text(text),
            "who" | "that" | "in" | "on" | "at" | "of" | "for"
        )
    {
        b += 1;
    }
    (b - a >= 2).then_some((a, b))
}
