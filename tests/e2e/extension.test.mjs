// The browser extension (extension/, built into target/extension by ./build.sh extension) in
// Debian's Chromium, loaded unpacked into a persistent profile, headless. The tests load a copy
// built with the host permission http://127.0.0.1/* (a test has no user gesture to grant
// activeTab) and call the service worker's highlightTab(tabId) as the toolbar button does, on
// news-like pages of our own (tests/e2e/extension-pages/). They check that the highlights are
// the core's names and quotations of the article's text, each at its place, and nothing outside
// the article; that the page's DOM and text stay as they were; the card, following an actor, the
// panel, a page without an article; and that nothing is fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, SHOTS, startServer } from './helpers.mjs';
import { reportedPieces } from '../../www/render.js';

const SHIPPED = path.join(ROOT, 'target/extension');
const EXT = path.join(ROOT, 'target/extension-test');
const CLI = path.join(ROOT, 'target/release/newslens');

let server;
let base;
let context;
let sw;
let profile;
const requests = []; // every request the browser made while the tests ran: [url, resource type, by the service worker]
const visited = new Set(); // the pages the tests opened themselves
let openedNewslens = 0; // newslens pages opened from the panel

before(async () => {
  assert.ok(existsSync(path.join(SHIPPED, 'manifest.json')), 'target/extension is missing: run ./build.sh extension');
  execFileSync('node', [path.join(ROOT, 'extension/build.mjs'), EXT, '--host-permission=http://127.0.0.1/*'], { stdio: 'inherit' });
  server = await startServer(path.join(ROOT, 'tests/e2e/extension-pages'));
  base = server.url;
  profile = mkdtempSync(path.join(os.tmpdir(), 'newslens-ext-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true, // Chromium's new headless mode, which runs extensions
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  context.on('request', (r) => requests.push([r.url(), r.resourceType(), Boolean(r.serviceWorker())]));
  sw = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 15000 });
  console.log(`# Chromium ${context.browser()?.version() ?? ''} (/usr/bin/chromium), extension ${sw.url().split('/')[2]}`);
});

after(async () => {
  await context?.close();
  server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Open one of the test pages in a new tab; returns {page, tabId}. */
async function openTestPage(name) {
  const url = `${base}${name}`;
  visited.add(url);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.goto(url);
  await page.bringToFront();
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  assert.ok(tabId, `no tab for ${url}`);
  return { page, tabId };
}

/** Run `func` (no closure) with `args` in the tab's content-script world, through the service worker. */
async function inContentScript(tabId, func, ...args) {
  return sw.evaluate(async ([id, src, a]) => {
    const [{ result }] = await chrome.scripting.executeScript({ target: { tabId: id }, func: new Function(`return (${src})(...arguments)`), args: a });
    return result;
  }, [tabId, func.toString(), args]);
}

/**
 * The newslens highlights registered in the page: [{name, what, text, block, offset}] in registry
 * order; `what` is the name without its prefix and theme ('ent-PER', 'q3', 'r-none', …), `block`
 * the index of the article block that holds the range (the headline #headline is 0, then the
 * paragraphs #story > p; -1: none), `offset` where it starts in that block's text and `text` its
 * text, both with white space collapsed as the extension's text has it.
 */
async function highlights(page) {
  return page.evaluate(() => {
    const collapse = (s) => s.replace(/\s+/g, ' ');
    const blocks = [document.querySelector('#headline'), ...document.querySelectorAll('#story > p')];
    const out = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('newslens-')) continue;
      for (const r of h) {
        const block = blocks.findIndex((b) => b.contains(r.startContainer) && b.contains(r.endContainer));
        let offset = -1;
        if (block >= 0) {
          const before = new Range();
          before.setStart(blocks[block], 0);
          before.setEnd(r.startContainer, r.startOffset);
          offset = collapse(before.toString()).replace(/^ /, '').length;
        }
        out.push({ name, what: name.replace(/^newslens-(light|dark)-/, ''), text: collapse(r.toString()), block, offset });
      }
    }
    return out;
  });
}

/** The CLI's analysis of `text`, its code point offsets turned into UTF-16 ones. */
function cliAnalysis(text) {
  const a = JSON.parse(execFileSync(CLI, ['analyze', '-'], { input: text, maxBuffer: 64 << 20 }).toString());
  const u16 = [0];
  for (const ch of text) u16.push(u16.at(-1) + ch.length);
  const at = (cp) => u16[cp];
  for (const x of [...a.entities, ...a.quotes]) Object.assign(x, { start: at(x.start), end: at(x.end) });
  for (const r of a.attributions) r.content = r.content.map(([s, e]) => [at(s), at(e)]);
  return a;
}

