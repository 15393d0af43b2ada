//! Time each stage of `analyze` on one text, to find the stage that grows faster than the text.
//!
//!     cargo run --release --example stages -- FILE
//!     cargo run --release --example stages -- --adversarial N BYTES   (N-th input of src/adversarial.rs)
//!
//! Prints one line per stage to stderr. A diagnostic tool, not a benchmark: `newslens bench` is.

use newslens::{Models, actors, adversarial, entities, quotes, reported, speakers, text};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (name, input) = match args.as_slice() {
        [flag, n, bytes] if flag == "--adversarial" => {
            let (n, bytes): (usize, usize) = match (n.parse(), bytes.parse()) {
                (Ok(n), Ok(b)) => (n, b),
                _ => return eprintln!("usage: stages --adversarial N BYTES"),
            };
            match adversarial::inputs(bytes).into_iter().nth(n) {
                Some((name, t)) => (name.to_string(), t),
                None => return eprintln!("no adversarial input {n}"),
            }
        }
        [file] => match std::fs::read_to_string(file) {
            Ok(t) => (file.clone(), t),
            Err(e) => return eprintln!("{file}: {e}"),
        },
        _ => return eprintln!("usage: stages FILE | stages --adversarial N BYTES"),
    };
    let m = match Models::embedded() {
        Ok(m) => m,
        Err(e) => return eprintln!("models: {e}"),
    };
    let t = Instant::now();
    let tok = text::tokens::analyze_text(&input);
    eprintln!(
        "{name}: {} bytes, {} tokens, {} sentences, {} paragraphs",
        input.len(),
        tok.tokens.len(),
        tok.sentences.len(),
        tok.paragraphs.len()
    );
    eprintln!("tokens    {:?}", t.elapsed());
    let t = Instant::now();
    let ents = entities::find(&input, &tok, &m.entities);
    eprintln!("entities  {:?} ({} found)", t.elapsed(), ents.len());
    let t = Instant::now();
    let found = quotes::find(&input, &tok, &m.cues, &m.quotes);
    eprintln!("quotes    {:?} ({} found)", t.elapsed(), found.len());
    let spans: Vec<text::Span> = found.iter().map(|q| q.span).collect();
    let t = Instant::now();
    let atts = speakers::attribute(&input, &tok, &ents, &spans, &m.cues, &m.speakers);
    eprintln!("speakers  {:?}", t.elapsed());
    let t = Instant::now();
    let rep = reported::find(&input, &tok, &ents, &spans, &atts, &m.cues, &m.reported);
    eprintln!("reported  {:?} ({} relations)", t.elapsed(), rep.len());
    let sources: Vec<_> = rep.iter().map(|f| f.antecedent.or(f.source)).collect();
    let t = Instant::now();
    let (a, _, _) = actors::build(
        &input,
        &tok,
        &ents,
        &spans,
        &atts,
        &sources,
        &m.entities.gaz,
    );
    eprintln!("actors    {:?} ({} actors)", t.elapsed(), a.len());
}
