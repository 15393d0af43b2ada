// The page end to end in real Chromium: paste and render, layers, actors and keyboard, share
// links, tampered links, file drop, exports, hostile text under CSP, and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, OUT, SHOTS, openPage, ready, pasteText, entityTexts, dropFile, pasteEvent, action, server, browser, useBrowser, VIEWS, axe } from './helpers.mjs';

const ARTICLE = readFileSync(path.join(ROOT, 'tests/fixtures/paste-article.txt'), 'utf8');
useBrowser();

test('the sample article is preloaded and highlighted', async () => {
  const { context, page } = await openPage(browser, server.url);
  assert.ok((await page.textContent('#article')).startsWith('Harbor City Council'));
  assert.ok((await page.$$('#article mark.ent')).length >= 10);
  assert.ok((await page.$$('#article .quote')).length >= 5);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('pasted article shows entity spans, quotes and sidebar actors', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  assert.equal(await page.textContent('#article'), ARTICLE, 'the article text is rendered exactly');
  const per = await entityTexts(page, 'PER');
  for (const name of ['Margaret Hale', 'Carlos Mendez', 'Mendez', 'Dana Whitfield']) assert.ok(per.includes(name), `${name} in ${per}`);
  const orgs = await entityTexts(page, 'ORG');
  assert.ok(orgs.some((o) => o.includes('Rivertown School Board')), `orgs: ${orgs}`);
  const quotes = await page.$$eval('#article .quote', (els) => els.map((e) => e.textContent));
  assert.ok(quotes.includes('“The budget does not leave us many choices,”'), quotes.join(' | '));
  const names = await page.$$eval('#actors .actor .name', (els) => els.map((e) => e.textContent));
  assert.ok(names.includes('Carlos Mendez'), names.join(', '));
  const mendez = page.locator('#actors .actor', { hasText: 'Carlos Mendez' });
  assert.match(await mendez.textContent(), /1 quote/);
  // the quote by Mendez is coloured as his: its data-actor is his actor id
  const id = await mendez.getAttribute('data-actor');
  const q = page.locator('#article .quote', { hasText: 'The budget does not' });
  assert.equal(await q.getAttribute('data-actor'), id);
  await q.hover();
  assert.match(await page.textContent('#card'), /quoted: Carlos Mendez/);
  await context.close();
});

test('layer toggles hide a type and come back', async () => {
  const { context, page } = await openPage(browser, server.url);
  const bg = () => page.$eval('#article mark.ent-PER', (e) => getComputedStyle(e).backgroundColor);
  const shown = await bg();
  await page.click('.layer[data-layer="PER"]');
  assert.equal(await page.getAttribute('.layer[data-layer="PER"]', 'aria-pressed'), 'false');
  assert.equal(await bg(), 'rgba(0, 0, 0, 0)');
  await page.click('.layer[data-layer="PER"]');
  assert.equal(await bg(), shown);
  await context.close();
});

test('selecting an actor highlights exactly its mentions; arrow keys move between them', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  const btn = page.locator('#actors .actor', { hasText: 'Carlos Mendez' });
  const id = await btn.getAttribute('data-actor');
  await btn.click();
  assert.equal(await btn.getAttribute('aria-pressed'), 'true');
  const sel = await page.$$eval('#article .sel', (els) => els.map((e) => e.dataset.actor));
  assert.ok(sel.length >= 3, `selected marks: ${sel.length}`);
  assert.ok(sel.every((a) => a === id));
  assert.ok(await page.$eval('#article', (e) => e.classList.contains('has-selection')));
  // each mark's frame is drawn inside it: an outline covered the comma right after a name
  const frames = await page.$$eval('#article .sel', (els) => els.map((e) => {
    const s = getComputedStyle(e);
    return { outline: s.outlineStyle, shadow: s.boxShadow };
  }));
  assert.ok(frames.every((f) => f.outline === 'none' && /inset/.test(f.shadow)), JSON.stringify(frames));
  // the expanded actor lists the quote; clicking it focuses the quote in the article
  await page.click('#actors .quote-link');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /budget does not/);
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => document.activeElement.dataset.actor);
  assert.equal(first, id);
  const a = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowRight');
  const b = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(a + '', '' );
  assert.equal(await page.evaluate(() => document.activeElement.dataset.actor), id);
  assert.ok(a !== b || sel.length === 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.$$eval('#article .sel', (e) => e.length), 0);
  await context.close();
});

test('a share link reopens the same view in a fresh browser context', async () => {
  const { context, page } = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const text = `${ARTICLE}\nZoë 🎉 Ünal said: “Ça va — שלום.”\r\n`;
  await pasteText(page, text);
  await page.locator('#actors .actor', { hasText: 'Margaret Hale' }).click();
  await page.click('.layer[data-layer="LOC"]');
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const link = await page.evaluate(() => location.href);
  const before = await page.evaluate(() => [document.querySelector('#article').innerHTML, document.querySelector('#actors').innerHTML, [...document.querySelector('#article').classList].sort().join(' ')]);
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await ready(p2);
  const after = await p2.evaluate(() => [document.querySelector('#article').innerHTML, document.querySelector('#actors').innerHTML, [...document.querySelector('#article').classList].sort().join(' ')]);
  assert.equal(await p2.textContent('#article'), text.replace(/\r\n/g, '\n'));
  assert.deepEqual(after, before);
  await fresh.close();
  await context.close();
});