/** Where a span of the extracted text (blocks joined by blank lines) is: "block:offset:text". */
function placeOf(text, start, end) {
  const block = text.slice(0, start).split('\n\n').length - 1;
  const sep = text.lastIndexOf('\n\n', start - 1);
  return `${block}:${start - (sep < 0 ? 0 : sep + 2)}:${text.slice(start, end)}`;
}

const snapshot = (page) => page.evaluate(() => ({ html: document.documentElement.outerHTML, text: document.body.innerText }));

test('the shipped extension asks for activeTab, scripting and sidePanel only, with a shortcut, and is zipped', () => {
  const m = JSON.parse(readFileSync(path.join(SHIPPED, 'manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 3);
  assert.deepEqual([...m.permissions].sort(), ['activeTab', 'scripting', 'sidePanel']);
  assert.equal(m.host_permissions, undefined);
  assert.equal(m.content_scripts, undefined, 'no content script runs on pages the reader did not ask for');
  // the extension's pages and service worker may connect to the extension's own files only
  assert.match(m.content_security_policy.extension_pages, /connect-src 'self'/);
  assert.ok(m.commands?._execute_action?.suggested_key?.default, 'a keyboard shortcut');
  assert.equal(m.side_panel.default_path, 'ext/panel.html');
  for (const f of ['ext/background.js', 'www/pkg/newslens_bg.wasm', 'vendor/Readability.js', 'ext/content/highlight.css']) assert.ok(existsSync(path.join(SHIPPED, f)), f);
  // the same wasm as the page's
  assert.ok(readFileSync(path.join(SHIPPED, 'www/pkg/newslens_bg.wasm')).equals(readFileSync(path.join(ROOT, 'www/pkg/newslens_bg.wasm'))));
  const zip = path.join(ROOT, 'target/newslens-extension.zip');
  assert.ok(existsSync(zip), 'the zip beside the folder');
  const names = execFileSync('python3', ['-m', 'zipfile', '-l', zip]).toString();
  assert.match(names, /^manifest\.json\s/m);
  assert.match(names, /www\/pkg\/newslens_bg\.wasm/);
});

/** Page-specific checks of the highlights `got` (see highlights) of each test page. */
const PAGE_CHECKS = {
  'article.html': (got, r) => {
    assert.equal(r.dark, false);
    // a name in a link and a quotation across an <em> are found across their text nodes
    assert.ok(got.some((h) => h.text === 'Marguerite Okonkwo' && h.what === 'ent-PER'));
    assert.ok(got.some((h) => h.text.startsWith('“Someone will pay') && /^q\d/.test(h.what)));
    // a speaker's quotations share its colour
    const okonkwo = got.filter((h) => /^q/.test(h.what) && /hospitals|September|run empty/.test(h.text)).map((h) => h.what);
    assert.equal(okonkwo.length, 3);
    assert.equal(new Set(okonkwo).size, 1, okonkwo.join());
  },
  'feature.html': (got, r) => {
    assert.equal(r.dark, true, 'a dark site gets the dark palette');
    assert.ok(got.every((h) => h.name.startsWith('newslens-dark-')));
    // after an emoji (two UTF-16 units) and across source line breaks
    assert.ok(got.some((h) => h.text === 'Hannelore Brandt' && h.block === 2 && h.offset === 10), JSON.stringify(got.filter((h) => /Brandt/.test(h.text))));
    assert.ok(got.some((h) => h.text === '“Nobody asked us what time we finish.”'));
  },
};

for (const name of Object.keys(PAGE_CHECKS)) {
  test(`${name}: every name and quotation the CLI finds in the extracted article is highlighted at its place, and nothing outside the article`, async () => {
    const { page, tabId } = await openTestPage(name);
    const before = await snapshot(page);
    await page.evaluate(() => {
      window.mutations = 0;
      new MutationObserver((list) => { window.mutations += list.length; }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const r = await sw.evaluate((id) => highlightTab(id), tabId);
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.missing, 0, 'every item found its place in the page');

    // the text found is the headline and the story's paragraphs: no byline, caption, pull quote,
    // related links, sidebar or comment
    const text = await inContentScript(tabId, () => globalThis.newslensExt.article.text);
    const expected = await page.evaluate(() => [document.querySelector('#headline'), ...document.querySelectorAll('#story > p')]
      .map((p) => p.textContent.replace(/\s+/g, ' ').trim()).join('\n\n'));
    assert.equal(text, expected);

    const cli = cliAnalysis(text);
    const got = await highlights(page);
    for (const h of got) assert.ok(h.block >= 0, `highlight outside the article: ${h.name} "${h.text}"`);
    const place = (h) => `${h.block}:${h.offset}:${h.text}`;
    const of = (re) => got.filter((h) => re.test(h.what)).map(place).sort();
    const names = cli.entities.map((e) => placeOf(text, e.start, e.end)).sort();
    const quotes = cli.quotes.map((q) => placeOf(text, q.start, q.end)).sort();
    const reported = reportedPieces(cli).map((p) => placeOf(text, p.start, p.end)).sort();
    assert.ok(names.length >= 8 && quotes.length >= 5, `a test page with names and quotations (${names.length}, ${quotes.length})`);
    assert.deepEqual(of(/^ent-/), names);
    assert.deepEqual(of(/^q(\d|-none)/), quotes);
    assert.deepEqual(of(/^r(\d|-none)/), reported);
    assert.equal(got.length, names.length + quotes.length + reported.length, 'no other highlight');
    PAGE_CHECKS[name](got, r);

    const after = await snapshot(page);
    assert.equal(after.text, before.text, 'the page’s text is unchanged');
    assert.equal(after.html, before.html, 'the page’s DOM is unchanged');
    assert.equal(await page.evaluate(() => window.mutations), 0, 'no mutation of the page at all');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('a hover card in a closed shadow root; a click on a name follows its actor; the page is as it was after', async () => {
  const { page, tabId } = await openTestPage('article.html');
  const before = await snapshot(page);
  assert.equal((await sw.evaluate((id) => highlightTab(id), tabId)).status, 'ok');
  const centre = (text) => page.evaluate((t) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.includes('ent-')) continue;
      for (const r of h) if (r.toString() === t) { const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; }
    }
    return null;
  }, text);
  let at = await centre('Desmond Achterberg');
  assert.ok(at, 'Desmond Achterberg is highlighted');
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('newslens-card'));
  assert.equal(await page.evaluate(() => document.querySelector('newslens-card').shadowRoot), null, 'the site cannot reach into the card');
  const card = await inContentScript(tabId, () => globalThis.newslensExt.card.text);
  assert.match(card, /PER · person/);
  assert.match(card, /Desmond Achterberg/);
  // off the names, the card goes, and its host with it
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('newslens-card'));

  // the keyboard's way in: a caret (caret browsing, F7) inside a name shows its card
  const caret = (word, shift) => page.evaluate(([w, d]) => {
    const tw = document.createTreeWalker(document.querySelector('#story'), NodeFilter.SHOW_TEXT);
    for (let t = tw.nextNode(); t; t = tw.nextNode()) if (t.data.includes(w)) { getSelection().collapse(t, t.data.indexOf(w) + d); return true; }
    return false;
  }, [word, shift]);
  assert.ok(await caret('Priya Ramaswamy', 3));
  await page.waitForFunction(() => document.querySelector('newslens-card'));
  assert.match(await inContentScript(tabId, () => globalThis.newslensExt.card.text), /Priya Ramaswamy/);
  assert.ok(await caret('welcomed the vote', 2));
  await page.waitForFunction(() => !document.querySelector('newslens-card'));
  await page.evaluate(() => getSelection().removeAllRanges());

  // click: the actor's names framed in its colour, the other names untinted
  at = await centre('Desmond Achterberg');
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.includes('-follow')));
  const followed = await highlights(page);
  const follow = followed.filter((h) => h.name.includes('-follow')).map((h) => h.text).sort();
  assert.deepEqual(follow, ['Achterberg', 'Desmond Achterberg']);
  assert.ok(!followed.some((h) => h.name.includes('-ent-')), 'other names untinted while following');
  assert.ok(followed.some((h) => h.name.includes('-q')), 'quotations still shown');
  // Escape stops following
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.includes('-follow')));
  // a name inside a link keeps the link's click (the page's own behaviour), and follows nothing
  at = await centre('Marguerite Okonkwo');
  await page.mouse.click(at.x, at.y);
  assert.ok(!(await page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.includes('-follow')))));
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('newslens-card'));
  const after = await snapshot(page);
  assert.equal(after.html, before.html, 'the DOM is back as it was');
  assert.equal(after.text, before.text);
  await page.close();
});

