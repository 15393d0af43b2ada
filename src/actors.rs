//! Actors: entity mentions merged into the real-world actors they name, with a display name (the
//! fullest form), a kind, a role from the text, quote counts and salience order.
//!
//! Merge rules: a surname or "Mr. X" joins the nearest earlier (else later) full name ending in
//! it, never two different first names; an acronym joins the name it abbreviates
//! ("Federal Bureau of Investigation" / "FBI") or the name it follows in parentheses; "the Post"
//! joins "The Washington Post"; otherwise identical names (ignoring "the" and ’s) merge. Speaker
//! mentions that are pronouns or descriptions are resolved here too: a pronoun to the most recent
//! compatible person, a description to the actor whose role it matches. This module does not
//! find entities or speakers; it only groups what earlier stages found.

use crate::analysis::{Actor, ActorId, ActorKind, Entity, Label, Mention, MentionKind};
use crate::entities::features::normalise;
use crate::entities::gazetteer::Gazetteers;
use crate::speakers::Attribution;
use crate::speakers::candidates::in_quote;
use crate::text::{Span, Tokenized};
use std::collections::HashMap;

const TITLES: &[&str] = &[
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
const HONORIFICS: &[(&str, Gender)] = &[
    ("mr.", Gender::Male),
    ("mr", Gender::Male),
    ("mrs.", Gender::Female),
    ("mrs", Gender::Female),
    ("ms.", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("sir", Gender::Male),
    ("madam", Gender::Female),
    ("lady", Gender::Female),
    ("lord", Gender::Male),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Words of a name without a leading "the", honorifics and possessive marks.
fn name_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = s.split_whitespace().map(normalise).collect();
    while w
        .first()
        .is_some_and(|f| f == "the" || HONORIFICS.iter().any(|h| h.0 == f))
    {
        w.remove(0);
    }
    if let Some(l) = w.last_mut() {
        for suffix in ["'s", "'"] {
            if l.len() > suffix.len() && l.ends_with(suffix) {
                l.truncate(l.len() - suffix.len());
            }
        }
    }
    w
}

/// "Federal Bureau of Investigation" -> "fbi": initials of the capitalised words.
fn acronym_of(s: &str) -> Option<String> {
    let caps: String = s
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    (caps.chars().count() >= 2).then(|| caps.to_lowercase())
}

struct Cluster {
    label_votes: HashMap<Label, usize>,
    mentions: Vec<Mention>,
    /// fullest name words
    words: Vec<String>,
    name: String,
    gender: Option<Gender>,
}

/// Lookup tables over the clusters made so far, so that clustering stays linear in the text.
#[derive(Default)]
struct Index {
    by_words: HashMap<Vec<String>, usize>,
    by_acronym: HashMap<String, usize>,
    /// every word of a multi-word name -> clusters holding it
    by_word: HashMap<String, Vec<usize>>,
}

impl Index {
    fn add(&mut self, ci: usize, c: &Cluster) {
        self.by_words.entry(c.words.clone()).or_insert(ci);
        if c.words.len() >= 2 {
            if let Some(a) = acronym_of(&c.name) {
                self.by_acronym.entry(a).or_insert(ci);
            }
            for w in &c.words {
                let v = self.by_word.entry(w.clone()).or_default();
                if v.last() != Some(&ci) {
                    v.push(ci);
                }
            }
        }
    }
}

/// Group entities into clusters; returns the cluster index of each entity.
fn cluster(text: &str, ents: &[Entity]) -> (Vec<Cluster>, Vec<usize>) {
    // longer names first, so that a surname finds the full name wherever it is
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = Index::default();
    let mut of = vec![usize::MAX; ents.len()];
    let words_of: Vec<Vec<String>> = ents.iter().map(|e| name_words(e.span.text(text))).collect();
    let mut order: Vec<usize> = (0..ents.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(words_of[i].len()), ents[i].span.start));
    for &i in &order {
        let e = ents[i];
        let words = &words_of[i];
        if words.is_empty() {
            continue;
        }
        let ci = match find_cluster(&clusters, &index, e, words) {
            Some(ci) => ci,
            None => {
                let c = Cluster {
                    label_votes: HashMap::new(),
                    mentions: Vec::new(),
                    words: words.clone(),
                    name: display_name(e.span.text(text)),
                    gender: None,
                };
                index.add(clusters.len(), &c);
                clusters.push(c);
                clusters.len() - 1
            }
        };
        let c = &mut clusters[ci];
        *c.label_votes.entry(e.label).or_default() += 1;
        c.mentions.push(Mention {
            span: e.span,
            kind: MentionKind::Name,
        });
        of[i] = ci;
    }
    (clusters, of)
}

fn display_name(t: &str) -> String {
    let t = t.trim_end_matches("’s").trim_end_matches("'s");
    t.strip_prefix("the ").unwrap_or(t).to_string()
}

/// The cluster a mention with these name words joins, if any.
fn find_cluster(clusters: &[Cluster], index: &Index, e: Entity, words: &[String]) -> Option<usize> {
    if let Some(&ci) = index.by_words.get(words) {
        return Some(ci);
    }
    if words.len() == 1
        && let Some(&ci) = index.by_acronym.get(&words[0])
    {
        return Some(ci);
    }
    // a shorter form: its words are the tail (surname) of a fuller name, or (for organisations
    // and places) the one distinctive word of a short name ("the Post")
    let fits = |c: &Cluster| {
        c.words.len() > words.len()
            && (c.words.ends_with(words)
                || (e.label != Label::Per
                    && words.len() == 1
                    && c.words.contains(&words[0])
                    && c.words.iter().filter(|w| w.len() > 3).count() <= 2))
    };
    let last = words.last()?;
    let matches: Vec<usize> = index
        .by_word
        .get(last)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&ci| fits(&clusters[ci]))
        .collect();
    match matches.len() {
        0 => None,
        1 => Some(matches[0]),
        // several people share the surname: the one mentioned most recently before this mention
        _ => matches.iter().copied().max_by_key(|&ci| {
            clusters[ci]
                .mentions
                .iter()
                .filter(|m| m.span.end <= e.span.start)
                .map(|m| m.span.end + 1)
                .max()
                .unwrap_or(0)
        }),
    }
}

