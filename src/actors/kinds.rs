//! What counts as an actor: someone or something that can act or speak (people, organisations,
//! places acting as governments, named groups, and other names only when they speak: a show, a
//! website). Names that stay highlighted in the text but never enter the actor list: adjectives
//! and demonyms ("Republican", "anti-Semitic"), religions and communities ("Muslims"), laws,
//! treaties, plans and events ("Affordable Care Act", "Election Day"), party-state tags after a
//! name ("(D-N.C.)", "(Vt.)"), capitalised common words at the start of a sentence ("Power plants
//! are ..."), and one-off fragments of a Title Case headline or section header.

use super::cluster::Cluster;
use crate::analysis::Label;
use crate::hash::DocSet;
use crate::knowledge::Gazetteers;
use crate::lexicon::{PERSON_HEADS, ROLE_WORDS, is_title};
use crate::text::normalise;
use crate::text::{Span, TokenKind, Tokenized};
use std::cell::OnceCell;

/// Last words of names of things that do not act: laws, plans, events, works, awards.
const THING_TAILS: &[&str] = &[
    "act",
    "law",
    "bill",
    "agreement",
    "treaty",
    "amendment",
    "accord",
    "accords",
    "pact",
    "plan",
    "doctrine",
    "decision",
    "program",
    "programme",
    "initiative",
    "day",
    "week",
    "month",
    "forum",
    "prize",
    "award",
    "awards",
    "festival",
    "games",
    "olympics",
    "cup",
    "championship",
    "war",
    "crisis",
    "summit",
    "partnership",
    "scandal",
];

/// Religions, faiths and communities named as a whole: described, not acting.
const COMMUNITIES: &[&str] = &[
    "muslim",
    "muslims",
    "christian",
    "christians",
    "christianity",
    "christ",
    "islam",
    "jew",
    "jews",
    "jewish",
    "judaism",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "hindu",
    "hindus",
    "sikh",
    "sikhs",
    "buddhist",
    "buddhists",
    "latino",
    "latinos",
    "latina",
    "latinas",
    "hispanic",
    "hispanics",
    "millennial",
    "millennials",
    "lgbt",
    "lgbtq",
    "god",
    "sunni",
    "shia",
    "sunnis",
    "shiites",
    "black",
    "blacks",
    "white",
    "whites",
    "democrats",
    "republicans",
];

/// Believers named by their faith, which a qualifier before them does not make an actor.
const FAITHS: &[&str] = &[
    "orthodox",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "muslim",
    "muslims",
    "christian",
    "christians",
    "jew",
    "jews",
    "hindu",
    "hindus",
    "sunni",
    "sunnis",
    "shia",
    "shiite",
    "shiites",
    "evangelical",
    "evangelicals",
    "buddhist",
    "buddhists",
    "sikh",
    "sikhs",
];

