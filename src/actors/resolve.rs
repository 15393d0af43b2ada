//! Speaker mentions that are not names ("he", "she", "the mayor", "the union") -> the actor they
//! refer to. A sieve in the manner of Hobbs (1978) and Muzny et al. (2017): look back sentence by
//! sentence from the mention, and in each sentence take the leftmost compatible actor mention
//! outside quotations, so that the subject of the attribution sentence ("Ham made it clear he
//! ...") wins over the people it talks about. Mentions after a preposition ("met with Putin",
//! "worked for Obama") or used as a modifier of another name ("Trump spokesman Jason Miller") are
//! passed over. Compatible means: gender and person for he/she/I, an organisation or a place for
//! it/they, a person for a description headed by a person noun ("the Vermont senator"), an
//! organisation for "the union" / "the agency" (one whose name holds the word wins). Speakers
//! already resolved count as mentions, so a chain of "he said" stays with its speaker. Nothing
//! compatible within a few sentences: no actor (a wrong speaker is worse than none).

use super::cluster::Cluster;
use super::countries::clusters_of_countries;
use super::names::Gender;
use crate::analysis::Label;
use crate::hash::DocMap;
use crate::knowledge::Countries;
use crate::lexicon::{
    CLAUSE_FINAL_SPEECH, DOCUMENTS, ORG_HEADS, PERSON_HEADS, SPOKESPERSONS, is_title,
};
use crate::syntax::in_quote;
use crate::syntax::{governing_preposition, modifier_of};
use crate::text::{Span, TokenKind, Tokenized};
use crate::text::{name_words, normalise};
use std::collections::BTreeMap;
use std::ops::Range;

/// How many sentences back (the mention's own sentence included) the search goes.
const MAX_SENTENCES: usize = 6;
/// Never look further back than this many bytes (texts without sentence breaks).
const MAX_BYTES: usize = 3000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Person(Option<Gender>),
    /// "it", "they", "the union": an organisation, a place acting as one, or (they) a group.
    Body,
}

/// The mentions of actors in text order, and what the search needs to read around them.
pub struct Resolver<'a> {
    text: &'a str,
    tok: &'a Tokenized,
    quotes: &'a [Span],
    /// start byte -> (mention span, cluster)
    mentions: BTreeMap<usize, (Span, usize)>,
    /// A word of a cluster's role ("spokesman", "senator") -> the clusters with that role word.
    role_words: DocMap<String, Vec<usize>>,
    /// The countries the text names: country (name words joined) -> its cluster.
    governments: DocMap<String, usize>,
    countries: Option<&'a Countries>,
}

/// Words that make a description a government's voice when a demonym or a country goes with it
/// ("an Australian foreign ministry official", "the Afghan embassy", "Iraq's government").
const GOVERNMENT_WORDS: &[&str] = &[
    "ministry",
    "government",
    "embassy",
    "consulate",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
];

