//! Tests of `entities::repair`: each rule on our own sentences, where it fires and where it must
//! not.

use super::*;

/// Entities at each name's next occurrence in `text`, in order (a name given twice is found
/// twice).
fn ents_at(text: &str, names: &[(&str, Label)]) -> Vec<Entity> {
    let mut from = 0;
    names
        .iter()
        .map(|&(n, label)| {
            let a = from + text[from..].find(n).unwrap();
            from = a + n.len();
            Entity {
                span: Span::new(a, from),
                label,
            }
        })
        .collect()
}

/// (text, label) of each entity.
fn shown<'t>(text: &'t str, ents: &[Entity]) -> Vec<(&'t str, Label)> {
    ents.iter().map(|e| (e.span.text(text), e.label)).collect()
}

#[test]
fn organisations_joined_by_for_the_are_one_name() {
    let t = "the U.S. Court of Appeals for the Sixth Circuit and the FBI for the record";
    let got = join_for_the(
        t,
        ents_at(
            t,
            &[
                ("U.S. Court of Appeals", Label::Org),
                ("Sixth Circuit", Label::Org),
                ("FBI", Label::Org),
            ],
        ),
    );
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].span.text(t),
        "U.S. Court of Appeals for the Sixth Circuit"
    );
}

#[test]
fn a_bare_surname_after_a_full_name_is_a_person() {
    let text = "Vladimir Putin spoke . Putin left .";
    let tok = crate::text::tokens::analyze_text(text);
    let mut ents = ents_at(
        text,
        &[("Vladimir Putin", Label::Per), ("Putin", Label::Loc)],
    );
    consistent_surnames(text, &tok, &mut ents);
    assert_eq!(ents[1].label, Label::Per);
}

#[test]
fn interjections_and_stage_directions_are_no_names() {
    let text = "Well, look, Mr. Kent said. (CROSSTALK.) [LAUGHTER] Well Fargo. Look Ahead, Inc.";
    let ents = ents_at(
        text,
        &[
            ("Well", Label::Per),
            ("Kent", Label::Per),
            ("CROSSTALK", Label::Org),
            ("LAUGHTER", Label::Misc),
            ("Well Fargo", Label::Org),
            ("Look Ahead", Label::Org),
        ],
    );
    let got: Vec<(&str, Label)> = shown(text, &no_interjections(text, ents));
    assert_eq!(
        got,
        [
            ("Kent", Label::Per),
            ("Well Fargo", Label::Org),
            ("Look Ahead", Label::Org)
        ]
    );
}

#[test]
fn transcript_labels_are_people_and_roles_are_not() {
    let text = "MODERATOR: Your view, please?\n\nJANE DOE: We disagree, of course.\n\n\
                MODERATOR: And yours?\n\nROE: Same as hers.\n\nJANE DOE: Thank you all.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(text, &[("JANE", Label::Loc), ("ROE", Label::Org)]);
    let got: Vec<(&str, Label)> = shown(text, &transcript_speakers(text, &tok, ents));
    assert_eq!(
        got,
        [
            ("JANE DOE", Label::Per),
            ("ROE", Label::Per),
            ("JANE DOE", Label::Per)
        ]
    );
    // no dialogue, no change
    let text = "UPDATE: The count is final.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(text, &[("UPDATE", Label::Org)]);
    assert_eq!(transcript_speakers(text, &tok, ents.clone()), ents);
}

#[test]
fn initials_and_suffixes_stay_in_person_names() {
    let text = "Donor J. Joe Ricketts met Martin Luther King Jr. and Vann R. Newkirk II there.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("J.", Label::Misc),
            ("Joe Ricketts", Label::Per),
            ("Martin Luther King", Label::Per),
            ("Vann R. Newkirk", Label::Org),
            ("II", Label::Per), // the tagger's suffix alone: absorbed, not kept beside
        ],
    );
    let got: Vec<(&str, Label)> = shown(text, &person_edges(text, &tok, ents));
    assert_eq!(
        got,
        [
            ("J. Joe Ricketts", Label::Per),
            ("Martin Luther King Jr.", Label::Per),
            ("Vann R. Newkirk II", Label::Per)
        ]
    );
}

