// The first script of the page (index.html, before the stylesheet and app.js): it starts the
// analyser before anything else loads. The wasm is fetched and compiled as it streams in
// (`WebAssembly.compileStreaming`, on the browser's compiler threads), while the worker loads its
// own script; the compiled module is then posted to the worker, which instantiates it instead of
// fetching it again. app.js takes this worker over as its first (`newslensBoot`); the workers it
// starts later (after Cancel or a failure) fetch and compile the wasm themselves.
self.newslensBoot = (() => {
  const worker = new Worker('worker.js', { type: 'module', name: 'newslens-boot' });
  const give = (module) => worker.postMessage({ module });
  // no streaming compile (an old browser, or a server without the application/wasm type): the
  // worker loads the wasm itself
  if (typeof WebAssembly?.compileStreaming !== 'function') give(null);
  else WebAssembly.compileStreaming(fetch('pkg/newslens_bg.wasm')).then(give, () => give(null));
  return { worker };
})();
