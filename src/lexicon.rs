//! Closed word lists, one home for each: honorifics, name particles and titles, role words, head
//! nouns of person and organisation descriptions, auxiliaries, pronouns, function words,
//! determiners, prepositions, and the lists of the reported-speech rules (speech verbs, clause
//! openers). Lower-case, normalised (see `text::normalise`). Where two lists of one kind differ,
//! the doc comment says why. Lists only; the rules that use them live with their stage.

/// Things people write or say, owned by their author ("her brief", "Trump’s claim"); when one
/// "says" something, its author does ("the statement said": `actors::resolve`).
pub const DOCUMENTS: &[&str] = &[
    "brief",
    "statement",
    "report",
    "memo",
    "email",
    "e-mail",
    "communique",
    "cable",
    "letter",
    "book",
    "complaint",
    "filing",
    "lawsuit",
    "suit",
    "website",
    "tweet",
    "post",
    "column",
    "commentary",
    "editorial",
    "article",
    "ad",
    "study",
    "claim",
    "claims",
    "words",
    "comments",
    "remarks",
    "remark",
    "assertion",
    "promise",
    "pledge",
    "argument",
    "charge",
    "accusation",
    "description",
    "slogan",
    "phrase",
    "message",
    "speech",
    "op-ed",
    "essay",
    "interview",
    "testimony",
    "ruling",
    "opinion",
    "order",
    "response",
    "reply",
];

/// Initialisms of informal writing (emails, messages, posts) that are no names: "FYI", "LMK",
/// "POTUS" (a title, not an organisation). Lower case.
pub const CHAT_INITIALISMS: &[&str] = &[
    "fyi", "lmk", "btw", "imo", "imho", "tbh", "lol", "omg", "idk", "asap", "rsvp", "fwiw",
    "afaik", "iirc", "smh", "ttyl", "brb", "icymi", "potus", "flotus", "vpotus",
];

/// Common nouns that news text writes in capitals, mostly initialisms ("PAC", "super PACs",
/// "CEO", "TV", "PTSD"): no names, whatever the tagger says (`entities::tidy`, `is_common_noun`).
/// Lower case. Kept apart from `CHAT_INITIALISMS`, the shorthand of the messages news quotes,
/// though the one rule reads both.
pub const CAPITALISED_COMMON_NOUNS: &[&str] = &[
    "pac",
    "pacs",
    "super pac",
    "super pacs",
    "ceo",
    "ceos",
    "cfo",
    "gdp",
    "ipo",
    // things written as initialisms, never names
    "tv",
    "tvs",
    "suv",
    "suvs",
    "mba",
    "ptsd",
    "pcp",
    "dna",
    "gps",
    "atm",
    "atms",
    "dvd",
    "dvds",
    "iq",
    "mvp",
    "icu",
    "vip",
    "vips",
    "ufo",
    "faq",
];

/// Verbs of naming: "X called Y a “…”" puts the quoted words in X's mouth (`speakers::naming`).
pub const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "calling",
    "branded",
    "brands",
    "branding",
    "labeled",
    "labelled",
    "labels",
    "labeling",
    "labelling",
    "dubbed",
    "dubs",
    "dubbing",
    "termed",
    "terms",
];

/// Someone who speaks for a body: "a White House spokesman", "a spokeswoman for Acme". Their
/// words are the body's (`speakers::phrase::spokesperson`, `actors::resolve`).
pub const SPOKESPERSONS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "spokeswomen",
];

/// A person's gender, as an honorific (`HONORIFICS`) implies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Honorifics: words that stand before a person's name ("Mr. Morial", "Lady Astor"), with and
/// without the full stop, and the gender each implies ("Dr." none). The actors stage drops them
/// from the words it compares and reads the gender (`actors::names`).
pub const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("mr.", Some(Gender::Male)),
    ("mr", Some(Gender::Male)),
    ("mrs.", Some(Gender::Female)),
    ("mrs", Some(Gender::Female)),
    ("ms.", Some(Gender::Female)),
    ("ms", Some(Gender::Female)),
    ("miss", Some(Gender::Female)),
    ("sir", Some(Gender::Male)),
    ("madam", Some(Gender::Female)),
    ("lady", Some(Gender::Female)),
    ("lord", Some(Gender::Male)),
    ("dr.", None),
];

