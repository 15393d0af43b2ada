//! The JS API: `#[wasm_bindgen]` functions only. Convert, call `analyze_with`, convert back, with
//! offsets in UTF-16 code units so that JS can `slice` the string directly.

use crate::{Models, Unit, analyze_with};
use wasm_bindgen::prelude::*;

/// Holds the loaded models; create once, analyse many texts.
#[wasm_bindgen]
pub struct Analyzer {
    models: Models,
}

#[wasm_bindgen]
impl Analyzer {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Analyzer, JsError> {
        console_error_panic_hook::set_once();
        Ok(Analyzer {
            models: Models::embedded().map_err(|e| JsError::new(&e.to_string()))?,
        })
    }

    /// `{entities, quotes, actors}` with UTF-16 offsets (see `analysis::Export`).
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        let a = analyze_with(text, &self.models).map_err(|e| JsError::new(&e.to_string()))?;
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        serde::Serialize::serialize(&a.export(text, Unit::Utf16), &ser)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

#[wasm_bindgen]
impl Analyzer {
    /// The same as `analyze`, as a JSON string: much cheaper to pass between a worker and the
    /// page than an object graph for long texts.
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&self, text: &str) -> Result<String, JsError> {
        let a = analyze_with(text, &self.models).map_err(|e| JsError::new(&e.to_string()))?;
        serde_json::to_string(&a.export(text, Unit::Utf16))
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

#[wasm_bindgen]
impl Analyzer {
    /// `analyzeJson`, calling `onProgress(stage, fraction)` as the analysis goes (when a stage
    /// starts, otherwise at most once per percent; stage is "tokens", "entities", "quotes",
    /// "speakers", "reported" or "actors"). The worker posts
    /// these to the page, which shows them and offers Cancel for long texts.
    #[wasm_bindgen(js_name = analyzeJsonWithProgress)]
    pub fn analyze_json_with_progress(
        &self,
        text: &str,
        on_progress: &js_sys::Function,
    ) -> Result<String, JsError> {
        let a = crate::analyze_with_progress(text, &self.models, &mut reporter(on_progress))
            .map_err(|e| JsError::new(&e.to_string()))?;
        serde_json::to_string(&a.export(text, Unit::Utf16))
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

#[wasm_bindgen]
impl Analyzer {
    /// `analyzeJsonWithProgress` in two phases (`crate::analyze_in_two_phases`): `onFirst(json)` is
    /// called, before reported speech is looked for, with the analysis of entities, quotations,
    /// speakers and actors (no attributions); the returned JSON is the whole analysis, the same as
    /// `analyzeJson`'s. The page's worker posts the first at once, so that highlights are drawn
    /// while the reported-speech net runs.
    #[wasm_bindgen(js_name = analyzeJsonInTwoPhases)]
    pub fn analyze_json_in_two_phases(
        &self,
        text: &str,
        on_progress: &js_sys::Function,
        on_first: &js_sys::Function,
    ) -> Result<String, JsError> {
        let mut report = reporter(on_progress);
        let mut first = |a: &crate::Analysis| {
            // a first that cannot be written or a throwing callback must not stop the analysis
            if let Ok(json) = serde_json::to_string(&a.export(text, Unit::Utf16)) {
                let _ = on_first.call1(&JsValue::NULL, &JsValue::from_str(&json));
            }
        };
        let a = crate::analyze_in_two_phases(text, &self.models, &mut report, &mut first)
            .map_err(|e| JsError::new(&e.to_string()))?;
        serde_json::to_string(&a.export(text, Unit::Utf16))
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

/// `onProgress(stage, fraction)` as the analysis's progress callback; a throwing callback must
/// not stop the analysis.
fn reporter(on_progress: &js_sys::Function) -> impl FnMut(crate::Stage, f32) + '_ {
    move |stage, done| {
        let _ = on_progress.call2(
            &JsValue::NULL,
            &JsValue::from_str(stage.as_str()),
            &JsValue::from_f64(done as f64),
        );
    }
}

#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The `i`-th adversarial benchmark input of about `bytes` bytes, as `{name, text}` (the same
/// generator as `newslens bench`), or null past the last; for the browser benchmark.
#[wasm_bindgen(js_name = adversarialInput)]
pub fn adversarial_input(i: usize, bytes: usize) -> JsValue {
    let bytes = bytes.min(crate::MAX_TEXT_BYTES / 2);
    match crate::adversarial::inputs(bytes).into_iter().nth(i) {
        Some((name, text)) => {
            let ser = serde_wasm_bindgen::Serializer::json_compatible();
            serde::Serialize::serialize(&serde_json::json!({ "name": name, "text": text }), &ser)
                .unwrap_or(JsValue::NULL)
        }
        None => JsValue::NULL,
    }
}
