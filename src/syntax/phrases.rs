//! The phrases around a word that several stages read: the noun phrase right before or after a
//! cue word ("a campaign spokesman said", "said a senior official"), the preposition that
//! governs a name ("met with Russian President Vladimir Putin"), the name a title before it
//! modifies ("MSNBC host Chris Matthews"), the words that end a description. Rules over the text
//! and its tokens, a bounded number of tokens each.

use crate::lexicon::{
    AUXILIARIES, DETERMINERS, FUNCTION_WORDS, PERSON_HEADS, PREPOSITIONS, PRONOUNS, ROLE_WORDS,
    is_title,
};
use crate::text::{Span, TokenKind, Tokenized, normalise};

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

/// The preposition that governs the name starting at token `first` ("met with Russian President
/// Vladimir Putin": "with"): walking back over titles, "the" and capitalised words (at most
/// `steps` of them, and an "of" inside a title), the first other word, normalised, if it is a
/// preposition and not the "to" of "according to" (which names a source, not an object).
pub fn governing_preposition(
    text: &str,
    tok: &Tokenized,
    first: usize,
    steps: usize,
) -> Option<String> {
    let mut i = first;
    for _ in 0..steps {
        let w = tok.tokens[i.checked_sub(1)?].span.text(text);
        let n = normalise(w);
        if is_title(&n) || n == "the" || w.starts_with(char::is_uppercase) {
            i -= 1;
            continue;
        }
        // "Secretary of State John Kerry", "Bank of England Governor Mark Carney": an "of" after
        // a capitalised word is inside a title or a name
        let capital_before = i >= 2
            && tok.tokens[i - 2]
                .span
                .text(text)
                .starts_with(char::is_uppercase);
        if n == "of" && capital_before {
            i -= 1;
            continue;
        }
        let according = i >= 2 && tok.word(text, i - 2) == "according";
        return (PREPOSITIONS.contains(&n.as_str()) && !according).then_some(n);
    }
    None
}

/// If `m` modifies a following name ("MSNBC host Chris Matthews", "Trump lawyer Marc Kasowitz",
/// "Senate Majority Leader Mitch McConnell", "Clinton communication director Jennifer
/// Palmieri"), the start byte of that name: at most four words between them, the last a role
/// word, none a function word or a verb of saying. `is_name_at(b)` says whether a name mention
/// starts at byte `b`.
pub fn modifier_of(
    text: &str,
    tok: &Tokenized,
    m: Span,
    is_name_at: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut i = tok.tokens.partition_point(|t| t.span.start < m.end);
    // "Welsh National Farmers' Union (NFU) chairman John Lloyd Jones": the name's acronym in
    // brackets stands between it and the title
    let bracketed_acronym = tok.tokens.get(i).is_some_and(|t| t.span.text(text) == "(")
        && tok
            .tokens
            .get(i + 2)
            .is_some_and(|t| t.span.text(text) == ")")
        && tok.tokens.get(i + 1).is_some_and(|t| {
            let w = t.span.text(text);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
        });
    if bracketed_acronym {
        i += 3;
    }
    let mut words = 0;
    let mut last_was_role = false;
    while let Some(t) = tok.tokens.get(i) {
        if is_name_at(t.span.start) && words > 0 {
            return last_was_role.then_some(t.span.start);
        }
        let w = normalise(t.span.text(text));
        if t.kind != TokenKind::Word || ends_description(&w) || words >= 4 {
            return None;
        }
        last_was_role = is_role(&w);
        // a word that is no role word is a capitalised one ("Majority") or a lower-case noun
        // right before a role word ("communication director"); "openly admires Russian
        // President" and "described Democratic nominee" are clauses, not titles
        if !last_was_role
            && t.span.text(text).starts_with(char::is_lowercase)
            && (w.ends_with("ed")
                || w.ends_with("ly")
                || !tok.tokens.get(i + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word && is_role(&normalise(n.span.text(text)))
                }))
        {
            return None;
        }
        words += 1;
        i += 1;
    }
    None
}

/// A word of a person's role: a title, a person noun, a role word, or "-man", "-woman", "-person".
fn is_role(w: &str) -> bool {
    is_title(w)
        || PERSON_HEADS.contains(&w)
        || ROLE_WORDS.contains(&w)
        || w.ends_with("man")
        || w.ends_with("woman")
        || w.ends_with("person")
}

/// Words that end a description: verbs of saying and function words.
pub fn ends_description(w: &str) -> bool {
    AUXILIARIES.contains(&w)
        || matches!(
            w,
            "said"
                | "says"
                | "told"
                | "wrote"
                | "added"
                | "and"
                | "or"
                | "but"
                | "who"
                | "that"
                | "to"
                | "of"
                | "in"
                | "for"
                | "with"
                | "on"
                | "at"
                | "by"
                | "also"
                | "then"
                | "not"
                | "as"
                | "from"
                | "about"
                | "which"
                | "when"
                | "while"
                | "if"
        )
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

    #[test]
    fn an_of_inside_a_title_governs_no_name() {
        let governs = |t: &str, name: &str| {
            let tok = analyze_text(t);
            let at = t.find(name).unwrap();
            let first = tok.tokens.partition_point(|x| x.span.start < at);
            governing_preposition(t, &tok, first, 5)
        };
        assert_eq!(
            governs("Secretary of State John Kerry said so.", "John"),
            None
        );
        assert_eq!(
            governs("Bank of England Governor Mark Carney said so.", "Mark"),
            None
        );
        // must not fire: a real preposition before the title, or "of" after a common noun
        let with = Some("with".to_string());
        assert_eq!(
            governs("He met with Secretary of State John Kerry.", "John"),
            with
        );
        assert_eq!(
            governs("the leader of Hamas said", "Hamas"),
            Some("of".to_string())
        );
    }
}
