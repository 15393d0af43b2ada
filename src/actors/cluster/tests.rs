//! Tests of `actors::cluster`.

use super::*;
use crate::text::tokens::analyze_text;

use crate::actors::test_entities as ents;

/// (display name, number of mentions) of every non-empty cluster, sorted.
fn groups(text: &str, names: &[(&str, Label)], gaz: &Gazetteers) -> Vec<(String, usize)> {
    let tok = analyze_text(text);
    let k = Knowledge {
        gazetteers: gaz,
        ..Knowledge::none()
    };
    let c = cluster(text, &tok, &ents(text, names), &k);
    let mut v: Vec<(String, usize)> = c
        .clusters
        .iter()
        .filter(|c| !c.mentions.is_empty())
        .map(|c| (c.name.clone(), c.mentions.len()))
        .collect();
    v.sort();
    v
}
fn g(text: &str, names: &[(&str, Label)]) -> Vec<(String, usize)> {
    groups(text, names, Knowledge::none().gazetteers)
}
fn s(name: &str, n: usize) -> (String, usize) {
    (name.to_string(), n)
}
use Label::*;

#[test]
fn a_capital_as_government_joins_its_named_country_and_as_a_place_stays_the_city() {
    let t = "BAGHDAD, Monday. Iraq said it would talk. Baghdad says the deal holds. He \
             arrived in Baghdad.";
    let names = [
        ("BAGHDAD", Loc),
        ("Iraq", Loc),
        ("Baghdad", Loc),
        ("Baghdad", Loc),
    ];
    let tok = analyze_text(t);
    let countries = Countries::parse("Iraq\tBaghdad\tIraqi\n").unwrap();
    let k = Knowledge {
        countries: &countries,
        ..Knowledge::none()
    };
    let c = cluster(t, &tok, &ents(t, &names), &k);
    let mut got: Vec<(String, usize)> = c
        .clusters
        .iter()
        .filter(|c| !c.mentions.is_empty())
        .map(|c| (c.name.clone(), c.mentions.len()))
        .collect();
    got.sort();
    assert_eq!(got, [s("BAGHDAD", 2), s("Iraq", 2)]);
    // without the country in the text, the capital stays one actor
    let t = "Baghdad says the deal holds. He arrived in Baghdad.";
    let tok = analyze_text(t);
    let names = [("Baghdad", Loc), ("Baghdad", Loc)];
    let c = cluster(t, &tok, &ents(t, &names), &k);
    assert_eq!(c.of[0], c.of[1]);
}

#[test]
fn surname_and_honorific_join_the_full_name() {
    let t = "Vladimir Putin spoke. Mr. Putin left. Putin’s aides stayed.";
    let got = g(
        t,
        &[("Vladimir Putin", Per), ("Putin", Per), ("Putin", Per)],
    );
    assert_eq!(got, [s("Vladimir Putin", 3)]);
}

#[test]
fn a_shared_surname_goes_to_the_person_introduced_first() {
    let t = "Bill Clinton spoke. Later Hillary Clinton arrived. Clinton said no.";
    let got = g(
        t,
        &[
            ("Bill Clinton", Per),
            ("Hillary Clinton", Per),
            ("Clinton", Per),
        ],
    );
    assert_eq!(got, [s("Bill Clinton", 2), s("Hillary Clinton", 1)]);
}

#[test]
fn a_shared_surname_nearer_another_full_name_is_in_doubt() {
    let shared = |t: &str, first: &str, second: &str| {
        let names = [(first, Per), (second, Per), ("Das", Per)];
        cluster(t, &analyze_text(t), &ents(t, &names), &Knowledge::none()).shared_surname
    };
    let t = "Mangala Das prayed. Tarak Das, 70, was found. Das spoke.";
    assert_eq!(shared(t, "Mangala Das", "Tarak Das"), [false, false, true]);
    // must not fire: the one it joins, introduced first, was also named last
    let t = "Mangala Das prayed. Tarak Das was found. Mangala Das wept. Das spoke.";
    let names = [
        ("Mangala Das", Per),
        ("Tarak Das", Per),
        ("Mangala Das", Per),
        ("Das", Per),
    ];
    let got = cluster(t, &analyze_text(t), &ents(t, &names), &Knowledge::none());
    assert_eq!(got.shared_surname, [false, false, false, false]);
}