#[test]
fn a_body_cut_at_its_connector_is_one_organisation() {
    let text = "The Northeast Ohio Coalition for the Homeless and the Movement for Black Lives met Tom for lunch.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("Northeast Ohio Coalition", Label::Loc),
            ("Homeless", Label::Org),
            ("Black Lives", Label::Org),
            ("Tom", Label::Per),
        ],
    );
    let got: Vec<(&str, Label)> = shown(text, &named_bodies(text, &tok, ents));
    assert_eq!(
        got,
        [
            ("Northeast Ohio Coalition for the Homeless", Label::Org),
            ("Movement for Black Lives", Label::Org),
            ("Tom", Label::Per) // "met Tom for lunch": no body's head before "for"
        ]
    );
}

#[test]
fn a_name_after_a_word_for_a_body_is_that_body() {
    let text = "The social media company Meta and the activist Max Schrems met centre Ann Lee.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("Meta", Label::Per),
            ("Max Schrems", Label::Per),
            ("Ann Lee", Label::Per),
        ],
    );
    let labels: Vec<Label> = named_by_head(text, &tok, ents)
        .iter()
        .map(|e| e.label)
        .collect();
    assert_eq!(labels, [Label::Org, Label::Per, Label::Per]);
}

#[test]
fn ordinals_and_chapters_belong_to_the_name() {
    let text = "He will appeal to the 11th Circuit, said the ACLU of Georgia and the ACLU in Ohio.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("Circuit", Label::Per),
            ("ACLU", Label::Org),
            ("Georgia", Label::Loc),
            ("ACLU", Label::Org),
            ("Ohio", Label::Loc),
        ],
    );
    let got: Vec<(&str, Label)> = shown(text, &ordinals_and_chapters(text, &tok, ents));
    assert_eq!(
        got,
        [
            ("11th Circuit", Label::Org),
            ("ACLU of Georgia", Label::Org),
            ("ACLU", Label::Org),
            ("Ohio", Label::Loc)
        ]
    );
}

#[test]
fn the_name_after_an_honorific_is_a_person() {
    let text = "Mr. Morial spoke with Mrs. King and Ms. Ruiz Acme. Mr. Lee left.";
    let tok = crate::text::tokens::analyze_text(text);
    // the tagger missed Morial and King, called Ruiz Acme an organisation, kept "Mr. Lee"
    let ents = ents_at(text, &[("Ruiz Acme", Label::Org), ("Mr. Lee", Label::Org)]);
    let got: Vec<(&str, Label)> = shown(text, &honorific_names(text, &tok, ents));
    assert_eq!(
        got,
        [
            ("Morial", Label::Per),
            ("King", Label::Per),
            ("Ruiz Acme", Label::Per),
            ("Lee", Label::Per) // the honorific outside, as CoNLL marks names
        ]
    );
    // a lower-case word after "Mr." is no name
    let text = "He met the mr. and left.";
    let tok = crate::text::tokens::analyze_text(text);
    assert!(honorific_names(text, &tok, Vec::new()).is_empty());
    // two honorifics in a row (the fuzzer's "Mr. Mrs.\nZoë"): one name, never two that
    // overlap
    let text = "Mr. Mrs.\nZoë left. Dr. Ms. Lee Kim spoke.";
    let tok = crate::text::tokens::analyze_text(text);
    let got: Vec<(&str, Label)> = shown(text, &honorific_names(text, &tok, Vec::new()));
    assert_eq!(got, [("Zoë", Label::Per), ("Lee Kim", Label::Per)]);
    // a tagged entity from the honorific on, and another inside the words after it: the
    // first is not stretched over the second ("Miss Universe" + "Alicia Machado")
    let text = "She met Miss Universe Alicia Machado.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("Miss Universe", Label::Misc),
            ("Alicia Machado", Label::Per),
        ],
    );
    let got: Vec<(&str, Label)> = shown(text, &honorific_names(text, &tok, ents));
    assert_eq!(
        got,
        [
            ("Miss Universe", Label::Misc),
            ("Alicia Machado", Label::Per)
        ]
    );
}

