//! Actors: the people, organisations, places and named groups an article talks about, built from
//! entity mentions, with a display name (the fullest form), a kind, a role from the text, quote
//! counts and salience order; and, for each quote, the actor its speaker mention refers to.
//!
//! - `names`: acronyms, display names, honorifics, first-name gender;
//! - `cluster`: which mentions name the same actor (merge and non-merge rules);
//! - `countries`: when a capital's mention stands for its government;
//! - `roles`: titles and appositives ("Russian President", "Syrian PYD leader");
//! - `resolve`: pronoun and description speakers -> actors;
//! - `kinds`: what counts as an actor;
//! - here: the pipeline and salience order.
//!
//! This module does not find entities or speakers; it only groups what earlier stages found,
//! with the outside knowledge (`knowledge`: gazetteers, countries) it is given.

pub mod cluster;
pub mod countries;
pub mod kinds;
pub mod names;
pub mod resolve;
pub mod roles;

#[cfg(test)]
use crate::analysis::Label;
use crate::analysis::{Actor, ActorId, ActorKind, Entity, Mention, MentionKind};
use crate::knowledge::{Countries, Knowledge};
use crate::speakers::Choice;
use crate::text::{Span, Tokenized};
use cluster::Cluster;
use resolve::Resolver;

/// What `build` makes: the actors and who each speaker mention refers to.
pub struct Built {
    /// The actors in salience order.
    pub actors: Vec<Actor>,
    /// For each quote's speaker choice, the actor its speaker mention refers to.
    pub quote_actor: Vec<Option<ActorId>>,
    /// For each quote, whether a pronoun speaker's actor is in doubt: another actor it could
    /// refer to is named as near (`Resolver::rival`). Such an attribution is never marked sure.
    pub quote_in_doubt: Vec<bool>,
    /// For each reported-speech source, the actor it refers to.
    pub source_actor: Vec<Option<ActorId>>,
}

/// Build the actors from entities and the speakers' attributions.
pub fn build(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    quotes: &[Span],
    atts: &[Choice],
    sources: &[Option<Mention>],
    knowledge: &Knowledge,
) -> Built {
    let cluster::Clustering {
        mut clusters,
        of,
        shared_surname,
    } = cluster::cluster(text, tok, ents, knowledge);
    let roles: Vec<Option<String>> = clusters
        .iter()
        .map(|c| {
            c.mentions
                .iter()
                .find_map(|m| roles::role_of(text, tok, m.span))
        })
        .collect();
    let Resolved {
        quote_cluster,
        quote_in_doubt,
        source_cluster,
    } = resolve_speakers(
        text,
        tok,
        ents,
        &of,
        &shared_surname,
        quotes,
        atts,
        sources,
        &mut clusters,
        &roles,
        knowledge.countries,
    );
    let mut quote_counts = vec![0usize; clusters.len()];
    for ci in quote_cluster.iter().flatten() {
        quote_counts[*ci] += 1;
    }
    let lower_words = std::cell::OnceCell::new();
    let mut idx: Vec<usize> = (0..clusters.len())
        .filter(|&ci| {
            kinds::is_actor(
                text,
                tok,
                knowledge.gazetteers,
                &lower_words,
                &clusters[ci],
                quote_counts[ci],
            )
        })
        .collect();
    idx.sort_by_key(|&ci| {
        let c = &clusters[ci];
        (
            std::cmp::Reverse(quote_counts[ci]),
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
            Actor {
                id: ActorId(n as u32),
                name: c.name.clone(),
                kind: ActorKind::of_label(c.label()),
                role: roles[ci].clone(),
                mentions,
                quotes: quote_counts[ci],
            }
        })
        .collect();
    let quote_actor = quote_cluster
        .iter()
        .map(|c| c.and_then(|ci| new_id[ci]))
        .collect();
    let source_actor = source_cluster
        .iter()
        .map(|c| c.and_then(|ci| new_id[ci]))
        .collect();
    Built {
        actors,
        quote_actor,
        quote_in_doubt,
        source_actor,
    }
}

/// One actor, one label: every name mention of an actor with two or more names takes the actor's
/// majority label (persons win ties), so "Obama" is not a person in one sentence and an
/// organisation in the next. Returns the entities with the labels written back.
pub fn consistent_labels(ents: &[Entity], actors: &[Actor]) -> Vec<Entity> {
    let mut out = ents.to_vec();
    for a in actors {
        let names: Vec<Span> = a
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| m.span)
            .collect();
        // only people: one string legitimately names a place and a team, or a city and a club,
        // in one document (CoNLL-2003 dev lost 1.3 F1 when every label was voted)
        if names.len() < 2 || a.kind != ActorKind::Person {
            continue;
        }
        let label = a.kind.label();
        for span in names {
            let i = out.partition_point(|e| e.span.start < span.start);
            if let Some(e) = out.get_mut(i).filter(|e| e.span == span) {
                e.label = label;
            }
        }
    }
    out
}