/// Is cluster `c` an actor, given how many quotes it speaks?
pub fn is_actor<'t>(
    text: &'t str,
    tok: &Tokenized,
    gaz: &Gazetteers,
    lower_words: &OnceCell<DocSet<&'t str>>,
    c: &Cluster,
    quotes: usize,
) -> bool {
    if c.mentions.is_empty() {
        return false;
    }
    let words: Vec<String> = c.name.split_whitespace().map(normalise).collect();
    // The word lists below reject names that describe or name things. A full name the tagger
    // read as a person ("Hassan Muslim", "John Christian", "Patrick Law") is a person whatever
    // its words: the lists never delete one.
    let full_personal_name = words.len() >= 2 && c.label() == Label::Per;
    // "Muslims", "Black Catholics", and a faith with its qualifier: "Greek Orthodox", "Sunni Muslims"
    let community = words.iter().all(|w| COMMUNITIES.contains(&w.as_str()))
        || (words.len() == 2 && FAITHS.contains(&words[1].as_str()));
    let listed = community || is_party_member(&words) || thing_name(&words);
    if is_adjective(c) || is_party_tag(&c.name) || (listed && !full_personal_name) {
        return false;
    }
    if let [w] = &words[..]
        && is_date_word(w)
    {
        return false;
    }
    if c.label() == Label::Misc && quotes == 0 {
        return false;
    }
    let names: Vec<Span> = c
        .mentions
        .iter()
        .filter(|m| m.kind == crate::analysis::MentionKind::Name)
        .map(|m| m.span)
        .collect();
    // a section header ("Veto Power Impedes Peace Efforts: ...") is no actor, even when the
    // ranker made it a quotation's speaker
    if let [m] = names[..]
        && words.len() >= 3
        && in_title_case_run(text, tok, m)
        && text[m.end..].starts_with(':')
    {
        return false;
    }
    if quotes > 0 {
        return true;
    }
    // "FACEBOOK." alone on its line: a section header
    if let [m] = names[..]
        && alone_on_line_in_capitals(text, m)
    {
        return false;
    }
    if names.iter().all(|&m| after_person_in_parentheses(text, m)) {
        return false;
    }
    if c.label() == Label::Loc && names.iter().all(|&m| place_as_modifier(text, tok, m)) {
        return false;
    }
    if names.len() == 1 {
        let m = names[0];
        // "Editor’s note", "President" alone: a role word is not a name
        if words.len() == 1 && is_role_word(&words[0]) {
            return false;
        }
        if words.len() == 1
            && sentence_initial(tok, m)
            && is_common_word(
                gaz,
                lower_words.get_or_init(|| self::lower_words(text, tok)),
                &words[0],
            )
        {
            return false;
        }
        if in_title_case_run(text, tok, m) {
            return false;
        }
    }
    true
}

/// "Affordable Care Act", "Election Day": a name of two or more words ending in a thing's word.
fn thing_name(words: &[String]) -> bool {
    words.len() >= 2
        && words
            .last()
            .is_some_and(|w| THING_TAILS.contains(&w.as_str()))
}

/// "New York Democrat", "Democrat of California", "Iowa Republicans": what a person is, not who.
fn is_party_member(words: &[String]) -> bool {
    let party = |w: &str| {
        matches!(
            w,
            "democrat" | "democrats" | "republican" | "republicans" | "independent"
        )
    };
    words.len() >= 2
        && (words.last().is_some_and(|w| party(w)) || (party(&words[0]) && words[1] == "of"))
}

/// Months and weekdays, written out or abbreviated ("Feb.", "Tues."): dates, not actors.
fn is_date_word(w: &str) -> bool {
    const DATES: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sept.",
        "sep.",
        "oct.",
        "nov.",
        "dec.",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon.",
        "tue.",
        "tues.",
        "wed.",
        "thu.",
        "thur.",
        "thurs.",
        "fri.",
        "sat.",
        "sun.",
    ];
    DATES.contains(&w)
}

/// Is `m` in capitals, alone on its line but for a full stop ("FACEBOOK.", "LETTERS")?
fn alone_on_line_in_capitals(text: &str, m: Span) -> bool {
    let name = m.text(text);
    // only the blanks and the stop around it are looked at: constant work on any text
    let after = text[m.end..].trim_start_matches([' ', '\t', '.', ':']);
    name.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !name.chars().any(char::is_lowercase)
        && m.opens_line(text)
        && (after.is_empty() || after.starts_with(['\n', '\r']))
}

fn is_role_word(w: &str) -> bool {
    is_title(w) || PERSON_HEADS.contains(&w) || ROLE_WORDS.contains(&w)
}

/// "Republican", "Russian", "anti-Semitic", "pro-Clinton", "Marxist": names that describe.
pub fn is_adjective(c: &Cluster) -> bool {
    let w = c.name.as_str();
    let single = !w.contains(' ');
    let suffix = ["an", "ic", "ish", "ese", "i"]
        .iter()
        .any(|s| w.ends_with(s));
    let prefixed = w.starts_with(char::is_lowercase) && w.contains('-');
    // "Marxist rebels", "Islamist groups": a follower's word, whatever label the tagger gave it
    let follower = w.len() > 4 && w.ends_with("ist");
    single && ((c.label() == Label::Misc && (suffix || prefixed)) || follower)
}