test('a tampered link shows a clear error and an empty editor', async () => {
  for (const bad of ['#v1.!!!', '#v1.AAAA', '#v2.abc', '#v1.' + 'x'.repeat(50)]) {
    const { context, page } = await openPage(browser, server.url + bad);
    assert.equal(await page.isVisible('#error'), true, bad);
    assert.match(await page.textContent('#error'), /link/i);
    assert.equal(await page.isVisible('#editor'), true);
    assert.equal(await page.inputValue('#editor'), '');
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

test('dropping a .txt or .html file loads its text', async () => {
  const { context, page } = await openPage(browser, server.url);
  const drop = (name, type, content) => dropFile(page, name, type, content);
  await drop('a.txt', 'text/plain', ARTICLE);
  await page.waitForFunction((t) => document.querySelector('#article').textContent === t, ARTICLE);
  await ready(page);
  assert.ok((await entityTexts(page, 'PER')).includes('Margaret Hale'));
  const html = `<html><head><script>window.__pwned = 1</script></head><body><nav>Menu</nav><article><h1>Title Here</h1><p>First “paragraph,” said Jane Smith.</p><p>Second <b>one</b>.</p></article></body></html>`;
  await drop('page.html', 'text/html', html);
  await page.waitForFunction(() => document.querySelector('#article').textContent.startsWith('Title Here'));
  assert.equal(await page.textContent('#article'), 'Title Here\n\nFirst “paragraph,” said Jane Smith.\n\nSecond one.');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await drop('bin.txt', 'application/octet-stream', '\u0000\u0001\u0002\u0003'.repeat(100));
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /binary/);
  assert.ok((await page.textContent('#article')).startsWith('Title Here'), 'the previous text is kept');
  await context.close();
});

test('exported HTML and JSON hold the spans', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const file = path.join(OUT, 'export.html');
  await dl.saveAs(file);
  const html = readFileSync(file, 'utf8');
  assert.ok(!/<script/i.test(html));
  assert.match(html, /<mark class="ent ent-PER"[^>]*>Margaret Hale<\/mark>/);
  // the export says who speaks, in words, and is titled with the article's headline
  assert.match(html, new RegExp(`<title>${ARTICLE.split('\n')[0].trim().slice(0, 40)}`));
  assert.match(html, /<h2>Who said what<\/h2>/);
  assert.match(html, /<b>Carlos Mendez<\/b>[^<]*: “The budget does not leave us many choices,”/);
  assert.match(html, /class="swatch c\d+"/);
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  const jfile = path.join(OUT, 'export.json');
  await dj.saveAs(jfile);
  const j = JSON.parse(readFileSync(jfile, 'utf8'));
  assert.equal(j.text, ARTICLE);
  const hale = j.entities.find((e) => e.text === 'Margaret Hale');
  assert.equal(j.text.slice(hale.start, hale.end), 'Margaret Hale');
  // the exported file renders on its own: open it with scripts disabled
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const p = await ctx.newPage();
  await p.goto(`file://${file}`);
  assert.ok((await p.$$('mark.ent-PER')).length >= 3);
  await ctx.close();
  await context.close();
});

test('hostile text stays inert text under the CSP', async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => { window.__csp = (window.__csp || 0) + 1; }));
  const hostile = 'Mayor <img src=x onerror="window.__pwned=1"> said “<script>window.__pwned=2</script> hi,” <a href="javascript:window.__pwned=3">click</a> <svg onload="window.__pwned=4"></svg>';
  await pasteText(page, hostile);
  assert.equal(await page.textContent('#article'), hostile);
  assert.equal(await page.$$eval('#article img, #article script, #article a, #article svg', (e) => e.length), 0);
  await page.hover('#article .quote').catch(() => {});
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('odd Unicode and unbalanced quotes render without loss', async () => {
  const { context, page } = await openPage(browser, server.url);
  const odd = '“Never closed, said Zoë.\r\n\r\nRene\u0301e 👍🏽 met Angela Merkel in Berlin. مرحبا “ok” ””“';
  await pasteText(page, odd);
  assert.equal(await page.textContent('#article'), odd.replace(/\r\n/g, '\n'));
  const ents = await page.$$eval('#article mark.ent', (els) => els.map((e) => e.textContent));
  assert.ok(ents.includes('Angela Merkel'), ents.join(','));
  assert.deepEqual(page.problems, []);
  await pasteText(page, '');
  assert.equal(await page.isVisible('#empty'), true);
  await context.close();
});

test('one line-ending rule: CRLF and CR become LF on every way in', async () => {
  const crlf = 'Ann Lee said: “One.”\r\nBob Roe replied: “Two.”\rThe end.\r\n';
  const lf = 'Ann Lee said: “One.”\nBob Roe replied: “Two.”\nThe end.\n';
  const { context, page } = await openPage(browser, server.url);
  const article = () => page.textContent('#article');
  // typed or pasted into the editor
  await pasteText(page, crlf);
  assert.equal(await article(), lf, 'editor');
  // a dropped file
  await dropFile(page, 'crlf.txt', 'text/plain', crlf);
  await ready(page);
  assert.equal(await article(), lf, 'file');
  // a share link made elsewhere whose text still holds CR
  const frag = await page.evaluate(async (t) => (await import('./share.js')).serialize({ text: t, selected: null, hidden: [] }), crlf);
  const p2 = await context.newPage();
  await p2.goto(server.url + frag);
  await ready(p2);
  assert.equal(await p2.textContent('#article'), lf, 'share link');
  // a draft saved by an older version
  await p2.evaluate((t) => localStorage.setItem('newslens.draft.v1', t), crlf);
  const p3 = await context.newPage();
  await p3.goto(server.url);
  await ready(p3);
  assert.equal(await p3.textContent('#article'), lf, 'draft');
  // the offsets the page shows still slice the normalised text
  const ents = await p3.$$eval('#article mark.ent', (els) => els.map((e) => e.textContent));
  assert.ok(ents.includes('Ann Lee') && ents.includes('Bob Roe'), ents.join(','));
  await context.close();
});

test('the wasm API returns UTF-16 offsets that slice the JS string', async () => {
  const { context, page } = await openPage(browser, server.url);
  const r = await page.evaluate(async () => {
    const m = await import('./pkg/newslens.js');
    await m.default();
    const a = new m.Analyzer();
    const text = '🎉🎉 Angela Merkel said: “Wir schaffen das,” in Berlin. Zoë Ünal of Siemens agreed.';
    const res = a.analyze(text);
    return { ents: res.entities.map((e) => [text.slice(e.start, e.end), e.text]), quotes: res.quotes.map((q) => text.slice(q.start, q.end)) };
  });
  for (const [sliced, reported] of r.ents) assert.equal(sliced, reported);
  assert.ok(r.ents.some(([s]) => s === 'Angela Merkel'));
  assert.deepEqual(r.quotes, ['“Wir schaffen das,”']);
  await context.close();
});

