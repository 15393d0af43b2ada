//! The phrases around a word that several stages read: the noun phrase right before or after a
//! cue word ("a campaign spokesman said", "said a senior official"). Rules over the text and its
//! tokens, a bounded number of tokens each.

use crate::lexicon::{DETERMINERS, FUNCTION_WORDS, PRONOUNS};
use crate::text::{TokenKind, Tokenized};

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

/// "a senior official" starting right after cue token `c`, before token `hi`.
pub fn phrase_after(text: &str, tok: &Tokenized, c: usize, hi: usize) -> Option<(usize, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    /// The tokens of `t` that `phrase` gives for the cue word `cue`, as text.
    fn words(
        t: &str,
        cue: &str,
        phrase: fn(&str, &Tokenized, usize) -> Option<(usize, usize)>,
    ) -> Option<String> {
        let tok = analyze_text(t);
        let c = tok
            .tokens
            .iter()
            .position(|x| x.span.text(t) == cue)
            .unwrap();
        let (a, b) = phrase(t, &tok, c)?;
        Some(t[tok.tokens[a].span.start..tok.tokens[b - 1].span.end].to_string())
    }

    #[test]
    fn the_noun_phrase_before_a_cue_opens_at_a_determiner_or_holds_lower_case_heads() {
        let before =
            |t: &str, tok: &Tokenized, c: usize| phrase_before(t, tok, c, c.saturating_sub(8));
        assert_eq!(
            words("Yes, a campaign spokesman said.", "said", before).as_deref(),
            Some("a campaign spokesman")
        );
        assert_eq!(
            words("The presidential nominee said so.", "said", before).as_deref(),
            Some("The presidential nominee")
        );
        assert_eq!(words("Critics also said no.", "said", before), None);
        assert_eq!(words("He said so.", "said", before), None);
    }

    #[test]
    fn the_noun_phrase_after_a_cue_opens_at_a_determiner() {
        let after = |t: &str, tok: &Tokenized, c: usize| {
            phrase_after(t, tok, c, tok.tokens.len().min(c + 8))
        };
        assert_eq!(
            words("“No,” said a senior official in Kyiv.", "said", after).as_deref(),
            Some("a senior official")
        );
        assert_eq!(words("“No,” said Smith.", "said", after), None);
    }
}
