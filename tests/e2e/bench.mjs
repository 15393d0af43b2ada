// Browser benchmark (not a test): the wasm and the page in Debian's Chromium. Prints
// 1. where the page's time goes, for a 5 KB article and for PolNeAR dev as one 400 KB document:
//    the worker's wasm load and model load, each stage in the worker (from its progress
//    messages), the result's transfer to the page, the render of the article and of the sidebar,
//    and compromise (the JS NLP library) on the same text in the same page;
//    With two phases: when the first phase (no reported speech) arrives and is drawn, and what the
//    whole analysis joining the drawn article costs;
// 2. the page against its targets: throughput on PolNeAR dev against the native CLI's (from
//    `newslens bench`'s table, which `./build.sh bench` saves to target/bench-native.md) and
//    against compromise's, first highlighted render after navigation (5 cold loads), paste ->
//    highlighted for the 5 KB article (5 pastes), each to the first highlights (before reported
//    speech) and to the whole analysis, the wasm's gzipped size;
//    and a cold load step by step (the page's performance marks);
// 3. the wasm's own load and analysis timings, then the adversarial inputs of `newslens bench`
//    (same generator), slowest first.
// Run by `./build.sh bench`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, startServer, launch } from './helpers.mjs';

const TARGETS = { native: 0.6, compromise: 12, firstRender: 300, paste: 50, gzipMB: 1.2 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytesOf = (s) => Buffer.byteLength(s, 'utf8');

const dev = readFileSync(path.join(ROOT, '../shared/data/polnear-dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
// the dev article nearest 5 KB, and the whole set as one document (as `newslens bench` does)
const small = dev.reduce((best, t) => (Math.abs(bytesOf(t) - 5000) < Math.abs(bytesOf(best) - 5000) ? t : best));
const large = dev.join('\n\n');
const compromiseJs = readFileSync(path.join(ROOT, 'tests/e2e/node_modules/compromise/builds/compromise.js'), 'utf8');

const server = await startServer();
const browser = await launch();

/** The page, loaded from a fresh context (no cache), with compromise added (CSP bypassed for it). */
async function freshPage({ withCompromise = false } = {}) {
  const context = await browser.newContext({ bypassCSP: withCompromise, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // the time the page last became ready (data-ready = 1: the whole analysis is on screen), and
  // the time its first highlights were (data-first = 1: entities, quotations, speakers and actors,
  // before reported speech joins them)
  await page.addInitScript(() => {
    window.__ready = null;
    window.__first = null;
    new MutationObserver(() => {
      if (document.body?.dataset.ready === '1') window.__ready = performance.now();
      if (document.body?.dataset.first === '1' && window.__first === null) window.__first = performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-first'] });
  });
  await page.goto(server.url + 'index.html');
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 60000 });
  if (withCompromise) await page.addScriptTag({ content: compromiseJs });
  return { context, page };
}

// ---------------------------------------------------------------- first render, cold
const firstRenders = [];
const firstHighlights = [];
// where a cold load's time goes: the page's performance marks (boot.js, app.js, and the worker's
// start-up steps, which app.js copies into the page's marks), ms after navigation
const COLD_STEPS = [
  ['boot', 'boot.js runs: wasm fetch, worker and sample fetch started'],
  ['compiled', 'the wasm compiled (streaming, in the page)'],
  ['worker-workerStart', 'the worker\'s script running'],
  ['worker-instantiated', 'the worker: wasm instantiated'],
  ['worker-modelsLoaded', 'the worker: models loaded'],
  ['worker-firstPosted', 'the worker: first phase of the sample analysed and posted'],
  ['app', 'app.js (and its modules) running'],
  ['first', 'first highlights drawn'],
  ['ready', 'whole analysis drawn'],
];
const coldMarks = [];
for (let i = 0; i < 5; i++) {
  const { context, page } = await freshPage();
  firstRenders.push(await page.evaluate(() => window.__ready));
  firstHighlights.push(await page.evaluate(() => window.__first));
  coldMarks.push(await page.evaluate(() => {
    const o = { first: window.__first, ready: window.__ready };
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('newslens-')) o[m.name.slice(9)] ??= m.startTime;
    return o;
  }));
  await context.close();
}

// ---------------------------------------------------------------- the page at work
const { page } = await freshPage({ withCompromise: true });

// paste -> highlighted, the 5 KB article (a paste outside any field, as a reader's Ctrl+V)
const pastes = [];
const pasteFirsts = [];
for (let i = 0; i < 6; i++) {
  const text = i % 2 ? small : `${small}\n`; // another text each time, so that nothing is reused
  const [first, ready] = await page.evaluate(async (text) => {
    window.__ready = null;
    window.__first = null;
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const t0 = performance.now();
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    while (window.__ready === null) await new Promise((r) => setTimeout(r, 1));
    return [window.__first - t0, window.__ready - t0];
  }, text);
  pastes.push(ready);
  pasteFirsts.push(first);
}
pastes.shift(); // the first paste warms the page's code paths
pasteFirsts.shift();

/** One analysis in a fresh worker, timed stage by stage; then the page's render of it. */
const stagesOf = (text) => page.evaluate(async (text) => {
  const worker = new Worker('./worker.js', { type: 'module' });
  const stages = []; // [name, first message's time]
  let lastProgress = 0;
  let firstMessage = null;
  const t0 = performance.now();
  const result = await new Promise((done) => {
    worker.onmessage = (ev) => {
      const now = performance.now();
      if (ev.data.first !== undefined) { firstMessage = { ...ev.data, arrived: now }; return; }
      if (ev.data.progress !== undefined) {
        if (stages.at(-1)?.[0] !== ev.data.stage) stages.push([ev.data.stage, now]);
        lastProgress = now;
        return;
      }
      done({ ...ev.data, arrived: performance.timeOrigin + now });
    };
    worker.postMessage({ id: 1, text });
  });
  worker.terminate();
  const t1 = performance.now();
  const raw = JSON.parse(result.json);
  const parsed = performance.now();
  const stageMs = stages.map(([name, at], i) => [name, (stages[i + 1]?.[1] ?? lastProgress) - at]);
  // the worker's time after its last progress message: the export to JSON
  const exportMs = Math.max(0, result.ms - (lastProgress - stages[0][1]));
  const { renderArticle, renderActors, paint } = await import('./render.js');
  const { applyEdits } = await import('./edits.js');
  const view = { selected: null, hidden: [], labels: true };
  const root = document.getElementById('article');
  // the first phase, drawn as the page draws it (a whole render), then the whole analysis joining it
  const f0 = performance.now();
  const firstRaw = JSON.parse(firstMessage.first);
  const first = paint(applyEdits(text, firstRaw, []), firstRaw);
  root.drawn = null;
  await renderArticle(root, text, first, view);
  root.getBoundingClientRect();
  const f1 = performance.now();
  await renderArticle(root, text, paint(applyEdits(text, raw, []), raw), view);
  root.getBoundingClientRect();
  const joinMs = performance.now() - f1;
  root.drawn = null; // the article below is timed as a whole render, as before two phases
  const actors = document.getElementById('actors');
  const noop = () => {};
  const handlers = { select: noop, goto: noop, gotoReport: noop, correct: noop };
  // the sidebar: the first phase's drawn from nothing, then updated to the whole analysis, then
  // following its first actor (each with style and layout)
  const analysis = paint(applyEdits(text, raw, []), raw);
  const p0 = performance.now();
  actors.kept = null;
  actors.replaceChildren();
  renderActors(actors, text, first, view, '', handlers);
  actors.getBoundingClientRect();
  const r0 = performance.now();
  renderActors(actors, text, analysis, view, '', handlers);
  actors.getBoundingClientRect();
  const u0 = performance.now();
  renderActors(actors, text, analysis, { ...view, selected: analysis.actors[0]?.id ?? null }, '', handlers);
  actors.getBoundingClientRect();
  const u1 = performance.now();
  actors.kept = null;
  actors.replaceChildren();
  const s0 = performance.now();
  renderActors(actors, text, analysis, view, '', handlers);
  actors.getBoundingClientRect(); // style and layout included
  const s1 = performance.now();
  const r1 = performance.now();
  await renderArticle(document.getElementById('article'), text, analysis, view);
  document.getElementById('article').getBoundingClientRect();
  const r2 = performance.now();
  // compromise on the same text: its people, places, organisations and quotations
  const c0 = performance.now();
  const doc = window.nlp(text);
  const found = [doc.people().json(), doc.places().json(), doc.organizations().json(), doc.quotations().json()];
  const compromiseMs = performance.now() - c0;
  return {
    wasm: result.loadMs.wasm, models: result.loadMs.models, stageMs, exportMs,
    transfer: result.arrived - result.sentAt + (parsed - t1), sidebar: s1 - s0, article: r2 - r1,
    total: r2 - t0 - (s0 - p0), compromiseMs, sidebarJoin: u0 - r0, sidebarFollow: u1 - u0, compromiseFound: found.reduce((n, f) => n + f.length, 0),
    firstPosted: firstMessage.arrived - t0, firstOnScreen: firstMessage.arrived - t0 + (f1 - f0), joinMs,
  };
}, text);
await stagesOf(small); // warm-up: the HTTP cache and the page's render code
const timings = [await stagesOf(small), await stagesOf(large)];

// throughput on PolNeAR dev, each document alone, best of 3 (as `newslens bench`), and compromise
const through = await page.evaluate(async (texts) => {
  const m = await import('./pkg/newslens.js');
  await m.default();
  const a = new m.Analyzer();
  const best = (f) => {
    let b = Infinity;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      for (const t of texts) f(t);
      b = Math.min(b, performance.now() - s);
    }
    return b;
  };
  const newslens = best((t) => a.analyzeJson(t));
  const compromise = best((t) => {
    const doc = window.nlp(t);
    return [doc.people().json(), doc.places().json(), doc.organizations().json(), doc.quotations().json()];
  });
  return { newslens, compromise };
}, dev);

// ---------------------------------------------------------------- wasm load and adversarial inputs
await page.goto(server.url + 'index.html#');
const sample = readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
const r = await page.evaluate(async (sample) => {
  const t0 = performance.now();
  const m = await import('./pkg/newslens.js');
  await m.default();
  const t1 = performance.now();
  const first = new m.Analyzer();
  const t2 = performance.now();
  first.free();
  // Chromium keeps compiling the module in the background (tier-up) after instantiation, and on
  // two cores that competes with the first load; measure a fresh load once it has settled too
  await new Promise((r) => setTimeout(r, 1000));
  const t3 = performance.now();
  const a = new m.Analyzer();
  const settled = performance.now() - t3;
  // model load again, a few times: the median of fresh loads
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    new m.Analyzer().free();
    loads.push(performance.now() - s);
  }
  loads.sort((x, y) => x - y);
  const time = (text, reps) => {
    a.analyzeJson(text); // warm-up
    const s = performance.now();
    for (let i = 0; i < reps; i++) a.analyzeJson(text);
    return (performance.now() - s) / reps;
  };
  let big = '';
  while (big.length < 2_000_000) big += sample + '\n\n';
  // the adversarial inputs of `newslens bench`, from the same generator, at 400 KB
  const adversarial = [];
  for (let i = 0; ; i++) {
    const input = m.adversarialInput(i, 400_000);
    if (!input) break;
    const s = performance.now();
    a.analyzeJson(input.text);
    adversarial.push({ name: input.name, bytes: new TextEncoder().encode(input.text).length, ms: performance.now() - s });
  }
  return { wasmInit: t1 - t0, modelLoad: t2 - t1, settled, modelLoadMedian: loads[2], sampleMs: time(sample, 20), sampleBytes: new TextEncoder().encode(sample).length, bigMs: time(big, 2), bigBytes: new TextEncoder().encode(big).length, adversarial };
}, sample);
await browser.close();
server.stop();

// ---------------------------------------------------------------- tables
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
console.log(`Where the page's time goes (Chromium; a fresh worker each; ${ms(bytesOf(small) / 1000)} KB: the PolNeAR dev article nearest 5 KB; ${ms(bytesOf(large) / 1000)} KB: PolNeAR dev as one document)`);
console.log('');
console.log(`| step | ${ms(bytesOf(small) / 1000)} KB, ms | ${ms(bytesOf(large) / 1000)} KB, ms |`);
console.log('|---|---:|---:|');
const row = (name, f) => console.log(`| ${name} | ${timings.map((t) => ms(f(t))).join(' | ')} |`);
row('worker: fetch + compile + instantiate the wasm', (t) => t.wasm);
row('worker: load the models', (t) => t.models);
for (const [i, [stage]] of timings[1].stageMs.entries()) row(`worker: stage ${stage}`, (t) => t.stageMs.find(([s]) => s === stage)?.[1] ?? t.stageMs[i][1]);
row('worker: export to JSON', (t) => t.exportMs);
row('transfer of the result to the page + JSON.parse', (t) => t.transfer);
row('render: sidebar (actors)', (t) => t.sidebar);
row('render: sidebar update, the whole analysis joining the first phase\'s', (t) => t.sidebarJoin);
row('render: sidebar update, following an actor', (t) => t.sidebarFollow);
row('render: article', (t) => t.article);
row('**total: new worker -> article on screen**', (t) => t.total);
row('two phases: new worker -> first phase (no reported speech) received', (t) => t.firstPosted);
row('two phases: … -> its article and highlights drawn (parse, paint, render)', (t) => t.firstOnScreen);
row('two phases: reported speech joining the drawn article (update)', (t) => t.joinMs);
row('compromise on the same text (people, places, organisations, quotations)', (t) => t.compromiseMs);

console.log('');
console.log('A cold load of the sample, step by step (ms after navigation; median of the 5 cold loads below)');
console.log('');
console.log('| step | ms |');
console.log('|---|---:|');
for (const [key, name] of COLD_STEPS) {
  const xs = coldMarks.map((m) => m[key]).filter((x) => x !== undefined);
  console.log(`| ${name} | ${xs.length ? ms(median(xs)) : '-'} |`);
}

let nativeKBs = null;
const nativeFile = path.join(ROOT, 'target/bench-native.md');
if (existsSync(nativeFile)) {
  const m = readFileSync(nativeFile, 'utf8').match(/\| polnear-dev\.jsonl \(whole analyze, best of 3\) \|[^|]*\|[^|]*\|[^|]*\| (\d+) \|/);
  if (m) nativeKBs = Number(m[1]);
}
const devKB = dev.reduce((n, t) => n + bytesOf(t), 0) / 1000;
const chromeKBs = devKB / (through.newslens / 1000);
const compromiseKBs = devKB / (through.compromise / 1000);
const gz = gzipSync(readFileSync(path.join(ROOT, 'www/pkg/newslens_bg.wasm')), { level: 9 }).length / 1e6;
const meets = (ok) => (ok ? 'yes' : '**no**');
console.log('');
console.log('| the page against its targets | measured | target | met |');
console.log('|---|---:|---:|:---:|');
if (nativeKBs) console.log(`| Chromium / native CLI throughput, PolNeAR dev (${ms(chromeKBs)} / ${nativeKBs} KB/s) | ${(chromeKBs / nativeKBs).toFixed(2)} | >= ${TARGETS.native} | ${meets(chromeKBs / nativeKBs >= TARGETS.native)} |`);
else console.log(`| Chromium throughput, PolNeAR dev (no target/bench-native.md to compare with) | ${ms(chromeKBs)} KB/s | | |`);
console.log(`| newslens / compromise throughput, same page, PolNeAR dev (${ms(chromeKBs)} / ${ms(compromiseKBs)} KB/s) | ${(chromeKBs / compromiseKBs).toFixed(1)}x | >= ${TARGETS.compromise}x | ${meets(chromeKBs / compromiseKBs >= TARGETS.compromise)} |`);
console.log(`| navigation -> sample highlighted, median of 5 cold loads (${firstRenders.map(ms).join(', ')}) | ${ms(median(firstRenders))} ms | <= ${TARGETS.firstRender} ms | ${meets(median(firstRenders) <= TARGETS.firstRender)} |`);
console.log(`| navigation -> sample's first highlights (before reported speech), median of 5 cold loads (${firstHighlights.map(ms).join(', ')}) | ${ms(median(firstHighlights))} ms | <= ${TARGETS.firstRender} ms | ${meets(median(firstHighlights) <= TARGETS.firstRender)} |`);
console.log(`| paste -> highlighted, ${ms(bytesOf(small) / 1000)} KB article, median of 5 (${pastes.map(ms).join(', ')}) | ${ms(median(pastes))} ms | <= ${TARGETS.paste} ms | ${meets(median(pastes) <= TARGETS.paste)} |`);
console.log(`| paste -> first highlights (before reported speech), ${ms(bytesOf(small) / 1000)} KB article, median of 5 (${pasteFirsts.map(ms).join(', ')}) | ${ms(median(pasteFirsts))} ms | <= ${TARGETS.paste} ms | ${meets(median(pasteFirsts) <= TARGETS.paste)} |`);
console.log(`| wasm (models inside), gzip -9 | ${gz.toFixed(2)} MB | <= ${TARGETS.gzipMB} MB | ${meets(gz <= TARGETS.gzipMB)} |`);

const rate = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
console.log('');
console.log('| Chromium (wasm, on the page\'s main thread) | ms | MB/s |');
console.log('|---|---:|---:|');
console.log(`| fetch + compile + instantiate wasm | ${r.wasmInit.toFixed(1)} | |`);
console.log(`| load the models, right after instantiation | ${r.modelLoad.toFixed(1)} | |`);
console.log(`| load the models, first load after compilation settled | ${r.settled.toFixed(1)} | |`);
console.log(`| load the models, median of 5 more | ${r.modelLoadMedian.toFixed(1)} | |`);
console.log(`| analyse the sample article (${(r.sampleBytes / 1000).toFixed(1)} KB) | ${r.sampleMs.toFixed(2)} | ${rate(r.sampleBytes, r.sampleMs)} |`);
console.log(`| analyse a 2 MB text | ${r.bigMs.toFixed(0)} | ${rate(r.bigBytes, r.bigMs)} |`);
const bar = r.bigBytes / 1e6 / (r.bigMs / 1000) / 3;
console.log('');
console.log(`Adversarial inputs in Chromium, 400 KB each (bar: 1/3 of the 2 MB news text = ${bar.toFixed(2)} MB/s)`);
console.log('');
console.log('| input | ms | MB/s | meets the bar |');
console.log('|---|---:|---:|:---:|');
for (const x of r.adversarial.sort((p, q) => q.ms / q.bytes - p.ms / p.bytes)) {
  const mbs = x.bytes / 1e6 / (x.ms / 1000);
  console.log(`| ${x.name} | ${x.ms.toFixed(0)} | ${mbs.toFixed(2)} | ${mbs >= bar ? 'yes' : '**no**'} |`);
}