test('share serialize/parse round-trip and reject garbage', async () => {
  const { context, page } = await openPage(browser, server.url);
  const r = await page.evaluate(async () => {
    const s = await import('./share.js');
    const view = { text: 'a “b” 🎉 \r\n é', selected: 'a2', hidden: ['QUOTE', 'LOC'] };
    const frag = await s.serialize(view);
    const back = await s.parse(frag);
    // corrections travel as the edits themselves: a few bytes each
    const edits = [{ op: 'speaker', quote: 3, actor: 'a1' }, { op: 'merge', actor: 'a4', into: 'a0' }, { op: 'kind', actor: 'a2', kind: 'place' }];
    const withEdits = await s.serialize({ ...view, edits });
    const backEdits = await s.parse(withEdits);
    const forged = await s.serialize({ ...view, edits: [{ op: 'rm -rf', actor: 'a1' }] });
    const errors = [];
    for (const bad of ['', '#', '#v1.', '#v1.%%', '#v9.abc', frag.slice(0, frag.length - 5), forged]) {
      try { await s.parse(bad); errors.push(null); } catch (e) { errors.push(e instanceof s.ShareError); }
    }
    return { frag, back, backEdits, errors, growth: withEdits.length - frag.length };
  });
  assert.match(r.frag, /^#v1\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(r.back, { text: 'a “b” 🎉 \r\n é', selected: 'a2', hidden: ['LOC', 'QUOTE'], edits: [], labels: false, url: '', date: '' });
  assert.deepEqual(r.backEdits.edits, [{ op: 'speaker', quote: 3, actor: 'a1' }, { op: 'merge', actor: 'a4', into: 'a0' }, { op: 'kind', actor: 'a2', kind: 'place' }]);
  assert.ok(r.growth < 150, `three edits made the link ${r.growth} characters longer`);
  assert.deepEqual(r.errors, [true, true, true, true, true, true, true]);
  await context.close();
});

test('screenshots: desktop, phone, dark', async () => {
  for (const [name, opts] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 }],
    ['dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
  ]) {
    const { context, page } = await openPage(browser, server.url, opts);
    if (name !== 'phone') await page.locator('#actors .actor').first().click();
    const file = path.join(SHOTS, `screenshot-${name}.png`);
    await page.screenshot({ path: file });
    assert.ok(readFileSync(file).length > 10000);
    if (name === 'phone') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow on a phone: ${overflow}px`);
    }
    await context.close();
  }
});

test('a 2 MB text is analysed off the main thread', async () => {
  const { context, page } = await openPage(browser, server.url);
  const result = await page.evaluate(async (article) => {
    let big = '';
    while (big.length < 2_000_000) big += article + '\n\n';
    document.body.dataset.ready = '0';
    document.getElementById('btn-edit').click();
    document.getElementById('editor').value = big;
    // let the browser lay out the pasted text first: that cost is the textarea's, not ours
    await new Promise((r) => setTimeout(r, 1500));
    const tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask' });
    document.getElementById('status').textContent = '';
    const t0 = performance.now();
    document.getElementById('btn-analyze').click();
    const clickEnd = performance.now();
    // the main thread's own timer, every 50 ms: it keeps ticking while the worker analyses, until
    // its first message (the first phase, which the page then draws while reported speech is found)
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 50);
    const answers = () => [...performance.getEntriesByName('newslens-first'), ...performance.getEntriesByName('newslens-result')].filter((m) => m.startTime > clickEnd);
    const answered = () => answers().length > 0;
    while (!answered()) await new Promise((r) => setTimeout(r, 20));
    clearInterval(timer);
    while (!/analysed in/.test(document.getElementById('status').textContent)) await new Promise((r) => setTimeout(r, 20));
    const tAnalysed = performance.now() - t0;
    while (document.body.dataset.ready !== '1') await new Promise((r) => setTimeout(r, 20));
    const tRendered = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200)); // let the observer deliver
    const end = answers().sort((a, b) => a.startTime - b.startTime)[0].startTime;
    // long tasks that began after the click returned and ended before the worker's first answer arrived: the page's
    // own work while analysing (the click's task itself restyles the 2 MB textarea; rendering the
    // result afterwards is reported, not judged)
    const during = tasks.filter((t) => t.start > clickEnd && t.start + t.ms < end).map((t) => t.ms);
    const renderTasks = tasks.filter((t) => t.start + t.ms >= end).map((t) => t.ms);
    return { during, renderTasks, tAnalysed, tRendered, chars: big.length, workerMs: end - clickEnd, ticks };
  }, ARTICLE);
  writeFileSync(path.join(OUT, 'big-text.json'), JSON.stringify(result));
  console.log(`2 MB text: worker busy ${result.workerMs.toFixed(0)} ms, ${result.ticks} timer ticks, rendered at ${result.tRendered.toFixed(0)} ms; main-thread long tasks meanwhile: [${result.during.map((m) => m.toFixed(0))}] ms; while rendering: [${result.renderTasks.map((m) => m.toFixed(0))}] ms`);
  assert.ok(result.workerMs > 100, 'the analysis took measurable time');
  // Analysed on the main thread, the timer could not tick until the end; off it, the main thread
  // is free nearly all the time. Half the ticks a free thread would see is the bar: no timing
  // threshold that a loaded machine's pauses (a garbage collection, a layout) could trip.
  const free = Math.floor(result.workerMs / 50);
  assert.ok(result.ticks >= free / 2, `main thread blocked during analysis: ${result.ticks} of ${free} timer ticks (long tasks: ${result.during})`);
  assert.equal((await page.textContent('#article')).length, result.chars);
  await context.close();
});

test('a long analysis shows its progress and can be cancelled without losing the text', async () => {
  const { context, page } = await openPage(browser, server.url);
  const big = await page.evaluate(async (article) => {
    let big = '';
    while (big.length < 3_000_000) big += article + '\n\n';
    document.body.dataset.ready = '0';
    document.getElementById('btn-edit').click();
    document.getElementById('editor').value = big;
    document.getElementById('btn-analyze').click();
    return big.length;
  }, ARTICLE);
  // the worker reports progress: the bar and its label move
  await page.waitForFunction(() => Number(document.body.dataset.progress) >= 10, null, { timeout: 30000 });
  assert.equal(await page.isVisible('#btn-cancel'), true);
  assert.match(await page.textContent('#progress-label'), /\d+%/);
  const pct = Number(await page.evaluate(() => document.body.dataset.progress));
  assert.ok(pct < 100, `already done (${pct}%): the text is too short to cancel`);
  await page.click('#btn-cancel');
  await page.waitForFunction(() => document.body.dataset.phase === 'cancelled');
  // nothing lost: the whole text is back in the editor, the bar is gone
  assert.equal(await page.isVisible('#editor'), true);
  assert.equal((await page.inputValue('#editor')).length, big);
  assert.equal(await page.isVisible('#working'), false);
  assert.match(await page.textContent('#status'), /cancelled/i);
  // a fresh worker answers the next analysis
  await pasteText(page, ARTICLE);
  assert.equal(await page.textContent('#article'), ARTICLE);
  assert.ok((await page.$$('#article mark.ent')).length >= 5);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a hover card never outlives its article', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  await page.hover('#article mark.ent-LOC');
  assert.equal(await page.isVisible('#card'), true);
  // the article changes under a still mouse (here a paste on the page; the keyboard alike)
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await pasteEvent(page, 'body', 'nothing here names anyone at all, and nobody is quoted either.');
  await ready(page);
  assert.equal(await page.isVisible('#card'), false, 'the card of the old article is gone');
  await context.close();
});

test('Enter on an actor in the sidebar keeps the focus on that actor', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  const first = page.locator('#actors .actor').first();
  const id = await first.getAttribute('data-actor');
  await first.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.actor), id);
  assert.equal(await page.getAttribute(`#actors .actor[data-actor="${id}"]`, 'aria-pressed'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.actor), id);
  await context.close();
});

