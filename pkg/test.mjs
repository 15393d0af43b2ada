// The npm module from Node: loads the wasm from the file system, analyses non-ASCII text, and
// its offsets slice the JavaScript string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from './index.js';
import { readFileSync } from 'node:fs';

const TEXT = 'Budget talks resume 🎉\n\nMayor Zoë Ünal said the budget would be balanced by June. “We will not cut the buses,” Ünal told reporters.';

test('analyses text with UTF-16 offsets, quotes, reported speech and actors', async () => {
  const nl = await Analyzer.load();
  const a = nl.analyze(TEXT);
  const zoe = a.entities.find((e) => e.text === 'Zoë Ünal');
  assert.ok(zoe, JSON.stringify(a.entities));
  assert.equal(TEXT.slice(zoe.start, zoe.end), 'Zoë Ünal');
  assert.equal(a.quotes.length, 1);
  const q = a.quotes[0];
  assert.equal(TEXT.slice(q.start, q.end), '“We will not cut the buses,”');
  const speaker = a.actors.find((x) => x.id === q.actor);
  assert.equal(speaker.name, 'Zoë Ünal');
  const reported = a.attributions.filter((r) => r.quote === null);
  assert.equal(reported.length, 1);
  assert.equal(TEXT.slice(...reported[0].content[0]), 'the budget would be balanced by June');
  assert.equal(reported[0].actor, speaker.id);
  // a second analyzer shares the loaded wasm
  const again = (await Analyzer.load()).analyze(TEXT);
  assert.deepEqual(again, a);
});

test('progress is reported and bad input gets a clear error', async () => {
  const nl = await Analyzer.load();
  const seen = [];
  nl.analyzeWithProgress(TEXT.repeat(50), (stage, f) => seen.push([stage, f]));
  assert.ok(seen.length > 2 && seen.at(-1)[1] === 1, JSON.stringify(seen));
  assert.throws(() => nl.analyze('x'.repeat(9 * 1024 * 1024)), /limit is 8 MB/);
  assert.deepEqual(nl.analyze('').quotes, []);
  assert.match(Analyzer.version(), /^\d+\.\d+\.\d+/);
});

/** The field names of each `export interface` in index.d.ts. */
function declaredFields() {
  const dts = readFileSync(new URL('./index.d.ts', import.meta.url), 'utf8');
  const out = {};
  for (const m of dts.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    out[m[1]] = [...m[2].matchAll(/^\s*(\w+)\??:/gm)].map((f) => f[1]).sort();
  }
  return out;
}

test('index.d.ts declares exactly the fields the analysis has', async () => {
  const nl = await Analyzer.load();
  const a = nl.analyze(TEXT);
  const declared = declaredFields();
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(declared.Analysis, keys(a));
  for (const [name, rows] of [['Entity', a.entities], ['Quote', a.quotes], ['Attribution', a.attributions], ['Actor', a.actors]]) {
    assert.ok(rows.length > 0, `no ${name} to compare`);
    for (const row of rows) assert.deepEqual(declared[name], keys(row), name);
  }
  // every stage the progress callback names is in the declared Stage union
  const dts = readFileSync(new URL('./index.d.ts', import.meta.url), 'utf8');
  const stages = [...dts.match(/export type Stage = ([^;]+);/)[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  const seen = new Set();
  nl.analyzeWithProgress(TEXT.repeat(50), (stage) => seen.add(stage));
  assert.ok(seen.size > 2, [...seen].join());
  for (const stage of seen) assert.ok(stages.includes(stage), `stage ${stage} is not declared`);
});

// The CLI and the page give byte-identical analyses: the wasm's JSON (`analyzeJson`, and the
// whole analysis of `analyzeJsonInTwoPhases`, which the page's worker calls) against the native
// CLI's, on every PolNeAR dev text; the first phase comes once, before it, with no attributions. These texts hold no
// character outside the Basic Multilingual Plane, so UTF-16 offsets (wasm) and code-point
// offsets (CLI) are the same numbers. Both are read and written again by JSON.stringify: the CLI
// pretty-prints, and serde writes a whole f64 as "10.0" where JS writes "10"; every number must
// be the same double.
test('the wasm and the native CLI give the same analysis of every PolNeAR dev text', async (t) => {
  const { spawnSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const cli = new URL('../target/release/newslens', import.meta.url);
  const data = new URL('../../shared/data/polnear-dev.jsonl', import.meta.url);
  if (!existsSync(data)) return t.skip('no ../shared/data/polnear-dev.jsonl');
  assert.ok(existsSync(cli), 'build the CLI first: cargo build --release --bin newslens');
  const texts = readFileSync(data, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  assert.ok(texts.length >= 80, `${texts.length} texts`);
  await Analyzer.load(); // loads the wasm
  const { Analyzer: Raw } = await import('./dist/newslens.js');
  const raw = new Raw();
  for (const [i, text] of texts.entries()) {
    assert.ok(![...text].some((c) => c.codePointAt(0) > 0xffff), `text ${i} has a character outside the BMP`);
    const out = spawnSync(cli.pathname, ['analyze', '-'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(out.status, 0, out.stderr);
    const page = JSON.stringify(JSON.parse(raw.analyzeJson(text)));
    const native = JSON.stringify(JSON.parse(out.stdout));
    const firsts = [];
    const whole = JSON.stringify(JSON.parse(raw.analyzeJsonInTwoPhases(text, () => {}, (f) => firsts.push(JSON.parse(f)))));
    assert.equal(whole, page, `text ${i}: the two-phase analysis ends in the one-pass analysis`);
    assert.equal(firsts.length, 1);
    assert.deepEqual(firsts[0].attributions, []);
    assert.deepEqual(firsts[0].quotes.map((q) => [q.start, q.end]), JSON.parse(page).quotes.map((q) => [q.start, q.end]));
    if (page !== native) {
      let at = 0;
      while (page[at] === native[at]) at++;
      assert.fail(`text ${i} differs at ${at}: wasm …${page.slice(at - 80, at + 80)}… CLI …${native.slice(at - 80, at + 80)}…`);
    }
  }
  raw.free();
});