#[test]
fn an_honorific_of_the_other_gender_blocks_a_surname_merge() {
    let t = "Mr. Obama spoke at length. Michelle Obama listened.";
    let gaz = Gazetteers::parse("FIRST_F\tMichelle\n", "").unwrap();
    let got = groups(t, &[("Obama", Per), ("Michelle Obama", Per)], &gaz);
    assert_eq!(got, [s("Michelle Obama", 1), s("Obama", 1)]);
}

#[test]
fn a_surname_far_before_the_full_name_stays_apart() {
    let filler = "The debate went on. ".repeat(FAR / 20 + 1);
    let t = format!("Obama spoke. {filler}Michelle Obama listened.");
    let got = g(&t, &[("Obama", Per), ("Michelle Obama", Per)]);
    assert_eq!(got.len(), 2);
}

#[test]
fn a_first_name_joins_the_one_full_name_it_starts() {
    let t = "Sarah Okoye spoke. Later Sarah laughed.";
    assert_eq!(
        g(t, &[("Sarah Okoye", Per), ("Sarah", Per)]),
        [s("Sarah Okoye", 2)]
    );
    // two full names with that first name: the first name stays apart
    let t = "Sarah Okoye and Sarah Lee spoke. Later Sarah laughed.";
    assert_eq!(
        g(
            t,
            &[("Sarah Okoye", Per), ("Sarah Lee", Per), ("Sarah", Per)]
        )
        .len(),
        3
    );
}

#[test]
fn a_middle_initial_is_ignored() {
    let got = g(
        "Donald J. Trump spoke. Donald Trump left. Loretta E. Lynch and Loretta Lynch met.",
        &[
            ("Donald J. Trump", Label::Per),
            ("Donald Trump", Label::Per),
            ("Loretta E. Lynch", Label::Per),
            ("Loretta Lynch", Label::Per),
        ],
    );
    assert_eq!(got, [s("Donald J. Trump", 2), s("Loretta E. Lynch", 2)]);
    // different middle names stay as they are; a first initial that two people's first names
    // fit stays apart (one that only one fits joins: `a_first_name_written_another_way_...`)
    let got = g(
        "J. Smith spoke. John Smith left. Jane Smith came. Ann Mary Roe and Ann Beth Roe met.",
        &[
            ("J. Smith", Label::Per),
            ("John Smith", Label::Per),
            ("Jane Smith", Label::Per),
            ("Ann Mary Roe", Label::Per),
            ("Ann Beth Roe", Label::Per),
        ],
    );
    assert_eq!(got.len(), 5, "{got:?}");
}

#[test]
fn name_particles_are_ignored() {
    let t = "Mohammed al-Rashid spoke. Rashid left.";
    assert_eq!(
        g(t, &[("Mohammed al-Rashid", Per), ("Rashid", Per)]),
        [s("Mohammed al-Rashid", 2)]
    );
}

#[test]
fn different_first_names_stay_apart() {
    let t = "John Smith met John Brown.";
    assert_eq!(g(t, &[("John Smith", Per), ("John Brown", Per)]).len(), 2);
}

#[test]
fn acronym_joins_its_expansion() {
    let t = "The Federal Bureau of Investigation said the FBI would act.";
    let got = g(t, &[("Federal Bureau of Investigation", Org), ("FBI", Org)]);
    assert_eq!(got, [s("Federal Bureau of Investigation", 2)]);
    let t = "The Department of Veterans Affairs said the VA would act.";
    let got = g(t, &[("Department of Veterans Affairs", Org), ("VA", Org)]);
    assert_eq!(got, [s("Department of Veterans Affairs", 2)]);
}

#[test]
fn parenthesised_acronym_joins_the_name_before_it() {
    let t = "The Kurdistan Workers’ Party (PKK) fought. The PKK denied it.";
    let got = g(
        t,
        &[
            ("Kurdistan Workers’ Party", Org),
            ("PKK", Org),
            ("PKK", Org),
        ],
    );
    assert_eq!(got, [s("Kurdistan Workers’ Party", 3)]);
}

#[test]
fn two_acronyms_in_one_parenthesis_stay_two_actors() {
    let t = "The People’s Protection Units (the YPG and YPJ) advanced. The YPG said the YPJ held the town.";
    let got = g(
        t,
        &[
            ("People’s Protection Units", Org),
            ("YPG", Org),
            ("YPJ", Org),
            ("YPG", Org),
            ("YPJ", Org),
        ],
    );
    assert_eq!(
        got,
        [s("People’s Protection Units", 1), s("YPG", 2), s("YPJ", 2)]
    );
}