/// The honorifics after which capitalised words are a person, whatever the tagger said
/// (`entities::repair`): those of `HONORIFICS` that only ever open a person's name. Not "sir",
/// "lord", "lady" and "madam", which also open forms of address and titles ("Madam Secretary"
/// would make "Secretary" a person; measured on PolNeAR train).
pub const PERSON_HONORIFICS: &[&str] = &["mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "dr."];

/// Words that stand before a person's name but are no part of it, as CoNLL annotates
/// ("President Bill Clinton" -> "Bill Clinton"): honorifics with their full stop and titles
/// (`entities::tidy`). Not the honorifics without a stop nor "miss", "lady" and "madam", which
/// also open other names ("Miss Teen USA" stays whole; measured on CoNLL train); and not the
/// wider `TITLES`, whose words describe a role rather than stand before a name ("former",
/// "state").
pub const NAME_TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "prof.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "rev.",
    "president",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "ambassador",
    "commissioner",
    "reverend",
    "governor",
    "mayor",
    "councilman",
    "councilwoman",
    "superintendent",
    "judge",
    "justice",
    "secretary",
    "minister",
    "chancellor",
    "general",
    "king",
    "queen",
    "pope",
    "prince",
    "princess",
    "sir",
    "lord",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "chief",
    "coach",
    "officer",
    "detective",
    "sheriff",
    "professor",
];

/// A minister's or commissioner's field, written before the title ("Farm Commissioner",
/// "Foreign Minister"): part of the title, not of the body named before it. Not "treasury", a
/// body's name too ("Treasury secretary" is the Treasury's). Lower case.
pub const PORTFOLIOS: &[&str] = &[
    "farm",
    "agriculture",
    "trade",
    "foreign",
    "finance",
    "defence",
    "defense",
    "health",
    "interior",
    "justice",
    "economy",
    "economics",
    "energy",
    "environment",
    "transport",
    "labour",
    "labor",
    "education",
    "budget",
    "competition",
    "industry",
    "fisheries",
    "home",
    "commerce",
    "culture",
    "information",
    "social",
    "affairs",
    "prime",
    "general",
];

/// Lower-case particles inside a person's name ("Bill de Blasio", "Ludwig van Beethoven", "Osama
/// bin Laden"), also attached by a hyphen ("al-Rashid").
pub const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "der", "van", "von", "bin", "ibn", "al", "el", "la",
    "le",
];

/// Words that make up a person's title or a description of a person.
pub const TITLES: &[&str] = &[
    "president",
    "vice",
    "secretary",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "judge",
    "justice",
    "chief",
    "minister",
    "prime",
    "general",
    "gen.",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "leader",
    "speaker",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "candidate",
    "nominee",
    "king",
    "queen",
    "prince",
    "attorney",
    "commissioner",
    "ambassador",
    "professor",
    "prof.",
    "dr.",
    "founder",
    "former",
    "state",
    "house",
    "white",
    "press",
    "democratic",
    "republican",
    "gop",
    "u.s.",
    "us",
    "campaign",
    "manager",
    "adviser",
    "advisor",
    "senior",
    "deputy",
    "executive",
    "officer",
    "council",
    "member",
    "host",
    "anchor",
    "author",
    "coach",
    "police",
    "sheriff",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "chancellor",
    "pope",
    "rev.",
    "reverend",
    "economist",
    "analyst",
];

/// Is this (lower-case) word a title word?
pub fn is_title(w: &str) -> bool {
    TITLES.contains(&w)
}

/// Nouns that describe one person ("the mayor", "a campaign strategist").
pub const PERSON_HEADS: &[&str] = &[
    "nominee",
    "candidate",
    "strategist",
    "lawyer",
    "official",
    "aide",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "economist",
    "analyst",
    "writer",
    "columnist",
    "reporter",
    "doctor",
    "physician",
    "activist",
    "expert",
    "mother",
    "father",
    "wife",
    "husband",
    "daughter",
    "son",
    "woman",
    "man",
    "pollster",
    "scientist",
    "researcher",
    "prosecutor",
    "billionaire",
    "businessman",
    "businesswoman",
    "mogul",
    "veteran",
    "actor",
    "actress",
    "singer",
    "star",
    "politician",
    "republican",
    "democrat",
    "governor",
    "senator",
    "president",
    "mayor",
];

/// Nouns that describe an organisation ("the union", "the agency", "the newspaper").
pub const ORG_HEADS: &[&str] = &[
    "union",
    "agency",
    "company",
    "firm",
    "newspaper",
    "paper",
    "daily",
    "board",
    "court",
    "committee",
    "department",
    "group",
    "organization",
    "organisation",
    "network",
    "website",
    "site",
    "magazine",
    "ministry",
    "council",
    "commission",
    "bank",
    "fund",
    "institute",
    "university",
    "bureau",
    "channel",
    "outlet",
    "publication",
    "coalition",
    "alliance",
    "association",
    "foundation",
    "corporation",
    "center",
    "centre",
    "service",
    "office",
];

