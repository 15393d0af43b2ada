//! Python bindings: `newslens._core`, wrapped by `newslens/__init__.py`. The analysis is the
//! CLI's JSON (code-point offsets, so Python slicing works); many texts are analysed on all
//! cores with the GIL released.

use newslens::{Models, Unit, analyze_with};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
use std::sync::OnceLock;

/// The embedded models, or with `accurate` those with the reported-speech ensemble
/// (`Models::accurate`); each loaded once, on first use.
fn models(accurate: bool) -> Result<&'static Models, String> {
    static MODELS: OnceLock<Result<Models, String>> = OnceLock::new();
    static ACCURATE: OnceLock<Result<Models, String>> = OnceLock::new();
    let (cell, load): (_, fn() -> Result<Models, newslens::ModelError>) = if accurate {
        (&ACCURATE, Models::accurate)
    } else {
        (&MODELS, Models::embedded)
    };
    cell.get_or_init(|| load().map_err(|e| e.0))
        .as_ref()
        .map_err(Clone::clone)
}

/// The analysis of one text as JSON, or the reason it cannot be analysed.
fn one(text: &str, accurate: bool) -> Result<String, String> {
    let a = analyze_with(text, models(accurate)?).map_err(|e| e.to_string())?;
    serde_json::to_string(&a.export(text, Unit::CodePoint)).map_err(|e| e.to_string())
}

/// `analyze_json(text, accurate=False) -> str`; raises ValueError for a text that cannot be
/// analysed.
#[pyfunction]
#[pyo3(signature = (text, accurate=false))]
fn analyze_json(py: Python<'_>, text: &str, accurate: bool) -> PyResult<String> {
    let text = text.to_owned();
    py.allow_threads(move || one(&text, accurate))
        .map_err(PyValueError::new_err)
}

/// `analyze_many_json(texts, threads=None, accurate=False) -> list[(str | None, str | None)]`,
/// in order: each text's JSON, or the message of a text that cannot be analysed.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, accurate=false))]
fn analyze_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    threads: Option<usize>,
    accurate: bool,
) -> PyResult<Vec<(Option<String>, Option<String>)>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.allow_threads(|| {
        pool.install(|| {
            texts
                .par_iter()
                .map(|t| match one(t, accurate) {
                    Ok(j) => (Some(j), None),
                    Err(e) => (None, Some(e)),
                })
                .collect()
        })
    }))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
