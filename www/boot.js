// The first script of the page (index.html: in <head>, not deferred, before the stylesheet and
// app.js): it starts the analyser before anything else loads. The wasm is fetched and compiled as
// it streams in (`WebAssembly.compileStreaming`, on the browser's compiler threads), while the
// worker loads its own script; the compiled module is then posted to the worker, which
// instantiates it instead of fetching it again. app.js takes this worker over as its first
// (`newslensBoot`); the workers it starts later (after Cancel or a failure) fetch and compile the
// wasm themselves.
//
// Without a link in the address, the page shows the reader's saved draft, else the sample article:
// boot.js posts that text to the worker as analysis 1 at once (the sample once fetched), so that
// the worker analyses it as soon as its models are loaded, while app.js and its modules are still
// loading. app.js claims that analysis when it asks for the same text (`claim`), else it is never
// used. The worker's messages before app.js takes over are kept (`early`) and handed to it.
self.newslensBoot = (() => {
  performance.mark('newslens-boot');
  const worker = new Worker('worker.js', { type: 'module', name: 'newslens-boot' });
  const give = (module) => worker.postMessage({ module });
  // no streaming compile (an old browser, or a server without the application/wasm type): the
  // worker loads the wasm itself
  if (typeof WebAssembly?.compileStreaming !== 'function') give(null);
  else WebAssembly.compileStreaming(fetch('pkg/newslens_bg.wasm')).then((m) => { performance.mark('newslens-compiled'); give(m); }, () => give(null));
  const early = [];
  worker.onmessage = (ev) => early.push(ev);
  worker.onerror = (ev) => { ev.preventDefault(); early.push(ev); };
  // the line endings as app.js's setText makes them
  const normal = (raw) => raw.replace(/\r\n?/g, '\n');
  const post = (text) => { worker.postMessage({ id: 1, text }); return text; };
  // the sample first (the page needs it even with a draft, to know when it shows the sample): the
  // first read of localStorage below can take tens of milliseconds
  let sample = null;
  if (location.hash.length <= 1) {
    sample = fetch('sample.txt').then((r) => (r.ok ? r.text() : Promise.reject(new Error(`sample.txt: ${r.status}`)))).then(normal);
    sample.catch(() => {});
  }
  let draft = null;
  try { draft = localStorage.getItem('newslens.draft.v1'); } catch { /* storage disabled */ } // app.js's DRAFT_KEY
  let text = null;
  if (sample && draft?.trim()) text = Promise.resolve(post(normal(draft)));
  else if (sample) text = sample.then(post);
  return { worker, early, text, sample };
})();