/// "Kurdistan Workers’ Party (PKK)": an acronym in parentheses right after a name joins it.
fn merge_parenthesised(text: &str, ents: &[Entity], of: &mut [usize]) {
    let is_acronym = |e: &Entity| {
        let t = e.span.text(text);
        t.len() <= 8
            && t.chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
    };
    for i in 0..ents.len() {
        // "Name (ACR)" or "Name (ACR/ALT)": alternatives separated by "/" all join the name;
        // "(the YPG and YPJ)" names two groups and joins nothing
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
            let (a, b) = (of[i], of[j]);
            if a != usize::MAX {
                for o in of.iter_mut() {
                    if *o == b {
                        *o = a;
                    }
                }
            }
            if rest.starts_with(')') {
                break;
            }
            sep = "/";
            k = j;
        }
    }
}

/// Title words right before a mention ("Russian President Vladimir Putin") or an appositive
/// right after it ("Salih Muslim, Syrian PYD leader,").
fn role_of(text: &str, tok: &Tokenized, m: Span) -> Option<String> {
    let first = tok.tokens.partition_point(|t| t.span.start < m.start);
    let mut a = first;
    while a > 0 {
        let t = tok.tokens[a - 1];
        let w = t.span.text(text);
        let title = TITLES.contains(&normalise(w).as_str());
        let demonym = w.starts_with(char::is_uppercase)
            && (w.ends_with("an") || w.ends_with("ese") || w.ends_with("ish"));
        if (title || demonym) && w.starts_with(char::is_alphabetic) {
            a -= 1;
        } else {
            break;
        }
    }
    if a < first
        && tok.tokens[a..first].iter().any(|t| {
            TITLES.contains(&normalise(t.span.text(text)).as_str())
                && !matches!(
                    normalise(t.span.text(text)).as_str(),
                    "state" | "house" | "white" | "former" | "u.s." | "us"
                )
        })
    {
        return Some(text[tok.tokens[a].span.start..tok.tokens[first - 1].span.end].to_string());
    }
    // appositive
    let after = tok.tokens.partition_point(|t| t.span.start < m.end);
    if tok
        .tokens
        .get(after)
        .is_some_and(|t| t.span.text(text) == ",")
    {
        let s = after + 1;
        let mut e = s;
        while e < tok.tokens.len()
            && e - s < 9
            && !matches!(
                tok.tokens[e].span.text(text),
                "," | "." | ";" | "”" | "\"" | "(" | ")"
            )
        {
            e += 1;
        }
        let closes = tok
            .tokens
            .get(e)
            .is_some_and(|t| matches!(t.span.text(text), "," | "."));
        let has_title = tok.tokens[s..e]
            .iter()
            .any(|t| TITLES.contains(&normalise(t.span.text(text)).as_str()));
        if closes && e > s && has_title {
            let role = text[tok.tokens[s].span.start..tok.tokens[e - 1].span.end].to_string();
            let role = role
                .strip_prefix("the ")
                .or_else(|| role.strip_prefix("a "))
                .unwrap_or(&role)
                .to_string();
            return Some(role);
        }
    }
    None
}