/// `resolve_speakers`' result, by cluster index.
struct Resolved {
    quote_cluster: Vec<Option<usize>>,
    quote_in_doubt: Vec<bool>,
    source_cluster: Vec<Option<usize>>,
}

/// For each quote's speaker choice, the cluster its speaker mention refers to (resolved pronouns
/// and descriptions become mentions of that cluster) and whether it is in doubt (a pronoun with a
/// rival or a far antecedent, a surname several people share);
/// then, for each reported-speech source, the cluster it refers to (looked up only: reported
/// speech does not change the actor list).
#[allow(clippy::too_many_arguments)]
fn resolve_speakers(
    text: &str,
    tok: &Tokenized,
    ents: &[Entity],
    of: &[usize],
    shared_surname: &[bool],
    quotes: &[Span],
    atts: &[Choice],
    sources: &[Option<Mention>],
    clusters: &mut [Cluster],
    roles: &[Option<String>],
    countries: &Countries,
) -> Resolved {
    let mut resolver =
        Resolver::new(text, tok, quotes, clusters, roles).with_countries(countries, clusters);
    // the cluster a mention refers to: a name's own, or the resolver's for a pronoun or description
    // the index of the entity a name mention is
    let entity_of = |m: Mention| {
        let i = ents.partition_point(|e| e.span.start < m.span.start);
        ents.get(i).filter(|e| e.span == m.span).map(|_| i)
    };
    let refers = |resolver: &Resolver, clusters: &[Cluster], m: Mention| match m.kind {
        MentionKind::Name => entity_of(m).map(|i| of[i]).filter(|c| *c != usize::MAX),
        MentionKind::Pronoun => resolver.pronoun(m.span, clusters),
        MentionKind::Description => resolver.description(m.span, clusters),
    };
    let mut out = vec![None; atts.len()];
    let mut in_doubt = vec![false; atts.len()];
    // the cluster of the last quote given one, and the paragraph of that quote
    let mut last_speaker: Option<(usize, usize)> = None;
    for (qi, a) in atts.iter().enumerate() {
        let Some(m) = a.speaker else { continue };
        if let Some(ci) = refers(&resolver, clusters, m) {
            let shared =
                m.kind == MentionKind::Name && entity_of(m).is_some_and(|i| shared_surname[i]);
            // "“…,” said Leslie Wimes. … “…,” she said": a pronoun that leaves a speaker who
            // could be meant, quoted just before, for someone else
            let paragraph = tok.paragraph_at(quotes[qi].start);
            // (not when the antecedent speaks in the pronoun's own paragraph: "Okonkwo said …")
            let speaker_passed = last_speaker.is_some_and(|(prev, para)| {
                prev != ci
                    && paragraph - para <= 1
                    && resolver.could_refer_to(m.span, prev, clusters)
                    && !resolver.speaks_in_paragraph(m.span, ci)
            });
            in_doubt[qi] = shared
                || m.kind == MentionKind::Pronoun
                    && (resolver.rival(m.span, ci, clusters).is_some()
                        || resolver.far(m.span, ci)
                        || speaker_passed);
            last_speaker = Some((ci, paragraph));
            if m.kind != MentionKind::Name {
                clusters[ci].mentions.push(m);
                resolver.add(m.span, ci);
            }
            out[qi] = Some(ci);
        }
    }
    let reported = sources
        .iter()
        .map(|m| refers(&resolver, clusters, (*m)?))
        .collect();
    Resolved {
        quote_cluster: out,
        quote_in_doubt: in_doubt,
        source_cluster: reported,
    }
}

/// Test helper: the span of the first “…” of `text`, marks included.
#[cfg(test)]
pub(crate) fn test_first_quote(text: &str) -> Span {
    let a = text.find('“').expect("an opening mark");
    let b = text.find('”').expect("a closing mark") + '”'.len_utf8();
    Span::new(a, b)
}

