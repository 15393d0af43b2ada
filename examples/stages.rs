//! Time each stage of `analyze` on one text, to find the stage that grows faster than the text,
//! or the stage a change made faster.
//!
//!     cargo run --release --example stages -- FILE [RUNS]     (FILE.jsonl: each line's "text" apart)
//!     cargo run --release --example stages -- --adversarial N BYTES   (N-th input of src/adversarial.rs)
//!
//! Prints one line per stage to stderr: with RUNS (default 1), the fastest of that many runs of
//! each stage, which is steadier than one run on a busy machine. A `.jsonl` file is analysed a
//! document at a time, as `newslens bench` does, and each stage's time is summed over the
//! documents. A diagnostic tool, not a benchmark: `newslens bench` is.

use newslens::{Models, actors, adversarial, entities, quotes, reported, speakers, text};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (name, input, runs) = match args.as_slice() {
        [flag, n, bytes] if flag == "--adversarial" => {
            let (n, bytes): (usize, usize) = match (n.parse(), bytes.parse()) {
                (Ok(n), Ok(b)) => (n, b),
                _ => return eprintln!("usage: stages --adversarial N BYTES"),
            };
            match adversarial::inputs(bytes).into_iter().nth(n) {
                Some((name, t)) => (name.to_string(), t, 1),
                None => return eprintln!("no adversarial input {n}"),
            }
        }
        [file, rest @ ..] if rest.len() <= 1 => {
            let runs = match rest.first().map(|r| r.parse::<usize>()) {
                None => 1,
                Some(Ok(r)) if r > 0 => r,
                Some(_) => return eprintln!("RUNS must be a positive number"),
            };
            match std::fs::read_to_string(file) {
                Ok(t) => (file.clone(), t, runs),
                Err(e) => return eprintln!("{file}: {e}"),
            }
        }
        _ => return eprintln!("usage: stages FILE [RUNS] | stages --adversarial N BYTES"),
    };
    let docs: Vec<String> = if name.ends_with(".jsonl") {
        input
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect()
    } else {
        vec![input]
    };
    let m = match Models::embedded() {
        Ok(m) => m,
        Err(e) => return eprintln!("models: {e}"),
    };
    // the fastest time of each stage, and what it found
    let mut best = [Duration::MAX; 6];
    let mut found = [0usize; 6];
    let mut tokens = 0;
    for _ in 0..runs {
        let mut took = [Duration::ZERO; 6];
        let mut count = [0usize; 6];
        tokens = 0;
        for input in &docs {
            let mut time = |k: usize, t: Instant, n: usize| {
                took[k] += t.elapsed();
                count[k] += n;
            };
            let input = input.as_str();
            let t = Instant::now();
            let tok = text::tokens::analyze_text(input);
            tokens += tok.tokens.len();
            time(0, t, tok.sentences.len());
            let t = Instant::now();
            let ents = entities::find(input, &tok, &m.entities);
            time(1, t, ents.len());
            let t = Instant::now();
            let quotes = quotes::find(input, &tok, &m.cues, &m.quotes);
            time(2, t, quotes.len());
            let spans: Vec<text::Span> = quotes.iter().map(|q| q.span).collect();
            let t = Instant::now();
            let atts = speakers::attribute(input, &tok, &ents, &spans, &m.cues, &m.speakers);
            time(3, t, atts.len());
            let t = Instant::now();
            let rep = reported::find(input, &tok, &ents, &spans, &atts, &m.cues, &m.reported);
            time(4, t, rep.len());
            let sources: Vec<_> = rep.iter().map(|f| f.antecedent.or(f.source)).collect();
            let t = Instant::now();
            let a =
                actors::build(input, &tok, &ents, &spans, &atts, &sources, &m.knowledge()).actors;
            time(5, t, a.len());
        }
        for k in 0..6 {
            best[k] = best[k].min(took[k]);
        }
        found = count;
    }
    eprintln!(
        "{name}: {} document(s), {} bytes, {tokens} tokens, fastest of {runs} run(s)",
        docs.len(),
        docs.iter().map(String::len).sum::<usize>()
    );
    let names = [
        "tokens    (sentences)",
        "entities  (found)",
        "quotes    (found)",
        "speakers  (attributions)",
        "reported  (relations)",
        "actors    (actors)",
    ];
    for (k, label) in names.iter().enumerate() {
        eprintln!("{label:<25} {:>10.2?} ({})", best[k], found[k]);
    }
    eprintln!("{:<25} {:>10.2?}", "total", best.iter().sum::<Duration>());
}