/// Gender from an honorific before any mention ("Mrs. Doe"), else from the first name of the
/// fullest name in the first-name lists (FIRST_M / FIRST_F in the gazetteer).
fn gender_of(text: &str, tok: &Tokenized, c: &Cluster, gaz: &Gazetteers) -> Option<Gender> {
    let from_first_name = || {
        let first = c.words.first().filter(|_| c.words.len() >= 2)?;
        let bits = gaz.lookup(first);
        let has = |list: &str| {
            gaz.lists
                .iter()
                .position(|l| l == list)
                .is_some_and(|b| bits & (1 << b) != 0)
        };
        match (has("FIRST_M"), has("FIRST_F")) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        }
    };
    for m in &c.mentions {
        let first = tok.tokens.partition_point(|t| t.span.start < m.span.start);
        if first > 0 {
            let w = normalise(tok.tokens[first - 1].span.text(text));
            if let Some(h) = HONORIFICS.iter().find(|h| h.0 == w) {
                return Some(h.1);
            }
        }
    }
    if is_person(c) {
        from_first_name()
    } else {
        None
    }
}

/// Build the actors from entities and the speakers' attributions; returns the actors in
/// salience order and, for each attribution, the actor its speaker refers to.
pub fn build(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    quotes: &[Span],
    atts: &[Attribution],
    gaz: &Gazetteers,
) -> (Vec<Actor>, Vec<Option<ActorId>>) {
    let (mut clusters, mut of) = cluster(text, ents);
    merge_parenthesised(text, ents, &mut of);
    // rebuild clusters after parenthesis merges
    let mut merged: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (i, &c) in of.iter().enumerate() {
        if c != usize::MAX {
            merged[c].push(i);
        }
    }
    for (ci, members) in merged.iter().enumerate() {
        let c = &mut clusters[ci];
        c.mentions = members
            .iter()
            .map(|&i| Mention {
                span: ents[i].span,
                kind: MentionKind::Name,
            })
            .collect();
        c.label_votes.clear();
        for &i in members {
            *c.label_votes.entry(ents[i].label).or_default() += 1;
        }
        if let Some(&longest) = members.iter().max_by_key(|&&i| {
            (
                name_words(ents[i].span.text(text)).len(),
                std::cmp::Reverse(ents[i].span.start),
            )
        }) {
            c.name = display_name(ents[longest].span.text(text));
        }
    }
    for ci in 0..clusters.len() {
        clusters[ci].gender = gender_of(text, tok, &clusters[ci], gaz);
    }
    let roles: Vec<Option<String>> = clusters
        .iter()
        .map(|c| c.mentions.iter().find_map(|m| role_of(text, tok, m.span)))
        .collect();
    // resolve each speaker mention to a cluster
    let mut quote_cluster = vec![None; atts.len()];
    let mut last_quoted: Option<usize> = None;
    for (qi, a) in atts.iter().enumerate() {
        let Some(m) = a.speaker else { continue };
        let ci = match m.kind {
            MentionKind::Name => {
                let i = ents.partition_point(|e| e.span.start < m.span.start);
                ents.get(i)
                    .filter(|e| e.span == m.span)
                    .map(|_| of[i])
                    .filter(|c| *c != usize::MAX)
            }
            MentionKind::Pronoun => resolve_pronoun(text, &clusters, m.span, last_quoted, quotes),
            MentionKind::Description => resolve_description(text, &roles, m.span),
        };
        if let Some(ci) = ci {
            if m.kind != MentionKind::Name {
                clusters[ci].mentions.push(m);
            }
            last_quoted = Some(ci);
        }
        quote_cluster[qi] = ci;
    }
    // order by salience
    let mut quote_counts = vec![0usize; clusters.len()];
    for ci in quote_cluster.iter().flatten() {
        quote_counts[*ci] += 1;
    }
    let quotes_of = |ci: usize| quote_counts[ci];
    let mut idx: Vec<usize> = (0..clusters.len())
        .filter(|&ci| !clusters[ci].mentions.is_empty() && !is_adjective(&clusters[ci]))
        .collect();
    idx.sort_by_key(|&ci| {
        let c = &clusters[ci];
        (
            std::cmp::Reverse(quotes_of(ci)),
            std::cmp::Reverse(c.mentions.len()),
            c.mentions.iter().map(|m| m.span.start).min().unwrap_or(0),
        )
    });
    let mut new_id = vec![None; clusters.len()];
    let actors: Vec<Actor> = idx
        .iter()
        .enumerate()
        .map(|(n, &ci)| {
            let c = &clusters[ci];
            new_id[ci] = Some(ActorId(n as u32));
            let mut mentions = c.mentions.clone();
            mentions.sort_by_key(|m| m.span);
            let label = Label::ALL
                .into_iter()
                .max_by_key(|l| {
                    (
                        c.label_votes.get(l).copied().unwrap_or(0),
                        matches!(l, Label::Per),
                    )
                })
                .unwrap_or(Label::Misc);
            Actor {
                id: ActorId(n as u32),
                name: c.name.clone(),
                kind: ActorKind::of_label(label),
                role: roles[ci].clone(),
                mentions,
                quotes: quotes_of(ci),
            }
        })
        .collect();
    let quote_actor = quote_cluster
        .iter()
        .map(|c| c.and_then(|ci| new_id[ci]))
        .collect();
    (actors, quote_actor)
}