test('a single click on a name follows its actor, a second click stops', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  const name = page.locator('#article mark.ent-PER', { hasText: 'Margaret Hale' }).first();
  const id = await name.getAttribute('data-actor');
  await name.click();
  assert.equal(await page.getAttribute(`#actors .actor[data-actor="${id}"]`, 'aria-pressed'), 'true');
  assert.ok((await page.$$('#article .sel')).length >= 1);
  await name.click();
  assert.equal(await page.$$eval('#article .sel', (e) => e.length), 0);
  await context.close();
});

test('clearing the text clears the status; counts show named and resolved mentions', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, 'Ann Lee spoke to the council. “We will vote,” she said. “Soon,” Lee added.');
  const counts = await page.textContent('#actors .actor .counts');
  assert.match(counts, /3 mentions \(2 by name\) · 2 quotes/);
  assert.match(await page.textContent('#status'), /actors/);
  await pasteText(page, '');
  assert.equal((await page.textContent('#status')).trim(), '');
  await context.close();
});

test('pasting into text being edited stays in the editor; Ctrl+V on the page loads the article', async () => {
  const { context, page } = await openPage(browser, server.url);
  const paste = (selector, text) => pasteEvent(page, selector, text);
  await page.click('#btn-edit');
  await page.fill('#editor', 'Ann Lee spoke.');
  await paste('#editor', ' More words');
  await page.waitForTimeout(300);
  assert.equal(await page.isVisible('#editor'), true, 'a paste into text being edited keeps the editor open');
  // leave the editor without analysing, then paste on the page itself
  await pasteText(page, 'Short.');
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await paste('body', ARTICLE);
  await ready(page);
  assert.equal(await page.textContent('#article'), ARTICLE);
  await context.close();
});

test('who said what: a table of every quotation and reported statement, sortable, exported as CSV and JSON, rows jump to the text', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  const text = 'Ann Lee spoke first.\n“We will vote,” Lee said.\nBob Roe disagreed. “Never,” he warned.\n“Nobody knows,” a voice shouted, “=SUM(A1)”.\nLater, Roe said the vote would fail.';
  await pasteText(page, text);
  await page.click('#btn-table');
  assert.equal(await page.isVisible('#quote-table table'), true);
  assert.equal(await page.isVisible('#article'), false);
  // columns: # | words | kind | speaker | role | cue | paragraph
  const rows = () => page.$$eval('#quote-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => (c.querySelector('select') ? c.firstChild.textContent : c.textContent))));
  const inOrder = await rows();
  assert.deepEqual(inOrder.map((r) => r[0]), inOrder.map((_, i) => String(i + 1)), 'article order');
  const lee = inOrder.find((r) => r[1].startsWith('“We will vote'));
  assert.deepEqual([lee[2], lee[3], lee[5], lee[6]], ['quoted', 'Ann Lee', 'said', '2']);
  const roe = inOrder.find((r) => r[1].startsWith('“Never'));
  assert.equal(roe[3], 'Bob Roe');
  // reported speech is a row of its own, after the quotations that come before it in the text
  const fail = inOrder.find((r) => r[1] === 'the vote would fail');
  assert.deepEqual([fail[2], fail[3], fail[5], fail[6]], ['reported', 'Bob Roe', 'said', '5']);
  assert.equal(inOrder.at(-1), fail);
  // a speaker that names no actor is shown as written; the caption counts the unattributed
  assert.ok(inOrder.some((r) => r[3] === 'a voice'), inOrder.map((r) => r[3]).join('|'));
  const quoted = inOrder.filter((r) => r[2] === 'quoted');
  const none = quoted.filter((r) => r[3] === 'no speaker found').length;
  assert.match(await page.textContent('#quote-table caption'), new RegExp(`${quoted.length} quotations, ${none} without a speaker · 1 reported`));
  // sorted by speaker: named speakers alphabetically, the unattributed last
  await page.click('#quote-table th >> text=Speaker');
  const bySpeaker = (await rows()).map((r) => r[3]);
  const named = bySpeaker.filter((s) => s !== 'no speaker found');
  assert.deepEqual(named, [...named].sort((a, b) => a.localeCompare(b)));
  assert.notDeepEqual(bySpeaker, inOrder.map((r) => r[3]), 'the order changed');
  // CSV: a header, one row per table row, quotes doubled, formulas defused
  const [download] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], '#,words,kind,speaker,role,cue,paragraph,confidence,check,note,headline,source,date');
  assert.equal(lines.length, inOrder.length + 1);
  assert.ok(csv.includes('"“We will vote,”",quoted,Ann Lee'), csv);
  assert.ok(csv.includes(',the vote would fail,reported,Bob Roe,,said,5,'), csv);
  assert.ok(!/(^|,)=SUM/.test(csv), 'a cell starting with = is defused');
  // JSON: the same rows, in article order
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  const j = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  assert.deepEqual(j.who_said_what.map((r) => [r.row, r.kind, r.words, r.speaker]), inOrder.map((r) => [Number(r[0]), r[2], r[1], r[3] === 'no speaker found' ? '' : r[3]]));
  // a row jumps to its place in the article: a quotation, and reported speech
  await page.click('#quote-table .quote-link >> text=Never');
  assert.equal(await page.isVisible('#article'), true);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-quote]')?.textContent), '“Never,”');
  await page.click('#btn-table');
  await page.click('#quote-table .report-link >> text=the vote would fail');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-report]')?.textContent), 'the vote would fail');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an attribution the core is unsure of is marked in the text and on its card', async () => {
  const { context, page } = await openPage(browser, server.url);
  // a description speaker resolved by rule: unsure; a plain named speaker: sure
  const text = 'Mayor Ann Lee met the council.\n“We vote today,” the mayor said.\n“Fine,” Ann Lee said.';
  await pasteText(page, text);
  const desc = page.locator('#article .quote', { hasText: 'We vote today' });
  const named = page.locator('#article .quote', { hasText: 'Fine' });
  assert.equal(await desc.getAttribute('data-actor'), await named.getAttribute('data-actor'));
  assert.match(await desc.getAttribute('class'), /\bunsure\b/);
  assert.doesNotMatch(await named.getAttribute('class'), /\bunsure\b/);
  await desc.hover();
  assert.match(await page.textContent('#card'), /uncertain/);
  // a quotation's card holds a button (Check & cite) and stays while the pointer is on it: the
  // pointer leaves it before the next line's quotation, which the card covers
  await page.mouse.move(0, 0);
  await named.hover();
  assert.doesNotMatch(await page.textContent('#card'), /uncertain/);
  await context.close();
});

