// Runs the wasm analysis off the main thread. Messages: {id, text} -> any number of
// {id, progress, stage} while it works, {id, first, firstMs} once entities, quotations, speakers
// and actors are ready (before reported speech, the slowest stage: the page draws them at once),
// then {id, json, ms, loadMs, sentAt} (the whole analysis) | {id, error, panic}.
// `panic` is true when the wasm trapped (a Rust panic): the analyser is then unusable, and the
// page replaces this worker after any error.
// Results travel as JSON strings: far cheaper to pass than an object graph for long texts.
// `loadMs` is {wasm: fetch, compile and instantiate (or, started by boot.js, waiting for the page's
// compiled module and instantiating it); models: the analyser's model load}, and
// `sentAt` the wall-clock time of posting (timeOrigin + now): the benchmark reads them.
// The page cancels an analysis by terminating this worker and starting a fresh one.
// Started by boot.js (named newslens-boot), the worker waits for the module the page compiled,
// {module} as its first message (null: load it here).
import init, { Analyzer } from './pkg/newslens.js';

let compiled = null;
/** Wall-clock times (timeOrigin + now) of the worker's start-up steps, for the benchmark. */
const at = () => performance.timeOrigin + performance.now();
const marks = { workerStart: at() };
const ready = (async () => {
  const t0 = performance.now();
  const module = self.name === 'newslens-boot' ? await new Promise((resolve) => { compiled = resolve; }) : null;
  marks.moduleReceived = at();
  await init(module ? { module_or_path: module } : undefined);
  marks.instantiated = at();
  const t1 = performance.now();
  const analyzer = new Analyzer();
  marks.modelsLoaded = at();
  return { analyzer, loadMs: { wasm: t1 - t0, models: performance.now() - t1 } };
})();

self.onmessage = async (ev) => {
  if ('module' in ev.data) { compiled?.(ev.data.module); return; }
  const { id, text } = ev.data;
  try {
    marks.textReceived ??= at();
    const { analyzer, loadMs } = await ready;
    const t0 = performance.now();
    const json = analyzer.analyzeJsonInTwoPhases(text, (stage, progress) => self.postMessage({ id, stage, progress }),
      (first) => self.postMessage({ id, first, firstMs: performance.now() - t0, marks: { ...marks, firstPosted: at() } }));
    const ms = performance.now() - t0;
    self.postMessage({ id, json, ms, loadMs, sentAt: performance.timeOrigin + performance.now() });
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e), panic: e instanceof WebAssembly.RuntimeError });
  }
};
