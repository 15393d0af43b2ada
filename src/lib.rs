//! newslens: who said what in a news article.
//!
//! `analyze` runs the stages in order, each reading only what earlier ones produced:
//! text -> tokens, sentences, paragraphs (`text`) -> entities (`entities`) -> quotations
//! (`quotes`) -> speakers (`speakers`) -> actors (`actors`) -> one `Analysis`. The wasm bindings
//! (`wasm`) and the CLI (`src/bin/newslens/`) are thin layers over this.

#![allow(clippy::needless_range_loop)] // index loops over token ranges read better here

pub mod actors;
pub mod adversarial;
pub mod analysis;
pub mod cues;
pub mod decode;
pub mod entities;
pub mod hash;
pub mod knowledge;
pub mod lexicon;
pub mod linear;
pub mod model_file;
pub mod quotes;
pub mod reported;
pub mod speakers;
pub mod syntax;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{
    Actor, ActorId, ActorKind, Analysis, Attribution, Confidence, Entity, Label, Mention,
    MentionKind, Quote,
};
pub use model_file::ModelError;
pub use text::{Span, Unit};

use cues::Cues;
use entities::EntityModel;
use knowledge::{Countries, Knowledge};
use quotes::QuoteModel;
use reported::ReportedModel;
use speakers::SpeakerModel;

/// All trained parts, loaded once and passed explicitly.
pub struct Models {
    pub entities: EntityModel,
    pub quotes: QuoteModel,
    pub speakers: SpeakerModel,
    pub reported: ReportedModel,
    pub cues: Cues,
    pub countries: Countries,
}

impl Models {
    /// The models embedded in this build (see models/README.md).
    pub fn embedded() -> Result<Models, ModelError> {
        Ok(Models {
            entities: EntityModel::embedded()?,
            quotes: QuoteModel::embedded()?,
            speakers: SpeakerModel::embedded()?,
            reported: ReportedModel::embedded()?,
            cues: Cues::embedded()?,
            countries: Countries::embedded()?,
        })
    }

    /// The outside knowledge the actors stage reads: the entity model's gazetteers and the
    /// countries.
    pub fn knowledge(&self) -> Knowledge<'_> {
        Knowledge {
            gazetteers: &self.entities.gaz,
            countries: &self.countries,
        }
    }

    /// The embedded models with the reported-speech ensemble of three nets (`newslens
    /// --accurate`; native builds only, the browser's build ships one net): better reported
    /// speech for about 1.6 times the analysis time (models/README.md, "Accurate mode").
    #[cfg(not(target_arch = "wasm32"))]
    pub fn accurate() -> Result<Models, ModelError> {
        Ok(Models {
            reported: ReportedModel::embedded_accurate()?,
            ..Models::embedded()?
        })
    }
}

/// Texts longer than this (in bytes) are refused with an error rather than analysed.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub enum InputError {
    TooLong { bytes: usize },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::TooLong { bytes } => write!(
                f,
                "text is {:.1} MB; the limit is {} MB",
                *bytes as f64 / 1e6,
                MAX_TEXT_BYTES / 1024 / 1024
            ),
        }
    }
}
impl std::error::Error for InputError {}

/// A stage of `analyze`, for progress reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Tokens,
    Entities,
    Quotes,
    Speakers,
    Reported,
    Actors,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Tokens => "tokens",
            Stage::Entities => "entities",
            Stage::Quotes => "quotes",
            Stage::Speakers => "speakers",
            Stage::Reported => "reported",
            Stage::Actors => "actors",
        }
    }
    /// The share of the whole analysis done when this stage starts, and its own share (measured
    /// on news: the tagger takes most of the time).
    fn span(self) -> (f32, f32) {
        match self {
            Stage::Tokens => (0.0, 0.05),
            Stage::Entities => (0.05, 0.60),
            Stage::Quotes => (0.65, 0.05),
            Stage::Speakers => (0.70, 0.10),
            Stage::Reported => (0.80, 0.15),
            Stage::Actors => (0.95, 0.05),
        }
    }
}