test('the article is one tab stop; arrow keys move between its names, Enter follows an actor', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  assert.equal(await page.$$eval('#article [tabindex="0"]', (e) => e.length), 0, 'no tab stop inside the article');
  assert.ok((await page.$$('#article [data-entity]')).length >= 3);
  await page.focus('#article');
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(second, first);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), first);
  // Enter follows the focused name's actor
  const id = await page.evaluate(() => document.activeElement.closest('[data-actor]')?.dataset.actor);
  await page.keyboard.press('Enter');
  if (id) assert.equal(await page.getAttribute(`#actors .actor[data-actor="${id}"]`, 'aria-pressed'), 'true');
  await page.keyboard.press('Escape');
  // one Tab leaves the article
  await page.focus('#article');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('#article'))), false);
  // the first Tab on a fresh page reaches a skip button that jumps to the actors
  await page.reload();
  await ready(page);
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Skip to the actors/);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'actor-filter');
  await context.close();
});

test('a quotation across paragraphs keeps its line breaks outside it', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = 'Ann Lee said: “The first paragraph of the quote.\n\n“The second paragraph ends it,” Lee added.';
  await pasteText(page, text);
  assert.equal(await page.textContent('#article'), text, 'no text lost');
  const parts = await page.$$eval('#article .quote', (els) => els.map((e) => [e.dataset.quote, e.textContent]));
  assert.ok(parts.length >= 2, JSON.stringify(parts));
  assert.ok(parts.every(([, t]) => !t.includes('\n')), JSON.stringify(parts));
  assert.equal(new Set(parts.map(([q]) => q)).size, 1, 'one quotation, in pieces');
  await context.close();
});

test('on a phone the article comes first and a tap on a name shows its card', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  const top = (sel) => page.$eval(sel, (e) => e.getBoundingClientRect().top);
  assert.ok(await top('#article') < await top('.sidebar'), 'the article is above the actors');
  const skip = await page.$eval('#btn-skip', (e) => e.getBoundingClientRect().toJSON());
  assert.ok(skip.left >= 0 && skip.top >= 0 && skip.width > 0, `the way to the actors is on screen: ${JSON.stringify(skip)}`);
  // the actions and the layers each scroll sideways in one row, so the article starts in the top
  // half of the screen (wrapped, they had pushed it to 528 px of 800), and every button is reached (the rarer actions in the menu at the end)
  const articleTop = await top('#article');
  assert.ok(articleTop < 400, `the article starts at ${articleTop}px`);
  for (const sel of ['#btn-more', '.layer[data-layer="REPORTED"]', '#btn-labels']) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    const b = await page.$eval(sel, (e) => e.getBoundingClientRect().toJSON());
    assert.ok(b.left >= 0 && b.right <= 390 && b.width > 0, `${sel} scrolls into view: ${JSON.stringify(b)}`);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await page.tap('#article mark.ent-PER');
  assert.equal(await page.isVisible('#card'), true);
  assert.match(await page.textContent('#card'), /PER/);
  await page.locator('#btn-skip').dispatchEvent('click');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'actor-filter');
  // the who-said-what table: each row a card within the screen (as a table it ran off it)
  await page.click('#btn-table');
  const rights = await page.$$eval('#quote-table tbody tr', (rows) => rows.map((r) => Math.round(r.getBoundingClientRect().right)));
  assert.ok(rights.length >= 8 && rights.every((x) => x <= 390), `row edges: ${rights}`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await context.close();
});

test('the draft survives a reload', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = 'Draft text: Angela Merkel met “someone” in Berlin.';
  await pasteText(page, text);
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent('#article'), text);
  await context.close();
});

test('the actor filter narrows the sidebar', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  const all = await page.$$eval('#actors .actor', (e) => e.length);
  await page.fill('#actor-filter', 'mendez');
  const names = await page.$$eval('#actors .actor .name', (e) => e.map((x) => x.textContent));
  assert.deepEqual(names, ['Carlos Mendez']);
  await page.fill('#actor-filter', 'zzzz');
  assert.match(await page.textContent('#actors'), /No actor matches/);
  await page.fill('#actor-filter', '');
  assert.equal(await page.$$eval('#actors .actor', (e) => e.length), all);
  await context.close();
});