/// Words of a job title that are not titles on their own ("campaign spokesman", "chief
/// economist", "press secretary").
pub const ROLE_WORDS: &[&str] = &[
    "campaign",
    "host",
    "press",
    "economist",
    "lawyer",
    "attorney",
    "adviser",
    "advisor",
    "senior",
    "deputy",
    "top",
    "national",
    "enterprise",
    "staff",
    "correspondent",
    "editor",
    "anchor",
    "contributor",
    "commentator",
    "surrogate",
    "co-host",
    "presidential",
    "vice",
    "running",
    "mate",
    "nominee",
    "candidate",
    "pollster",
    "strategist",
    "consultant",
    "founder",
    "ceo",
    "executive",
    "manager",
    "communications",
    "policy",
    "political",
    "legal",
    "general",
    "counsel",
    "aide",
    "official",
    "officials",
];

/// Common irregular past-tense verbs ("Trump went after Clinton and called for ..."): after a
/// name they show it is a subject, as a verb in -ed does.
pub const IRREGULAR_PAST: &[&str] = &[
    "went",
    "made",
    "took",
    "got",
    "came",
    "gave",
    "told",
    "said",
    "felt",
    "left",
    "met",
    "ran",
    "saw",
    "spoke",
    "wrote",
    "won",
    "lost",
    "kept",
    "put",
    "set",
    "began",
    "became",
    "brought",
    "thought",
    "sought",
    "held",
    "stood",
    "led",
    "paid",
    "sent",
    "spent",
    "built",
    "hit",
    "cut",
    "let",
    "knew",
    "found",
    "heard",
    "meant",
    "fought",
    "taught",
    "bought",
    "chose",
    "drew",
    "drove",
    "fell",
    "flew",
    "forgot",
    "grew",
    "hid",
    "rose",
    "shook",
    "sold",
    "struck",
    "swore",
    "threw",
    "understood",
    "withdrew",
    "woke",
    "broke",
];

/// Auxiliary and modal verbs: forms of "be", "have" and "do", "will", "can", "must", ...
pub const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "has", "had", "have", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must",
];

/// The pronouns that can stand for a speaker or a source ("he said", "they told"): a speaker
/// candidate (`speakers`), a reported source (`reported`), never the head of a description.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we"];

/// Words that never head a description of a speaker ("while discussing", "also said"): a noun
/// phrase before a cue ends at one (`syntax::phrase_before`).
pub const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "that", "who", "which", "also", "has", "had", "have", "was", "were", "is",
    "are", "be", "been", "while", "when", "after", "before", "as", "if", "because", "then", "not",
    "never", "still", "just", "only", "even", "to", "of", "in", "on", "at", "for", "with", "by",
    "from", "about", "again", "later", "once", "what", "how", "why", "where", "did", "does", "do",
    "would", "will", "could", "should", "can", "may", "might", "must", "first", "last",
];

/// Words that open a description of a speaker ("the", "a", "his", "two", "several"): the noun
/// phrase before or after a cue starts at one (`syntax::phrase_before`, `phrase_after`).
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "another", "two", "three", "several",
    "some", "many", "other",
];

/// Prepositions: a name right after one is the object of a phrase, not a subject.
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "with",
    "to",
    "for",
    "under",
    "of",
    "by",
    "about",
    "against",
    "from",
    "at",
    "on",
    "over",
    "than",
    "into",
    "like",
    "between",
    "among",
    "toward",
    "towards",
    "without",
    "after",
    "before",
    "behind",
    "beside",
    "versus",
    "vs.",
    "including",
    "during",
];

/// Verbs of feeling in the past participle: "Neither man was impressed by Mrs. Clinton" has its
/// source in the subject, unlike other passives ("was criticized by the union").
pub const FEELING_VERBS: &[&str] = &[
    "impressed",
    "angered",
    "intrigued",
    "frustrated",
    "troubled",
    "disturbed",
    "alarmed",
    "pleased",
    "encouraged",
    "outraged",
    "concerned",
    "worried",
    "surprised",
    "shocked",
    "disappointed",
    "excited",
    "bothered",
    "moved",
    "inspired",
    "offended",
    "annoyed",
    "dismayed",
    "heartened",
    "amused",
    "fascinated",
    "struck",
    "swayed",
    "motivated",
    "unimpressed",
    "unmoved",
    "irritated",
    "infuriated",
    "embarrassed",
    "horrified",
];

/// Forms of "be": with a verb in -ed, a passive cue ("was criticized by").
pub const FORMS_OF_BE: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// Verbs of speech (and the "according" of "according to") that attribute the words before the
/// comma of a short last clause ("..., the group says"; `reported::grouping::fronted_content`).
pub const CLAUSE_FINAL_SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "wrote",
    "writes",
    "added",
    "adds",
    "notes",
    "noted",
    "tweeted",
    "reported",
    "reports",
];