/// Reports `(stage, fraction of the whole analysis done)` to a callback: when a stage starts (the
/// browser benchmark times the stages by these) and otherwise at most once per percent, so that
/// reporting costs nothing measurable.
pub struct Progress<'a> {
    report: &'a mut dyn FnMut(Stage, f32),
    last: f32,
    stage: Option<Stage>,
}

impl<'a> Progress<'a> {
    pub fn new(report: &'a mut dyn FnMut(Stage, f32)) -> Progress<'a> {
        Progress {
            report,
            last: -1.0,
            stage: None,
        }
    }
    /// `done` of `stage` is finished (0..=1).
    pub fn at(&mut self, stage: Stage, done: f32) {
        let (start, share) = stage.span();
        let total = (start + share * done.clamp(0.0, 1.0))
            .min(1.0)
            .max(self.last);
        let new_stage = self.stage != Some(stage);
        if new_stage || total - self.last >= 0.01 || total >= 1.0 && self.last < 1.0 {
            self.last = total;
            self.stage = Some(stage);
            (self.report)(stage, total);
        }
    }
}

/// Analyse one text with the given models. Never panics on any string.
pub fn analyze_with(text: &str, m: &Models) -> Result<Analysis, InputError> {
    analyze_with_progress(text, m, &mut |_, _| {})
}

/// `analyze_with`, reporting progress (stage, fraction done) as it goes: for long texts in the
/// page, which shows it and offers to cancel.
pub fn analyze_with_progress(
    text: &str,
    m: &Models,
    report: &mut dyn FnMut(Stage, f32),
) -> Result<Analysis, InputError> {
    analyze_in_phases(text, m, report, None)
}

/// `analyze_with_progress` in two phases, for the page: `first` is called, before reported speech
/// is looked for (the slowest stage in the browser), with the analysis of entities, quotations,
/// speakers and actors built without reported speech (no attributions; an actor that only the
/// reported speech names or resolves may be missing, and quote counts may be lower). The returned
/// analysis is the whole one: the same, to the byte, as `analyze_with`'s.
pub fn analyze_in_two_phases(
    text: &str,
    m: &Models,
    report: &mut dyn FnMut(Stage, f32),
    first: &mut dyn FnMut(&Analysis),
) -> Result<Analysis, InputError> {
    analyze_in_phases(text, m, report, Some(first))
}

fn analyze_in_phases(
    text: &str,
    m: &Models,
    report: &mut dyn FnMut(Stage, f32),
    first: Option<&mut dyn FnMut(&Analysis)>,
) -> Result<Analysis, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLong { bytes: text.len() });
    }
    let mut progress = Progress::new(report);
    progress.at(Stage::Tokens, 0.0);
    let tok = text::tokens::analyze_text(text);
    let entities = entities::find_with_progress(text, &tok, &m.entities, &mut |f| {
        progress.at(Stage::Entities, f)
    });
    progress.at(Stage::Quotes, 0.0);
    let found = quotes::find(text, &tok, &m.cues, &m.quotes);
    let spans: Vec<Span> = found.iter().map(|q| q.span).collect();
    let atts = speakers::attribute_with_progress(
        text,
        &tok,
        &entities,
        &spans,
        &m.cues,
        &m.speakers,
        &mut |f| progress.at(Stage::Speakers, f),
    );
    let early = Early {
        text,
        tok: &tok,
        entities: &entities,
        spans: &spans,
        knowledge: m.knowledge(),
    };
    if let Some(first) = first {
        first(&early.assemble(atts.clone(), Vec::new()));
    }
    progress.at(Stage::Reported, 0.0);
    let found = reported::find(text, &tok, &entities, &spans, &atts, &m.cues, &m.reported);
    progress.at(Stage::Actors, 0.0);
    let analysis = early.assemble(atts, found);
    progress.at(Stage::Actors, 1.0);
    Ok(analysis)
}

