//! `newslens bench`: the throughput of the whole analysis on the shared dev sets (each document
//! alone, all as one document, with `--accurate`), of `batch`'s engine on one thread and on all,
//! and of the adversarial inputs against the bar of ordinary news.

use crate::{Res, emit, read_jsonl, text_of};
use newslens::{Models, analyze_with};
use std::path::Path;
use std::time::Instant;

fn models() -> Res<Models> {
    Ok(Models::embedded()?)
}

/// Print the throughput tables for the dev sets under `data`.
pub fn run(data: &Path) -> Res<()> {
    let t0 = Instant::now();
    let m = models()?;
    let load = t0.elapsed();
    emit("| input | docs | KB | seconds | KB/s | MB/s |");
    emit("|---|---:|---:|---:|---:|---:|");
    emit(&format!(
        "| model load | - | - | {:.4} | - | - |",
        load.as_secs_f64()
    ));
    let mut news_mbs = f64::MAX;
    for name in ["polnear-dev.jsonl", "conll2003-dev.jsonl"] {
        let texts: Vec<String> = read_jsonl(&data.join(name))?.iter().map(text_of).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let best = best_of_3(&texts, &m)?;
        let kb = bytes as f64 / 1000.0;
        emit(&format!(
            "| {name} (whole analyze, best of 3) | {} | {kb:.0} | {best:.3} | {:.0} | {:.2} |",
            texts.len(),
            kb / best,
            kb / best / 1000.0
        ));
        // the same texts as one long document: catches work that grows faster than the text
        let one = texts.join("\n\n");
        let t = Instant::now();
        std::hint::black_box(analyze_with(&one, &m)?);
        let s = t.elapsed().as_secs_f64();
        emit(&format!(
            "| {name} as one document | 1 | {kb:.0} | {s:.3} | {:.0} | {:.2} |",
            kb / s,
            kb / s / 1000.0
        ));
        if name.starts_with("polnear") {
            news_mbs = news_mbs.min(kb / best / 1000.0);
            // the same texts with the reported-speech ensemble (`--accurate`)
            let best = best_of_3(&texts, &Models::accurate()?)?;
            emit(&format!(
                "| {name} with --accurate (best of 3) | {} | {kb:.0} | {best:.3} | {:.0} | {:.2} |",
                texts.len(),
                kb / best,
                kb / best / 1000.0
            ));
        }
    }
    batch_table(&m, data)?;
    adversarial_table(&m, news_mbs)
}

/// The fastest of three runs of `analyze` over every text, in seconds.
fn best_of_3(texts: &[String], m: &Models) -> Res<f64> {
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for text in texts {
            std::hint::black_box(analyze_with(text, m)?);
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    Ok(best)
}

/// `newslens batch`'s engine on PolNeAR dev repeated to 20 MB or more, on one thread and on all:
/// the documents are analysed in parallel (rayon), so the speed-up should approach the cores.
fn batch_table(m: &Models, data: &Path) -> Res<()> {
    use rayon::prelude::*;
    let texts: Vec<String> = read_jsonl(&data.join("polnear-dev.jsonl"))?
        .iter()
        .map(text_of)
        .collect();
    let one: usize = texts.iter().map(String::len).sum();
    let copies = (20_000_000 / one.max(1)) + 1;
    let docs: Vec<&String> = (0..copies).flat_map(|_| texts.iter()).collect();
    let mb = (one * copies) as f64 / 1e6;
    emit("");
    emit(&format!(
        "Batch: PolNeAR dev repeated {copies} times ({} documents, {mb:.1} MB), analysed in parallel",
        docs.len()
    ));
    emit("");
    emit("| threads | seconds | MB/s | speed-up |");
    emit("|---:|---:|---:|---:|");
    let all = rayon::current_num_threads();
    let mut base = 0.0;
    for threads in [1, all] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        let t = Instant::now();
        let n: usize = pool.install(|| {
            docs.par_iter()
                .map(|d| analyze_with(d, m).map_or(0, |a| a.quotes.len()))
                .sum()
        });
        std::hint::black_box(n);
        let s = t.elapsed().as_secs_f64();
        if threads == 1 {
            base = s;
        }
        emit(&format!(
            "| {threads} | {s:.2} | {:.2} | {:.2}x |",
            mb / s,
            base / s
        ));
        if all == 1 {
            break;
        }
    }
    Ok(())
}

/// Inputs shaped to make a stage super-linear, at 400 KB and 1.6 MB: each must run at 1/3 or
/// more of the MB/s of ordinary news, and the 4x larger input must take about 4x as long.
fn adversarial_table(m: &Models, news_mbs: f64) -> Res<()> {
    emit("");
    emit(&format!(
        "Adversarial inputs (bar: 1/3 of ordinary news = {:.2} MB/s; growth = time(1.6 MB) / time(400 KB), linear is 4)",
        news_mbs / 3.0
    ));
    emit("");
    emit("| input | MB/s at 400 KB | MB/s at 1.6 MB | growth | meets the bar |");
    emit("|---|---:|---:|---:|:---:|");
    let small = newslens::adversarial::inputs(400_000);
    let large = newslens::adversarial::inputs(1_600_000);
    for ((name, a), (_, b)) in small.iter().zip(&large) {
        let time = |t: &str| -> Res<f64> {
            let s = Instant::now();
            std::hint::black_box(analyze_with(t, m)?);
            Ok(s.elapsed().as_secs_f64())
        };
        let (ta, tb) = (time(a)?, time(b)?);
        let (ma, mb) = (a.len() as f64 / ta / 1e6, b.len() as f64 / tb / 1e6);
        let ok = ma.min(mb) >= news_mbs / 3.0;
        emit(&format!(
            "| {name} | {ma:.2} | {mb:.2} | {:.1} | {} |",
            tb / ta,
            if ok { "yes" } else { "**no**" }
        ));
    }
    Ok(())
}
