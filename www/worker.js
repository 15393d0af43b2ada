// Runs the wasm analysis off the main thread. Messages: {id, text} -> any number of
// {id, progress, stage} while it works, then {id, json, ms} | {id, error, panic}. `panic` is true
// when the wasm trapped (a Rust panic): the analyser is then unusable, and the page replaces this
// worker after any error.
// The result travels as a JSON string: far cheaper to pass than an object graph for long texts.
// The page cancels an analysis by terminating this worker and starting a fresh one.
import init, { Analyzer } from './pkg/newslens.js';

const ready = (async () => {
  const t0 = performance.now();
  await init();
  const analyzer = new Analyzer();
  return { analyzer, loadMs: performance.now() - t0 };
})();

self.onmessage = async (ev) => {
  const { id, text } = ev.data;
  try {
    const { analyzer, loadMs } = await ready;
    const t0 = performance.now();
    const json = analyzer.analyzeJsonWithProgress(text, (stage, progress) => self.postMessage({ id, stage, progress }));
    self.postMessage({ id, json, ms: performance.now() - t0, loadMs });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e), panic: e instanceof WebAssembly.RuntimeError });
  }
};
