//! Which entity mentions name the same actor.
//!
//! Rules, each with a test below: identical names merge (ignoring "the", honorifics and ’s); a
//! surname or "Mr. X" joins a full name ending in it (when several people share the surname, the
//! one the article introduced first, as news style keeps the bare surname for the main person;
//! never against an honorific of the other gender, and a surname far before any full name stays
//! apart); a first name joins the one full name starting with it; name particles ("al-Rashid" /
//! "Rashid") are ignored for that; a surname misspelt by one letter joins the one person it
//! fits; an acronym joins the name it abbreviates; "the Post" joins
//! "The Washington Post"; names the text declares equal in parentheses ("Kurdistan Workers’ Party
//! (PKK)", "(ISIS/ISIL)") or with "also known as" / "formerly" merge. All lookups go through hash
//! indexes, so clustering is linear in the number of mentions.

use super::countries;
use super::names::{Gender, acronym_of, display_name, first_name_gender, honorific_gender};
use crate::analysis::{Entity, Label, Mention, MentionKind};
use crate::hash::{DocKey, DocMap};
use crate::knowledge::{Countries, Gazetteers, Knowledge};
use crate::lexicon::{CLAUSE_FINAL_SPEECH, INVERTED_SPEECH, NAME_PARTICLES};
use crate::text::Tokenized;
use crate::text::{Span, name_words, normalise};

pub struct Cluster {
    /// Votes per label, indexed like `Label::ALL`.
    pub votes: [usize; 4],
    pub mentions: Vec<Mention>,
    /// The fullest name's words.
    pub words: Vec<String>,
    /// `key_words(words)`: computed once, compared for every later mention.
    key: Vec<String>,
    pub name: String,
    pub gender: Option<Gender>,
}