#[test]
fn slash_separated_acronyms_in_parentheses_join_the_name() {
    let t = "The Islamic State (ISIS/ISIL) claimed it. ISIL later denied it, and ISIS agreed.";
    let got = g(
        t,
        &[
            ("Islamic State", Org),
            ("ISIS", Org),
            ("ISIL", Org),
            ("ISIL", Org),
            ("ISIS", Org),
        ],
    );
    assert_eq!(got, [s("Islamic State", 5)]);
}

#[test]
fn aliases_the_text_declares_merge() {
    let t = "The Liberation Front, also known as Jabhat, attacked. Jabhat denied it.";
    let got = g(
        t,
        &[("Liberation Front", Org), ("Jabhat", Org), ("Jabhat", Org)],
    );
    assert_eq!(got, [s("Liberation Front", 3)]);
    let t = "The Liberation Front (LF) advanced. Jabhat [the Arabic name for the LF] held.";
    let got = g(
        t,
        &[
            ("Liberation Front", Org),
            ("LF", Org),
            ("Jabhat", Org),
            ("LF", Org),
        ],
    );
    assert_eq!(got, [s("Liberation Front", 4)]);
    // a bracket that glosses something else joins nothing
    let t = "Jabhat [a group near the LF] held.";
    assert_eq!(g(t, &[("Jabhat", Org), ("LF", Org)]).len(), 2);
    let t = "Acme Holdings (formerly Bolt) grew.";
    assert_eq!(
        g(t, &[("Acme Holdings", Org), ("Bolt", Org)]),
        [s("Acme Holdings", 2)]
    );
}

#[test]
fn country_and_state_aliases_and_dotted_acronyms_join() {
    let t = "The United States and America met the U.S. team in Raleigh, N.C., in North Carolina. The S.E.C. and the Securities and Exchange Commission agreed.";
    let got = g(
        t,
        &[
            ("United States", Loc),
            ("America", Loc),
            ("U.S.", Loc),
            ("Raleigh", Loc),
            ("N.C.", Loc),
            ("North Carolina", Loc),
            ("S.E.C.", Org),
            ("Securities and Exchange Commission", Org),
        ],
    );
    assert_eq!(
        got,
        [
            s("North Carolina", 2),
            s("Raleigh", 1),
            s("Securities and Exchange Commission", 2),
            s("United States", 3)
        ]
    );
}

#[test]
fn a_short_form_read_as_a_person_joins_the_organisation_and_votes_with_it() {
    let t = "Fox News ran it. Trump told Fox that it was fine. Fox later agreed.";
    let names = [
        ("Fox News", Org),
        ("Trump", Per),
        ("Fox", Per),
        ("Fox", Per),
    ];
    let tok = analyze_text(t);
    let c = cluster(t, &tok, &ents(t, &names), &Knowledge::none());
    let fox = c.clusters.iter().find(|c| c.name == "Fox News").unwrap();
    assert_eq!((fox.mentions.len(), fox.label()), (3, Org));
    // a first name or a place in the gazetteer stays apart ("Charlotte" / "Charlotte Observer")
    let gaz = Gazetteers::parse("FIRST_F\tcharlotte\n", "").unwrap();
    let t = "The Charlotte Observer said so. Charlotte agreed.";
    let got = groups(t, &[("Charlotte Observer", Org), ("Charlotte", Per)], &gaz);
    assert_eq!(got, [s("Charlotte", 1), s("Charlotte Observer", 1)]);
    // two organisations open with the word: no guess
    let t = "Acme Bank and Acme Foods met. Acme said no.";
    let got = g(t, &[("Acme Bank", Org), ("Acme Foods", Org), ("Acme", Per)]);
    assert_eq!(got, [s("Acme", 1), s("Acme Bank", 1), s("Acme Foods", 1)]);
}

#[test]
fn the_names_of_one_militant_group_join() {
    let t = "The Islamic State lost ground. Fighting ISIS is hard, and ISIL knows it.";
    let got = g(t, &[("Islamic State", Org), ("ISIS", Org), ("ISIL", Org)]);
    assert_eq!(got, [s("Islamic State", 3)]);
}

