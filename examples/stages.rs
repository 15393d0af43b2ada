use newslens::*;
use std::time::Instant;
fn main() {
    let which: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let size: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let (name, text) = if which == 99 {
        ("file", std::fs::read_to_string("/tmp/pn-one.txt").unwrap())
    } else {
        adversarial::inputs(size).swap_remove(which)
    };
    let m = Models::embedded().unwrap();
    let t = Instant::now();
    let tok = text::tokens::analyze_text(&text);
    eprintln!(
        "{name}: tokens {:?} ({} toks, {} sents, {} paras)",
        t.elapsed(),
        tok.tokens.len(),
        tok.sentences.len(),
        tok.paragraphs.len()
    );
    let t = Instant::now();
    let ents = entities::find(&text, &tok, &m.entities);
    eprintln!("entities {:?} ({})", t.elapsed(), ents.len());
    let t = Instant::now();
    let found = quotes::find(&text, &tok, &m.cues, &m.quotes);
    eprintln!("quotes {:?} ({})", t.elapsed(), found.len());
    let spans: Vec<text::Span> = found.iter().map(|q| q.span).collect();
    let t = Instant::now();
    let atts = speakers::attribute(&text, &tok, &ents, &spans, &m.cues, &m.speakers);
    eprintln!("speakers {:?}", t.elapsed());
    let t = Instant::now();
    let (a, _) = actors::build(&text, &tok, &ents, &spans, &atts, &m.entities.gaz);
    eprintln!("actors {:?} ({})", t.elapsed(), a.len());
}