impl Cluster {
    /// The actor's one label, chosen from all its mentions' votes: MISC ("other") only when
    /// more mentions say MISC than all the others together; else the majority of the person,
    /// organisation and place votes. So a body that the tagger reads now as
    /// an organisation, now as a place, now as other is an organisation or a place, never left
    /// out as "other" because its labels disagree.
    pub fn label(&self) -> Label {
        let misc = self.votes[label_index(Label::Misc)];
        let named = self.votes.iter().sum::<usize>() - misc;
        if misc > named {
            return Label::Misc;
        }
        Label::ALL
            .into_iter()
            .enumerate()
            .filter(|(_, l)| *l != Label::Misc)
            // ties: a person, then an organisation, then a place
            .max_by_key(|(i, _)| (self.votes[*i], std::cmp::Reverse(*i)))
            .map_or(Label::Misc, |x| x.1)
    }
    pub fn is_person(&self) -> bool {
        self.votes[0] * 2 >= self.votes.iter().sum::<usize>().max(1)
    }
    /// Can a shorter mention at `m` refer to this cluster, by distance: not when every mention
    /// of the cluster comes `FAR` bytes or more after it ("Obama" in the headline, "Michelle
    /// Obama" in the last paragraph).
    fn within_reach_of(&self, m: Span) -> bool {
        self.first_start() <= m.start || self.first_start() - m.end < FAR
    }
    /// Does this cluster's gender agree with an honorific before a mention (none agrees with all)?
    fn fits_honorific(&self, honorific: Option<Gender>) -> bool {
        match (honorific, self.gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
    fn first_start(&self) -> usize {
        self.mentions
            .iter()
            .map(|m| m.span.start)
            .min()
            .unwrap_or(usize::MAX)
    }
}

fn label_index(l: Label) -> usize {
    Label::ALL.iter().position(|x| *x == l).unwrap_or(3)
}

/// "al-rashid" -> "rashid"; other words unchanged.
fn without_particle(w: &str) -> &str {
    for p in NAME_PARTICLES {
        if let Some(rest) = w.strip_prefix(p)
            && let Some(rest) = rest.strip_prefix('-')
            && !rest.is_empty()
        {
            return rest;
        }
    }
    w
}

/// Other names of the same actor, as news text writes them: a country's short names, the names
/// of one militant group, and the AP abbreviations of US states ("N.C." is North Carolina).
const ALIASES: &[(&str, &str)] = &[
    ("isis", "islamic state"),
    ("isil", "islamic state"),
    ("daesh", "islamic state"),
    ("u.s.", "united states"),
    ("us", "united states"),
    ("usa", "united states"),
    ("u.s.a.", "united states"),
    ("america", "united states"),
    ("united states of america", "united states"),
    ("u.k.", "united kingdom"),
    ("uk", "united kingdom"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("e.u.", "european union"),
    ("eu", "european union"),
    ("u.n.", "united nations"),
    ("un", "united nations"),
    ("uae", "united arab emirates"),
    ("u.a.e.", "united arab emirates"),
    ("ala.", "alabama"),
    ("ariz.", "arizona"),
    ("ark.", "arkansas"),
    ("calif.", "california"),
    ("colo.", "colorado"),
    ("conn.", "connecticut"),
    ("del.", "delaware"),
    ("fla.", "florida"),
    ("ga.", "georgia"),
    ("ill.", "illinois"),
    ("ind.", "indiana"),
    ("kan.", "kansas"),
    ("ky.", "kentucky"),
    ("la.", "louisiana"),
    ("md.", "maryland"),
    ("mass.", "massachusetts"),
    ("mich.", "michigan"),
    ("minn.", "minnesota"),
    ("mo.", "missouri"),
    ("mont.", "montana"),
    ("neb.", "nebraska"),
    ("nev.", "nevada"),
    ("n.h.", "new hampshire"),
    ("n.j.", "new jersey"),
    ("n.m.", "new mexico"),
    ("n.y.", "new york"),
    ("n.c.", "north carolina"),
    ("n.d.", "north dakota"),
    ("okla.", "oklahoma"),
    ("ore.", "oregon"),
    ("pa.", "pennsylvania"),
    ("r.i.", "rhode island"),
    ("s.c.", "south carolina"),
    ("s.d.", "south dakota"),
    ("tenn.", "tennessee"),
    ("vt.", "vermont"),
    ("va.", "virginia"),
    ("w.va.", "west virginia"),
    ("wis.", "wisconsin"),
    ("wyo.", "wyoming"),
];

/// The words a name is compared by: particles dropped ("Mohammed al-Rashid" -> mohammed rashid),
/// middle initials dropped ("Donald J. Trump" -> donald trump), a company's legal form dropped
/// ("Brush Wellman Inc" -> brush wellman), known aliases replaced ("U.S." -> united states).
pub(super) fn key_words(words: &[String]) -> Vec<String> {
    let joined = words.join(" ");
    if let Some((_, canon)) = ALIASES.iter().find(|(a, _)| *a == joined) {
        return canon.split(' ').map(str::to_string).collect();
    }
    let last = words.len().saturating_sub(1);
    let key = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let middle_initial = i > 0 && i < last && is_initial(w);
            !(NAME_PARTICLES.contains(&w.as_str()) || middle_initial)
        })
        .map(|(_, w)| without_particle(w).to_string())
        .collect::<Vec<String>>();
    without_company_suffix(key)
}

/// The legal form closing a company's name: "Brush Wellman Inc" is "Brush Wellman".
const COMPANY_SUFFIXES: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "nv",
    "gmbh",
];

/// The words without a closing legal form (and an "and" or "&" before it), when two or more
/// words are left.
fn without_company_suffix(mut words: Vec<String>) -> Vec<String> {
    if words.len() >= 3
        && words
            .last()
            .is_some_and(|w| COMPANY_SUFFIXES.contains(&w.as_str()))
    {
        words.pop();
        if words.last().is_some_and(|w| w == "and" || w == "&") {
            words.pop();
        }
    }
    words
}

/// "j.", "w.": one letter and a full stop, a middle initial inside a name.
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_alphabetic) && c.next() == Some('.') && c.next().is_none()
}

/// "S.E.C." -> "sec": a dotted abbreviation as the acronym it spells.
fn undotted(w: &str) -> Option<String> {
    (w.contains('.') && w.chars().all(|c| c == '.' || c.is_alphabetic()))
        .then(|| w.replace('.', ""))
}

/// A bare surname this many bytes before every mention of a full name is someone else.
const FAR: usize = 4000;

/// Lookup tables over the clusters made so far, so that clustering stays linear in the text.
struct Index {
    by_words: DocMap<Vec<String>, usize>,
    by_acronym: DocMap<String, usize>,
    /// last word of a multi-word name -> clusters
    by_last: DocMap<String, Vec<usize>>,
    /// first word of a multi-word person name -> clusters
    by_first: DocMap<String, Vec<usize>>,
    /// every word of a multi-word non-person name -> clusters
    by_word: DocMap<String, Vec<usize>>,
    /// a person's surname, and each form of it with one letter left out -> clusters
    /// (`respelled_surname`)
    by_spelling: DocMap<String, Vec<usize>>,
}