#[test]
fn a_place_does_not_join_a_body_named_after_it() {
    let t = "The University of Lagos closed. Lagos flooded.";
    let got = g(t, &[("University of Lagos", Org), ("Lagos", Loc)]);
    assert_eq!(got, [s("Lagos", 1), s("University of Lagos", 1)]);
}

#[test]
fn organisation_short_forms_join() {
    let t = "The Washington Post reported it. The Post said more. BBC News and the BBC agreed.";
    let got = g(
        t,
        &[
            ("The Washington Post", Org),
            ("Post", Org),
            ("BBC News", Org),
            ("BBC", Org),
        ],
    );
    assert_eq!(got, [s("BBC News", 2), s("The Washington Post", 2)]);
}

#[test]
fn a_country_is_not_the_short_form_of_a_longer_place() {
    let t = "Ships crossed the Taiwan Strait. Taiwan protested. The Hudson Valley and the Hudson.";
    let names = [
        ("Taiwan Strait", Loc),
        ("Taiwan", Loc),
        ("Hudson Valley", Loc),
        ("Hudson", Loc),
    ];
    let gaz = Gazetteers::parse("COUNTRY\tTaiwan\n", "").unwrap();
    let got = groups(t, &names, &gaz);
    // the country stays apart; a word that names no country still joins
    assert_eq!(
        got,
        [s("Hudson Valley", 2), s("Taiwan", 1), s("Taiwan Strait", 1)]
    );
}

#[test]
fn a_town_followed_by_its_state_is_not_a_surname() {
    let gaz = Gazetteers::parse("STATE\tArkansas\n", "").unwrap();
    let t = "Two churches near Turner, Arkansas, burned. Rev. Jerome Turner spoke.";
    let names = [("Turner", Loc), ("Arkansas", Loc), ("Jerome Turner", Per)];
    assert_eq!(
        groups(t, &names, &gaz),
        [s("Arkansas", 1), s("Jerome Turner", 1), s("Turner", 1)]
    );
    // a surname tagged as a place, with no state after it, still joins its person
    let t = "Two churches near Turner burned. Rev. Jerome Turner spoke.";
    let names = [("Turner", Loc), ("Jerome Turner", Per)];
    assert_eq!(groups(t, &names, &gaz), [s("Jerome Turner", 2)]);
    // the town read as a person, after "near": still a town, voting as a place
    let t = "Two churches near Turner, Arkansas, burned. Rev. Jerome Turner spoke.";
    let names = [("Turner", Per), ("Arkansas", Loc), ("Jerome Turner", Per)];
    let tok = analyze_text(t);
    let k = Knowledge {
        gazetteers: &gaz,
        ..Knowledge::none()
    };
    let c = cluster(t, &tok, &ents(t, &names), &k);
    let town = &c.clusters[c.of[0]];
    assert_eq!((town.mentions.len(), town.label()), (1, Loc));
    // a person's surname before a state, with no place word before it, joins its person
    let t = "Rev. Jerome Turner spoke. Turner, Arkansas's pastor, wept.";
    let names = [("Jerome Turner", Per), ("Turner", Per), ("Arkansas", Loc)];
    assert_eq!(
        groups(t, &names, &gaz),
        [s("Arkansas", 1), s("Jerome Turner", 2)]
    );
}

#[test]
fn the_text_s_own_pronoun_after_a_verb_of_speech_gives_the_gender() {
    let gender = |t: &str, name: &str| {
        let gaz = Gazetteers::parse("FIRST_F\tJannie\n", "").unwrap();
        let c = cluster(
            t,
            &analyze_text(t),
            &ents(t, &[(name, Per)]),
            &Knowledge {
                gazetteers: &gaz,
                ..Knowledge::none()
            },
        );
        c.clusters[0].gender
    };
    // the first-name list says a woman; the text says a man
    let t = "Political scientist Jannie Gagiano said he doubted it.";
    assert_eq!(gender(t, "Jannie Gagiano"), Some(Gender::Male));
    // a pronoun that is not right after a verb of speech says nothing
    let t = "Jannie Gagiano met him. He left.";
    assert_eq!(gender(t, "Jannie Gagiano"), Some(Gender::Female));
}

