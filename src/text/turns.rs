//! Interview transcripts: paragraphs that open with a speaker label in capitals and a colon
//! ("WALLACE: Let’s start with ...", "JAKE TAPPER: ...", "Q: ..." / "A: ..."). This finds the
//! labels and the words each turn holds, from the layout alone; it does not say who a label is
//! (the entity stage reads a label as a person's name, the reported-speech stage makes each turn
//! a relation).

use super::{Span, Tokenized};

/// One turn of a dialogue: the speaker label as written, and the rest of its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    pub label: Span,
    pub words: Span,
}

impl Turn {
    /// The colon after the label.
    pub fn colon(&self) -> Span {
        Span::new(self.label.end, self.label.end + 1)
    }
}

/// Labels that open a paragraph with a colon but name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "BREAKING",
    "BYLINE",
    "CAPTION",
    "CLARIFICATION",
    "CORRECTION",
    "DATELINE",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "EMAIL",
    "EXCLUSIVE",
    "GRAPHIC",
    "LENGTH",
    "LOAD-DATE",
    "NOTE",
    "PHOTO",
    "PHOTOS",
    "READ",
    "RELATED",
    "SECTION",
    "SEE ALSO",
    "SOURCE",
    "UPDATE",
    "UPDATED",
    "VIDEO",
    "WATCH",
];

/// The turns of the text when it holds a dialogue, else nothing. A dialogue has three label
/// paragraphs or more, at least two labels (by their last word: "JAKE TAPPER" is "TAPPER") and
/// some label used twice, so that one-off tags ("BOOM: ...", "UPDATE: ...") make no dialogue.
pub fn dialogue(text: &str, tok: &Tokenized) -> Vec<Turn> {
    let turns: Vec<Turn> = tok
        .paragraphs
        .iter()
        .filter_map(|p| turn(text, p.span))
        .collect();
    let mut labels: Vec<&str> = turns.iter().map(|t| speaker_key(text, t)).collect();
    labels.sort_unstable();
    labels.dedup();
    if turns.len() < 3 || labels.len() < 2 || labels.len() == turns.len() {
        return Vec::new();
    }
    turns
}

fn speaker_key<'a>(text: &'a str, t: &Turn) -> &'a str {
    t.label.text(text).rsplit(' ').next().unwrap_or("")
}

/// A paragraph's speaker label and the words after it, when the paragraph (after an opening
/// quotation mark) starts with one to three words in capitals and a colon, and at least two
/// words follow.
fn turn(text: &str, para: Span) -> Option<Turn> {
    const SPACE: [char; 2] = [' ', '\u{a0}'];
    let p = para.text(text);
    let rest = p.trim_start_matches(['"', '“', ' ', '\u{a0}']);
    let start = para.start + (p.len() - rest.len());
    let colon = rest.find(':').filter(|&c| c > 0 && c <= 30)?;
    let label = &rest[..colon];
    let capitals = |w: &str| {
        w.chars().any(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if label.split(' ').count() > 3
        || !label.split(' ').all(capitals)
        || NOT_SPEAKERS.contains(&label)
    {
        return None;
    }
    let after = &rest[colon + 1..];
    let body = after.trim_start_matches(SPACE);
    let from = start + colon + 1 + (after.len() - body.len());
    let mut body = body.trim_end();
    if rest.len() < p.len() {
        // the transcript is quoted: the closing mark of its last paragraph is not said
        body = body.trim_end_matches(['"', '”']).trim_end();
    }
    if body.split_whitespace().count() < 2 {
        return None;
    }
    Some(Turn {
        label: Span::new(start, start + colon),
        words: Span::new(from, from + body.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    fn turns(text: &str) -> Vec<(&str, &str)> {
        dialogue(text, &analyze_text(text))
            .iter()
            .map(|t| (t.label.text(text), t.words.text(text)))
            .collect()
    }

    #[test]
    fn a_dialogue_gives_each_label_its_paragraph() {
        let text = "Partial transcript:\n\n\"HOST: Why now? Tell us.\n\n\"MARY OKAFOR: Because the \
                    vote is close.\n\nHOST: And after that?\n\n\"OKAFOR: We will see.\"\n";
        assert_eq!(
            turns(text),
            vec![
                ("HOST", "Why now? Tell us."),
                ("MARY OKAFOR", "Because the vote is close."),
                ("HOST", "And after that?"),
                ("OKAFOR", "We will see."),
            ]
        );
        let qa = "Q: Where were you born?\n\nA: In a small town.\n\nQ: And then?\n\nA: We moved.";
        assert_eq!(turns(qa).len(), 4);
    }

    #[test]
    fn one_off_tags_and_notes_make_no_dialogue() {
        // labels each used once, or a lone repeated label, or notes
        assert!(
            turns("BOOM: Trump fires back.\n\nLOOK: Photos of the rally.\n\nWOW: A crowd.")
                .is_empty()
        );
        assert!(
            turns("HUFFPOLLSTER: One poll.\n\nText here.\n\nHUFFPOLLSTER: Another poll.")
                .is_empty()
        );
        assert!(
            turns("UPDATE: The mayor spoke.\n\nCORRECTION: An earlier version erred.\n\nUPDATE: More news.")
                .is_empty()
        );
        // lower-case labels and long prefixes are not speaker labels
        assert!(turns("Host: Hi there.\n\nGuest: Hello you.\n\nHost: Bye now.").is_empty());
        assert!(turns("").is_empty());
    }
}
