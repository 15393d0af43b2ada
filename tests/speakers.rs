//! Quote shapes and speaker patterns with the shipped models, from our own example sentences.

use newslens::{Analysis, MentionKind, analyze};

/// (quote text, speaker text, actor name) for each quotation.
fn who(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let a: Analysis = analyze(text).unwrap();
    a.quotes
        .iter()
        .map(|q| {
            let actor = q.actor.map(|id| a.actors[id.0 as usize].name.clone());
            (
                q.span.text(text).to_string(),
                q.speaker.map(|m| m.span.text(text).to_string()),
                actor,
            )
        })
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    who(text).into_iter().map(|w| w.1).collect()
}

#[test]
fn quote_then_name_said() {
    assert_eq!(
        speakers("“We will win this fight,” Maria Lopez said on Monday."),
        [Some("Maria Lopez".into())]
    );
}

#[test]
fn quote_then_said_name() {
    assert_eq!(
        speakers("“The numbers do not add up,” said Robert Chen, a state auditor."),
        [Some("Robert Chen".into())]
    );
}

#[test]
fn name_said_colon_quote() {
    assert_eq!(
        speakers("Governor Alice Brandt said: “We are ready for the storm.”"),
        [Some("Alice Brandt".into())]
    );
}

#[test]
fn according_to_name() {
    let s = speakers(
        "The bridge will close in May, according to Tom Ellis, who called the repairs “long overdue and badly planned.”",
    );
    assert_eq!(s, [Some("Tom Ellis".into())]);
}

#[test]
fn pronoun_speaker_resolves_to_the_person() {
    let w = who("Sarah Mitchell left the hearing early. “I have said all I will say,” she said.");
    assert_eq!(w[0].1.as_deref(), Some("she"));
    assert_eq!(w[0].2.as_deref(), Some("Sarah Mitchell"));
}

#[test]
fn continuation_in_the_same_paragraph_shares_the_speaker() {
    let w = who("“We will appeal,” said David Ortiz. “This ruling ignores the facts.”");
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].2.as_deref(), Some("David Ortiz"));
    assert_eq!(w[1].2.as_deref(), Some("David Ortiz"));
}

#[test]
fn a_continuation_keeps_its_speaker_past_another_name_in_the_speakers_sentence() {
    let w = who(
        "“Our work is not done,” Ms. Ana Ruiz said on Friday at the union's dinner in Toledo, where Governor Paul Kent also spoke. “Fairness is on the ballot. Jobs are on the ballot.”",
    );
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].2.as_deref(), Some("Ana Ruiz"));
    assert_eq!(w[1].2.as_deref(), Some("Ana Ruiz"));
    // with a cue of its own the next quotation is not a continuation
    let w = who(
        "“Our work is not done,” Ana Ruiz said on Friday. “Fairness is on the ballot,” Paul Kent replied.",
    );
    assert_eq!(w[1].2.as_deref(), Some("Paul Kent"));
}

#[test]
fn a_message_with_a_colon_is_the_subjects() {
    let w = who(
        "With unions worried about turnout in Ohio, Governor Paul Kent is rolling out a blunt new message: “Vote as if your job depends on it.”",
    );
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].2.as_deref(), Some("Paul Kent"));
}

#[test]
fn a_name_with_an_appositive_before_the_cue_speaks() {
    let w = who(
        "Acme said it would appeal. “This decision is flawed,” Nora Blake, the firm's head of global affairs, wrote in a blog post.",
    );
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].1.as_deref(), Some("Nora Blake"));
}

#[test]
fn a_name_inside_a_relative_clause_before_the_cue_does_not_speak() {
    let w = who(
        "Ireland's Data Protection Commission (DPC), which oversees Acme in the EU, said the company had failed to address “the risks to the rights of users.”",
    );
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].1.as_deref(), Some("Data Protection Commission"));
}

#[test]
fn continuation_paragraph_shares_the_speaker() {
    let w = who(
        "“The plant will stay open,” said Karen Wu, the company's chief executive.\n\n“We owe that to the town and to the people who built it.”",
    );
    assert_eq!(w.len(), 2);
    assert_eq!(w[1].2.as_deref(), Some("Karen Wu"));
}

#[test]
fn multi_paragraph_quote_is_one_quotation() {
    let text = "Mayor Ben Hart said the vote was close.\n\n“We counted twice.\n\n“Then we counted again,” Hart said.";
    let w = who(text);
    assert_eq!(w.len(), 1);
    assert!(w[0].0.starts_with("“We counted") && w[0].0.ends_with("again,”"));
    assert_eq!(w[0].2.as_deref(), Some("Ben Hart"));
}

#[test]
fn description_speaker() {
    let a = analyze("“We have no comment at this time,” a company spokesman said.").unwrap();
    let m = a.quotes[0].speaker.unwrap();
    assert_eq!(m.kind, MentionKind::Description);
    assert!(
        m.span
            .text("“We have no comment at this time,” a company spokesman said.")
            .contains("spokesman")
    );
}

#[test]
fn a_title_in_quotes_is_not_a_quotation() {
    let w = who("Last year she starred in “The Long Road Home” and then retired.");
    assert!(w.is_empty(), "{w:?}");
}

#[test]
fn nested_single_quotes_stay_inside_the_quotation() {
    let w = who("“He told us ‘never again,’ and we believed him,” Ana Ruiz said.");
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].0, "“He told us ‘never again,’ and we believed him,”");
}