/// Verbs of speech that, right after a comma or a closing quotation mark, have their source
/// after them ("..., say experts like Paul Bauman"; `reported::sources::inverted_speaker`).
/// Each of the two speech lists was chosen for its own rule; their union changes outputs (three
/// documents of PolNeAR and CoNLL train gain a source or a relation), so they stay two.
pub const INVERTED_SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "wrote",
    "writes",
    "adds",
    "noted",
    "notes",
    "argued",
    "argues",
    "explained",
    "asked",
];

/// Words that open a clause of its own: conjunctions, relative pronouns and other subordinators
/// ("..., which said", "..., and she said").
pub const CLAUSE_OPENERS: &[&str] = &[
    "who", "which", "that", "and", "but", "or", "as", "while", "when", "if", "because", "although",
    "though", "after", "before", "since", "until", "so", "where", "whom", "whose", "what", "how",
    "why", "even", "then", "not", "nor", "yet",
];

/// Conjunctions and connecting adverbs ("or", "but", "also", "until"): a tagged source run of
/// these (and prepositions, adverbs in -ly, verbs in -ing) alone names no one
/// (`reported::sources::could_be_source`).
pub const CONNECTIVES: &[&str] = &[
    "and", "or", "but", "nor", "when", "while", "whether", "if", "because", "as", "rather", "then",
    "so", "also", "even", "just", "only", "still", "yet", "not", "no", "since", "until",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list as the stages compare it: lower case (normalised words), no word twice.
    #[test]
    fn every_list_is_lower_case_without_a_word_twice() {
        let honorifics: Vec<&str> = HONORIFICS.iter().map(|h| h.0).collect();
        let lists: &[(&str, &[&str])] = &[
            ("CHAT_INITIALISMS", CHAT_INITIALISMS),
            ("CAPITALISED_COMMON_NOUNS", CAPITALISED_COMMON_NOUNS),
            ("SPOKESPERSONS", SPOKESPERSONS),
            ("HONORIFICS", &honorifics),
            ("PERSON_HONORIFICS", PERSON_HONORIFICS),
            ("NAME_TITLES", NAME_TITLES),
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("TITLES", TITLES),
            ("PERSON_HEADS", PERSON_HEADS),
            ("ORG_HEADS", ORG_HEADS),
            ("ROLE_WORDS", ROLE_WORDS),
            ("IRREGULAR_PAST", IRREGULAR_PAST),
            ("AUXILIARIES", AUXILIARIES),
            ("PRONOUNS", PRONOUNS),
            ("FUNCTION_WORDS", FUNCTION_WORDS),
            ("DETERMINERS", DETERMINERS),
            ("PREPOSITIONS", PREPOSITIONS),
            ("FEELING_VERBS", FEELING_VERBS),
            ("FORMS_OF_BE", FORMS_OF_BE),
            ("CLAUSE_FINAL_SPEECH", CLAUSE_FINAL_SPEECH),
            ("INVERTED_SPEECH", INVERTED_SPEECH),
            ("CLAUSE_OPENERS", CLAUSE_OPENERS),
            ("CONNECTIVES", CONNECTIVES),
        ];
        for (name, list) in lists {
            let mut seen = std::collections::HashSet::new();
            for w in *list {
                assert_eq!(w.to_lowercase(), *w, "{name}: {w}");
                assert!(seen.insert(w), "{name}: {w} twice");
            }
        }
    }

    /// The honorifics that open a person's name are honorifics; those with a full stop stand
    /// before names as titles; an honorific gives a gender or, "Dr.", none.
    #[test]
    fn the_honorific_lists_agree() {
        for w in PERSON_HONORIFICS {
            assert!(HONORIFICS.iter().any(|h| h.0 == *w), "{w}");
        }
        for (w, _) in HONORIFICS.iter().filter(|h| h.0.ends_with('.')) {
            assert!(NAME_TITLES.contains(w), "{w}");
        }
        let gender = |w: &str| HONORIFICS.iter().find(|h| h.0 == w).and_then(|h| h.1);
        assert_eq!(gender("mrs."), Some(Gender::Female));
        assert_eq!(gender("sir"), Some(Gender::Male));
        assert_eq!(gender("dr."), None);
    }

    /// A name particle is lower case and short: it never opens a sentence's capitalised name.
    #[test]
    fn name_particles_are_short_lower_case_words() {
        for p in NAME_PARTICLES {
            assert!(
                p.len() <= 5 && p.chars().all(|c| c.is_ascii_lowercase()),
                "{p}"
            );
        }
    }

    /// The capitalised common nouns and the chat initialisms are two lists of one rule
    /// (`entities::tidy`'s `is_common_noun` reads both): no word is in both.
    #[test]
    fn capitalised_common_nouns_and_chat_initialisms_are_apart() {
        for w in CAPITALISED_COMMON_NOUNS {
            assert!(!CHAT_INITIALISMS.contains(w), "{w}");
        }
        assert!(CAPITALISED_COMMON_NOUNS.contains(&"super pacs"));
    }
}