/// What the stages before reported speech found: `assemble` builds an analysis from it and the
/// reported speech found (none for the page's first phase).
struct Early<'a> {
    text: &'a str,
    tok: &'a text::Tokenized,
    entities: &'a [Entity],
    spans: &'a [Span],
    knowledge: Knowledge<'a>,
}

impl Early<'_> {
    /// Actors, labels, confidence and attributions from the speakers' choices and the reported
    /// speech found.
    fn assemble(&self, atts: Vec<speakers::Choice>, found: Vec<reported::Found>) -> Analysis {
        let Early {
            text,
            tok,
            entities,
            spans,
            knowledge,
        } = *self;
        let sources: Vec<Option<Mention>> =
            found.iter().map(|f| f.antecedent.or(f.source)).collect();
        let actors::Built {
            actors,
            quote_actor,
            quote_in_doubt,
            source_actor,
        } = actors::build(text, tok, entities, spans, &atts, &sources, &knowledge);
        let entities = actors::consistent_labels(entities, &actors);
        let mut quotes: Vec<Quote> = spans
            .iter()
            .zip(atts)
            .zip(quote_actor.iter().copied())
            .zip(quote_in_doubt)
            .map(|(((span, a), actor), in_doubt)| Quote {
                span: *span,
                speaker: a.speaker,
                cue: a.cue,
                actor,
                confidence: confidence(&a, actor, in_doubt),
                margin_milli: (a.margin.clamp(-1000.0, 1000.0) * 1000.0) as i32,
            })
            .collect();
        let mut actors = actors;
        lend_reported_sources(&mut quotes, &mut actors, &found, &source_actor);
        let attributions = found
            .into_iter()
            .zip(source_actor)
            .map(|(f, actor)| Attribution {
                refers_to: f
                    .source
                    .and_then(|m| reported::refers_to(text, tok, &entities, m.span)),
                source: f.source,
                cue: f.cue,
                content: f.content,
                actor: match f.quote {
                    Some(qi) => quotes[qi].actor,
                    None => actor,
                },
                quote: f.quote,
            })
            .collect();
        Analysis {
            entities,
            quotes,
            attributions,
            actors,
        }
    }
}

/// A quotation the speaker ranker left without a speaker, inside reported speech whose source
/// is known ("Trump called them “losers”"), is that source's: the quote takes the relation's
/// source, cue and actor, marked unsure (a rule, not the ranker, decided).
fn lend_reported_sources(
    quotes: &mut [Quote],
    actors: &mut [Actor],
    found: &[reported::Found],
    source_actor: &[Option<ActorId>],
) {
    for (f, actor) in found.iter().zip(source_actor) {
        let (Some(qi), Some(source), Some(actor)) = (f.quote, f.source, *actor) else {
            continue;
        };
        let Some(q) = quotes.get_mut(qi).filter(|q| q.speaker.is_none()) else {
            continue;
        };
        q.speaker = Some(source);
        q.cue = f.cue.first().copied();
        q.actor = Some(actor);
        q.confidence = Confidence::Unsure;
        if let Some(a) = actors.get_mut(actor.0 as usize) {
            a.quotes += 1;
        }
    }
}

/// Below this ranker margin an attribution is `Unsure`. Calibrated on the 40 dev articles: with
/// 4.0, 12% of the found quotes are marked and they hold 14 of the 21 wrong attributions; the
/// unmarked ones are 97.2% right (models/README.md).
pub const SURE_MARGIN: f32 = 4.0;

/// Unsure: no actor, a description resolved by rule, a pronoun whose actor is in doubt (another
/// actor it could refer to is named as near: `actors::Built::quote_in_doubt`), or a narrow
/// ranker margin.
fn confidence(a: &speakers::Choice, actor: Option<ActorId>, in_doubt: bool) -> Confidence {
    let description = a
        .speaker
        .is_some_and(|m| m.kind == MentionKind::Description);
    if actor.is_some() && !description && !in_doubt && a.margin >= SURE_MARGIN {
        Confidence::Sure
    } else {
        Confidence::Unsure
    }
}