/// "Republican", "Russian", "anti-Semitic", "pro-Clinton": MISC words that describe, not actors.
fn is_adjective(c: &Cluster) -> bool {
    let misc = c.label_votes.get(&Label::Misc).copied().unwrap_or(0) * 2
        > c.label_votes.values().sum::<usize>();
    let w = c.name.as_str();
    let single = !w.contains(' ');
    let suffix = ["an", "ic", "ish", "ese", "i"]
        .iter()
        .any(|s| w.ends_with(s));
    let prefixed = w.starts_with(char::is_lowercase) && w.contains('-');
    misc && single && (suffix || prefixed)
}

fn is_person(c: &Cluster) -> bool {
    c.label_votes.get(&Label::Per).copied().unwrap_or(0) * 2
        >= c.label_votes.values().sum::<usize>().max(1)
}

/// A pronoun refers to the most recent compatible actor mentioned before it; "they"/"it" may be
/// an organisation. The last quoted person wins ties within the same paragraph distance.
fn resolve_pronoun(
    text: &str,
    clusters: &[Cluster],
    p: Span,
    last_quoted: Option<usize>,
    quotes: &[Span],
) -> Option<usize> {
    let pron = normalise(p.text(text));
    let want_person = matches!(pron.as_str(), "he" | "she" | "i" | "we");
    let gender = match pron.as_str() {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    };
    let compatible = |c: &Cluster| {
        let person = is_person(c);
        let kind_ok = if want_person {
            person
        } else {
            pron == "they" || !person
        };
        let gender_ok = match (gender, c.gender) {
            (Some(g), Some(h)) => g == h,
            _ => true,
        };
        kind_ok && gender_ok
    };
    let last_before = |c: &Cluster| {
        c.mentions
            .iter()
            .filter(|m| {
                m.span.end <= p.start && m.kind == MentionKind::Name && !in_quote(m.span, quotes)
            })
            .map(|m| m.span.end)
            .max()
    };
    if let Some(lq) = last_quoted.filter(|&l| compatible(&clusters[l])) {
        // keep the last quoted person unless another compatible person was named after them
        let lq_pos = last_before(&clusters[lq]).unwrap_or(0);
        let newer = (0..clusters.len())
            .filter(|&ci| ci != lq && compatible(&clusters[ci]))
            .any(|ci| last_before(&clusters[ci]).is_some_and(|e| e > lq_pos));
        if !newer {
            return Some(lq);
        }
    }
    (0..clusters.len())
        .filter(|&ci| compatible(&clusters[ci]))
        .filter_map(|ci| last_before(&clusters[ci]).map(|e| (e, ci)))
        .max()
        .map(|x| x.1)
}

