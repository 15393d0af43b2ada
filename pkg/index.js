// newslens as an ES module for web apps and Node: `await Analyzer.load()`, then
// `analyzer.analyze(text)`. The wasm sits next to this file in dist/ (built by ../build.sh): a
// browser fetches it, Node reads it from disk. Offsets are UTF-16 code units, so they slice
// JavaScript strings directly.
import init, { Analyzer as WasmAnalyzer, version as wasmVersion } from './dist/newslens.js';

let loading = null;

/** Load the wasm once; `source` (optional) is a URL, a Response, bytes or a WebAssembly.Module. */
async function loadWasm(source) {
  if (!loading) {
    loading = (async () => {
      let input = source;
      if (input === undefined && typeof process !== 'undefined' && process.versions?.node) {
        const { readFile } = await import('node:fs/promises');
        input = await readFile(new URL('./dist/newslens_bg.wasm', import.meta.url));
      }
      await init(input === undefined ? undefined : { module_or_path: input });
    })();
  }
  return loading;
}

export class Analyzer {
  #inner;

  constructor(inner) {
    if (!(inner instanceof WasmAnalyzer)) throw new TypeError('use `await Analyzer.load()`');
    this.#inner = inner;
  }

  /** Load the wasm (once per page or process) and the models it embeds. */
  static async load(source) {
    await loadWasm(source);
    return new Analyzer(new WasmAnalyzer());
  }

  /** The analysis of one text; throws an Error with a clear message on a text over 8 MB. */
  analyze(text) {
    return JSON.parse(this.#inner.analyzeJson(String(text)));
  }

  /** As `analyze`, calling `onProgress(stage, fraction)` as it goes (at most once per percent). */
  analyzeWithProgress(text, onProgress) {
    return JSON.parse(this.#inner.analyzeJsonWithProgress(String(text), onProgress));
  }

  /** The version of the newslens core. */
  static version() {
    return wasmVersion();
  }
}