/// Whatever the rules did, the entities come out in order and never overlap.
#[test]
fn entities_leave_repair_in_order_without_overlaps() {
    let text = "Mr. Mrs. Rep.\r\n Merkel and Dr. Jr. III Jr. Ms. Lee";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(text, &[("Merkel", Label::Per), ("Jr. III", Label::Org)]);
    let out = all(text, &tok, &Gazetteers::default(), ents);
    assert!(
        out.windows(2).all(|w| w[0].span.end <= w[1].span.start),
        "{:?}",
        shown(text, &out)
    );
    // overlapping input, out of order: the earlier (then longer) entity stays
    let at = |w: &str, label| {
        let a = text.find(w).unwrap();
        Entity {
            span: Span::new(a, a + w.len()),
            label,
        }
    };
    let net = in_order_without_overlaps(vec![
        at("Merkel", Label::Per),
        at("Rep.", Label::Per),
        at("Mrs. Rep.", Label::Org),
    ]);
    assert_eq!(
        shown(text, &net),
        [("Mrs. Rep.", Label::Org), ("Merkel", Label::Per)]
    );
}

#[test]
fn a_surname_before_the_full_name_is_left_alone() {
    let text = "Putin spoke . Vladimir Putin left .";
    let tok = crate::text::tokens::analyze_text(text);
    let mut ents = ents_at(
        text,
        &[("Putin", Label::Loc), ("Vladimir Putin", Label::Per)],
    );
    consistent_surnames(text, &tok, &mut ents);
    assert_eq!(ents[0].label, Label::Loc);
}

#[test]
fn a_place_before_war_names_the_war() {
    let text = "The Iraq War and the Gulf Wars cost Iraq dearly. Warsaw agreed.";
    let ents = ents_at(
        text,
        &[
            ("Iraq", Label::Loc),
            ("Gulf", Label::Loc),
            ("Iraq", Label::Loc),
        ],
    );
    let got: Vec<(&str, Label)> = shown(text, &named_wars(text, ents));
    assert_eq!(
        got,
        [
            ("Iraq War", Label::Misc),
            ("Gulf Wars", Label::Misc),
            ("Iraq", Label::Loc)
        ]
    );
}

#[test]
fn places_and_bodies_tagged_as_people_or_places_get_their_label() {
    let text = "Rikers Island and Seton Hall University hired Ann Hall.";
    let ents = ents_at(
        text,
        &[
            ("Rikers Island", Label::Per),
            ("Seton Hall University", Label::Per),
            ("Ann Hall", Label::Per),
        ],
    );
    let labels: Vec<Label> = not_people(text, ents).iter().map(|e| e.label).collect();
    assert_eq!(labels, [Label::Loc, Label::Org, Label::Per]);
    // a body tagged as a place or a misc name is the body; a place stays a place
    let text = "The Northshore Environmental Trust sued Rikers Island and the Bay Association.";
    let ents = ents_at(
        text,
        &[
            ("Northshore Environmental Trust", Label::Loc),
            ("Rikers Island", Label::Loc),
            ("Bay Association", Label::Misc),
        ],
    );
    let labels: Vec<Label> = not_people(text, ents).iter().map(|e| e.label).collect();
    assert_eq!(labels, [Label::Org, Label::Loc, Label::Org]);
    // a natural feature is a place, whatever it was tagged; a team on a bay is left alone
    let text = "The Merrow Reservoir feeds the Hudson River, said Tampa Bay.";
    let ents = ents_at(
        text,
        &[
            ("Merrow Reservoir", Label::Org),
            ("Hudson River", Label::Per),
            ("Tampa Bay", Label::Org),
        ],
    );
    let labels: Vec<Label> = not_people(text, ents).iter().map(|e| e.label).collect();
    assert_eq!(labels, [Label::Loc, Label::Loc, Label::Org]);
}

#[test]
fn a_section_header_is_no_name() {
    let text = "Veto Power Impedes Peace Efforts: the Security Council failed.\nUnited Nations Children's Fund: a report.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("Veto Power Impedes Peace Efforts", Label::Org),
            ("Security Council", Label::Org),
        ],
    );
    let kept: Vec<&str> = without_section_headers(text, &tok, ents)
        .iter()
        .map(|e| e.span.text(text))
        .collect();
    assert_eq!(kept, ["Security Council"]);
}

#[test]
fn a_first_name_in_an_editors_brackets_belongs_to_the_name() {
    let t = "Then [Angela] Merkel said no, and [Jo] Roe agreed.";
    let ents = crate::actors::test_entities(
        t,
        &[
            ("Angela", Label::Loc),
            ("Merkel", Label::Per),
            ("Jo] Roe", Label::Per),
        ],
    );
    let got: Vec<&str> = editors_brackets(t, ents)
        .iter()
        .map(|e| e.span.text(t))
        .collect();
    assert_eq!(got, ["[Angela] Merkel", "[Jo] Roe"]);
    // brackets around a whole name, or a name after a bracketed word that is no name: apart
    let t = "Then [Merkel] spoke [sic] Roe agreed.";
    let ents = crate::actors::test_entities(t, &[("Merkel", Label::Per), ("Roe", Label::Per)]);
    assert_eq!(editors_brackets(t, ents.clone()), ents);
}