/// "the Russian president" -> the one actor whose role contains the description's head word.
fn resolve_description(text: &str, roles: &[Option<String>], d: Span) -> Option<usize> {
    let words = name_words(d.text(text));
    let head = words.last()?;
    let mut with_role = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.as_ref().is_some_and(|r| name_words(r).contains(head)))
        .map(|(ci, _)| ci);
    let first = with_role.next();
    if with_role.next().is_some() {
        None
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    fn ents(text: &str, names: &[(&str, Label)]) -> Vec<Entity> {
        let mut from = 0;
        names
            .iter()
            .map(|(n, l)| {
                let b = from + text[from..].find(n).unwrap();
                from = b + n.len();
                Entity {
                    span: Span::new(b, b + n.len()),
                    label: *l,
                }
            })
            .collect()
    }

    /// Actors and the quoting actor's name when the one quotation (“…”) in `t` is attributed to
    /// the pronoun `pronoun` (its first occurrence after the quotation).
    fn pronoun_speaker(
        t: &str,
        names: &[(&str, Label)],
        pronoun: &str,
        gaz: &Gazetteers,
    ) -> (Vec<Actor>, String) {
        let tok = analyze_text(t);
        let q = Span::new(t.find('“').unwrap(), t.find('”').unwrap() + '”'.len_utf8());
        let p = q.end + t[q.end..].find(pronoun).unwrap();
        let att = Attribution {
            speaker: Some(Mention {
                span: Span::new(p, p + pronoun.len()),
                kind: MentionKind::Pronoun,
            }),
            cue: None,
        };
        let (actors, qa) = build(t, &tok, &ents(t, names), &[q], &[att], gaz);
        let name = actors[qa[0].unwrap().0 as usize].name.clone();
        (actors, name)
    }

    fn actor_names(text: &str, names: &[(&str, Label)]) -> Vec<(String, usize)> {
        let tok = analyze_text(text);
        let (actors, _) = build(
            text,
            &tok,
            &ents(text, names),
            &[],
            &[],
            &Gazetteers::default(),
        );
        let mut v: Vec<(String, usize)> = actors
            .iter()
            .map(|a| (a.name.clone(), a.mentions.len()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn surname_and_honorific_join_the_full_name() {
        let t = "Vladimir Putin spoke. Mr. Putin left. Putin’s aides stayed.";
        let got = actor_names(
            t,
            &[
                ("Vladimir Putin", Label::Per),
                ("Putin", Label::Per),
                ("Putin", Label::Per),
            ],
        );
        assert_eq!(got, [("Vladimir Putin".to_string(), 3)]);
    }

    #[test]
    fn two_clintons_stay_apart_and_a_bare_surname_goes_to_the_recent_one() {
        let t = "Bill Clinton spoke. Later Hillary Clinton arrived. Clinton said no.";
        let got = actor_names(
            t,
            &[
                ("Bill Clinton", Label::Per),
                ("Hillary Clinton", Label::Per),
                ("Clinton", Label::Per),
            ],
        );
        assert_eq!(
            got,
            [
                ("Bill Clinton".to_string(), 1),
                ("Hillary Clinton".to_string(), 2)
            ]
        );
    }

    #[test]
    fn acronym_joins_its_expansion() {
        let t = "The Federal Bureau of Investigation said the FBI would act.";
        let got = actor_names(
            t,
            &[
                ("Federal Bureau of Investigation", Label::Org),
                ("FBI", Label::Org),
            ],
        );
        assert_eq!(got, [("Federal Bureau of Investigation".to_string(), 2)]);
    }

    #[test]
    fn parenthesised_acronym_joins_the_name_before_it() {
        let t = "The Kurdistan Workers’ Party (PKK) fought. The PKK denied it.";
        let got = actor_names(
            t,
            &[
                ("Kurdistan Workers’ Party", Label::Org),
                ("PKK", Label::Org),
                ("PKK", Label::Org),
            ],
        );
        assert_eq!(got, [("Kurdistan Workers’ Party".to_string(), 3)]);
    }

    #[test]
    fn two_acronyms_in_one_parenthesis_stay_two_actors() {
        // "People’s Protection Units (the YPG and YPJ)": the text names two groups
        let t = "The People’s Protection Units (the YPG and YPJ) advanced. The YPG said the YPJ held the town.";
        let got = actor_names(
            t,
            &[
                ("People’s Protection Units", Label::Org),
                ("YPG", Label::Org),
                ("YPJ", Label::Org),
                ("YPG", Label::Org),
                ("YPJ", Label::Org),
            ],
        );
        assert_eq!(
            got,
            [
                ("People’s Protection Units".to_string(), 1),
                ("YPG".to_string(), 2),
                ("YPJ".to_string(), 2)
            ]
        );
    }

    #[test]
    fn slash_separated_acronyms_in_parentheses_join_the_name() {
        let t = "The Islamic State (ISIS/ISIL) claimed it. ISIL later denied it, and ISIS agreed.";
        let got = actor_names(
            t,
            &[
                ("Islamic State", Label::Org),
                ("ISIS", Label::Org),
                ("ISIL", Label::Org),
                ("ISIL", Label::Org),
                ("ISIS", Label::Org),
            ],
        );
        assert_eq!(got, [("Islamic State".to_string(), 5)]);
    }

    #[test]
    fn outlet_short_form_joins() {
        let t = "The Washington Post reported it. The Post said more.";
        let got = actor_names(
            t,
            &[("The Washington Post", Label::Org), ("Post", Label::Org)],
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn adjectives_are_not_actors() {
        let t = "The Republican senator met anti-Semitic critics and Star of David fans.";
        let got = actor_names(
            t,
            &[
                ("Republican", Label::Misc),
                ("anti-Semitic", Label::Misc),
                ("Star of David", Label::Misc),
            ],
        );
        assert_eq!(got, [("Star of David".to_string(), 1)]);
    }

    #[test]
    fn pronoun_gender_from_first_name_lists() {
        let t = "Maria Gomez met Peter Hall. “Fine,” she said.";
        let names = [("Maria Gomez", Label::Per), ("Peter Hall", Label::Per)];
        let gaz = Gazetteers::parse("FIRST_F\tMaria\nFIRST_M\tPeter\n", "");
        assert_eq!(pronoun_speaker(t, &names, "she", &gaz).1, "Maria Gomez");
        // without the lists the most recent person wins
        assert_eq!(
            pronoun_speaker(t, &names, "she", &Gazetteers::default()).1,
            "Peter Hall"
        );
    }

    #[test]
    fn pronoun_ignores_names_inside_quotations() {
        let t = "Ted Cruz spoke. “Nobody told Donald Trump,” he said.";
        let names = [("Ted Cruz", Label::Per), ("Donald Trump", Label::Per)];
        assert_eq!(
            pronoun_speaker(t, &names, "he", &Gazetteers::default()).1,
            "Ted Cruz"
        );
    }

    #[test]
    fn different_people_with_different_surnames_stay_apart() {
        let t = "John Smith met John Brown.";
        assert_eq!(
            actor_names(t, &[("John Smith", Label::Per), ("John Brown", Label::Per)]).len(),
            2
        );
    }

    #[test]
    fn roles_from_titles_and_appositives() {
        let t = "Russian President Vladimir Putin spoke. Salih Muslim, Syrian PYD leader, replied.";
        let tok = analyze_text(t);
        let e = ents(
            t,
            &[("Vladimir Putin", Label::Per), ("Salih Muslim", Label::Per)],
        );
        let (actors, _) = build(t, &tok, &e, &[], &[], &Gazetteers::default());
        let role = |n: &str| {
            actors
                .iter()
                .find(|a| a.name == n)
                .and_then(|a| a.role.clone())
        };
        assert_eq!(role("Vladimir Putin").as_deref(), Some("Russian President"));
        assert_eq!(role("Salih Muslim").as_deref(), Some("Syrian PYD leader"));
    }

    #[test]
    fn pronoun_speaker_resolves_to_the_compatible_person() {
        let t = "Mrs. Jane Doe met Mr. John Roe. “Fine,” she said.";
        let (actors, name) = pronoun_speaker(
            t,
            &[("Jane Doe", Label::Per), ("John Roe", Label::Per)],
            "she",
            &Gazetteers::default(),
        );
        assert_eq!(name, "Jane Doe");
        assert_eq!(actors[0].name, "Jane Doe", "quoted actors come first");
        assert_eq!(actors[0].quotes, 1);
    }
}