test('text colours pass WCAG AA contrast in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await openPage(browser, server.url, { colorScheme });
    const worst = await page.evaluate(() => {
      const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bgOf = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const ratio = (el) => {
        const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
        const b = lum(bgOf(el));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      };
      // the sample need not hold every label (a retrained tagger moves them) and the colours are
      // the style sheet's: a label the article lacks is measured on a copy of a rendered name
      const article = document.querySelector('#article');
      const rendered = article.querySelector('mark[class*="ent-"]');
      for (const label of ['PER', 'ORG', 'LOC', 'MISC']) {
        if (rendered && !article.querySelector(`mark.ent-${label}`)) {
          const copy = rendered.cloneNode(true);
          copy.className = copy.className.replace(/ent-[A-Z]+/, `ent-${label}`);
          article.appendChild(copy);
        }
      }
      const sel = ['#article mark.ent-PER', '#article mark.ent-ORG', '#article mark.ent-LOC', '#article mark.ent-MISC',
        '#article .quote', '#article', '#status', '.actor .name', '.actor .counts', '.hint', '.layer', 'button'];
      return sel.map((s) => { const el = document.querySelector(s); return [s, el ? ratio(el) : null]; });
    });
    for (const [s, r] of worst) {
      assert.ok(r !== null, `${s} not found`);
      assert.ok(r >= 4.5, `${colorScheme}: ${s} has contrast ${r.toFixed(2)}`);
    }
    await context.close();
  }
});

test('printing hides the controls and keeps the article and actors', async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.actions'), false);
  assert.equal(await page.isVisible('.legend'), false);
  assert.equal(await page.isVisible('#article'), true);
  assert.equal(await page.isVisible('.sidebar'), true);
  await context.close();
});