#[test]
fn a_body_cut_before_on_or_for_a_is_one_organisation() {
    let text = "The Senate Subcommittee on Consumer Protection, the Committee for a Fair Budget and \
                the Commission on Presidential Debates met.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("Senate Subcommittee", Label::Org),
            ("Consumer Protection", Label::Org),
            ("Fair Budget", Label::Org),
            ("Commission", Label::Org),
        ],
    );
    assert_eq!(
        shown(text, &named_bodies(text, &tok, ents)),
        [
            ("Senate Subcommittee on Consumer Protection", Label::Org),
            ("Committee for a Fair Budget", Label::Org),
            ("Commission on Presidential Debates", Label::Org),
        ]
    );
}

#[test]
fn a_place_or_a_day_after_on_stays_apart_from_the_body() {
    let text = "The European Union on Bosnia, the Commission on Monday and the Council of a \
                Green Party met the Board on Human Rights Day.";
    let tok = crate::text::tokens::analyze_text(text);
    let ents = ents_at(
        text,
        &[
            ("European Union", Label::Org),
            ("Bosnia", Label::Loc),
            ("Commission", Label::Org),
            ("Council", Label::Org),
            ("Green Party", Label::Org),
            ("Board", Label::Org),
            ("Human Rights Day", Label::Misc),
        ],
    );
    let got = shown(text, &named_bodies(text, &tok, ents.clone()));
    assert_eq!(got, shown(text, &ents));
}

#[test]
fn a_name_after_a_capitalised_title_is_a_person() {
    let t = "Secretary General Ban Ki-moon spoke. President Obama left.";
    let ents = ents_at(t, &[("Ban Ki-moon", Label::Misc), ("Obama", Label::Org)]);
    let tok = crate::text::tokens::analyze_text(t);
    assert_eq!(
        shown(t, &people_after_titles(t, &tok, ents)),
        [("Ban Ki-moon", Label::Per), ("Obama", Label::Per)]
    );
    // a body or place named after someone; a headline in capitals; a lower-case title; a long
    // name
    let t = "Judge Rotenberg Center opened. COACH NICE won. The president Lincoln Memorial \
             Park Fund and Mayor New York City Ballet Company said.";
    let names = [
        ("Rotenberg Center", Label::Org),
        ("NICE", Label::Org),
        ("Lincoln Memorial", Label::Loc),
        ("New York City Ballet Company", Label::Org),
    ];
    let tok = crate::text::tokens::analyze_text(t);
    let got = people_after_titles(t, &tok, ents_at(t, &names));
    assert!(
        got.iter().all(|e| e.label != Label::Per),
        "{:?}",
        shown(t, &got)
    );
}

#[test]
fn a_country_and_its_acronym_tagged_as_bodies_are_places() {
    let gaz = Gazetteers::parse("COUNTRY\tUnited Arab Emirates\nSTATE\tColorado\n", "").unwrap();
    let t = "The United Arab Emirates said the UAE would help. Colorado won. Jordan scored. \
             The USA Today said.";
    let names = [
        ("United Arab Emirates", Label::Org),
        ("UAE", Label::Org),
        ("Colorado", Label::Org),
        ("Jordan", Label::Per),
        ("USA Today", Label::Org),
    ];
    let got = countries_as_places(t, &gaz, ents_at(t, &names));
    assert_eq!(
        shown(t, &got),
        [
            ("United Arab Emirates", Label::Loc),
            ("UAE", Label::Loc),
            // a state is also a team; a person is not relabelled; no country spelt
            ("Colorado", Label::Org),
            ("Jordan", Label::Per),
            ("USA Today", Label::Org),
        ]
    );
    // an acronym with no country named in full stays as tagged
    let t = "The UAE said.";
    let got = countries_as_places(t, &gaz, ents_at(t, &[("UAE", Label::Org)]));
    assert_eq!(shown(t, &got), [("UAE", Label::Org)]);
}