/// Analyse with the embedded models (loaded once per process).
pub fn analyze(text: &str) -> Result<Analysis, Box<dyn std::error::Error>> {
    static MODELS: std::sync::OnceLock<Result<Models, ModelError>> = std::sync::OnceLock::new();
    let m = MODELS
        .get_or_init(Models::embedded)
        .as_ref()
        .map_err(|e| Box::new(ModelError(e.0.clone())))?;
    Ok(analyze_with(text, m)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_british_style_article_quotes_with_single_marks() {
        let t = "Minister rejects ‘betrayal’ claim\n\nThe environment secretary, Jane Holt, said on Tuesday that the plan was ‘the only honest option’. ‘We will not back down,’ she told the BBC. ‘People’s homes are at stake.’\n\nLabour’s spokesman, Tom Reed, called it ‘a betrayal of coastal towns’.";
        let m = Models::embedded().unwrap();
        let a = analyze_with(t, &m).unwrap();
        let said: Vec<(&str, Option<&str>)> = a
            .quotes
            .iter()
            .map(|q| {
                let who = q.actor.map(|id| a.actors[id.0 as usize].name.as_str());
                (q.span.text(t), who)
            })
            .collect();
        assert_eq!(
            &said[1..],
            [
                ("‘the only honest option’", Some("Jane Holt")),
                ("‘We will not back down,’", Some("Jane Holt")),
                ("‘People’s homes are at stake.’", Some("Jane Holt")),
                ("‘a betrayal of coastal towns’", Some("Tom Reed")),
            ]
        );
    }

    #[test]
    fn the_sure_mark_needs_an_actor_a_name_or_clear_pronoun_and_a_margin() {
        let choice = |kind, margin| speakers::Choice {
            speaker: Some(Mention {
                span: Span::new(0, 3),
                kind,
            }),
            cue: None,
            margin,
        };
        let actor = Some(ActorId(0));
        let name = choice(MentionKind::Name, SURE_MARGIN);
        assert_eq!(confidence(&name, actor, false), Confidence::Sure);
        assert_eq!(confidence(&name, None, false), Confidence::Unsure);
        let narrow = choice(MentionKind::Name, SURE_MARGIN - 0.5);
        assert_eq!(confidence(&narrow, actor, false), Confidence::Unsure);
        let pronoun = choice(MentionKind::Pronoun, speakers::RULE_MARGIN);
        assert_eq!(confidence(&pronoun, actor, false), Confidence::Sure);
        assert_eq!(confidence(&pronoun, actor, true), Confidence::Unsure);
        let description = choice(MentionKind::Description, speakers::RULE_MARGIN);
        assert_eq!(confidence(&description, actor, false), Confidence::Unsure);
    }

    #[test]
    fn a_speakerless_quote_inside_reported_speech_takes_its_source() {
        let t = "Trump called them “losers” twice.";
        let q = Span::new(t.find('“').unwrap(), t.find('”').unwrap() + 3);
        let src = Mention {
            span: Span::new(0, 5),
            kind: MentionKind::Name,
        };
        let quote = |speaker| Quote {
            span: q,
            speaker,
            cue: None,
            actor: None,
            confidence: Confidence::Unsure,
            margin_milli: 0,
        };
        let actor = Actor {
            id: ActorId(0),
            name: "Trump".into(),
            kind: ActorKind::Person,
            role: None,
            mentions: vec![src],
            quotes: 0,
        };
        let found = [reported::Found {
            source: Some(src),
            cue: vec![Span::new(6, 12)],
            content: vec![Span::new(13, q.end)],
            quote: Some(0),
            antecedent: None,
        }];
        let mut quotes = vec![quote(None)];
        let mut actors = vec![actor.clone()];
        lend_reported_sources(&mut quotes, &mut actors, &found, &[Some(ActorId(0))]);
        assert_eq!(quotes[0].actor, Some(ActorId(0)));
        assert_eq!(quotes[0].speaker, Some(src));
        assert_eq!(quotes[0].cue.map(|c| c.text(t)), Some("called"));
        assert_eq!(
            (quotes[0].confidence, actors[0].quotes),
            (Confidence::Unsure, 1)
        );
        // a quote the ranker gave a speaker keeps it
        let other = Mention {
            span: Span::new(27, 32),
            kind: MentionKind::Description,
        };
        let mut quotes = vec![quote(Some(other))];
        let mut actors = vec![actor];
        lend_reported_sources(&mut quotes, &mut actors, &found, &[Some(ActorId(0))]);
        assert_eq!((quotes[0].speaker, quotes[0].actor), (Some(other), None));
        assert_eq!(actors[0].quotes, 0);
    }

    #[test]
    fn progress_rises_through_the_stages_to_one() {
        let m = Models::embedded().unwrap();
        let text = "“We will vote,” Angela Merkel said in Berlin. ".repeat(2_000);
        let mut seen: Vec<(Stage, f32)> = Vec::new();
        let a = analyze_with_progress(&text, &m, &mut |s, f| seen.push((s, f))).unwrap();
        assert_eq!(a.quotes.len(), 2_000);
        assert!(
            seen.windows(2).all(|w| w[0].1 <= w[1].1),
            "falling: {seen:?}"
        );
        assert_eq!(seen.last().map(|x| x.1), Some(1.0));
        // every stage reports its start, in the pipeline's order
        let mut stages: Vec<Stage> = seen.iter().map(|x| x.0).collect();
        stages.dedup();
        assert_eq!(
            stages,
            [
                Stage::Tokens,
                Stage::Entities,
                Stage::Quotes,
                Stage::Speakers,
                Stage::Reported,
                Stage::Actors
            ]
        );
        // at most one report per percent, and one at each stage's start
        assert!(seen.len() <= 108, "{} reports", seen.len());
        // the same analysis as without progress
        assert_eq!(analyze_with(&text, &m).unwrap(), a);
    }

    #[test]
    fn two_phases_show_speakers_first_and_end_in_the_single_pass_analysis() {
        let m = Models::embedded().unwrap();
        let t = "Ann Lee met Bob Roe in Paris.\n\n“We will vote,” Lee said. Roe said the plan would fail, \
                 and the mayor told reporters that the city would pay. “Never,” Bob Roe said.";
        let mut firsts = Vec::new();
        let mut stages = Vec::new();
        let calls = std::cell::Cell::new(0);
        let whole =
            analyze_in_two_phases(t, &m, &mut |s, _| stages.push((s, calls.get())), &mut |a| {
                calls.set(calls.get() + 1);
                firsts.push(a.clone())
            });
        let whole = whole.unwrap();
        assert_eq!(whole, analyze_with(t, &m).unwrap());
        assert_eq!(firsts.len(), 1);
        let first = &firsts[0];
        // the first comes before reported speech is looked for, and holds none
        assert!(
            stages
                .iter()
                .all(|&(s, n)| (s == Stage::Reported || s == Stage::Actors) == (n == 1)),
            "{stages:?}"
        );
        assert!(first.attributions.is_empty());
        assert!(
            whole.attributions.iter().any(|r| r.quote.is_none()),
            "{:?}",
            whole.attributions
        );
        // entities, quotations and their speakers are there already
        assert_eq!(first.entities.len(), whole.entities.len());
        let spans = |a: &Analysis| {
            a.quotes
                .iter()
                .map(|q| (q.span, q.speaker))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans(first), spans(&whole));
        let names = |a: &Analysis| a.actors.iter().map(|x| x.name.clone()).collect::<Vec<_>>();
        assert!(
            names(first).contains(&"Ann Lee".to_string()),
            "{:?}",
            names(first)
        );
        // a too-long text calls neither
        let long = "a".repeat(MAX_TEXT_BYTES + 1);
        let mut called = false;
        assert!(analyze_in_two_phases(&long, &m, &mut |_, _| {}, &mut |_| called = true).is_err());
        assert!(!called);
    }
}