/// "R-S.C.", "D-Va", "I-Vt.": a party-state tag.
fn is_party_tag(name: &str) -> bool {
    let mut c = name.chars();
    matches!(c.next(), Some('R' | 'D' | 'I')) && c.next() == Some('-') && name.len() <= 8
}

/// "Sen. Bernie Sanders (Vt.)": a mention alone in parentheses right after a name.
fn after_person_in_parentheses(text: &str, m: Span) -> bool {
    let before = text.get(..m.start).unwrap_or("").trim_end();
    let after = text.get(m.end..).unwrap_or("").trim_start();
    before.ends_with('(')
        && (after.starts_with(')') || after.starts_with(".)"))
        && before[..before.len() - 1]
            .trim_end()
            .ends_with(|c: char| c.is_alphabetic())
}

/// "the Vermont senator", "Florida Rep. Debbie Wasserman Schultz", "Charles Rangel of New York",
/// "Republican of Iowa": a place that only says where a person is from.
fn place_as_modifier(text: &str, tok: &Tokenized, m: Span) -> bool {
    let i = first_token(tok, m);
    let j = tok.tokens.partition_point(|t| t.span.start < m.end);
    let word = |k: usize| tok.tokens.get(k).map(|t| normalise(t.span.text(text)));
    let partisan = |w: &str| matches!(w, "democrat" | "republican" | "independent");
    let next_is_title = word(j).is_some_and(|w| {
        is_title(&w)
            || PERSON_HEADS.contains(&w.as_str())
            || partisan(&w)
            || w == "rep."
            || w == "delegation"
    });
    let of_person = i >= 2
        && word(i - 1).as_deref() == Some("of")
        && tok.tokens[i - 2]
            .span
            .text(text)
            .starts_with(char::is_uppercase)
        && !matches!(
            word(i - 2).as_deref(),
            Some("university" | "state" | "city" | "bank" | "people")
        );
    let partisan_of =
        i >= 2 && word(i - 1).as_deref() == Some("of") && word(i - 2).is_some_and(|w| partisan(&w));
    next_is_title || of_person || partisan_of
}

fn first_token(tok: &Tokenized, m: Span) -> usize {
    tok.tokens.partition_point(|t| t.span.start < m.start)
}

/// Does `m` open its sentence (after at most a few quotation marks or brackets)?
fn sentence_initial(tok: &Tokenized, m: Span) -> bool {
    let i = first_token(tok, m);
    let start = tok.sentences[tok.sentence_of(i.min(tok.tokens.len() - 1))].start;
    let from = start.max(i.saturating_sub(4));
    from == start && (start..i).all(|k| tok.tokens[k].kind != TokenKind::Word)
}

/// A word usually written in lower case: in the gazetteer's LOWER list or seen lower-case in
/// this text (`lower_words`: the text's lower-case words, collected once, when first needed).
fn is_common_word(gaz: &Gazetteers, lower_words: &DocSet<&str>, w: &str) -> bool {
    gaz.has(gaz.lookup(w), "LOWER") || lower_words.contains(w)
}

/// The lower-case words of a text, for `is_common_word`.
pub fn lower_words<'t>(text: &'t str, tok: &Tokenized) -> DocSet<&'t str> {
    let mut words = DocSet::with_hasher(tok.key);
    words.extend(
        tok.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.text(text))
            .filter(|w| w.starts_with(char::is_lowercase)),
    );
    words
}

/// Headlines and section headers are short: a line longer than this is not one.
const MAX_HEADER: usize = 300;

