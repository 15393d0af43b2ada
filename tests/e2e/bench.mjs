// Browser benchmark (not a test): the wasm in Debian's Chromium. Prints a table: module
// load + model load, and analyse throughput on the sample article and a 2 MB text; then the
// adversarial inputs of `newslens bench` (same generator), slowest first.
// Run by `./build.sh bench`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch } from './helpers.mjs';

const server = await startServer();
const browser = await launch();
const page = await (await browser.newContext()).newPage();
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
const rate = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
console.log('| Chromium (wasm) | ms | MB/s |');
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