/// At most this many clusters are kept per word in the index: a real article has a handful of
/// people per surname; adversarial text (thousands of Title Case runs ending in the same word)
/// must not make every lookup scan thousands of clusters.
const MAX_PER_WORD: usize = 32;

fn push_once(v: &mut Vec<usize>, ci: usize) {
    if v.last() != Some(&ci) && v.len() < MAX_PER_WORD {
        v.push(ci);
    }
}

impl Index {
    /// Empty tables, hashed with the document's key (`Tokenized::key`).
    fn new(key: DocKey) -> Index {
        Index {
            by_words: DocMap::with_hasher(key),
            by_acronym: DocMap::with_hasher(key),
            by_last: DocMap::with_hasher(key),
            by_first: DocMap::with_hasher(key),
            by_word: DocMap::with_hasher(key),
            by_spelling: DocMap::with_hasher(key),
        }
    }

    fn add(&mut self, ci: usize, c: &Cluster, label: Label) {
        let k = &c.key;
        self.by_words.entry(k.clone()).or_insert(ci);
        if label == Label::Per
            && let Some(surname) = k.last()
            && surname.chars().count() >= MIN_RESPELLED
        {
            for form in spellings(surname) {
                push_once(self.by_spelling.entry(form).or_default(), ci);
            }
        }
        if k.len() >= 2 {
            if let Some(a) = acronym_of(&c.name) {
                self.by_acronym.entry(a).or_insert(ci);
            }
            // "Department of Veterans Affairs" is also "VA"
            for lead in ["Department of ", "Ministry of ", "Office of ", "Bureau of "] {
                if let Some(a) = c.name.strip_prefix(lead).and_then(acronym_of) {
                    self.by_acronym.entry(a).or_insert(ci);
                }
            }
            push_once(self.by_last.entry(k[k.len() - 1].clone()).or_default(), ci);
            if label == Label::Per {
                push_once(self.by_first.entry(k[0].clone()).or_default(), ci);
            } else {
                for w in k {
                    push_once(self.by_word.entry(w.clone()).or_default(), ci);
                }
            }
        }
    }
}

/// The clusters and, for each entity, the index of its cluster (`usize::MAX` for none).
pub struct Clustering {
    pub clusters: Vec<Cluster>,
    pub of: Vec<usize>,
    /// Per entity: a lone surname that several people of the text share, nearer another's full
    /// name than the one it joins ("Das" after "Mangala Das" and "Tarak Das"): a guess.
    pub shared_surname: Vec<bool>,
}

