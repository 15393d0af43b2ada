//! Tests of `actors::resolve`: each resolver rule on our own sentences, and where it must not
//! fire.

use super::super::build;
use crate::analysis::{Label, Mention, MentionKind};
use crate::speakers::Choice;
use crate::text::Span;
use crate::text::tokens::analyze_text;

use crate::actors::test_entities as ents;
use crate::knowledge::{Countries, Gazetteers, Knowledge};

/// The name of the actor that each quotation (“…”) in `t` goes to, when the quotation's
/// speaker mention is `speakers[i]` (the first occurrence after the previous speaker).
fn resolved(
    t: &str,
    names: &[(&str, Label)],
    speakers: &[(&str, MentionKind)],
) -> Vec<Option<String>> {
    resolved_with(t, names, speakers, &Knowledge::none())
}

/// `resolved`, with gazetteers or a table of countries.
fn resolved_with(
    t: &str,
    names: &[(&str, Label)],
    speakers: &[(&str, MentionKind)],
    knowledge: &Knowledge,
) -> Vec<Option<String>> {
    resolved_and_doubted(t, names, speakers, knowledge).0
}

/// `resolved_with`, and for each quotation whether its actor is in doubt.
fn resolved_and_doubted(
    t: &str,
    names: &[(&str, Label)],
    speakers: &[(&str, MentionKind)],
    knowledge: &Knowledge,
) -> (Vec<Option<String>>, Vec<bool>) {
    let tok = analyze_text(t);
    let mut quotes = Vec::new();
    let mut from = 0;
    while let Some(a) = t[from..].find('“') {
        let a = from + a;
        let b = a + t[a..].find('”').unwrap() + '”'.len_utf8();
        quotes.push(Span::new(a, b));
        from = b;
    }
    let mut at = 0;
    let atts: Vec<Choice> = speakers
        .iter()
        .enumerate()
        .map(|(i, (s, kind))| {
            // the speaker after its quotation, else before it ("Ryan said, “…”")
            let after = at.max(quotes[i].end);
            let p = t[after..]
                .find(s)
                .map(|x| after + x)
                .unwrap_or_else(|| at + t[at..].find(s).unwrap());
            at = p + s.len();
            Choice {
                speaker: Some(Mention {
                    span: Span::new(p, p + s.len()),
                    kind: *kind,
                }),
                cue: None,
                margin: 1.0,
            }
        })
        .collect();
    let super::super::Built {
        actors,
        quote_actor: qa,
        quote_in_doubt,
        ..
    } = build(t, &tok, &ents(t, names), &quotes, &atts, &[], knowledge);
    let names = qa
        .iter()
        .map(|a| a.map(|id| actors[id.0 as usize].name.clone()))
        .collect();
    (names, quote_in_doubt)
}
use Label::*;
use MentionKind::*;
fn one(v: Vec<Option<String>>) -> Option<String> {
    v.into_iter().next().flatten()
}

#[test]
fn he_is_the_subject_of_the_previous_sentence_not_the_person_it_mentions() {
    let t = "Ham made it clear he had misgivings about President Barack Obama. “It was demoralizing,” he said.";
    let r = resolved(
        t,
        &[("Ham", Per), ("Barack Obama", Per)],
        &[("he", Pronoun)],
    );
    assert_eq!(one(r).as_deref(), Some("Ham"));
}

#[test]
fn a_sentence_opened_by_the_same_pronoun_continues_the_chain() {
    let names = [("Lynch", Per), ("Lynch", Per), ("Hillary Clinton", Per)];
    let t = "Lynch spoke. “Own it,” Lynch said.\n\nShe met Hillary Clinton in June.\n\nShe said \
             she was calm.\n\n“People tend not to say those things,” she said.";
    let r = resolved(t, &names, &[("Lynch", Name), ("she", Pronoun)]);
    assert_eq!(r[1].as_deref(), Some("Lynch"));
    // must not fire: a sentence opened by "he" does not hide the woman it names
    let t = "Lynch spoke. “Own it,” Lynch said.\n\nHe met Hillary Clinton in June.\n\n“People \
             tend not to say those things,” she said.";
    let r = resolved(t, &names, &[("Lynch", Name), ("she", Pronoun)]);
    assert_eq!(r[1].as_deref(), Some("Hillary Clinton"));
}