/// The largest char boundary at or before `b`.
fn floor_boundary(text: &str, mut b: usize) -> usize {
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Is `m` inside a Title Case run of three or more words that opens its line and ends at the
/// line's end or a colon ("Veto Power Impedes Peace Efforts: ...", a headline)?
fn in_title_case_run(text: &str, tok: &Tokenized, m: Span) -> bool {
    // only the bytes a header can span are searched, so this is O(1) per mention
    let lo = floor_boundary(text, m.start.saturating_sub(MAX_HEADER));
    let line_start = match text[lo..m.start].rfind('\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let hi = floor_boundary(text, (m.end + MAX_HEADER).min(text.len()));
    // the run ends at the line's end or at the first ": " of the line, whichever comes first
    let line_end = match text[m.end..hi].find('\n') {
        Some(i) => Some(m.end + i),
        None if hi == text.len() => Some(text.len()),
        None => None,
    };
    let colon = text[line_start..hi]
        .find(": ")
        .map(|i| line_start + i)
        .filter(|&c| line_end.is_none_or(|e| c < e));
    let Some(run_end) = colon.or(line_end) else {
        return false;
    };
    if m.end > run_end {
        return false;
    }
    let a = tok.tokens.partition_point(|t| t.span.start < line_start);
    let b = tok.tokens.partition_point(|t| t.span.start < run_end);
    // clitics ("n’t", "’s") are not words of the title
    let words: Vec<&str> = tok.tokens[a..b]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.text(text))
        .filter(|w| w.starts_with(char::is_alphanumeric) && !matches!(*w, "n’t" | "n't"))
        .collect();
    let small = |w: &&str| {
        matches!(
            *w,
            "a" | "an"
                | "the"
                | "of"
                | "in"
                | "on"
                | "for"
                | "to"
                | "and"
                | "or"
                | "by"
                | "at"
                | "with"
                | "if"
                | "as"
                | "but"
                | "nor"
                | "from"
                | "into"
                | "via"
                | "vs."
        )
    };
    let big = words.iter().filter(|w| !small(w)).count();
    let capital = words
        .iter()
        .filter(|w| !small(w) && w.starts_with(char::is_uppercase))
        .count();
    big >= 3 && capital == big
}

#[cfg(test)]
mod tests {
    use super::super::build;
    use crate::analysis::Label;
    use crate::knowledge::Knowledge;
    use crate::text::tokens::analyze_text;

    fn actor_names(text: &str, names: &[(&str, Label)]) -> Vec<String> {
        let ents = crate::actors::test_entities(text, names);
        let tok = analyze_text(text);
        let actors = build(text, &tok, &ents, &[], &[], &[], &Knowledge::none()).actors;
        let mut v: Vec<String> = actors.iter().map(|a| a.name.clone()).collect();
        v.sort();
        v
    }
    use Label::*;

    #[test]
    fn laws_events_and_communities_are_not_actors() {
        let t = "Ohio repealed the Affordable Care Act on Election Day, and Muslims voted.";
        let got = actor_names(
            t,
            &[
                ("Ohio", Loc),
                ("Affordable Care Act", Org),
                ("Election Day", Misc),
                ("Muslims", Loc),
            ],
        );
        assert_eq!(got, ["Ohio"]);
        let t =
            "One Greek Orthodox and two Sunni Muslims were admitted; the Catholic Church agreed.";
        let got = actor_names(
            t,
            &[
                ("Greek Orthodox", Org),
                ("Sunni Muslims", Org),
                ("Catholic Church", Org),
            ],
        );
        assert_eq!(got, ["Catholic Church"]);
    }

    #[test]
    fn a_full_name_read_as_a_person_is_never_deleted_by_a_word_list() {
        // each list's word as the last word of a person's name: the person stays
        let t = "Hassan Muslim said no. Muslim spoke. Patrick Law agreed and Law left. Mary Catholic \
                 and Catholic met. John Day came; Day went. Ann Independent won; Independent lost.";
        let got = actor_names(
            t,
            &[
                ("Hassan Muslim", Per),
                ("Muslim", Per),
                ("Patrick Law", Per),
                ("Law", Per),
                ("Mary Catholic", Per),
                ("Catholic", Per),
                ("John Day", Per),
                ("Day", Per),
                ("Ann Independent", Per),
                ("Independent", Per),
            ],
        );
        assert_eq!(
            got,
            [
                "Ann Independent",
                "Hassan Muslim",
                "John Day",
                "Mary Catholic",
                "Patrick Law"
            ]
        );
        // the same words in names of other kinds are still rejected
        let t = "Sunni Muslims and the Clean Air Act and Iowa Republicans and Labor Day.";
        let got = actor_names(
            t,
            &[
                ("Sunni Muslims", Org),
                ("Clean Air Act", Org),
                ("Iowa Republicans", Misc),
                ("Labor Day", Misc),
            ],
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn no_list_word_deletes_a_person_it_ends_the_name_of() {
        // every entry of every not-an-actor list, as the surname of a person who speaks twice
        for w in super::COMMUNITIES
            .iter()
            .chain(super::FAITHS)
            .chain(super::THING_TAILS)
            .chain(&["democrat", "republican", "independent"])
        {
            let mut c = w.chars();
            let cap: String = c.next().unwrap().to_uppercase().chain(c).collect();
            let name = format!("Ann {cap}");
            let t = format!("{name} spoke. Then {name} left.");
            let got = actor_names(&t, &[(name.as_str(), Per), (name.as_str(), Per)]);
            assert_eq!(got, std::slice::from_ref(&name), "{w}");
        }
    }

    #[test]
    fn party_state_tags_are_not_actors() {
        let t = "Sen. Lindsey Graham (R-S.C.) and Sen. Bernie Sanders (Vt.) spoke.";
        let got = actor_names(
            t,
            &[
                ("Lindsey Graham", Per),
                ("R-S.C.", Org),
                ("Bernie Sanders", Per),
                ("Vt.", Loc),
            ],
        );
        assert_eq!(got, ["Bernie Sanders", "Lindsey Graham"]);
    }

    #[test]
    fn a_place_that_only_says_where_a_person_is_from_is_not_an_actor() {
        let t = "The Vermont senator met Charles Rangel of New York and a Republican of Iowa. Iowa voted.";
        let got = actor_names(
            t,
            &[
                ("Vermont", Loc),
                ("Charles Rangel", Per),
                ("New York", Loc),
                ("Iowa", Loc),
                ("Iowa", Loc),
            ],
        );
        assert_eq!(got, ["Charles Rangel", "Iowa"]);
    }

    #[test]
    fn a_capitalised_common_word_opening_a_sentence_is_not_an_actor() {
        let t = "Power plants emit carbon. The power grid is old. Exxon agreed.";
        let got = actor_names(t, &[("Power", Org), ("Exxon", Org)]);
        assert_eq!(got, ["Exxon"]);
    }

    #[test]
    fn a_one_off_fragment_of_a_title_case_header_is_not_an_actor() {
        let t = "Veto Power Impedes Peace Efforts: the Security Council failed. Then the Security Council met.";
        let got = actor_names(
            t,
            &[
                ("Veto Power Impedes Peace Efforts", Org),
                ("Security Council", Org),
                ("Security Council", Org),
            ],
        );
        assert_eq!(got, ["Security Council"]);
    }

    #[test]
    fn a_header_speaker_dates_party_labels_and_capital_headers_are_not_actors() {
        // a header the ranker made a speaker stays out of the list
        let t = "Veto Power Impedes Peace Efforts: \"the scourge of war\" goes on.";
        let ents = crate::actors::test_entities(t, &[("Veto Power Impedes Peace Efforts", Org)]);
        let tok = analyze_text(t);
        let q = crate::text::Span::new(34, 54);
        let choice = crate::speakers::Choice {
            speaker: Some(crate::analysis::Mention {
                span: ents[0].span,
                kind: crate::analysis::MentionKind::Name,
            }),
            cue: None,
            margin: 1.0,
        };
        let super::super::Built {
            actors,
            quote_actor: qa,
            ..
        } = build(t, &tok, &ents, &[q], &[choice], &[], &Knowledge::none());
        assert!(actors.is_empty() && qa == [None]);
        // months, party labels, a header in capitals
        let t =
            "FACEBOOK.\nOn Feb. 3 a New York Democrat, Jane Roe, Democrat of Ohio, and Acme met.";
        let got = actor_names(
            t,
            &[
                ("FACEBOOK", Org),
                ("Feb.", Org),
                ("New York Democrat", Misc),
                ("Jane Roe", Per),
                ("Democrat of Ohio", Org),
                ("Acme", Org),
            ],
        );
        assert_eq!(got, ["Acme", "Jane Roe"]);
    }
}