/// Group entities into clusters.
pub fn cluster(text: &str, tok: &Tokenized, ents: &[Entity], knowledge: &Knowledge) -> Clustering {
    let gaz = knowledge.gazetteers;
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = Index::new(tok.key);
    let mut of = vec![usize::MAX; ents.len()];
    let mut shared_surname = vec![false; ents.len()];
    // the label each mention votes with (its own, but see `short_form_of_org`)
    let mut vote: Vec<Label> = ents.iter().map(|e| e.label).collect();
    let words_of: Vec<Vec<String>> = ents.iter().map(|e| name_words(e.span.text(text))).collect();
    let honorific: Vec<Option<Gender>> = ents
        .iter()
        .map(|e| {
            let i = tok.tokens.partition_point(|t| t.span.start < e.span.start);
            (i > 0)
                .then(|| honorific_gender(tok.tokens[i - 1].span.text(text)))
                .flatten()
        })
        .collect();
    // longer names first, so that a surname finds the full name wherever it is; of one length, a
    // name opening with an initial after the others, so that "B. Yeltsin" finds "Boris Yeltsin"
    let mut order: Vec<usize> = (0..ents.len()).collect();
    order.sort_by_key(|&i| {
        let initial = words_of[i].first().is_some_and(|w| is_initial(w));
        (
            std::cmp::Reverse(words_of[i].len()),
            initial,
            ents[i].span.start,
        )
    });
    for &i in &order {
        let e = ents[i];
        let words = &words_of[i];
        if words.is_empty() {
            continue;
        }
        let mut label = e.label;
        let placed = in_place_pair(text, ents, i, gaz);
        if placed {
            // a town the tagger read as a person votes as the place it is
            label = Label::Loc;
        }
        let (found, shared) = find_cluster(&clusters, &index, e, words, honorific[i], gaz, placed);
        shared_surname[i] = shared;
        let found = found.or_else(|| {
            let ci = respelled_surname(&clusters, &index, e, words, honorific[i], gaz)?;
            // a misspelt surname the tagger read as a body still votes as the person
            label = Label::Per;
            Some(ci)
        });
        let found = found.or_else(|| {
            let ci = short_form_of_org(&clusters, &index, e, words, honorific[i], gaz)?;
            // it votes as the organisation it names, not as the person the tagger saw
            label = clusters[ci].label();
            Some(ci)
        });
        let ci = match found {
            Some(ci) => ci,
            None => {
                let c = Cluster {
                    votes: [0; 4],
                    mentions: Vec::new(),
                    words: words.clone(),
                    key: key_words(words),
                    name: display_name(e.span.text(text)),
                    gender: (e.label == Label::Per)
                        .then(|| first_name_gender(words, gaz))
                        .flatten(),
                };
                index.add(clusters.len(), &c, e.label);
                clusters.push(c);
                clusters.len() - 1
            }
        };
        let c = &mut clusters[ci];
        c.votes[label_index(label)] += 1;
        vote[i] = label;
        c.mentions.push(Mention {
            span: e.span,
            kind: MentionKind::Name,
        });
        if c.gender.is_none() {
            c.gender = honorific[i];
        }
        of[i] = ci;
    }
    merge_declared_aliases(text, ents, &mut of);
    join_capitals_to_countries(text, tok, ents, knowledge.countries, &mut of);
    let mut clusters = rebuild(text, ents, &vote, &of, clusters);
    genders_the_text_gives(text, tok, &mut clusters);
    Clustering {
        clusters,
        of,
        shared_surname,
    }
}

/// The cluster a mention with these name words joins, if any.
fn find_cluster(
    clusters: &[Cluster],
    index: &Index,
    e: Entity,
    words: &[String],
    honorific: Option<Gender>,
    gaz: &Gazetteers,
    placed: bool,
) -> (Option<usize>, bool) {
    let k = key_words(words);
    if let Some(&ci) = index.by_words.get(&k) {
        return (Some(ci), false);
    }
    let single = k.len() == 1;
    if single {
        let acronym = undotted(&k[0]).unwrap_or_else(|| k[0].clone());
        if let Some(&ci) = index.by_acronym.get(&acronym) {
            return (Some(ci), false);
        }
    }
    let Some(last) = k.last() else {
        return (None, false);
    };
    // one person whose first name is written another way: an initial ("B. Yeltsin" / "Boris
    // Yeltsin") or another last letter ("Mark Dutroux" / "Marc Dutroux"), when only one person
    // of that surname fits ("J. Smith" beside "John" and "Jane Smith" stays apart)
    if e.label == Label::Per && k.len() == 2 {
        let mut fitting = index
            .by_last
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&ci| {
                let c = &clusters[ci];
                c.key.len() == 2
                    && c.key[1] == k[1]
                    && c.is_person()
                    && same_first(&k[0], &c.key[0])
            });
        if let (Some(ci), None) = (fitting.next(), fitting.next()) {
            return (Some(ci), false);
        }
    }
    let gender_ok = |c: &Cluster| c.fits_honorific(honorific);
    // a surname far before every mention of the full name is someone else
    let near = |c: &Cluster| c.within_reach_of(e.span);
    // a shorter form: its words are the tail (surname) of a fuller name, or (for organisations
    // and places) the one distinctive word of a short name ("the Post")
    let fits = |c: &Cluster| {
        let ck = &c.key;
        ck.len() > k.len()
            && gender_ok(c)
            && near(c)
            // a place is not the short form of a body named after it ("Lagos" and "University
            // of Lagos"); a surname tagged as a place still joins its person, unless a state or
            // country follows it ("near Turner, Arkansas")
            && !(e.label == Label::Loc && c.label() == Label::Org)
            && !(placed && c.is_person())
            && (ck.ends_with(&k)
                || (e.label != Label::Per
                    && single
                    && !is_region(gaz, &k[0])
                    && ck.contains(&k[0])
                    && ck.iter().filter(|w| w.len() > 3).count() <= 2))
    };
    let mut matches: Vec<usize> = index
        .by_last
        .get(last)
        .into_iter()
        .flatten()
        .chain(
            (e.label != Label::Per && single)
                .then(|| index.by_word.get(last))
                .flatten()
                .into_iter()
                .flatten(),
        )
        .copied()
        .filter(|&ci| fits(&clusters[ci]))
        .collect();
    matches.sort_unstable();
    matches.dedup();
    if matches.is_empty() && single && e.label == Label::Per {
        // a first name that starts exactly one full name ("Sarah" / "Sarah Okoye")
        let firsts: Vec<usize> = index
            .by_first
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&ci| gender_ok(&clusters[ci]) && near(&clusters[ci]))
            .collect();
        return ((firsts.len() == 1).then(|| firsts[0]), false);
    }
    // several people share the surname: the one the article introduced first; a guess in
    // doubt when another's full name stands nearer before it ("Mangala Das …; Tarak Das, 70, …
    // Das told")
    let last_before = |ci: usize| {
        let c: &Cluster = &clusters[ci];
        c.mentions
            .iter()
            .map(|m| m.span.start)
            .filter(|&s| s < e.span.start)
            .max()
    };
    let nearest = matches
        .iter()
        .filter_map(|&ci| Some((last_before(ci)?, ci)))
        .max()
        .map(|(_, ci)| ci);
    let first = matches
        .into_iter()
        .min_by_key(|&ci| clusters[ci].first_start());
    (first, nearest.is_some_and(|n| Some(n) != first))
}