/// Test helper: entities for `names` (in order of appearance) with their labels.
#[cfg(test)]
pub(crate) fn test_entities(text: &str, names: &[(&str, Label)]) -> Vec<Entity> {
    let mut from = 0;
    names
        .iter()
        .map(|(n, l)| {
            let b = from + text[from..].find(n).expect("name in text");
            from = b + n.len();
            Entity {
                span: Span::new(b, b + n.len()),
                label: *l,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::analyze_text;

    use crate::actors::test_entities as ents;

    fn actor_names(text: &str, names: &[(&str, Label)], quoted: Option<&str>) -> Vec<String> {
        let tok = analyze_text(text);
        let e = ents(text, names);
        let (quotes, atts) = match quoted {
            Some(n) => {
                let q = Span::new(text.find('“').unwrap(), text.find('”').unwrap() + 3);
                let s = text.find(n).unwrap();
                let m = Mention {
                    span: Span::new(s, s + n.len()),
                    kind: MentionKind::Name,
                };
                (
                    vec![q],
                    vec![Choice {
                        speaker: Some(m),
                        cue: None,
                        margin: 1.0,
                    }],
                )
            }
            None => (vec![], vec![]),
        };
        let actors = build(text, &tok, &e, &quotes, &atts, &[], &Knowledge::none()).actors;
        let mut v: Vec<String> = actors.iter().map(|a| a.name.clone()).collect();
        v.sort();
        v
    }

    use crate::analysis::Label;

    #[test]
    fn adjectives_events_and_other_names_are_not_actors() {
        let t = "The Republican senator met anti-Semitic critics on Election Day in Ohio.";
        let got = actor_names(
            t,
            &[
                ("Republican", Label::Misc),
                ("anti-Semitic", Label::Misc),
                ("Election Day", Label::Misc),
                ("Ohio", Label::Loc),
            ],
            None,
        );
        assert_eq!(got, ["Ohio"]);
    }

    #[test]
    fn another_name_that_speaks_is_an_actor() {
        let t = "Vermont Edition reported: “Welch will vote.”";
        let got = actor_names(
            t,
            &[("Vermont Edition", Label::Misc)],
            Some("Vermont Edition"),
        );
        assert_eq!(got, ["Vermont Edition"]);
    }

    #[test]
    fn one_actor_one_label() {
        let t = "Barack Obama spoke. The Obama administration agreed. Obama left.";
        let e = ents(
            t,
            &[
                ("Barack Obama", Label::Per),
                ("Obama", Label::Org),
                ("Obama", Label::Per),
            ],
        );
        let tok = analyze_text(t);
        let actors = build(t, &tok, &e, &[], &[], &[], &Knowledge::none()).actors;
        let labels: Vec<Label> = consistent_labels(&e, &actors)
            .iter()
            .map(|e| e.label)
            .collect();
        assert_eq!(labels, [Label::Per, Label::Per, Label::Per]);
    }

    #[test]
    fn an_actor_whose_labels_disagree_is_kept_with_one_kind() {
        // the tagger reads one body as an organisation, a place and "other" in turn
        let t = "Union State troops moved. Union State said no. In Union State, calm. \
                 Union State denied it. Union State is silent. Union State waits. Union State won.";
        let e = ents(
            t,
            &[
                ("Union State", Label::Org),
                ("Union State", Label::Misc),
                ("Union State", Label::Loc),
                ("Union State", Label::Misc),
                ("Union State", Label::Org),
                ("Union State", Label::Misc),
                ("Union State", Label::Loc),
            ],
        );
        let tok = analyze_text(t);
        let actors = build(t, &tok, &e, &[], &[], &[], &Knowledge::none()).actors;
        let kinds: Vec<(&str, ActorKind)> =
            actors.iter().map(|a| (a.name.as_str(), a.kind)).collect();
        assert_eq!(kinds, [("Union State", ActorKind::Organisation)]);
        // a name that most mentions call "other" stays other, and out of the list
        let e = ents(
            t,
            &[
                ("Union State", Label::Org),
                ("Union State", Label::Misc),
                ("Union State", Label::Misc),
                ("Union State", Label::Misc),
                ("Union State", Label::Misc),
                ("Union State", Label::Misc),
                ("Union State", Label::Loc),
            ],
        );
        let actors = build(t, &tok, &e, &[], &[], &[], &Knowledge::none()).actors;
        assert!(actors.is_empty());
    }

    #[test]
    fn quoted_actors_come_first() {
        let t = "Ann Lee met Bob Roe, Bob Roe and Bob Roe. “Fine,” Ann Lee said.";
        let tok = analyze_text(t);
        let e = ents(
            t,
            &[
                ("Ann Lee", Label::Per),
                ("Bob Roe", Label::Per),
                ("Bob Roe", Label::Per),
                ("Bob Roe", Label::Per),
                ("Ann Lee", Label::Per),
            ],
        );
        let q = Span::new(t.find('“').unwrap(), t.find('”').unwrap() + 3);
        let s = t.rfind("Ann Lee").unwrap();
        let att = Choice {
            speaker: Some(Mention {
                span: Span::new(s, s + 7),
                kind: MentionKind::Name,
            }),
            cue: None,
            margin: 1.0,
        };
        let Built {
            actors,
            quote_actor: qa,
            ..
        } = build(t, &tok, &e, &[q], &[att], &[], &Knowledge::none());
        assert_eq!(actors[0].name, "Ann Lee");
        assert_eq!(actors[0].quotes, 1);
        assert_eq!(qa, [Some(actors[0].id)]);
    }
}