test('reported speech: a layer in the speaker colour, its card, the sidebar, share state and exports', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = 'Budget talks resume\n\nGovernor Ann Reyes said the budget would be balanced by June. Reyes met the unions on Monday.\n\nThe union’s leader, Zoë Ünal 🎉, denied that the plan had failed.\n\n“We will get there,” Reyes said.';
  await pasteText(page, text);
  // marked lightly (not as a quotation), text intact, in the source actor's colour
  const reported = await page.$$eval('#article .reported', (els) => els.map((e) => ({ text: e.textContent, actor: e.dataset.actor, cls: e.className })));
  const budget = reported.find((r) => r.text === 'the budget would be balanced by June');
  assert.ok(budget, JSON.stringify(reported));
  assert.ok(reported.some((r) => r.text === 'that the plan had failed'), JSON.stringify(reported));
  assert.equal(await page.textContent('#article'), text);
  const reyes = await page.$eval('#actors .actor', (b) => b.dataset.actor); // the quoted actor comes first
  assert.equal(budget.actor, reyes);
  assert.match(budget.cls, new RegExp(`\\bc${Number(reyes.slice(1)) % 12}\\b`));
  assert.equal(await page.$$eval('#article .quote .reported, #article .reported .quote', (els) => els.length), 0);
  // the card says whose words they are, reported
  await page.hover('#article .reported >> nth=0');
  assert.match(await page.textContent('#card'), /Ann Reyes \(reported\) · “said”/);
  // the sidebar counts them and lists them under the actor; a click goes to the place
  const entry = page.locator('#actors .actor', { hasText: 'Ann Reyes' });
  assert.match(await entry.textContent(), /1 quote · 1 reported/);
  await entry.click();
  const link = page.locator('#actors .report-link');
  assert.equal(await link.count(), 1);
  assert.match(await link.textContent(), /^reported: the budget would be balanced by June$/);
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'the budget would be balanced by June');
  // the layer toggles, and its state travels in a share link
  await page.click('#actors .actor[aria-pressed="true"]'); // stop following
  await page.click('.layer[data-layer="REPORTED"]');
  assert.ok(await page.$eval('#article', (a) => a.classList.contains('hide-REPORTED')));
  assert.equal(await page.$eval('#article .reported', (e) => getComputedStyle(e).textDecorationLine), 'none');
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const shared = await page.evaluate(() => location.href);
  const p2 = await context.newPage();
  await p2.goto(shared);
  await ready(p2);
  assert.ok(await p2.$eval('#article', (a) => a.classList.contains('hide-REPORTED')));
  assert.equal(await p2.getAttribute('.layer[data-layer="REPORTED"]', 'aria-pressed'), 'false');
  // exports: the HTML marks and lists reported speech; the JSON holds attributions in UTF-16
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const file = path.join(OUT, 'export-reported.html');
  await dl.saveAs(file);
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<span class="reported c\d+" title="Ann Reyes \(reported\)">the budget would be balanced by June<\/span>/);
  assert.match(html, /<h2>Reported speech<\/h2>/);
  assert.match(html, /<b>Zoë Ünal<\/b> <i>denied<\/i>: that the plan had failed/);
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  const jfile = path.join(OUT, 'export-reported.json');
  await dj.saveAs(jfile);
  const j = JSON.parse(readFileSync(jfile, 'utf8'));
  const denied = j.attributions.find((r) => r.cue.length && j.text.slice(...r.cue[0]) === 'denied');
  assert.equal(j.text.slice(...denied.content[0]), 'that the plan had failed');
  assert.equal(j.text.slice(...denied.source[0]), 'Zoë Ünal');
  const quoted = j.attributions.find((r) => r.quote !== null);
  assert.equal(j.text.slice(...quoted.content[0]), '“We will get there,”');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('reported speech whose source is a relative pronoun names what the pronoun stands for', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = 'Republican leaders who have vehemently opposed the plan met on Monday in Washington.';
  await pasteText(page, text);
  const span = page.locator('#article .reported').first();
  assert.equal(await span.count(), 1, await page.innerHTML('#article'));
  // no actor is found for "who"; the card names the noun phrase it stands for, not "who"
  await span.hover();
  const card = await page.textContent('#card');
  assert.match(card, /leaders \(reported\)/);
  assert.doesNotMatch(card, /\bwho \(reported\)/);
  await page.click('#btn-table');
  assert.match(await page.locator('#quote-table tbody tr', { hasText: 'the plan' }).first().textContent(), /leaders/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('corrections: credit a quotation, merge, split, retype and remove actors; they survive reload, travel in links and exports, and undo', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  const text = 'Council votes on the bridge\n\nAnn Lee met Bob Roe and Ms. Lee in Paris.\n“We will vote,” Lee said.\n“Never,” Bob Roe said.';
  await pasteText(page, text);
  const actorOf = (words) => page.locator('#article .quote', { hasText: words }).getAttribute('data-actor');
  const nameOf = (id) => page.$eval(`#actors .actor[data-actor="${id}"] .name`, (e) => e.textContent);
  const names = () => page.$$eval('#actors .actor .name', (els) => els.map((e) => e.textContent).sort());
  const roe = await actorOf('Never');
  assert.equal(await nameOf(roe), 'Bob Roe');
  const lee = await actorOf('We will vote');
  assert.equal(await nameOf(lee), 'Ann Lee');
  // 1. credit "Never" to Ann Lee from the who-said-what table
  await page.click('#btn-table');
  const row = page.locator('#quote-table tbody tr', { hasText: 'Never' });
  await row.locator('select.reassign').selectOption(lee);
  await ready(page);
  assert.match(await page.textContent('#status'), /Corrected: quotation 2 credited to Ann Lee/);
  assert.match(await page.locator('#quote-table tbody tr', { hasText: 'Never' }).textContent(), /Ann Lee ✎/);
  await page.click('#btn-table');
  assert.equal(await actorOf('Never'), lee);
  assert.match(await page.locator('#article .quote', { hasText: 'Never' }).getAttribute('class'), /\bcorrected\b/);
  assert.match(await page.locator('#actors .actor', { hasText: 'Ann Lee' }).textContent(), /2 quotes/);
  // 2. the correction survives a reload (saved with the draft)
  await page.reload();
  await ready(page);
  assert.equal(await actorOf('Never'), lee);
  assert.equal(await page.isEnabled('#btn-undo'), true);
  // 3. retype an actor: its names' entity labels follow
  await page.click(`#actors .actor[data-actor="${roe}"]`);
  await page.locator('#actors .corrections select[aria-label^="Type of"]').selectOption('organisation');
  await ready(page);
  assert.deepEqual(await page.$$eval(`#article mark[data-actor="${roe}"]`, (els) => els.map((e) => e.dataset.label)), ['ORG', 'ORG']);
  await page.locator('#actors .corrections select[aria-label^="Type of"]').selectOption('person');
  await ready(page);
  await page.click(`#actors .actor[data-actor="${roe}"]`); // stop following
  // 4. the edits travel in a share link: a fresh browser sees the same corrected view
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const link = await page.evaluate(() => location.href);
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await ready(p2);
  assert.equal(await p2.locator('#article .quote', { hasText: 'Never' }).getAttribute('data-actor'), lee);
  assert.equal(await p2.locator('#article .quote', { hasText: 'Never' }).getAttribute('class').then((c) => /\bcorrected\b/.test(c)), true);
  await fresh.close();
  // 5. exports carry the corrected view and the edits
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  const j = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  assert.equal(j.quotes.find((q) => j.text.slice(q.start, q.end) === '“Never,”').actor, lee);
  assert.deepEqual(j.corrections[0], { op: 'speaker', quote: 1, actor: lee });
  const [dc] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-csv')]);
  assert.match(readFileSync(await dc.path(), 'utf8'), /“Never,”",quoted,Ann Lee,[^\r\n]*,corrected/);
  // 6. merge, then split a name off again, then remove an actor
  const before = await names();
  await page.click(`#actors .actor[data-actor="${roe}"]`);
  await page.locator('#actors .corrections select[aria-label$="same actor as"]').selectOption(lee);
  await ready(page);
  assert.deepEqual(await names(), before.filter((n) => n !== 'Bob Roe'));
  await page.click(`#actors .actor[data-actor="${lee}"]`);
  const split = page.locator('#actors .corrections select[aria-label^="Split a name off"]');
  const bob = await split.locator('option', { hasText: 'Bob Roe' }).first().getAttribute('value');
  await split.selectOption(bob);
  await ready(page);
  assert.ok((await names()).includes('Bob Roe'), 'split off again');
  const n = (await names()).length;
  await page.click('#actors .actor >> text=Bob Roe');
  await page.click('#actors .corrections >> text=Not an actor');
  await ready(page);
  assert.equal((await names()).length, n - 1);
  // 7. undo, one step at a time, back to the core's analysis
  while (await page.isEnabled('#btn-undo')) await page.click('#btn-undo');
  assert.equal(await actorOf('Never'), roe);
  assert.deepEqual(await names(), before);
  assert.doesNotMatch(await page.locator('#article .quote', { hasText: 'Never' }).getAttribute('class'), /\bcorrected\b/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('corrections that no longer fit the analysis are skipped, never an error', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, '“We will vote,” Ann Lee said. Bob Roe left.');
  const r = await page.evaluate(async () => {
    const { applyEdits } = await import('./edits.js');
    const text = document.querySelector('#article').textContent;
    const a = JSON.parse((await (async () => {
      const w = new Worker(new URL('./worker.js', location.href), { type: 'module' });
      return new Promise((res) => { w.onmessage = (e) => { if (e.data.json) res(e.data.json); }; w.postMessage({ id: 1, text }); });
    })()));
    const stale = [{ op: 'speaker', quote: 99, actor: 'a0' }, { op: 'merge', actor: 'zz', into: 'a0' }, { op: 'kind', actor: 'a9', kind: 'place' },
      { op: 'split', actor: 'a0', at: 12345 }, { op: 'delete', actor: 'nobody' }, { op: 'speaker', quote: 0, actor: 'a77' }, { nonsense: true }];
    return { same: JSON.stringify(applyEdits(text, a, stale)) === JSON.stringify(a), unchanged: JSON.stringify(a) === JSON.stringify(applyEdits(text, a, [])) };
  });
  assert.deepEqual(r, { same: true, unchanged: true });
  await context.close();
});

test('speaker labels: a toggle in the page, always in print and in exported HTML, never in the text', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  const text = 'Ann Lee met Bob Roe.\n“We will vote,” Lee said.\n“Never,” Bob Roe said.';
  await pasteText(page, text);
  const label = (words) => page.locator('#article .quote', { hasText: words }).evaluate((e) => getComputedStyle(e, '::before').content);
  assert.equal(await page.getAttribute('#btn-labels', 'aria-pressed'), 'true', 'on by default on the page');
  assert.equal(await label('We will vote'), '"Ann Lee"');
  assert.equal(await label('Never'), '"Bob Roe"');
  assert.equal(await page.textContent('#article'), text, 'labels are not text');
  // the state travels in a share link
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const p2 = await context.newPage();
  await p2.goto(await page.evaluate(() => location.href));
  await ready(p2);
  assert.equal(await p2.locator('#article .quote', { hasText: 'Never' }).evaluate((e) => getComputedStyle(e, '::before').content), '"Bob Roe"');
  // print shows them even when the toggle is off
  await page.click('#btn-labels');
  assert.equal(await label('Never'), 'none');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await label('Never'), '"Bob Roe"');
  await page.emulateMedia({ media: 'screen' });
  // the exported HTML shows them too, without script
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const file = path.join(OUT, 'export-labels.html');
  await dl.saveAs(file);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const p3 = await ctx.newPage();
  await p3.goto(`file://${file}`);
  assert.equal(await p3.locator('.quote', { hasText: 'We will vote' }).evaluate((e) => getComputedStyle(e, '::before').content), '"Ann Lee"');
  await ctx.close();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a text that reads as a list, not an article, gets a warning; an article does not', async () => {
  const { context, page } = await openPage(browser, server.url);
  const names = ['Jane Doe', 'John Roe', 'Sen. Mary Major', 'Rep. Richard Miles', 'Gov. Ann Lee', 'Bob Stone', 'Carla Diaz', 'Omar Haddad', 'Wei Zhang', 'Priya Patel', 'Lars Olsen', 'Ana Silva'];
  await pasteText(page, names.map((n, i) => `${n} ${i + 1} Washington office staff list`).join('\n'));
  assert.match(await page.textContent('#status'), /looks like a list/);
  await pasteText(page, ARTICLE);
  assert.doesNotMatch(await page.textContent('#status'), /list/);
  // one paragraph of names run together: crowded with names
  await pasteText(page, `Signed by ${names.join(', ')}, ${names.map((n) => n.split(' ').reverse().join(' ')).join(', ')} and ${names.join(' ')}.`);
  assert.match(await page.textContent('#status'), /crowded with names \(\d+ in \d+ words\)/);
  await context.close();
});

test('axe-core finds no WCAG 2.2 A/AA violation, light and dark, desktop and phone', async () => {
  const found = [];
  for (const [name, opts] of VIEWS) {
    const { context, page } = await openPage(browser, server.url, opts);
    // the sample article, an actor followed (its correction controls open), labels on (by default)
    await page.click('#actors .actor >> nth=0');
    for (const view of ['article', 'table']) {
      if (view === 'table') await page.click('#btn-table');
      for (const v of await axe(page)) found.push(`${name}, ${view}: ${v}`);
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('article details: source and date travel in links and exports; find counts and steps through hits', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  const text = 'Council votes\n\nThe council met. “The council decides,” Ann Lee said of the Council.\nZoë counts: council, COUNCIL.';
  await pasteText(page, text);
  // find: case-insensitive, across names and quotations, painted without touching the article
  const before = await page.innerHTML('#article');
  await page.fill('#find', 'council');
  const n = text.toLowerCase().split('council').length - 1;
  assert.equal(await page.textContent('#find-count'), `1 of ${n}`);
  assert.equal(await page.evaluate(() => CSS.highlights.get('find-hit').size), n);
  await page.press('#find', 'Enter');
  assert.equal(await page.textContent('#find-count'), `2 of ${n}`);
  await page.press('#find', 'Shift+Enter');
  await page.press('#find', 'Shift+Enter');
  assert.equal(await page.textContent('#find-count'), `${n} of ${n}`);
  assert.equal(await page.evaluate(() => CSS.highlights.get('find-current').values().next().value.toString()), 'COUNCIL');
  assert.equal(await page.innerHTML('#article'), before, 'the article is not rewritten');
  await page.fill('#find', 'zoë counts');
  assert.equal(await page.textContent('#find-count'), '1 of 1');
  await page.fill('#find', 'nowhere');
  assert.equal(await page.textContent('#find-count'), 'no match');
  // details: typed by the reader, kept in a share link, written into the exports
  await page.fill('#src-url', 'https://example.org/news/council-vote');
  await page.press('#src-url', 'Tab');
  await page.fill('#src-date', '2026-11-24');
  await page.press('#src-date', 'Tab');
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const p2 = await context.newPage();
  await p2.goto(await page.evaluate(() => location.href));
  await ready(p2);
  assert.equal(await p2.inputValue('#src-url'), 'https://example.org/news/council-vote');
  assert.equal(await p2.inputValue('#src-date'), '2026-11-24');
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const html = readFileSync(await dl.path(), 'utf8');
  assert.match(html, /<h1>Council votes<\/h1><p class="details">Source: <a href="https:\/\/example.org\/news\/council-vote" rel="noopener noreferrer">/);
  assert.match(html, /<time datetime="2026-11-24">/);
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  assert.deepEqual(JSON.parse(readFileSync(await dj.path(), 'utf8')).details, { headline: 'Council votes', source: 'https://example.org/news/council-vote', date: '2026-11-24' });
  // a source that is not an http(s) address is shown as text, never as a link
  await page.fill('#src-url', 'javascript:alert(1)');
  await page.press('#src-url', 'Tab');
  const [dl2] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const html2 = readFileSync(await dl2.path(), 'utf8');
  assert.ok(!/href="javascript/i.test(html2) && html2.includes('Source: javascript:alert(1)'));
  // a new article starts without the last one's details
  await pasteText(page, 'Another article. “Yes,” Bob said.');
  assert.equal(await page.inputValue('#src-url'), '');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('other names: listed apart from the actors, retyped as a correction that travels and undoes', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = 'Ann Lee, a Republican, met Bob Roe on Election Day.\n“We will vote,” Lee said. The Republican base agreed.';
  await pasteText(page, text);
  const group = page.locator('#actors details.other-group');
  await group.locator('summary').click();
  const item = group.locator('li', { hasText: 'Republican' });
  assert.match(await item.textContent(), /Republican ×2/);
  const labels = () => page.$$eval('#article mark.ent', (els) => els.filter((e) => e.textContent === 'Republican').map((e) => e.dataset.label));
  assert.deepEqual(await labels(), ['MISC', 'MISC']);
  await item.locator('select').selectOption('ORG');
  await ready(page);
  assert.deepEqual(await labels(), ['ORG', 'ORG']);
  assert.match(await page.textContent('#status'), /“Republican” is now ORG/);
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const p2 = await context.newPage();
  await p2.goto(await page.evaluate(() => location.href));
  await ready(p2);
  assert.deepEqual(await p2.$$eval('#article mark.ent', (els) => els.filter((e) => e.textContent === 'Republican').map((e) => e.dataset.label)), ['ORG', 'ORG']);
  await page.click('#btn-undo');
  assert.deepEqual(await labels(), ['MISC', 'MISC']);
  assert.deepEqual(page.problems, []);
  await context.close();
});