/// Surnames shorter than this (in letters) are never matched by spelling: short names differ
/// in one letter too often ("Bush" / "Rush").
const MIN_RESPELLED: usize = 6;

/// The word and each form of it with one letter left out ("bornstein" -> "ornstein",
/// "brnstein", ...): two words within one letter's edit share one of these forms.
fn spellings(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out = vec![w.to_string()];
    out.extend(
        (0..chars.len()).map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect::<String>()),
    );
    out
}

/// A lone surname, read as a person or a body, that no name holds but that one person's
/// surname spells one letter apart (left out, added, changed, or two swapped: "Bornsten" /
/// "Bornstein", "Yastrezhembsky" / "Yastrzhembsky"), same first letter, six letters or more:
/// the same person, misspelt. Two people that fit, a first name or a place leave it alone; so
/// do an honorific of the other gender and a full name far after it (as for surnames).
fn respelled_surname(
    clusters: &[Cluster],
    index: &Index,
    e: Entity,
    words: &[String],
    honorific: Option<Gender>,
    gaz: &Gazetteers,
) -> Option<usize> {
    let [w] = words else { return None };
    // a lone particle ("de") has no key word
    let key = key_words(std::slice::from_ref(w));
    let w = key.first()?;
    if !matches!(e.label, Label::Per | Label::Org)
        || w.chars().count() < MIN_RESPELLED
        || place_or_first_name(gaz, w)
    {
        return None;
    }
    let mut found: Vec<usize> = spellings(w)
        .iter()
        .filter_map(|form| index.by_spelling.get(form))
        .flatten()
        .copied()
        .filter(|&ci| {
            let c = &clusters[ci];
            c.is_person()
                && c.key
                    .last()
                    .is_some_and(|s| s.chars().next() == w.chars().next() && one_edit_apart(s, w))
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    let &[ci] = &found[..] else { return None };
    let c = &clusters[ci];
    (c.fits_honorific(honorific) && c.within_reach_of(e.span)).then_some(ci)
}

/// Are `a` and `b` different words one edit apart: a letter left out, added or changed, or two
/// neighbours swapped?
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match a.len() as isize - b.len() as isize {
        0 => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// A one-word person mention that no person's name holds but that opens exactly one
/// organisation's name: "Fox" of "Fox News", "Goldman" of "Goldman Sachs" (the tagger read the
/// short form as a person). Never a first name or a place ("Charlotte" of "Charlotte Observer"),
/// nor after an honorific.
fn short_form_of_org(
    clusters: &[Cluster],
    index: &Index,
    e: Entity,
    words: &[String],
    honorific: Option<Gender>,
    gaz: &Gazetteers,
) -> Option<usize> {
    let [w] = words else { return None };
    if e.label != Label::Per || honorific.is_some() || place_or_first_name(gaz, w) {
        return None;
    }
    let w = without_particle(w);
    let mut orgs = index
        .by_word
        .get(w)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&ci| {
            let c = &clusters[ci];
            c.key.first().map(String::as_str) == Some(w)
                && !c.is_person()
                && c.within_reach_of(e.span)
        });
    match (orgs.next(), orgs.next()) {
        (Some(ci), None) => Some(ci),
        _ => None,
    }
}

/// Is `w` a first name or a place in the gazetteer?
fn place_or_first_name(gaz: &Gazetteers, w: &str) -> bool {
    let bits = gaz.lookup(w);
    [
        "FIRST_F",
        "FIRST_M",
        "CITY",
        "COUNTRY",
        "STATE",
        "CONTINENT",
    ]
    .iter()
    .any(|l| gaz.has(bits, l))
}

/// Is entity `i` a place followed by its state or country ("Turner, Arkansas", "Raleigh,
/// N.C.")? Such a name is a town, not a surname tagged as a place. A lone word the tagger read
/// as a person is such a town after "near", "in", "outside" or "at" ("near Turner, Arkansas").
fn in_place_pair(text: &str, ents: &[Entity], i: usize, gaz: &Gazetteers) -> bool {
    let (Some(e), Some(next)) = (ents.get(i), ents.get(i + 1)) else {
        return false;
    };
    let region = key_words(&name_words(next.span.text(text)));
    let after_place_word = || {
        let before = text[..e.span.start].trim_end_matches(' ');
        let word = before.rsplit(' ').next().unwrap_or("");
        matches!(word, "near" | "in" | "outside" | "at")
    };
    let lone = !e.span.text(text).contains(' ');
    (e.label == Label::Loc || (e.label == Label::Per && lone && after_place_word()))
        && next.label == Label::Loc
        && text.get(e.span.end..next.span.start) == Some(", ")
        && (is_region(gaz, &region.join(" "))
            || ALIASES.iter().any(|(_, canon)| *canon == region.join(" ")))
}

/// A person the text itself calls "he" or "she" right after a verb of speech ("Jannie Gagiano
/// said he doubted"): that gender, over what the first name suggests (a first-name list is a
/// guess; "Jannie" is a man's name in Afrikaans). Evidence for both genders changes nothing.
fn genders_the_text_gives(text: &str, tok: &Tokenized, clusters: &mut [Cluster]) {
    for c in clusters.iter_mut().filter(|c| c.is_person()) {
        let (mut male, mut female) = (false, false);
        for m in &c.mentions {
            let after = tok.tokens.partition_point(|t| t.span.start < m.span.end);
            let word = |i: usize| tok.tokens.get(i).map(|t| normalise(t.span.text(text)));
            let speech = word(after).is_some_and(|w| {
                INVERTED_SPEECH.contains(&w.as_str()) || CLAUSE_FINAL_SPEECH.contains(&w.as_str())
            });
            match word(after + 1).as_deref() {
                Some("he") if speech => male = true,
                Some("she") if speech => female = true,
                _ => {}
            }
        }
        match (male, female) {
            (true, false) => c.gender = Some(Gender::Male),
            (false, true) => c.gender = Some(Gender::Female),
            _ => {}
        }
    }
}

/// Are two first names of one surname the same person's: the first an initial of the second
/// ("b." / "boris"), or of one length (4+) and apart in the last letter only ("mark" / "marc",
/// "eric" / "erik"; "jane" and "jake" are two people)?
fn same_first(a: &str, b: &str) -> bool {
    // `a` is the name being placed: its initial may stand for `b`, never the other way round, so
    // that "John" and "Jane" do not both join one "J."
    if is_initial(a) && !is_initial(b) && b.starts_with(&a[..1]) {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len() && a.len() >= 4 && a[..a.len() - 1] == b[..b.len() - 1] && a != b
}

/// Is `w` a country, state or continent of the gazetteer? Such a name is an actor of its own,
/// never the short form of a longer name that holds it ("Taiwan" and "Taiwan Strait").
fn is_region(gaz: &Gazetteers, w: &str) -> bool {
    let bits = gaz.lookup(w);
    ["COUNTRY", "STATE", "CONTINENT"]
        .iter()
        .any(|l| gaz.has(bits, l))
}

/// Names the text declares to be the same actor: an acronym in parentheses right after a name
/// ("Kurdistan Workers’ Party (PKK)", "Islamic State (ISIS/ISIL)"), or a name after "also known as",
/// "aka", "formerly" or "now called". "(the YPG and YPJ)" names two groups and joins nothing.
fn merge_declared_aliases(text: &str, ents: &[Entity], of: &mut [usize]) {
    let is_acronym = |e: &Entity| {
        let t = e.span.text(text);
        t.len() <= 8
            && t.chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
    };
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for i in 0..ents.len() {
        let mut sep = "(";
        let mut k = i;
        for j in i + 1..ents.len().min(i + 5) {
            let between = text.get(ents[k].span.end..ents[j].span.start).unwrap_or("");
            if between.trim() != sep || !is_acronym(&ents[j]) {
                break;
            }
            let rest = text.get(ents[j].span.end..).unwrap_or("");
            if !(rest.starts_with(')') || rest.starts_with('/')) {
                break;
            }
            joins.push((i, j));
            if rest.starts_with(')') {
                break;
            }
            sep = "/";
            k = j;
        }
        if let Some(j) = (i + 1 < ents.len()).then_some(i + 1) {
            let between = text
                .get(ents[i].span.end..ents[j].span.start)
                .unwrap_or("")
                .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '(')
                .to_lowercase();
            let between = between.strip_suffix(" the").unwrap_or(&between);
            if matches!(
                between,
                "also known as"
                    | "aka"
                    | "a.k.a."
                    | "formerly"
                    | "formerly known as"
                    | "now called"
            ) {
                joins.push((i, j));
            }
            // "Jabhat [the Arabic name for the LF]", "Daesh (an Arabic acronym for ISIS)": a
            // bracketed gloss saying that the name stands for another
            let gloss = text
                .get(ents[i].span.end..ents[j].span.start)
                .unwrap_or("")
                .trim()
                .to_lowercase();
            let bracketed = gloss.starts_with('[') || gloss.starts_with('(');
            let glossed = gloss.strip_suffix(" the").unwrap_or(&gloss);
            if bracketed && (glossed.ends_with(" name for") || glossed.ends_with(" acronym for")) {
                joins.push((i, j));
            }
        }
    }
    // union-find over clusters, so that chains of joins stay linear
    let n = of
        .iter()
        .filter(|c| **c != usize::MAX)
        .max()
        .map_or(0, |m| m + 1);
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for (i, j) in joins {
        let (a, b) = (of[i], of[j]);
        if a == usize::MAX || b == usize::MAX {
            continue;
        }
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            // the earlier cluster (the one the longer name made) stays the representative
            let (keep, drop) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[drop] = keep;
        }
    }
    for o in of.iter_mut() {
        if *o != usize::MAX {
            *o = root(&mut parent, *o);
        }
    }
}

/// A capital standing for its government ("Baghdad says") joins its country's actor when the
/// country is named in the text too (`countries::capitals_as_governments`); a capital as a place
/// stays the city's.
fn join_capitals_to_countries(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    countries: &Countries,
    of: &mut [usize],
) {
    let wanted = countries::capitals_as_governments(text, tok, ents, countries);
    if wanted.iter().all(Option::is_none) {
        return;
    }
    // the first mention's cluster, in text order
    let named = ents
        .iter()
        .zip(of.iter())
        .filter(|(_, c)| **c != usize::MAX)
        .map(|(e, &c)| (e.span, c));
    let by_country = countries::clusters_of_countries(text, tok.key, countries, named);
    for (i, country) in wanted.iter().enumerate() {
        if let Some(&c) = country.and_then(|k| by_country.get(k))
            && of[i] != usize::MAX
        {
            of[i] = c;
        }
    }
}

/// Recompute mentions, votes and display names after merges; emptied clusters stay, empty.
fn rebuild(
    text: &str,
    ents: &[Entity],
    vote: &[Label],
    of: &[usize],
    mut clusters: Vec<Cluster>,
) -> Vec<Cluster> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (i, &c) in of.iter().enumerate() {
        if c != usize::MAX {
            members[c].push(i);
        }
    }
    for (ci, m) in members.iter().enumerate() {
        let c = &mut clusters[ci];
        c.mentions = m
            .iter()
            .map(|&i| Mention {
                span: ents[i].span,
                kind: MentionKind::Name,
            })
            .collect();
        c.votes = [0; 4];
        for &i in m {
            c.votes[label_index(vote[i])] += 1;
        }
        if let Some(&longest) = m.iter().max_by_key(|&&i| {
            (
                name_words(ents[i].span.text(text)).len(),
                std::cmp::Reverse(ents[i].span.start),
            )
        }) {
            c.name = display_name(ents[longest].span.text(text));
        }
    }
    clusters
}

#[cfg(test)]
mod tests;