#[test]
fn a_first_name_written_another_way_is_the_same_person() {
    let t = "Boris Yeltsin rested. B. Yeltsin signed. Marc Dutroux was held. Mark Dutroux wept.";
    let names = [
        ("Boris Yeltsin", Per),
        ("B. Yeltsin", Per),
        ("Marc Dutroux", Per),
        ("Mark Dutroux", Per),
    ];
    assert_eq!(g(t, &names), [s("Boris Yeltsin", 2), s("Marc Dutroux", 2)]);
    // other first names stay other people: another initial, or apart before the last letter
    let t = "Boris Yeltsin rested. T. Yeltsin signed. Jane Roe spoke. Jake Roe wept.";
    let names = [
        ("Boris Yeltsin", Per),
        ("T. Yeltsin", Per),
        ("Jane Roe", Per),
        ("Jake Roe", Per),
    ];
    assert_eq!(
        g(t, &names),
        [
            s("Boris Yeltsin", 1),
            s("Jake Roe", 1),
            s("Jane Roe", 1),
            s("T. Yeltsin", 1)
        ]
    );
}

#[test]
fn a_surname_spelt_one_letter_apart_is_the_same_person() {
    let t = "Harold Bornstein wrote. Bornsten said. Sergei Yastrzhembsky spoke. Yastrezhembsky \
             added. Tyresha Mcclenney left. Mclenney went.";
    let names = [
        ("Harold Bornstein", Per),
        ("Bornsten", Org),
        ("Sergei Yastrzhembsky", Per),
        ("Yastrezhembsky", Per),
        ("Tyresha Mcclenney", Per),
        ("Mclenney", Org),
    ];
    assert_eq!(
        g(t, &names),
        [
            s("Harold Bornstein", 2),
            s("Sergei Yastrzhembsky", 2),
            s("Tyresha Mcclenney", 2)
        ]
    );
}

#[test]
fn a_surname_spelt_apart_stays_apart_when_short_ambiguous_or_far_off() {
    // four letters is too short; another first letter; two letters apart; two people fit; a
    // place is not a person's surname
    let t = "George Bush spoke. Rush said. Sarah Hansen wrote. Jansen said. Mary Schmidt ran. \
             Schmitz said. Paul Carters and Anne Cartes met. Carter said. Jim Berlins came to \
             Berlin.";
    let names = [
        ("George Bush", Per),
        ("Rush", Per),
        ("Sarah Hansen", Per),
        ("Jansen", Per),
        ("Mary Schmidt", Per),
        ("Schmitz", Per),
        ("Paul Carters", Per),
        ("Anne Cartes", Per),
        ("Carter", Per),
        ("Jim Berlins", Per),
        ("Berlin", Loc),
    ];
    let got = g(t, &names);
    assert_eq!(got.iter().filter(|(_, n)| *n > 1).count(), 0, "{got:?}");
}

#[test]
fn one_edit_apart_counts_one_letter_left_out_added_changed_or_swapped() {
    for (a, b) in [
        ("bornstein", "bornsten"),
        ("samuelson", "sameuelson"),
        ("donald", "donand"),
        ("schmidt", "schmdit"),
    ] {
        assert!(one_edit_apart(a, b) && one_edit_apart(b, a), "{a} {b}");
    }
    for (a, b) in [
        ("mcclenney", "mclenny"),
        ("carter", "carter"),
        ("abcx", "xabc"),
    ] {
        assert!(!one_edit_apart(a, b), "{a} {b}");
    }
}

#[test]
fn a_company_with_and_without_its_legal_form_is_one_actor() {
    let t = "Brush Wellman Inc said. Brush Wellman rose. Marks and Spencer plc spoke. Marks and \
             Spencer said. Acme Inc sued Acme Co.";
    let names = [
        ("Brush Wellman Inc", Org),
        ("Brush Wellman", Org),
        ("Marks and Spencer plc", Org),
        ("Marks and Spencer", Org),
        ("Acme Inc", Org),
        ("Acme Co", Org),
    ];
    // "Acme Inc" and "Acme Co": a one-word name keeps its legal form, two companies
    assert_eq!(
        g(t, &names),
        [
            s("Acme Co", 1),
            s("Acme Inc", 1),
            s("Brush Wellman Inc", 2),
            s("Marks and Spencer plc", 2)
        ]
    );
}

#[test]
fn a_lone_particle_read_as_a_person_or_body_does_not_stop_clustering() {
    // a one-word name whose only word is a particle has no key word to respell
    let t = "Harold Bornstein wrote. De said. de spoke. Al left.";
    let names = [
        ("Harold Bornstein", Per),
        ("De", Org),
        ("de", Per),
        ("Al", Per),
    ];
    assert!(!g(t, &names).is_empty());
}