/// A government's bodies: "the embassy official" is the embassy's the text named before ("the
/// Afghan embassy in Abu Dhabi").
const GOVERNMENT_BODIES: &[&str] = &["ministry", "government", "embassy", "consulate"];

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        tok: &'a Tokenized,
        quotes: &'a [Span],
        clusters: &[Cluster],
        roles: &[Option<String>],
    ) -> Resolver<'a> {
        let mut mentions = BTreeMap::new();
        for (ci, c) in clusters.iter().enumerate() {
            for m in &c.mentions {
                mentions.insert(m.span.start, (m.span, ci));
            }
        }
        let mut role_words: DocMap<String, Vec<usize>> = DocMap::with_hasher(tok.key);
        for (ci, r) in roles.iter().enumerate() {
            let mut words = r.as_deref().map(name_words).unwrap_or_default();
            words.sort();
            words.dedup();
            for w in words {
                role_words.entry(w).or_default().push(ci);
            }
        }
        Resolver {
            text,
            tok,
            quotes,
            mentions,
            role_words,
            governments: DocMap::with_hasher(tok.key),
            countries: None,
        }
    }

    /// Read descriptions of a government's voice with this table of countries: "an Australian
    /// foreign ministry official" is Australia's when the text names Australia.
    pub fn with_countries(mut self, countries: &'a Countries, clusters: &[Cluster]) -> Self {
        // the first cluster, in cluster order, with a mention of the country
        let named = clusters
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| c.mentions.iter().map(move |m| (m.span, ci)));
        self.governments = clusters_of_countries(self.text, self.tok.key, countries, named);
        self.countries = Some(countries);
        self
    }

    /// The country whose government description `d` speaks for: a demonym or a country named in
    /// it beside a government word ("an Australian foreign ministry official", "Iraq's foreign
    /// ministry"), or a government body named before with one ("the embassy official" after "the
    /// Afghan embassy"). Only a country the text names elsewhere.
    fn government(&self, d: Span, words: &[String]) -> Option<usize> {
        if !words.iter().any(|w| GOVERNMENT_WORDS.contains(&w.as_str())) {
            return None;
        }
        let first = self.first_token(d);
        let last = self.tok.tokens.partition_point(|t| t.span.start < d.end);
        if let Some(ci) = self.country_among(first, last) {
            return Some(ci);
        }
        let body = words
            .iter()
            .find(|w| GOVERNMENT_BODIES.contains(&w.as_str()))?;
        let floor = d.start.saturating_sub(MAX_BYTES);
        (0..first)
            .rev()
            .take_while(|&i| self.tok.tokens[i].span.start >= floor)
            .filter(|&i| normalise(self.tok.tokens[i].span.text(self.text)) == *body)
            .find_map(|named| {
                // the words before the body in its noun phrase: "the South Korean foreign
                // ministry"; the latest such phrase within reach
                let sentence = self.tok.sentences[self.tok.sentence_of(named)];
                self.country_among(named.saturating_sub(4).max(sentence.start), named)
            })
    }

    /// A country named in tokens `from..to`, by a demonym of one or two words or by its name.
    fn country_among(&self, from: usize, to: usize) -> Option<usize> {
        let countries = self.countries?;
        (from..to).find_map(|i| {
            let one = name_words(self.tok.text_of(self.text, i)).join(" ");
            let two = (i + 1 < to).then(|| {
                name_words(&format!(
                    "{} {}",
                    self.tok.text_of(self.text, i),
                    self.tok.text_of(self.text, i + 1)
                ))
                .join(" ")
            });
            [two, Some(one)].into_iter().flatten().find_map(|k| {
                let country = countries
                    .country_of_demonym(&k)
                    .map(str::to_string)
                    .or_else(|| countries.is_country(&k).then_some(k))?;
                self.governments.get(&country).copied()
            })
        })
    }

    /// A speaker mention resolved to cluster `ci` becomes a mention later searches can find.
    pub fn add(&mut self, span: Span, ci: usize) {
        self.mentions.entry(span.start).or_insert((span, ci));
    }

    /// The actor a pronoun speaker refers to.
    pub fn pronoun(&self, p: Span, clusters: &[Cluster]) -> Option<usize> {
        self.search(p, self.want_of_pronoun(p)?, clusters, None)
    }

    /// What a pronoun can refer to. "I" or "we" outside a quotation is the writer (a letter, a
    /// column), whom the text rarely names before: nothing, rather than the wrong one.
    fn want_of_pronoun(&self, p: Span) -> Option<Want> {
        match normalise(p.text(self.text)).as_str() {
            "he" | "him" => Some(Want::Person(Some(Gender::Male))),
            "she" | "her" => Some(Want::Person(Some(Gender::Female))),
            "it" | "they" => Some(Want::Body),
            _ => None,
        }
    }

    /// Another cluster that pronoun `p`, resolved to `chosen`, could as well refer to: one the
    /// pronoun is compatible with, named outside quotations after `chosen`'s last mention before
    /// `p` ("Ann Lee thanked Mary Roe. “…,” she said": Mary Roe, nearer than Ann Lee). None when
    /// `chosen` is the nearest candidate.
    pub fn rival(&self, p: Span, chosen: usize, clusters: &[Cluster]) -> Option<usize> {
        let want = self.want_of_pronoun(p)?;
        let antecedent = self.antecedent_mention(p, chosen)?;
        self.mentions
            .range(antecedent.end..p.start)
            .map(|(_, &(m, ci))| (m, ci))
            .find(|&(m, ci)| {
                ci != chosen
                    && m.end <= p.start
                    && self.compatible(&clusters[ci], want)
                    && !in_quote(m, self.quotes)
                    && !self.modifier(m)
            })
            .map(|(_, ci)| ci)
    }

    /// Could pronoun `p` refer to cluster `ci` (a person of the pronoun's gender, a body for
    /// "it")?
    pub fn could_refer_to(&self, p: Span, ci: usize, clusters: &[Cluster]) -> bool {
        self.want_of_pronoun(p)
            .is_some_and(|want| self.compatible(&clusters[ci], want))
    }

    /// Is the antecedent of pronoun `p`, cluster `chosen`, named as the one speaking in the
    /// pronoun's paragraph ("Okonkwo said the board would act. “…,” she said")?
    pub fn speaks_in_paragraph(&self, p: Span, chosen: usize) -> bool {
        self.antecedent_mention(p, chosen).is_some_and(|m| {
            let next = self.text[m.end..].split_whitespace().next().unwrap_or("");
            self.tok.paragraph_at(m.start) == self.tok.paragraph_at(p.start)
                && CLAUSE_FINAL_SPEECH.contains(&next)
        })
    }

    /// Is the antecedent of pronoun `p`, cluster `chosen`, last named (outside quotations) more
    /// than two paragraphs before it? A far antecedent is found, but not sure.
    pub fn far(&self, p: Span, chosen: usize) -> bool {
        self.antecedent_mention(p, chosen)
            .is_none_or(|m| self.tok.paragraph_at(p.start) - self.tok.paragraph_at(m.start) > 2)
    }

    /// The last mention of cluster `chosen` before pronoun `p`, outside quotations, within reach.
    fn antecedent_mention(&self, p: Span, chosen: usize) -> Option<Span> {
        let floor = p.start.saturating_sub(MAX_BYTES);
        self.mentions
            .range(floor..p.start)
            .rev()
            .map(|(_, &(m, ci))| (m, ci))
            .find(|&(m, ci)| ci == chosen && !in_quote(m, self.quotes))
            .map(|(m, _)| m)
    }

    /// The actor a description speaker refers to: the one actor whose role holds the head noun
    /// ("the Russian president"), else the search by the head noun's kind.
    pub fn description(&self, d: Span, clusters: &[Cluster]) -> Option<usize> {
        let words = name_words(d.text(self.text));
        if let Some(ci) = self.government(d, &words) {
            return Some(ci);
        }
        // "a White House spokesman", "a spokeswoman for Acme Corp", "a spokesman for Netanyahu":
        // the body or person the phrase names.
        // "a spokeswoman" of no named body is someone new, not a person named before; "the
        // spokeswoman" may be one ("Ann Lee, the spokeswoman, ... the spokeswoman said")
        if words
            .iter()
            .any(|w| SPOKESPERSONS.contains(&w.trim_end_matches(',')))
        {
            let body = self
                .mentions
                .range(d.start..d.end)
                .map(|(_, &(m, ci))| (m, ci))
                .find(|&(m, _)| m.end <= d.end);
            if let Some((_, ci)) = body {
                return Some(ci);
            }
            let first = normalise(d.text(self.text).split_whitespace().next().unwrap_or(""));
            if matches!(first.as_str(), "a" | "an" | "one" | "another") {
                return None;
            }
        }
        let head = words.last()?.trim_end_matches(',').to_string();
        // "the statement said", "the email said": its author
        if DOCUMENTS.contains(&head.as_str()) {
            return self.document_author(d, &head, clusters);
        }
        let mut with_role = self
            .role_words
            .get(&head)
            .into_iter()
            .flatten()
            .copied()
            .filter(|ci| !clusters[*ci].mentions.is_empty());
        if let (Some(only), None) = (with_role.next(), with_role.next()) {
            return Some(only);
        }
        // a body's head first: "council" is also a word of titles ("Council President X"), but
        // "the council" is the body
        if ORG_HEADS.contains(&head.as_str()) {
            return self.search(d, Want::Body, clusters, Some(&head));
        }
        if is_title(&head) || PERSON_HEADS.contains(&head.as_str()) {
            return self.search(d, Want::Person(None), clusters, None);
        }
        // "the ruling", "the decision": the court's
        if matches!(head.as_str(), "ruling" | "decision" | "opinion" | "verdict") {
            return self.search(d, Want::Body, clusters, Some("court"));
        }
        None
    }

    /// The author of the document a description names ("the statement", "the email"): the last
    /// time the text names such a document before `d` ("X said in a statement", "In an email, X
    /// wrote"), the first person or body of that sentence that no preposition governs, outside
    /// quotations. No such sentence within reach: no one.
    fn document_author(&self, d: Span, head: &str, clusters: &[Cluster]) -> Option<usize> {
        let tok = self.tok;
        let at = self.first_token(d);
        let last = tok.tokens.partition_point(|t| t.span.start < d.end);
        if let Some(ci) = last.checked_sub(1).and_then(|i| self.document_source(i)) {
            return Some(ci);
        }
        let floor = d.start.saturating_sub(MAX_BYTES);
        let named = (0..at)
            .rev()
            .take_while(|&i| tok.tokens[i].span.start >= floor)
            .find(|&i| {
                normalise(tok.tokens[i].span.text(self.text)) == head
                    && !in_quote(tok.tokens[i].span, self.quotes)
            })?;
        if let Some(ci) = self.document_source(named) {
            return Some(ci);
        }
        let sent = tok.sentences.get(tok.sentence_of(named))?;
        let from = tok.tokens[sent.start].span.start;
        let to = tok.tokens[sent.end - 1].span.end.min(d.start);
        self.mentions
            .range(from..to)
            .map(|(_, &(m, ci))| (m, ci))
            .find(|&(m, ci)| {
                m.end <= to
                    && (self.compatible(&clusters[ci], Want::Person(None))
                        || self.compatible(&clusters[ci], Want::Body))
                    && !in_quote(m, self.quotes)
                    && !self.after_preposition(m)
                    && !self.modifier(m)
            })
            .map(|(_, ci)| ci)
    }

    /// Hobbs-style search backwards from `at`; `head` prefers an organisation whose name holds it.
    fn search(
        &self,
        at: Span,
        want: Want,
        clusters: &[Cluster],
        head: Option<&str>,
    ) -> Option<usize> {
        let tok = self.tok;
        if let Some(h) = head {
            // "the union" after "the Association of Flight Attendants' union": a body whose name
            // holds the head word, mentioned before
            let named = self
                .mentions
                .range(at.start.saturating_sub(MAX_BYTES * 2)..at.start)
                .rev()
                .find(|(_, (m, ci))| {
                    clusters[*ci].label() == Label::Org
                        && (clusters[*ci].words.iter().any(|w| w == h) || self.beside(*m, h))
                });
            if let Some((_, (_, ci))) = named {
                return Some(*ci);
            }
        }
        let first_tok = tok.tokens.partition_point(|t| t.span.start < at.start);
        let mut s = tok.sentence_of(first_tok.min(tok.tokens.len().saturating_sub(1)));
        let para = tok.paragraph_at(at.start);
        let floor = at.start.saturating_sub(MAX_BYTES);
        let mut fallback = None;
        let mut counted = 0;
        let (mut chain_paras, mut last_chain_para) = (0, None);
        while counted < MAX_SENTENCES {
            let Some(sent) = tok.sentences.get(s) else {
                break;
            };
            let whole = Span::new(
                tok.tokens[sent.start].span.start,
                tok.tokens[sent.end - 1].span.end,
            );
            let lo = whole.start.max(floor);
            let hi = whole.end.min(at.start);
            // paragraphs that only continue the pronoun's chain do not count
            if para.saturating_sub(tok.paragraph_at(lo) + chain_paras) > 3 {
                break;
            }
            // a sentence inside a quotation names no speaker and does not count
            if !in_quote(whole, self.quotes) {
                counted += 1;
            }
            if lo < hi {
                let mut found = self
                    .mentions
                    .range(lo..hi)
                    .map(|(_, &(m, ci))| (m, ci))
                    .filter(|&(m, ci)| {
                        m.end <= hi
                            && self.compatible(&clusters[ci], want)
                            && !in_quote(m, self.quotes)
                            && !self.possessor_of(m, at)
                            && !self.modifier(m)
                    });
                if whole.end >= at.start {
                    // in the mention's own sentence the nearest compatible name before it ("Flynn
                    // said Trump was right when he said ..."); in earlier ones the leftmost
                    if let Some((_, ci)) = found.rev().find(|&(m, _)| !self.after_preposition(m)) {
                        return Some(ci);
                    }
                } else if let Some(ci) = (want == Want::Body && head.is_none())
                    .then(|| self.subject_description(s, clusters))
                    .flatten()
                {
                    return Some(ci);
                } else if let Some(ci) = matches!(want, Want::Person(_))
                    .then(|| self.who_said(lo, hi, want, clusters))
                    .flatten()
                {
                    return Some(ci);
                } else if self.opens_with_same_pronoun(s, lo..hi, want) {
                    // "She has faced … Hillary Clinton …": a sentence whose subject is the same
                    // pronoun continues the chain; its other names are not the antecedent, but
                    // the pronoun, once resolved as a speaker, is
                    let resolved = found.find(|&(m, _)| {
                        matches!(normalise(m.text(self.text)).as_str(), "he" | "she" | "it")
                    });
                    if let Some((_, ci)) = resolved {
                        return Some(ci);
                    }
                    let p = tok.paragraph_at(lo);
                    if last_chain_para != Some(p) {
                        chain_paras += 1;
                        last_chain_para = Some(p);
                    }
                } else {
                    while let Some((m, ci)) = found.next() {
                        if self.after_preposition(m) {
                            fallback = fallback.or(Some(ci));
                            continue;
                        }
                        // "Conroy asked Sanders whether ...": the answer is the one asked
                        if self.asks(m)
                            && let Some((_, asked)) = found.next()
                        {
                            return Some(asked);
                        }
                        return Some(ci);
                    }
                }
            }
            if s == 0 || lo <= floor {
                break;
            }
            s -= 1;
        }
        fallback
    }

    /// Does sentence `s` continue the chain of the pronoun `want` asks for: it opens with that
    /// pronoun ("She has faced …"; "It said …" for it), or gives words to it ("…, he said.")?
    /// Only the tokens within the bytes `within` are read (the search's bounded window), so that
    /// a text of one endless sentence costs no more than its window per pronoun.
    fn opens_with_same_pronoun(&self, s: usize, within: Range<usize>, want: Want) -> bool {
        let same: &[&str] = match want {
            Want::Person(Some(Gender::Male)) => &["he"],
            Want::Person(Some(Gender::Female)) => &["she"],
            Want::Body => &["it"],
            Want::Person(None) => return false,
        };
        let Some(sent) = self.tok.sentences.get(s) else {
            return false;
        };
        let speaks = |i: usize| {
            i + 1 < sent.end && CLAUSE_FINAL_SPEECH.contains(&&*self.tok.word(self.text, i + 1))
        };
        let first = (sent.start..sent.end).find(|&i| self.tok.tokens[i].kind == TokenKind::Word);
        // "He now faces …" opens a chain; "It was the second time" does not, "It said" does
        let opens = first.is_some_and(|i| {
            same.contains(&&*self.tok.word(self.text, i)) && (want != Want::Body || speaks(i))
        });
        let from = self
            .tok
            .tokens
            .partition_point(|t| t.span.start < within.start);
        let to = self
            .tok
            .tokens
            .partition_point(|t| t.span.start < within.end);
        opens
            || (from.max(sent.start)..to.min(sent.end)).any(|i| {
                same.contains(&&*self.tok.word(self.text, i))
                    && speaks(i)
                    && !in_quote(self.tok.tokens[i].span, self.quotes)
            })
    }

    /// "Malu replaced John Inienger, who told officers …": in `lo..hi`, a compatible mention
    /// that a relative clause gives words to.
    fn who_said(&self, lo: usize, hi: usize, want: Want, clusters: &[Cluster]) -> Option<usize> {
        let tok = self.tok;
        let word = |i: usize| tok.tokens.get(i).map(|t| normalise(t.span.text(self.text)));
        self.mentions
            .range(lo..hi)
            .map(|(_, &(m, ci))| (m, ci))
            .find(|&(m, ci)| {
                let k = tok.tokens.partition_point(|t| t.span.start < m.end);
                m.end <= hi
                    && self.compatible(&clusters[ci], want)
                    && !in_quote(m, self.quotes)
                    && word(k).as_deref() == Some(",")
                    && word(k + 1).as_deref() == Some("who")
                    && word(k + 2).is_some_and(|w| CLAUSE_FINAL_SPEECH.contains(&w.as_str()))
            })
            .map(|(_, ci)| ci)
    }

    /// Does the word `h` stand right before or right after mention `m` ("the daily Le Figaro",
    /// "the People's Daily newspaper")?
    fn beside(&self, m: Span, h: &str) -> bool {
        let tok = self.tok;
        let after = tok.tokens.partition_point(|t| t.span.start < m.end);
        let before = self.first_token(m).checked_sub(1);
        [Some(after), before]
            .into_iter()
            .flatten()
            .filter_map(|i| tok.tokens.get(i))
            .any(|t| normalise(t.span.text(self.text)) == h)
    }

    /// "a commentary in the official China Daily", "a report by Acme": the person or body named
    /// by "in", "by" or "from" right after a document word at token `i` (a "the" and up to two
    /// lower-case words between).
    fn document_source(&self, i: usize) -> Option<usize> {
        let tok = self.tok;
        let word = |k: usize| tok.tokens.get(k).map(|t| t.span.text(self.text));
        let mut k = i + 1;
        if !matches!(
            word(k).map(normalise).as_deref(),
            Some("in" | "by" | "from")
        ) {
            return None;
        }
        k += 1;
        while k < i + 5 && word(k).is_some_and(|w| w == "the" || w.starts_with(char::is_lowercase))
        {
            k += 1;
        }
        let &(_, ci) = self.mentions.get(&tok.tokens.get(k)?.span.start)?;
        Some(ci)
    }

    /// "The newspaper said China …": the body a sentence's subject describes, when sentence `s`
    /// opens with "the", at most three lower-case words and a body's head noun.
    fn subject_description(&self, s: usize, clusters: &[Cluster]) -> Option<usize> {
        let tok = self.tok;
        let sent = tok.sentences.get(s)?;
        if sent.end - sent.start < 3 || tok.word(self.text, sent.start) != "the" {
            return None;
        }
        let head = (sent.start + 1..sent.end.min(sent.start + 5))
            .take_while(|&k| tok.text_of(self.text, k).starts_with(char::is_lowercase))
            .find(|&k| ORG_HEADS.contains(&tok.text_of(self.text, k)))?;
        let d = Span::new(tok.tokens[sent.start].span.start, tok.tokens[head].span.end);
        self.description(d, clusters)
    }

    /// Is `m` followed by a verb of asking ("asked", "pressed", "questioned")?
    fn asks(&self, m: Span) -> bool {
        let i = self.tok.tokens.partition_point(|t| t.span.start < m.end);
        self.tok.tokens.get(i).is_some_and(|t| {
            matches!(
                normalise(t.span.text(self.text)).as_str(),
                "asked" | "asks" | "pressed" | "questioned" | "interviewed" | "challenged"
            )
        })
    }

    fn compatible(&self, c: &Cluster, want: Want) -> bool {
        match want {
            Want::Person(g) => {
                c.is_person()
                    && match (g, c.gender) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            }
            Want::Body => matches!(c.label(), Label::Org | Label::Loc),
        }
    }

    /// "Obama’s former campaign strategist": Obama owns the description, he is not its referent.
    fn possessor_of(&self, m: Span, d: Span) -> bool {
        m.end <= d.start
            && self
                .text
                .get(m.end..d.start)
                .is_some_and(|b| matches!(b.trim(), "’s" | "'s" | "’" | "'"))
    }

    /// The token index of the first token of `m`.
    fn first_token(&self, m: Span) -> usize {
        self.tok.tokens.partition_point(|t| t.span.start < m.start)
    }

    /// "met with Russian President Vladimir Putin": a preposition before the name (titles and
    /// capitalised words skipped); "according to X" is a source, not an object.
    fn after_preposition(&self, m: Span) -> bool {
        governing_preposition(self.text, self.tok, self.first_token(m), 5).is_some()
    }

    /// "Trump campaign spokesman Jason Miller": a name followed, within a few words and no
    /// punctuation, by another person's name is a modifier of that name.
    fn modifier(&self, m: Span) -> bool {
        modifier_of(self.text, self.tok, m, |s| {
            self.mentions
                .get(&s)
                .is_some_and(|&(other, _)| other.start == s && other != m)
        })
        .is_some()
    }
}

#[cfg(test)]
mod tests;
