// The page draws what is ready and redraws only what changes: the first phase of an analysis
// (entities, quotations, speakers, actors) is on screen before reported speech, which joins it
// without moving the reader; following an actor, a layer and a correction keep the article's
// elements; long texts are highlighted on screen first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch, openPage, ready, pasteText } from './helpers.mjs';

const ARTICLE = readFileSync(path.join(ROOT, 'tests/fixtures/paste-article.txt'), 'utf8');
const SAMPLE = readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
let server;
let browser;

before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/**
 * A context whose workers are the shipped worker.js holding back each whole analysis until the
 * page posts {release: true} to them (release()): the first phase goes out as shipped.
 */
async function heldContext() {
  const source = readFileSync(path.join(ROOT, 'www/worker.js'), 'utf8');
  const onmessage = 'self.onmessage = async (ev) => {';
  const whole = 'const ms = performance.now() - t0;';
  assert.ok(source.includes(onmessage) && source.includes(whole), 'the worker has the lines this test changes');
  const held = `let credit = 0;
let wake = null;
const held = () => (credit > 0 ? (credit--, Promise.resolve()) : new Promise((r) => { wake = r; }));
${source.replace(onmessage, `${onmessage}\n  if (ev.data.release) { if (wake) { const w = wake; wake = null; w(); } else credit++; return; }`).replace(whole, `await held(); ${whole}`)}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: held }));
  await context.addInitScript(() => {
    const Native = window.Worker;
    window.__workers = [];
    window.Worker = class extends Native { constructor(...args) { super(...args); window.__workers.push(this); } };
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  const release = () => page.evaluate(() => { for (const w of window.__workers) w.postMessage({ release: true }); });
  return { context, page, release };
}

const firstShown = (page) => page.waitForFunction(() => document.body.dataset.first === '1' && document.body.dataset.reported === 'loading', null, { timeout: 30000 });

test('the first highlights are on screen before reported speech, which joins them without moving the reader', async () => {
  const { context, page, release } = await heldContext();
  await page.goto(server.url);
  // 1. the sample: names, quotations, speakers and actors, while reported speech is still loading
  await firstShown(page);
  assert.equal(await page.evaluate(() => document.body.dataset.ready), '0', 'the whole analysis is not in');
  assert.ok((await page.$$('#article mark.ent')).length >= 10);
  assert.ok((await page.$$('#article .quote[data-actor]')).length >= 5, 'quotations with their speakers');
  assert.ok((await page.$$('#actors .actor')).length >= 3, 'the actors');
  assert.equal((await page.$$('#article .reported')).length, 0, 'no reported speech yet');
  assert.equal(await page.isVisible('#reported-loading'), true, 'a quiet sign on the reported-speech layer');
  assert.equal(await page.getAttribute('#article', 'aria-busy'), 'true');
  await release();
  await ready(page);
  assert.ok((await page.$$('#article .reported')).length >= 2, 'reported speech joined');
  assert.equal(await page.isVisible('#reported-loading'), false);
  assert.equal(await page.getAttribute('#article', 'aria-busy'), null);

  // 2. a longer article, the reader scrolled into it and following an actor on screen
  const long = Array.from({ length: 12 }, () => SAMPLE.trim()).join('\n\n');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, long);
  await firstShown(page);
  assert.equal((await page.$$('#article .reported')).length, 0);
  const before = await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    const paras = [...document.querySelectorAll('#article .para')];
    const h = window.innerHeight;
    const onScreen = paras.map((p, i) => [p.getBoundingClientRect(), i]).filter(([r]) => r.bottom > 0 && r.top < h).map(([, i]) => i);
    // follow the actor of a name on screen
    const name = [...document.querySelectorAll('#article mark[data-actor]')].find((m) => { const r = m.getBoundingClientRect(); return r.top > 0 && r.bottom < h; });
    name.click();
    window.__old = new Set(document.querySelectorAll('#article mark, #article .quote'));
    window.__anchor = paras[onScreen[0]];
    window.__anchorTop = window.__anchor.getBoundingClientRect().top;
    // the order in which paragraphs change
    window.__changed = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const p = (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest('.para');
        const i = paras.indexOf(p);
        if (i >= 0 && window.__changed.at(-1) !== i) window.__changed.push(i);
      }
    }).observe(document.querySelector('#article'), { childList: true, subtree: true, attributes: true });
    return { onScreen, scrollY: window.scrollY, followed: document.querySelector('#actors .actor[aria-pressed="true"] .name')?.textContent };
  });
  assert.ok(before.scrollY > 500, `scrolled: ${before.scrollY}`);
  assert.ok(before.followed, 'an actor is followed');
  await release();
  await ready(page);
  const after = await page.evaluate(() => {
    const paras = [...document.querySelectorAll('#article .para')];
    // the elements of a paragraph without reported speech are the same nodes as before
    const quiet = paras.filter((p) => !p.querySelector('.reported'));
    const kept = quiet.flatMap((p) => [...p.querySelectorAll('mark, .quote')]);
    return {
      reported: document.querySelectorAll('#article .reported').length,
      anchorMoved: window.__anchor.getBoundingClientRect().top - window.__anchorTop,
      anchorConnected: window.__anchor.isConnected,
      kept: kept.length,
      rebuilt: kept.filter((e) => !window.__old.has(e)).length,
      changed: window.__changed,
      followed: document.querySelector('#actors .actor[aria-pressed="true"] .name')?.textContent,
      sel: document.querySelectorAll('#article .sel').length,
    };
  });
  assert.ok(after.reported >= 12, `reported speech in every copy: ${after.reported}`);
  assert.ok(after.anchorConnected, 'the paragraphs stay');
  assert.ok(Math.abs(after.anchorMoved) <= 1, `the paragraph at the top of the screen moved by ${after.anchorMoved}px`);
  assert.ok(after.kept > 20, `${after.kept} elements in paragraphs without reported speech`);
  assert.equal(after.rebuilt, 0, 'no element of a paragraph without reported speech was rebuilt');
  // the paragraphs on screen change first
  assert.ok(after.changed.length > before.onScreen.length, after.changed.join());
  assert.ok(before.onScreen.includes(after.changed[0]), `first changed ${after.changed[0]}, on screen ${before.onScreen}`);
  assert.equal(after.followed, before.followed, 'the followed actor stays followed');
  assert.ok(after.sel > 0, 'its mentions are framed');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a correction made while reported speech is loading is applied to the whole analysis', async () => {
  const { context, page, release } = await heldContext();
  await page.goto(server.url);
  await firstShown(page);
  await release();
  await ready(page);
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await page.click('#btn-edit');
  await page.fill('#editor', ARTICLE);
  await page.click('#btn-analyze');
  await firstShown(page);
  await page.click('#actors .actor >> text=Carlos Mendez');
  await page.fill('#actors .corrections input[aria-label="Name of Carlos Mendez"]', 'C. Mendez');
  await page.press('#actors .corrections input[aria-label="Name of Carlos Mendez"]', 'Enter');
  assert.match(await page.textContent('#status'), /still loading/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#article .quote[data-speaker="C. Mendez"]').length), 0, 'not applied to the first phase');
  await release();
  await page.waitForFunction(() => document.body.dataset.ready === '1' && document.querySelector('#btn-undo').textContent.includes('(1)'));
  assert.ok((await page.$$('#article .quote[data-speaker="C. Mendez"]')).length >= 1);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('following an actor, a layer and a correction change the article in place, not its elements', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  await page.evaluate(() => { window.__nodes = [...document.querySelectorAll('#article *')]; });
  const same = () => page.evaluate(() => {
    const now = [...document.querySelectorAll('#article *')];
    return now.length === window.__nodes.length && now.every((e, i) => e === window.__nodes[i]);
  });
  // follow an actor by a click on their name, and stop
  await page.click('#article mark.ent-PER >> text=Carlos Mendez');
  assert.ok((await page.$$('#article .sel')).length >= 2);
  assert.equal(await same(), true, 'following an actor keeps every element');
  // a layer off and on
  await page.click('.layer[data-layer="PER"]');
  assert.equal(await page.$eval('#article', (e) => e.classList.contains('hide-PER')), true);
  await page.click('.layer[data-layer="PER"]');
  assert.equal(await same(), true, 'a layer keeps every element');
  // corrections: a new name, then a new kind, on the same elements
  const quote = page.locator('#article .quote', { hasText: 'The budget does not' });
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await page.fill('#actors .corrections input[aria-label="Name of Carlos Mendez"]', 'C. Mendez');
  await page.press('#actors .corrections input[aria-label="Name of Carlos Mendez"]', 'Enter');
  await ready(page);
  assert.equal(await quote.getAttribute('data-speaker'), 'C. Mendez');
  assert.match(await quote.getAttribute('aria-description'), /said by C\. Mendez/);
  assert.equal(await same(), true, 'a renaming keeps every element');
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await page.selectOption('#actors .corrections select[aria-label="Type of C. Mendez"]', 'organisation');
  await ready(page);
  const kinds = await page.$$eval('#article mark.sel', (els) => els.map((e) => e.dataset.label));
  assert.ok(kinds.length >= 2 && kinds.every((k) => k === 'ORG'), kinds.join());
  assert.equal(await same(), true, 'a new kind keeps every element');
  // undo, back to the core's analysis, still in place
  await page.click('#btn-undo');
  await page.click('#btn-undo');
  await ready(page);
  assert.equal(await quote.getAttribute('data-speaker'), 'Carlos Mendez');
  assert.equal(await same(), true);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the second phase, following an actor and a correction update the actors sidebar in place', async () => {
  const { context, page, release } = await heldContext();
  await page.goto(server.url);
  await firstShown(page);
  // each actor's button in the first phase, by id and name
  const keep = () => page.evaluate(() => {
    window.__buttons = new Map([...document.querySelectorAll('#actors button.actor')].map((b) => [`${b.dataset.actor} ${b.querySelector('.name').textContent}`, b]));
    window.__lists = [...document.querySelectorAll('#actors ul.actor-list')];
    return window.__buttons.size;
  });
  // of the buttons kept, how many are the same elements now, and whether each list is
  const same = () => page.evaluate(() => {
    const now = [...document.querySelectorAll('#actors button.actor')];
    const found = now.filter((b) => window.__buttons.get(`${b.dataset.actor} ${b.querySelector('.name').textContent}`));
    return {
      buttons: now.length,
      matched: found.length,
      same: found.filter((b) => window.__buttons.get(`${b.dataset.actor} ${b.querySelector('.name').textContent}`) === b).length,
      lists: window.__lists.every((l) => l.isConnected),
    };
  });
  assert.ok(await keep() >= 3);
  // 1. reported speech joins: the actors it leaves as they were keep their elements
  await release();
  await ready(page);
  const joined = await same();
  assert.ok(joined.matched >= 3, JSON.stringify(joined));
  assert.equal(joined.same, joined.matched, `the second phase rebuilt actors: ${JSON.stringify(joined)}`);
  assert.ok(joined.lists, 'the lists stay');
  // 2. following an actor, then stopping
  const count = await keep();
  await page.click('#actors button.actor >> text=Elena Vasquez');
  await page.waitForSelector('#actors button.actor[aria-pressed="true"] >> text=Elena Vasquez');
  assert.ok(await page.isVisible('#actors .corrections'), 'the followed actor has its tools');
  const followed = await same();
  assert.deepEqual(followed, { buttons: count, matched: count, same: count, lists: true }, 'following rebuilt actors');
  // 3. a correction: a new name on the same button
  const button = await page.$('#actors button.actor[aria-pressed="true"]');
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await page.fill('#actors .corrections input[aria-label="Name of Elena Vasquez"]', 'E. Vasquez');
  await page.press('#actors .corrections input[aria-label="Name of Elena Vasquez"]', 'Enter');
  await ready(page);
  assert.equal(await button.evaluate((b) => b.isConnected && b.querySelector('.name').textContent), 'E. Vasquez');
  assert.match(await button.textContent(), /corrected/);
  const corrected = await same();
  assert.equal(corrected.same, count - 1, `a renaming rebuilt other actors: ${JSON.stringify(corrected)}`);
  await page.click('#actors button.actor[aria-pressed="true"]');
  assert.equal(await button.evaluate((b) => b.isConnected && b.getAttribute('aria-pressed')), 'false');
  assert.equal(await page.$('#actors .corrections'), null, 'the tools go with the following');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the sample, and on a later visit the saved draft, are analysed once, posted before app.js runs', async () => {
  const { context, page } = await openPage(browser, server.url);
  await context.addInitScript(() => {
    window.__posts = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (data, ...rest) {
      if (typeof data?.text === 'string') window.__posts.push({ at: performance.now(), text: data.text });
      return post.call(this, data, ...rest);
    };
  });
  const posts = () => page.evaluate(() => ({
    posts: window.__posts.map((p) => ({ at: p.at, length: p.text.length })),
    app: performance.getEntriesByName('newslens-app')[0]?.startTime ?? null,
  }));
  // 1. the sample, on a first visit
  await page.reload();
  await ready(page);
  const first = await posts();
  assert.equal(first.posts.length, 1, JSON.stringify(first));
  assert.equal(first.posts[0].length, SAMPLE.replace(/\r\n?/g, '\n').length);
  assert.ok(first.app !== null && first.posts[0].at < first.app, `posted at ${first.posts[0].at}, app.js at ${first.app}`);
  // 2. the reader's own text, saved as a draft, on the next visit
  await pasteText(page, ARTICLE);
  await page.reload();
  await ready(page);
  const draft = await posts();
  assert.equal(draft.posts.length, 1, JSON.stringify(draft));
  assert.ok(draft.app !== null && draft.posts[0].at < draft.app, `posted at ${draft.posts[0].at}, app.js at ${draft.app}`);
  assert.equal(await page.textContent('#article'), ARTICLE.replace(/\r\n?/g, '\n'));
  assert.ok((await page.$$('#article .quote[data-speaker="Carlos Mendez"]')).length >= 1, 'the draft is highlighted');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a long text is drawn as plain text at once, then highlighted on screen first', async () => {
  const { context, page } = await openPage(browser, server.url);
  // the page's renderer on a 400 KB text, in place of the article, after scrolling to its middle
  const r = await page.evaluate(async (sample) => {
    const { renderArticle, paint } = await import('./render.js');
    let text = '';
    while (text.length < 400_000) text += `${sample.trim()}\n\n`;
    const worker = new Worker('./worker.js', { type: 'module' });
    const json = await new Promise((done) => { worker.onmessage = (e) => { if (e.data.json) done(e.data.json); }; worker.postMessage({ id: 1, text }); });
    worker.terminate();
    const analysis = paint(JSON.parse(json));
    const root = document.querySelector('#article');
    const view = { hidden: [], selected: null, labels: true };
    // the slices' pauses are the test's: between them, what is on screen is looked at
    const seen = [];
    const pauses = [];
    let done = false;
    const rendered = renderArticle(root, text, analysis, view, () => new Promise((go) => pauses.push(go)));
    // at once (before the first pause): the whole text, the paragraphs on screen highlighted, not all
    const plain = root.textContent === text;
    const doneAtOnce = root.drawn.keys.filter((k) => k !== null).length;
    const paragraphs = root.drawn.keys.length;
    rendered.then(() => { done = true; });
    while (!done) {
      await new Promise((go) => setTimeout(go, 0));
      if (pauses.length) {
        // which paragraphs are highlighted (the renderer's record), those on screen and the last ones
        const paras = [...root.querySelectorAll('.para')];
        const drawn = (i) => root.drawn.keys[i] !== null;
        const h = window.innerHeight;
        const onScreen = paras.map((p, i) => [p.getBoundingClientRect(), i]).filter(([b]) => b.bottom > 0 && b.top < h).map(([, i]) => i);
        seen.push({ onScreen: onScreen.length, onScreenDone: onScreen.every(drawn), lastDone: drawn(paras.length - 1) });
        // after the first slice the reader scrolls to the middle
        if (seen.length === 1) window.scrollTo(0, document.documentElement.scrollHeight / 2);
        pauses.shift()();
      }
    }
    return { plain, doneAtOnce, paragraphs, seen, marks: root.querySelectorAll('mark').length, same: root.textContent === text };
  }, SAMPLE);
  assert.equal(r.plain, true, 'the whole text is there at once');
  assert.ok(r.doneAtOnce > 3 && r.doneAtOnce < r.paragraphs / 2, `${r.doneAtOnce} of ${r.paragraphs} paragraphs at once`);
  assert.ok(r.seen.length >= 3, `${r.seen.length} pauses`);
  assert.ok(r.seen.every((x) => x.onScreen > 3), JSON.stringify(r.seen));
  assert.equal(r.seen[0].onScreenDone, true, 'the paragraphs on screen are highlighted in the first slice');
  assert.equal(r.seen[1].onScreenDone, true, 'after a scroll to the middle, those on screen are highlighted next');
  assert.equal(r.seen[1].lastDone, false, 'the last paragraphs come later');
  assert.ok(r.marks > 1000 && r.same);
  await context.close();
});