#[test]
fn the_one_a_relative_clause_gives_words_to_is_the_antecedent() {
    let names = [("Sam Malu", Per), ("John Inienger", Per)];
    let t = "Sam Malu replaced John Inienger, who told officers that peace was near. “It was \
             difficult,” he said.";
    let r = resolved(t, &names, &[("he", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("John Inienger"));
    // must not fire: a relative clause without a verb of speech
    let t = "Sam Malu replaced John Inienger, who left in June. “It was difficult,” he said.";
    let r = resolved(t, &names, &[("he", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("Sam Malu"));
}

#[test]
fn he_said_and_it_said_sentences_continue_the_chain() {
    let names = [
        ("Timothy Reid", Per),
        ("Brush Wellman", Org),
        ("Ann Lee", Per),
    ];
    let t = "Timothy Reid spoke for Brush Wellman. A suit by Ann Lee was dismissed, he said. \
             “We are defending them,” he said.";
    let r = resolved(t, &names, &[("he", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("Timothy Reid"));
    let names = [("Catholic Information Office", Org), ("Sudan", Loc)];
    let t = "The Catholic Information Office spoke. It said Sudan held them. “The mission was \
             looted,” it added.";
    let r = resolved(t, &names, &[("it", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("Catholic Information Office"));
    // must not fire: "It was" opens no chain
    let t = "The Catholic Information Office spoke. It was Sudan that held them. “The mission \
             was looted,” it added.";
    let r = resolved(t, &names, &[("it", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("Sudan"));
}

#[test]
fn a_name_after_a_preposition_is_passed_over() {
    let t = "Obama spoke after meeting with Russian President Vladimir Putin. “Our goal is peace,” he said.";
    let r = resolved(
        t,
        &[("Obama", Per), ("Vladimir Putin", Per)],
        &[("he", Pronoun)],
    );
    assert_eq!(one(r).as_deref(), Some("Obama"));
}

#[test]
fn a_chain_of_he_said_stays_with_its_speaker() {
    let t = "“We won,” Smith said of Jones. “It was close,” he said. Jones disagreed. “Not close,” he said.";
    let r = resolved(
        t,
        &[("Smith", Per), ("Jones", Per), ("Jones", Per)],
        &[("Smith", Name), ("he", Pronoun), ("he", Pronoun)],
    );
    assert_eq!(
        r,
        [
            Some("Smith".into()),
            Some("Smith".into()),
            Some("Jones".into())
        ]
    );
}

#[test]
fn she_is_never_a_man_and_he_never_a_woman() {
    let gaz = Gazetteers::parse("FIRST_F\tMelania\nFIRST_M\tTed\n", "").unwrap();
    let t = "Melania praised Ted Cruz. “The day was personal,” he said.";
    let k = Knowledge {
        gazetteers: &gaz,
        ..Knowledge::none()
    };
    let r = resolved_with(
        t,
        &[("Melania", Per), ("Ted Cruz", Per)],
        &[("he", Pronoun)],
        &k,
    );
    assert_eq!(one(r).as_deref(), Some("Ted Cruz"));
}

#[test]
fn a_modifier_name_is_not_the_antecedent() {
    let t = "Trump campaign spokesman Jason Miller called. “We have no text,” he said.";
    let r = resolved(
        t,
        &[("Trump", Per), ("Jason Miller", Per)],
        &[("he", Pronoun)],
    );
    assert_eq!(one(r).as_deref(), Some("Jason Miller"));
}

/// The rival `Resolver::rival` finds for the pronoun of the first quotation of `t`.
fn rival_of(t: &str, names: &[(&str, Label)], pronoun: &str) -> Option<String> {
    doubt_of(t, names, pronoun).0
}

/// The rival of the first quotation's pronoun, and whether its antecedent is far.
fn doubt_of(t: &str, names: &[(&str, Label)], pronoun: &str) -> (Option<String>, bool) {
    let tok = analyze_text(t);
    let ents = ents(t, names);
    let clusters = crate::actors::cluster::cluster(t, &tok, &ents, &Knowledge::none()).clusters;
    let q = crate::actors::test_first_quote(t);
    let quotes = [q];
    let roles = vec![None; clusters.len()];
    let r = super::Resolver::new(t, &tok, &quotes, &clusters, &roles);
    let p = q.end + t[q.end..].find(pronoun).unwrap();
    let p = Span::new(p, p + pronoun.len());
    let Some(chosen) = r.pronoun(p, &clusters) else {
        return (None, false);
    };
    let rival = r.rival(p, chosen, &clusters);
    (rival.map(|ci| clusters[ci].name.clone()), r.far(p, chosen))
}

#[test]
fn an_antecedent_three_paragraphs_back_is_found_but_far() {
    let names = [("Adrian Nastase", Per)];
    let near = "Adrian Nastase spoke.\n\nThe treaty was signed.\n\n“Vexed,” he said.";
    assert_eq!(doubt_of(near, &names, "he"), (None, false));
    let far = "Adrian Nastase spoke.\n\nThe treaty was signed.\n\nIt will help.\n\n“Vexed,” he \
               said.";
    let r = resolved(far, &names, &[("he", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("Adrian Nastase"));
    assert_eq!(doubt_of(far, &names, "he"), (None, true));
}

#[test]
fn a_pronoun_with_a_nearer_compatible_name_is_in_doubt() {
    let names = [("Ann Lee", Per), ("Mary Roe", Per)];
    let t = "Ann Lee thanked Mary Roe. “Fine,” she said.";
    assert_eq!(rival_of(t, &names, "she").as_deref(), Some("Mary Roe"));
    // the nearest compatible name is the antecedent: no doubt
    let t = "Mary Roe met Ann Lee. Then Ann Lee left. “Fine,” she said.";
    assert_eq!(
        rival_of(
            t,
            &[("Mary Roe", Per), ("Ann Lee", Per), ("Ann Lee", Per)],
            "she"
        ),
        None
    );
    // a name the pronoun cannot refer to is no rival
    let t = "Ann Lee thanked Acme Corp. “Fine,” she said.";
    assert_eq!(
        rival_of(t, &[("Ann Lee", Per), ("Acme Corp", Org)], "she"),
        None
    );
}

#[test]
fn a_pronoun_that_passes_over_the_speaker_quoted_just_before_is_in_doubt() {
    let names = [("Leslie Wimes", Per), ("Hillary Clinton", Per)];
    let t = "“Panic,” said Leslie Wimes.\n\nHillary Clinton lost ground. “Too late,” she said.";
    let speakers = [("Leslie Wimes", Name), ("she", Pronoun)];
    let (who, doubt) = resolved_and_doubted(t, &names, &speakers, &Knowledge::none());
    assert_eq!(who[1].as_deref(), Some("Hillary Clinton"));
    assert_eq!(doubt, [false, true]);
    // the same speaker again, a speaker the pronoun cannot mean, or one two paragraphs back
    for t in [
        "“Panic,” said Hillary Clinton.\n\nShe thinks Leslie Wimes lost. Hillary Clinton \
         left. “Too late,” she said.",
        "“Panic,” said Leslie Wimes.\n\nIt rained.\n\nHillary Clinton left. “Too late,” \
         she said.",
    ] {
        let speakers = [
            (
                if t.contains("said Hillary") {
                    "Hillary Clinton"
                } else {
                    "Leslie Wimes"
                },
                Name,
            ),
            ("she", Pronoun),
        ];
        let (_, doubt) = resolved_and_doubted(t, &names, &speakers, &Knowledge::none());
        assert_eq!(doubt, [false, false], "{t}");
    }
    // the antecedent speaks in the pronoun's own paragraph
    let t =
        "“Panic,” said Leslie Wimes.\n\nHillary Clinton said it was late. “Too late,” she said.";
    let (_, doubt) = resolved_and_doubted(t, &names, &speakers, &Knowledge::none());
    assert_eq!(doubt, [false, false]);
    let names = [("Leslie Wimes", Per), ("John Roe", Per)];
    let t = "“Panic,” said Mrs. Leslie Wimes.\n\nJohn Roe left. “Too late,” he said.";
    let speakers = [("Leslie Wimes", Name), ("he", Pronoun)];
    let (_, doubt) = resolved_and_doubted(t, &names, &speakers, &Knowledge::none());
    assert_eq!(doubt, [false, false]);
}

#[test]
fn sentences_inside_a_long_quotation_do_not_use_up_the_search() {
    let t = "Ryan said, “One. Two. Three. Four. Five. Six. Seven.” He added, “Eight.”";
    let r = resolved(t, &[("Ryan", Per)], &[("Ryan", Name), ("He", Pronoun)]);
    assert_eq!(r, [Some("Ryan".into()), Some("Ryan".into())]);
}

#[test]
fn the_answer_to_a_question_is_by_the_one_asked() {
    let t = "Scott Conroy asked Bernie Sanders whether his health was fair game. “Sure it is,” he said.";
    let r = resolved(
        t,
        &[("Scott Conroy", Per), ("Bernie Sanders", Per)],
        &[("he", Pronoun)],
    );
    assert_eq!(one(r).as_deref(), Some("Bernie Sanders"));
}

#[test]
fn i_outside_a_quotation_is_the_writer_not_the_last_person_named() {
    let t = "Hillary Clinton has done nothing wrong. “Thank you,” I hope America says.";
    let r = resolved(t, &[("Hillary Clinton", Per)], &[("I", Pronoun)]);
    assert_eq!(one(r), None);
}

#[test]
fn in_its_own_sentence_a_pronoun_takes_the_nearest_name_before_it() {
    let t =
        "Michael Flynn said Donald Trump was right when he said “the generals have been reduced.”";
    let r = resolved(
        t,
        &[("Michael Flynn", Per), ("Donald Trump", Per)],
        &[("he", Pronoun)],
    );
    assert_eq!(one(r).as_deref(), Some("Donald Trump"));
}

#[test]
fn nothing_compatible_nearby_means_no_actor() {
    let t = "The weather was cold. “It is cold,” she said.";
    let r = resolved(t, &[], &[("she", Pronoun)]);
    assert_eq!(one(r), None);
}

#[test]
fn a_person_description_goes_to_the_person_the_sentence_is_about() {
    let t = "Bernie Sanders met voters in Burlington. “Some people,” the Vermont senator said.";
    let r = resolved(
        t,
        &[("Bernie Sanders", Per), ("Burlington", Loc)],
        &[("the Vermont senator", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("Bernie Sanders"));
}

#[test]
fn a_description_with_a_role_goes_to_the_actor_with_that_role() {
    let t = "Mayor Bill de Blasio spoke to Ann Lee. “No evidence,” the mayor said.";
    let r = resolved(
        t,
        &[("Bill de Blasio", Per), ("Ann Lee", Per)],
        &[("the mayor", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("Bill de Blasio"));
}

#[test]
fn an_organisation_description_goes_to_a_body_whose_name_holds_it() {
    let t =
        "The Teachers Union met the Board of Education and Ann Lee. “We strike,” the union said.";
    let r = resolved(
        t,
        &[
            ("Teachers Union", Org),
            ("Board of Education", Org),
            ("Ann Lee", Per),
        ],
        &[("the union", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("Teachers Union"));
    // no body named that way: the first organisation of the nearest sentence
    let t = "Officials met Acme Corp and Ann Lee. “Safeguards fail,” the group said.";
    let r = resolved(
        t,
        &[("Acme Corp", Org), ("Ann Lee", Per)],
        &[("the group", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("Acme Corp"));
}

#[test]
fn the_possessor_of_a_description_is_not_its_referent() {
    let t = "David Axelrod called on Dean to apologize. “That was outrageous,” Obama’s former strategist said.";
    let r = resolved(
        t,
        &[("David Axelrod", Per), ("Dean", Per), ("Obama", Per)],
        &[("former strategist", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("David Axelrod"));
}

#[test]
fn a_plural_or_unknown_description_is_no_actor() {
    let t = "Ann Lee spoke. “Fine,” several officials said.";
    let r = resolved(
        t,
        &[("Ann Lee", Per)],
        &[("several officials", Description)],
    );
    assert_eq!(one(r), None);
}

#[test]
fn the_council_is_a_body_though_council_is_a_title_word() {
    let t = "Ann Lee met the Security Council. “We are concerned,” the council said.";
    let r = resolved(
        t,
        &[("Ann Lee", Per), ("Security Council", Org)],
        &[("the council", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("Security Council"));
}

#[test]
fn a_document_speaks_for_its_author() {
    let t = "In an email, Haim Solberg wrote to Ann Lee. “No,” the email said.";
    let r = resolved(
        t,
        &[("Haim Solberg", Per), ("Ann Lee", Per)],
        &[("the email", Description)],
    );
    assert_eq!(one(r).as_deref(), Some("Haim Solberg"));
    let t = "Acme Corp said in a statement it would appeal. “We disagree,” the statement said.";
    let r = resolved(t, &[("Acme Corp", Org)], &[("the statement", Description)]);
    assert_eq!(one(r).as_deref(), Some("Acme Corp"));
    // no such document named before: no author, not the last person named
    let t = "Ann Lee left. “No,” the statement said.";
    let r = resolved(t, &[("Ann Lee", Per)], &[("the statement", Description)]);
    assert_eq!(one(r), None);
}

#[test]
fn a_document_in_or_by_a_body_is_the_body_s() {
    let names = [("China", Loc), ("China Daily", Org)];
    let t = "China spoke. “Unrepentant,” said a commentary in the official China Daily. \
             “Never,” the commentary said.";
    let speakers = [
        ("a commentary", Description),
        ("the commentary", Description),
    ];
    let r = resolved(t, &names, &speakers);
    assert_eq!(r, [Some("China Daily".into()), Some("China Daily".into())]);
    // must not fire: a place after "in" that is not right after the document word
    let t = "China Daily spoke. A commentary said so in Beijing. “Never,” the commentary said.";
    let names = [("China Daily", Org), ("Beijing", Loc)];
    let r = resolved(t, &names, &[("the commentary", Description)]);
    assert_eq!(one(r), None);
}

#[test]
fn it_after_a_sentence_about_the_newspaper_is_the_newspaper() {
    let names = [("China", Loc), ("People's Daily", Org), ("China", Loc)];
    let t = "China spoke, the People's Daily newspaper said. The newspaper said China \
             wanted a ban. “Some powers stubbornly uphold deterrence,” it said.";
    let r = resolved(t, &names, &[("it", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("People's Daily"));
    // must not fire: a sentence about something else leaves the search to the names
    let t = "China spoke, the People's Daily newspaper said. The treaty said China \
             wanted a ban. “Some powers stubbornly uphold deterrence,” it said.";
    let r = resolved(t, &names, &[("it", Pronoun)]);
    assert_eq!(one(r).as_deref(), Some("China"));
}

#[test]
fn a_spokesperson_speaks_for_the_body_their_phrase_names_else_for_no_one() {
    let t = "Ann Lee spoke. “Fine,” a spokeswoman for Acme Corp said.";
    let names = [("Ann Lee", Per), ("Acme Corp", Org)];
    let r = resolved(t, &names, &[("a spokeswoman for Acme Corp", Description)]);
    assert_eq!(one(r).as_deref(), Some("Acme Corp"));
    // an unnamed spokesperson is not the person named before
    let t = "Ann Lee spoke. “Fine,” a spokeswoman said.";
    let r = resolved(t, &names[..1], &[("a spokeswoman", Description)]);
    assert_eq!(one(r), None);
    // unless that person is the one spokeswoman the article names
    let t = "Ann Lee, the Acme spokeswoman, spoke. “Fine,” the spokeswoman said.";
    let r = resolved(t, &names[..1], &[("the spokeswoman", Description)]);
    assert_eq!(one(r).as_deref(), Some("Ann Lee"));
}

#[test]
fn a_government_official_described_by_a_demonym_speaks_for_the_named_country() {
    let countries =
        Countries::parse("Australia\tCanberra\tAustralian\nAfghanistan\tKabul\tAfghan\n").unwrap();
    let k = Knowledge {
        countries: &countries,
        ..Knowledge::none()
    };
    let t =
        "Australia protested to Sudan. “Bizarre,” an Australian foreign ministry official said.";
    let names = [("Australia", Loc), ("Sudan", Loc)];
    let speaker = [("an Australian foreign ministry official", Description)];
    let r = resolved_with(t, &names, &speaker, &k);
    assert_eq!(one(r).as_deref(), Some("Australia"));
    // a body named before with its country: "the embassy official" is the Afghan embassy's
    let t = "Guards will go home to Afghanistan, the Afghan embassy in Dubai said. The embassy \
             was busy. “Possibly Kandahar,” the embassy official said.";
    let names = [("Afghanistan", Loc), ("Dubai", Loc)];
    let speaker = [("the embassy official", Description)];
    let r = resolved_with(t, &names, &speaker, &k);
    assert_eq!(one(r).as_deref(), Some("Afghanistan"));
    // no government word: an Australian tourist is not Australia
    let t = "Australia protested. “Bizarre,” an Australian tourist said.";
    let speaker = [("an Australian tourist", Description)];
    let r = resolved_with(t, &[("Australia", Loc)], &speaker, &k);
    assert_eq!(one(r), None);
    // a country the text does not name is no actor to speak for
    let t = "Sudan protested. “Bizarre,” an Australian official said.";
    let speaker = [("an Australian official", Description)];
    let r = resolved_with(t, &[("Sudan", Loc)], &speaker, &k);
    assert_eq!(one(r), None);
}