test('on a dark site the dark palette is used', async () => {
  const { page, tabId } = await openTestPage('article.html');
  await page.addStyleTag({ content: 'body, .page { background: #121212 !important; color: #eee !important; }' });
  const r = await sw.evaluate((id) => highlightTab(id), tabId);
  assert.equal(r.dark, true);
  const names = await page.evaluate(() => [...CSS.highlights.keys()]);
  assert.ok(names.length && names.every((n) => n.startsWith('newslens-dark-')), names.join());
  await page.close();
});

/** The side panel for `tabId`, opened as a page (a test cannot open the browser's side panel). */
async function openPanel(tabId) {
  const id = sw.url().split('/')[2];
  const panel = await context.newPage();
  panel.problems = [];
  panel.on('pageerror', (e) => panel.problems.push(e.message));
  panel.on('console', (m) => { if (m.type() === 'error') panel.problems.push(m.text()); });
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${id}/ext/panel.html?tab=${tabId}`);
  return panel;
}

test('the panel lists the actors and who said what; a row scrolls the article to its quotation; Open in newslens', async () => {
  const { page, tabId } = await openTestPage('article.html');
  assert.equal((await sw.evaluate((id) => highlightTab(id), tabId)).status, 'ok');
  const text = await inContentScript(tabId, () => globalThis.newslensExt.article.text);
  const cli = cliAnalysis(text);
  const panel = await openPanel(tabId);
  await panel.waitForSelector('body[data-status="ok"]');
  assert.match(await panel.textContent('#status'), /^Valley Transit Board Backs Night Buses After Rider Survey: \d+ actors, \d+ quotations\.$/);
  const actors = await panel.$$eval('#actors button.actor .name', (els) => els.map((e) => e.textContent));
  assert.deepEqual([...actors].sort(), cli.actors.map((a) => a.name).sort());
  for (const n of ['Marguerite Okonkwo', 'Desmond Achterberg', 'Priya Ramaswamy', 'Anselm Whitcombe']) assert.ok(actors.includes(n), n);
  const rows = await panel.$$eval('#table tbody tr', (trs) => trs.length);
  assert.equal(rows, cli.quotes.length + cli.attributions.filter((r) => r.quote === null || r.quote === undefined).filter((r) => r.content.length).length);

  // a row: the article scrolls to the quotation and marks it
  await page.evaluate(() => window.scrollTo(0, 0));
  await panel.getByRole('button', { name: /Nobody should be the only adult/ }).first().click();
  await page.waitForFunction(() => CSS.highlights.has('newslens-light-picked'));
  const picked = await page.evaluate(() => {
    const [r] = CSS.highlights.get('newslens-light-picked');
    const b = r.getBoundingClientRect();
    return { text: r.toString(), top: b.top, bottom: b.bottom, scrollY: window.scrollY, vh: innerHeight };
  });
  assert.match(picked.text, /^“Nobody should be the only adult/);
  assert.ok(picked.scrollY > 0 && picked.top >= 0 && picked.bottom <= picked.vh, JSON.stringify(picked));

  // an actor in the panel follows it in the page
  await panel.locator('#actors button.actor', { hasText: 'Priya Ramaswamy' }).click();
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.includes('-follow')));
  assert.equal(await panel.locator('#actors button.actor', { hasText: 'Priya Ramaswamy' }).getAttribute('aria-pressed'), 'true');

  // Open in newslens: the extension's copy of the page, with the article in a share link
  const [opened] = await Promise.all([context.waitForEvent('page'), panel.click('#btn-open')]);
  openedNewslens++;
  await opened.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 30000 });
  // a page another opens is attached to the recorder a moment late, and the page's first script
  // (boot.js, not deferred) fetches the wasm at once: its requests are also read from its own
  // resource timing, so that the last test sees every one
  for (const url of await opened.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))) {
    if (!requests.some(([u, , bySw]) => u === url && !bySw)) requests.push([url, 'resource timing', false]);
  }
  assert.match(opened.url(), /^chrome-extension:\/\/[a-z]+\/www\/index\.html#v1\./);
  assert.equal(await opened.$eval('#article', (e) => e.textContent), text);
  assert.ok((await opened.$$eval('#article mark.ent-PER', (els) => els.map((e) => e.textContent))).includes('Priya Ramaswamy'));

  // the CSV export, as the page writes it
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('#btn-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF#,words,kind,speaker'));
  assert.match(csv, /Nobody should be the only adult.*Priya Ramaswamy/);
  const [html] = await Promise.all([panel.waitForEvent('download'), panel.click('#btn-html')]);
  const doc = readFileSync(await html.path(), 'utf8');
  assert.ok(doc.startsWith('<!doctype html>') && !/<script/i.test(doc));
  assert.match(doc, /Priya Ramaswamy/);
  assert.deepEqual(panel.problems, []);
  await opened.close();
  await panel.close();
  await page.close();
});

test('a page without an article gets a clear message in the panel, and no highlight', async () => {
  const { page, tabId } = await openTestPage('no-article.html');
  const before = await snapshot(page);
  const r = await sw.evaluate((id) => highlightTab(id), tabId);
  assert.equal(r.status, 'none');
  assert.deepEqual(await page.evaluate(() => [...CSS.highlights.keys()]), []);
  const panel = await openPanel(tabId);
  await panel.waitForSelector('body[data-status="none"]');
  assert.match(await panel.textContent('#status'), /No article found on this page/);
  assert.ok(await panel.isHidden('#actors-box'));
  assert.deepEqual(await snapshot(page), before);
  await panel.close();
  await page.close();
});

test('a page never highlighted: the panel says how to start', async () => {
  const { page, tabId } = await openTestPage('article.html');
  const panel = await openPanel(tabId);
  await panel.waitForSelector('body[data-status="idle"]');
  assert.match(await panel.textContent('#status'), /Alt\+Shift\+N/);
  await panel.close();
  await page.close();
});

test('nothing is fetched: every request is a test page or a file of the extension', async () => {
  const { page: article, tabId: articleTab } = await openTestPage('article.html');
  assert.equal((await sw.evaluate((id) => highlightTab(id), articleTab)).status, 'ok');
  await article.close();
  const id = sw.url().split('/')[2];
  const outside = requests.filter(([url]) => !url.startsWith(`chrome-extension://${id}/`) && !visited.has(url) && !url.startsWith('data:'));
  assert.deepEqual(outside, []);
  // the recorder sees the service worker's requests (the wasm) and a content script's, so a
  // request by the extension would show
  assert.ok(requests.some(([url]) => url.endsWith('/www/pkg/newslens_bg.wasm')), 'the wasm load was recorded');
  // the analysis runs in the service worker, off the page's main thread: the wasm is loaded there,
  // and no page but the newslens page opened by "Open in newslens" (its own worker) loads it
  const wasm = requests.filter(([url]) => url.endsWith('/newslens_bg.wasm'));
  assert.ok(wasm.some(([, , bySw]) => bySw), JSON.stringify(wasm));
  assert.equal(wasm.filter(([, , bySw]) => !bySw).length, openedNewslens, JSON.stringify(wasm));
  const { page, tabId } = await openTestPage('no-article.html');
  const probe = `${base}probe-${Date.now()}.txt`;
  await inContentScript(tabId, (u) => fetch(u).then((r) => r.status, (e) => String(e)), probe);
  for (let i = 0; i < 50 && !requests.some(([url]) => url === probe); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(requests.some(([url]) => url === probe), 'a fetch from the content script world is recorded');
  // and the extension's own pages and worker cannot connect anywhere but to the extension (its CSP)
  assert.match(await sw.evaluate((u) => fetch(u).then((r) => `fetched ${r.status}`, (e) => String(e)), probe), /TypeError/);
  await page.close();
});

test('screenshots: a highlighted page with the panel open', async () => {
  const { page, tabId } = await openTestPage('article.html');
  assert.equal((await sw.evaluate((id) => highlightTab(id), tabId)).status, 'ok');
  const panel = await openPanel(tabId);
  await panel.waitForSelector('body[data-status="ok"]');
  await page.evaluate(() => window.scrollTo(0, 60));
  const at = await page.evaluate(() => {
    for (const [name, h] of CSS.highlights) for (const r of h) if (name.includes('ent-PER') && r.toString() === 'Priya Ramaswamy') { const b = r.getClientRects()[0]; return { x: b.left + 20, y: b.top + b.height / 2 }; }
    return null;
  });
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('newslens-card'));
  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1280 + 420, height: 900 });
  await sheet.setContent(`<body style="margin:0;display:flex;background:#888"><img src="data:image/png;base64,${left}" width="1280" height="900"><img src="data:image/png;base64,${right}" width="420" height="900" style="border-left:1px solid #555"></body>`);
  const out = path.join(SHOTS, 'screenshot-extension.png');
  writeFileSync(out, await sheet.screenshot());
  assert.ok(existsSync(out));
  await sheet.close();
  await panel.close();
  await page.close();
});
