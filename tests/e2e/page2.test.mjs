// The page end to end, continued (issue 35's defects 5, 8 and 9): what a screen reader hears, the
// table and the exports, and legibility on desktop and phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, openPage, ready, pasteText, action, server, browser, useBrowser, VIEWS, axe, PHONE } from './helpers.mjs';

useBrowser();

/**
 * What Chromium's accessibility tree holds for the element `selector` (the n-th match): its role,
 * accessible name and description, as a screen reader gets them.
 */
async function axNode(page, selector, nth = 0) {
  const cdp = page.cdp ??= await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  assert.ok(nodeIds.length > nth, `${selector} (${nth}) not found`);
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId: nodeIds[nth], fetchRelatives: false });
  const n = nodes[0];
  return { role: n.role?.value ?? '', name: n.name?.value ?? '', description: n.description?.value ?? '' };
}

test('a screen reader hears each name\'s kind and each quotation\'s speaker; the card describes the focused element', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = 'Flood plan\n\nGovernor Ann Reyes opened the session in Springfield.\n\n“We will rebuild,” Reyes said. Reyes said the town would recover.\n\nBob Roe disagreed. “Nobody told us,” a voice shouted.';
  await pasteText(page, text);
  // every name, quotation and piece of reported speech carries its kind in words
  const marks = await page.$$eval('#article [data-entity], #article [data-quote], #article [data-report]', (els) => els.map((e) => (e.dataset.entity ? 'name' : e.dataset.quote ? 'quote' : 'report')));
  assert.ok(marks.includes('name') && marks.includes('quote') && marks.includes('report'), marks.join(' '));
  const selector = '#article [data-entity], #article [data-quote], #article [data-report]';
  for (let i = 0; i < marks.length; i++) {
    const ax = await axNode(page, selector, i);
    const kind = { name: /^(person|organisation|place|other name)\b/, quote: /^quotation, (said by \S|speaker not found)/, report: /^reported speech, (from \S|source not found)/ }[marks[i]];
    assert.match(ax.description, kind, `${marks[i]} ${i}: ${JSON.stringify(ax)}`);
  }
  // a quotation says who said it; a name says whose it is
  const quote = await axNode(page, '#article .quote');
  assert.match(quote.description, /^quotation, said by Ann Reyes\b/, JSON.stringify(quote));
  const name = await axNode(page, '#article mark.ent-PER');
  assert.equal(name.role, 'mark');
  assert.match(name.description, /^person: Ann Reyes\b/, JSON.stringify(name));
  const reported = await axNode(page, '#article .reported');
  assert.match(reported.description, /^reported speech, from Ann Reyes\b/, JSON.stringify(reported));
  const nobody = await axNode(page, '#article .quote', 1);
  assert.match(nobody.description, /^quotation, said by a voice$/, JSON.stringify(nobody));
  // the keyboard: arrows reach the quotation; the card shown for it is its description
  await page.focus('#article');
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement.matches('.quote'))); i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '“We will rebuild,”');
  assert.equal(await page.isVisible('#card'), true);
  assert.equal(await page.getAttribute('#card', 'role'), 'tooltip');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), 'card', 'the card is tied to the focused element');
  const focused = await axNode(page, '#article .quote');
  assert.match(focused.description, /^quotation, said by Ann Reyes\b/, JSON.stringify(focused));
  assert.match(await page.textContent('#card'), /quoted: Ann Reyes/, 'the card still shows the speaker to the eye');
  // Tab goes on into the card's action (a quotation's Check & cite), then out: the card goes, and
  // nothing points at it any more
  await page.keyboard.press('Tab');
  assert.deepEqual(await page.evaluate(() => [Boolean(document.activeElement.closest('#card')), document.activeElement.textContent]), [true, 'Check & cite']);
  await page.keyboard.press('Tab');
  assert.equal(await page.isVisible('#card'), false);
  assert.equal(await page.$$eval('#article [aria-describedby]', (els) => els.length), 0);
  // an attribution the core is unsure of says so
  await pasteText(page, 'Mayor Ann Lee met the council.\n“We vote today,” the mayor said.\n“Fine,” Ann Lee said.');
  assert.match((await axNode(page, '#article .quote')).description, /^quotation, said by Ann Lee, uncertain\b/);
  assert.doesNotMatch((await axNode(page, '#article .quote', 1)).description, /uncertain/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('table and exports: Find searches the open table, the words have room, the CSV opens in a spreadsheet, the HTML export is drawn like the page, print shows no empty fields', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  // the sample article (many actors, long names in the menus): the words column is not squeezed
  await page.click('#btn-table');
  const share = await page.evaluate(() => {
    const table = document.querySelector('#quote-table table').getBoundingClientRect().width;
    const words = document.querySelector('#quote-table tbody td.words').getBoundingClientRect().width;
    return { table, words, share: words / table };
  });
  assert.ok(share.share >= 0.4, `the words column is ${Math.round(share.words)} px of ${Math.round(share.table)} px`);
  await page.click('#btn-table');
  const headline = 'Council votes on the flood plan';
  const text = `${headline}\n\nMayor Ann Lee met the council in Springfield.\n“We vote today,” the mayor said.\n“Fine,” Ann Lee said.\nBob Roe disagreed. “Never,” Bob Roe said. Roe said the vote would fail.`;
  await pasteText(page, text);
  // print: the Source and Date fields are left out while empty, shown once filled
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('label:has(#src-url)'), false, 'an empty Source field is printed');
  assert.equal(await page.isVisible('label:has(#src-date)'), false, 'an empty Date field is printed');
  await page.emulateMedia({ media: 'screen' });
  await page.fill('#src-url', 'https://example.org/flood');
  await page.press('#src-url', 'Tab');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('label:has(#src-url)'), true, 'a filled Source field is printed');
  assert.equal(await page.isVisible('label:has(#src-date)'), false);
  await page.emulateMedia({ media: 'screen' });
  // Find while the table is open: it finds the table's words (never the menus' options)
  await page.click('#btn-table');
  await page.fill('#find', 'never');
  assert.notEqual(await page.textContent('#find-count'), 'no match', 'Find says "no match" while the table is open');
  const hits = await page.evaluate(() => [...CSS.highlights.get('find-hit')].map((r) => [r.toString(), Boolean(r.startContainer.parentElement.closest('#quote-table tbody td.words')), Boolean(r.startContainer.parentElement.closest('select'))]));
  assert.deepEqual(hits, [['Never', true, false]]);
  assert.match(await page.getAttribute('#find', 'placeholder'), /table/, 'the field says what it searches');
  // a correction, so that the exports show its ✎
  await page.locator('#quote-table tbody tr', { hasText: 'Never' }).locator('select.reassign').selectOption({ label: 'Ann Lee' });
  await ready(page);
  // the CSV: a UTF-8 byte order mark (curly quotes survive a spreadsheet), the headline and source on each row
  const [dc] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-csv')]);
  const bytes = readFileSync(await dc.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a byte order mark');
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.equal(lines[0], '#,words,kind,speaker,role,cue,paragraph,confidence,check,note,headline,source,date');
  assert.ok(lines.slice(1).every((l) => l.endsWith(`,${headline},https://example.org/flood,`)), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes('"“Never,”",quoted,Ann Lee')), lines.join('\n'));
  await page.click('#btn-table');
  // the HTML export is drawn by the page's own renderer: the same marks, the unsure dashes, the ✎
  const page_ = await page.$$eval('#article .quote, #article .reported, #article mark', (els) => els.map((e) => [e.tagName, e.textContent, [...e.classList].filter((c) => !/^c\d+$/.test(c)).sort().join(' ')]));
  assert.ok(page_.some(([, , c]) => /\bunsure\b/.test(c)) && page_.some(([, , c]) => /\bcorrected\b/.test(c)), JSON.stringify(page_));
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const file = path.join(OUT, 'export-page2.html');
  await dl.saveAs(file);
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 700 } });
  const p = await ctx.newPage();
  await p.goto(`file://${file}`);
  const exported = await p.$$eval('mark, .quote, .reported', (els) => els.filter((e) => !e.closest('.sidebar')).map((e) => [e.tagName, e.textContent, [...e.classList].filter((c) => !/^c\d+$/.test(c)).sort().join(' ')]));
  assert.deepEqual(exported.map((x) => x.join('|')).sort(), page_.map((x) => x.join('|')).sort(), 'the export marks what the page marks');
  assert.equal(await p.locator('.quote', { hasText: 'Never' }).evaluate((e) => getComputedStyle(e, '::after').content), '"✎"');
  assert.equal(await p.locator('.quote', { hasText: 'We vote today' }).evaluate((e) => getComputedStyle(e).textDecorationStyle), 'dashed');
  // the headline once, as the document's heading
  const body = await p.evaluate(() => document.body.innerText);
  assert.equal(body.split(headline).length - 1, 1, 'the headline appears once');
  assert.equal(await p.getByRole('heading', { level: 1, name: headline }).count(), 1);
  // the actors' colour swatches have a size; a key says what the name colours mean
  const swatches = await p.$$eval('.sidebar .swatch', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
  assert.ok(swatches.length >= 2 && swatches.every(([w, h]) => w >= 8 && h >= 8), JSON.stringify(swatches));
  const key = p.locator('.key');
  for (const [label, words] of [['PER', /person/i], ['ORG', /organisation/i], ['LOC', /place/i], ['MISC', /other/i]]) {
    assert.equal(await key.locator(`.ent-${label}`).count(), 1, `the key shows ${label}`);
    assert.match(await key.textContent(), words);
  }
  // the sidebar is part of the page, not a box that scrolls on its own
  const aside = await p.$eval('.sidebar', (e) => ({ overflow: getComputedStyle(e).overflowY, position: getComputedStyle(e).position, scroll: e.scrollHeight - e.clientHeight }));
  assert.ok(aside.overflow === 'visible' && aside.position === 'static' && aside.scroll <= 1, JSON.stringify(aside));
  await ctx.close();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('axe-core finds no violation in the exported HTML, light and dark, desktop and phone', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await page.locator('#actors .actor').nth(1).click(); // the sample, with a correction: its ✎ in the file
  await page.locator('#actors .corrections select[aria-label^="Type of"]').selectOption('organisation');
  await ready(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const file = path.join(OUT, 'export-axe.html');
  await dl.saveAs(file);
  await context.close();
  const found = [];
  for (const [name, opts] of VIEWS) {
    const ctx = await browser.newContext(opts);
    const p = await ctx.newPage();
    await p.goto(`file://${file}`);
    for (const v of await axe(p)) found.push(`${name}, export: ${v}`);
    await ctx.close();
  }
  assert.deepEqual(found, []);
});

/** Distance of two CSS rgb() colours in OKLab (about 0.02 is just noticeable). */
function oklabDistance(a, b) {
  const lab = (css) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) || []).slice(0, 3).map((c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    const l = Math.cbrt(0.4122214708 * r + 0.5363152483 * g + 0.0514633737 * bl);
    const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl);
    const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl);
    return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
  };
  return Math.hypot(...lab(a).map((x, i) => x - lab(b)[i]));
}

