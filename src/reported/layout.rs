//! Relations the layout of a text gives, beside the tagger's: a headline that opens with a name
//! and a colon ("Pence: Flowers Won't Be at Debate") attributes its claim to that name, and each
//! turn of an interview transcript (`text::turns`) attributes its words to its label. `find`
//! lets them replace what the tagger found in the same words.

use super::Found;
use crate::analysis::{Entity, Mention, MentionKind};
use crate::text::{Span, Tokenized};

/// Interview transcripts (`text::turns`): each turn of a dialogue attributes the rest of its
/// paragraph to its label, with the colon as cue (PolNeAR annotates them so: 10 relations in
/// dev, 12 of the 28 label paragraphs of train). The source is the entity the label names when
/// the entity stage found one there (it reads labels as names), else the label as written.
pub(super) fn transcript_turns(text: &str, tok: &Tokenized, ents: &[Entity]) -> Vec<Found> {
    crate::text::turns::dialogue(text, tok)
        .into_iter()
        .map(|t| {
            let k = ents.partition_point(|e| e.span.end <= t.label.start);
            let span = ents
                .get(k)
                .filter(|e| e.span.overlaps(t.label))
                .map_or(t.label, |e| e.span);
            Found {
                source: Some(Mention {
                    span,
                    kind: MentionKind::Name,
                }),
                cue: vec![t.colon()],
                content: vec![t.words],
                quote: None,
                antecedent: None,
            }
        })
        .collect()
}

/// "Pence: Gennifer Flowers Won't Be at Debate": a headline (the text's first line, followed by
/// more text) that opens with a name and a colon attributes what follows to that name. The name
/// must be a person or organisation the entity stage found, ending at the colon, in at most five
/// words, so that "The Latest:", "Breaking:" or "Exclusive:" attribute nothing. In PolNeAR train,
/// 72 of 116 headlines of the "Words: claim" shape are such relations; requiring a name is what
/// keeps the labels out.
pub(super) fn headline_claim(text: &str, ents: &[Entity]) -> Option<Found> {
    let end = text.find('\n')?;
    let line = &text[..end];
    let colon = line.find(": ")?;
    let prefix = &line[..colon];
    if prefix.split_whitespace().count() > 5 || !text[end..].trim().contains(' ') {
        return None;
    }
    let name = ents.iter().take_while(|e| e.span.start < colon).find(|e| {
        e.span.end == colon
            && matches!(
                e.label,
                crate::analysis::Label::Per | crate::analysis::Label::Org
            )
    })?;
    let start = colon + 2;
    let body = line[start..].trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    if body.split_whitespace().count() < 2 {
        return None;
    }
    Some(Found {
        source: Some(Mention {
            span: name.span,
            kind: MentionKind::Name,
        }),
        cue: vec![Span::new(colon, colon + 1)],
        content: vec![Span::new(start, start + body.len())],
        quote: None,
        antecedent: None,
    })
}

#[cfg(test)]
mod tests {
    use super::headline_claim;
    use crate::analysis::Label;
    use crate::reported::tests::{ent, relations};
    use crate::{Models, analyze_with};

    #[test]
    fn a_headline_opening_with_a_name_and_a_colon_attributes_what_follows() {
        let text = "Pence: Flowers Won’t Be at Debate.\n\nThe governor spoke on Sunday.";
        let h = headline_claim(text, &[ent(text, "Pence", Label::Per)]).unwrap();
        assert_eq!(h.source.unwrap().span.text(text), "Pence");
        assert_eq!(h.cue[0].text(text), ":");
        assert_eq!(h.content[0].text(text), "Flowers Won’t Be at Debate");
        // a label before the colon, no name: nothing
        let text = "The Latest: Trump urges supporters to vote\n\nMore text follows here.";
        assert_eq!(
            headline_claim(text, &[ent(text, "Trump", Label::Per)]),
            None
        );
        // a place is no source; a lone line is no headline
        let text = "Ohio: Voters Head to the Polls\n\nMore text follows here.";
        assert_eq!(headline_claim(text, &[ent(text, "Ohio", Label::Loc)]), None);
        let text = "Pence: Flowers Won’t Be at Debate.";
        assert_eq!(
            headline_claim(text, &[ent(text, "Pence", Label::Per)]),
            None
        );
    }

    #[test]
    fn each_turn_of_a_transcript_is_a_relation_of_its_speaker() {
        let text = "The senator spoke to the host on Sunday. A partial transcript follows.\n\n\
                    \"DALTON: Will you vote for the bill, senator?\n\n\
                    \"OKAFOR: Well, I said so last week, and I said why.\n\n\
                    \"DALTON: And the others?\n\n\
                    \"OKAFOR: They will decide for themselves.\"\n";
        let r = relations(text);
        let turns: Vec<(&str, &str, &str)> = r
            .iter()
            .filter(|(_, c, _)| c == ":")
            .map(|(s, c, x)| (s.as_str(), c.as_str(), x[0].as_str()))
            .collect();
        assert_eq!(
            turns,
            [
                ("DALTON", ":", "Will you vote for the bill, senator?"),
                ("OKAFOR", ":", "Well, I said so last week, and I said why."),
                ("DALTON", ":", "And the others?"),
                ("OKAFOR", ":", "They will decide for themselves."),
            ],
            "{r:?}"
        );
        // no relation found inside a turn's words survives beside it
        assert_eq!(r.len(), 4, "{r:?}");
        // the labels are people, and the speakers' actors
        let m = Models::embedded().unwrap();
        let a = analyze_with(text, &m).unwrap();
        let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
        assert!(
            names.contains(&"DALTON") && names.contains(&"OKAFOR"),
            "{names:?}"
        );
        assert!(a.attributions.iter().all(|x| x.actor.is_some()));
        // "Well," opening a turn is no name
        assert!(!a.entities.iter().any(|e| e.span.text(text) == "Well"));
    }
}