test('legibility: a prompt to paste one\'s own article, the sample selected in the editor, labels on, a headline, 22 speakers in 22 colours, 44 px tap targets on a phone', async () => {
  const { context, page } = await openPage(browser, server.url);
  // the first visit: the sample, and a visible prompt to paste one's own article
  const prompt = page.getByRole('button', { name: /paste your (own )?article/i });
  assert.equal(await prompt.isVisible(), true, 'no "paste your article" prompt on the first visit');
  // who speaks is shown without hovering: speaker labels are on
  assert.equal(await page.getAttribute('#btn-labels', 'aria-pressed'), 'true');
  assert.notEqual(await page.locator('#article .quote[data-speaker]').first().evaluate((e) => getComputedStyle(e, '::before').content), 'none');
  // the headline looks like one, and is a heading
  const head = await page.evaluate(() => {
    const h = document.querySelector('#article [role="heading"]');
    const body = parseFloat(getComputedStyle(document.querySelector('#article')).fontSize);
    return h && { text: h.textContent, ratio: parseFloat(getComputedStyle(h).fontSize) / body, weight: Number(getComputedStyle(h).fontWeight) };
  });
  assert.ok(head && head.text.startsWith('Harbor City Council') && head.ratio >= 1.3 && head.weight >= 600, JSON.stringify(head));
  // "Edit text" on the sample: the editor opens with the sample selected, so that a paste or a
  // keystroke replaces it (nothing to delete first)
  await page.click('#btn-edit');
  const editor = await page.$eval('#editor', (e) => ({ focused: document.activeElement === e, start: e.selectionStart, end: e.selectionEnd, length: e.value.length }));
  assert.deepEqual(editor, { focused: true, start: 0, end: editor.length, length: editor.length });
  assert.ok(editor.length > 500);
  await page.keyboard.insertText('Ann Lee spoke. “Yes,” Ann Lee said.');
  assert.equal(await page.inputValue('#editor'), 'Ann Lee spoke. “Yes,” Ann Lee said.');
  await page.click('#btn-analyze');
  await ready(page);
  assert.equal(await prompt.isVisible(), false, 'the prompt goes once the reader has an article of their own');
  // a long article with 22 speakers: 22 colours, clearly apart, in light and dark
  const people = ['Ann Lee', 'Bob Roe', 'Carla Diaz', 'Omar Haddad', 'Wei Zhang', 'Priya Patel', 'Lars Olsen', 'Ana Silva', 'Jane Doe', 'John Moss',
    'Mary Major', 'Richard Miles', 'Bob Stone', 'Kofi Mensah', 'Yuki Sato', 'Ivan Petrov', 'Fatima Khan', 'Diego Rivera', 'Nora Berg', 'Paul Young', 'Sara Cohen', 'Tom Walsh'];
  const text = `Town hall meeting\n\n${people.map((p, i) => `${p} came to the town hall.\n\n“Point number ${i + 1} matters most,” ${p} said.`).join('\n\n')}`;
  await pasteText(page, text);
  const speakers = () => page.$$eval('#article .quote[data-actor]', (els) => [...new Map(els.map((e) => [e.dataset.actor, getComputedStyle(e).textDecorationColor])).values()]);
  assert.equal((await page.$$eval('#article .quote[data-actor]', (els) => new Set(els.map((e) => e.dataset.actor)).size)), people.length, 'each quotation has its own speaker');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const colours = await speakers();
    assert.equal(new Set(colours).size, people.length, `${scheme}: ${people.length} speakers in ${new Set(colours).size} colours`);
    let nearest = Infinity;
    for (let i = 0; i < colours.length; i++) for (let j = i + 1; j < colours.length; j++) nearest = Math.min(nearest, oklabDistance(colours[i], colours[j]));
    assert.ok(nearest >= 0.06, `${scheme}: two speaker colours are only ${nearest.toFixed(3)} apart`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone: every control is at least 44 px tall, in the article (an actor followed, the other
  // names open), in the table and in the editor
  const phone = await browser.newContext(PHONE);
  const p = await phone.newPage();
  await p.goto(server.url);
  await ready(p);
  const small = () => p.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, summary, a[href]')]
    .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.sr-only'))
    .map((e) => [e.id || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height * 10) / 10])
    .filter(([, h]) => h < 44));
  assert.equal(await p.getByRole('button', { name: /paste your (own )?article/i }).isVisible(), true, 'the prompt on a phone');
  await p.locator('#actors .actor').first().dispatchEvent('click');
  await p.locator('#actors details.other-group summary').dispatchEvent('click');
  const tooSmall = { article: await small() };
  await p.locator('#btn-table').dispatchEvent('click');
  tooSmall.table = await small();
  await p.locator('#btn-table').dispatchEvent('click');
  await p.locator('#btn-edit').dispatchEvent('click');
  tooSmall.editor = await small();
  assert.deepEqual(tooSmall, { article: [], table: [], editor: [] });
  await phone.close();
});

test('axe-core finds no violation in the views added here: the first visit\'s prompt, the editor over the sample, Find in the table', async () => {
  const found = [];
  for (const [name, opts] of VIEWS) {
    const { context, page } = await openPage(browser, server.url, opts);
    assert.equal(await page.isVisible('#prompt'), true);
    for (const v of await axe(page)) found.push(`${name}, first visit: ${v}`);
    await page.locator('#btn-table').dispatchEvent('click');
    if (!(await page.isVisible('#find'))) await page.locator('#details summary').dispatchEvent('click');
    await page.fill('#find', 'the');
    for (const v of await axe(page)) found.push(`${name}, find in the table: ${v}`);
    await page.locator('#btn-table').dispatchEvent('click');
    await page.locator('#btn-edit').dispatchEvent('click');
    assert.equal(await page.isVisible('#editor-hint'), true);
    for (const v of await axe(page)) found.push(`${name}, editor over the sample: ${v}`);
    await context.close();
  }
  assert.deepEqual(found, []);
});
