// What journalists asked for (issue 35): credit a quote to anyone, cite a quote, a quote sheet per
// person, check quotes, on desktop and phone; each travels in share links and exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, OUT, SHOTS, openPage, ready, pasteText, action, server, browser, useBrowser, VIEWS, axe, PHONE } from './helpers.mjs';

useBrowser();

const HEADLINE = 'Council votes on the flood plan';
const ARTICLE = `${HEADLINE}\n\nMayor Ann Lee met Bob Roe in Springfield.\n\n“We vote today,” the mayor said.\n\n“Never,” Bob Roe said.\n\n“The plan is dead,” a voice shouted.\n\nLater, Roe said the vote would fail.`;

const row = (page, words) => page.locator('#quote-table tbody tr:not(.tools-row)', { hasText: words });
const speakerOf = (page, words) => page.locator('#article .quote', { hasText: words }).first().getAttribute('data-speaker');
const undoCount = async (page) => Number((await page.textContent('#btn-undo')).match(/\((\d+)\)/)?.[1] ?? 0);

/** Open the table and the tools of the quotation with `words`. */
async function tools(page, words) {
  if ((await page.getAttribute('#btn-table', 'aria-pressed')) !== 'true') await page.click('#btn-table');
  const r = row(page, words);
  if ((await r.locator('.tools-toggle').getAttribute('aria-expanded')) !== 'true') await r.locator('.tools-toggle').click();
  const id = await r.locator('.tools-toggle').getAttribute('aria-controls');
  return page.locator(`#${id}`);
}
/** Back to the article from the table. */
async function article(page) {
  if ((await page.getAttribute('#btn-table', 'aria-pressed')) === 'true') await page.click('#btn-table');
}

test('credit a quote to anyone: an actor, an unnamed source, someone new; rename, retype, a role; it travels in a link and undoes', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  assert.equal(await speakerOf(page, 'The plan is dead'), 'a voice');
  // an unnamed source
  let t = await tools(page, 'The plan is dead');
  await t.getByRole('combobox', { name: /someone new$/ }).fill('a senior official');
  await t.getByRole('combobox', { name: /the new speaker is$/ }).selectOption('unnamed');
  await t.getByRole('button', { name: /credit to someone new/ }).click();
  await ready(page);
  assert.match(await page.textContent('#status'), /Corrected: a senior official added as an unnamed source, credited with quotation 3/);
  // someone new, with a role, typed and applied with Enter
  t = await tools(page, 'Never');
  await t.getByRole('combobox', { name: /someone new$/ }).fill('Carla Diaz');
  await t.getByRole('textbox', { name: /new speaker's role$/ }).fill('council clerk');
  await t.getByRole('textbox', { name: /new speaker's role$/ }).press('Enter');
  await ready(page);
  // an actor of the article
  t = await tools(page, 'We vote today');
  await t.getByRole('combobox', { name: /said by$/ }).selectOption({ label: 'Bob Roe' });
  await ready(page);
  await article(page);
  assert.equal(await speakerOf(page, 'The plan is dead'), 'a senior official');
  assert.equal(await speakerOf(page, 'Never'), 'Carla Diaz');
  assert.equal(await speakerOf(page, 'We vote today'), 'Bob Roe');
  assert.match(await page.locator('#actors .actor', { hasText: 'a senior official' }).textContent(), /unnamed source/);
  assert.match(await page.locator('#actors .actor', { hasText: 'Carla Diaz' }).textContent(), /council clerk/);
  // rename, a role and a type, from the followed actor's corrections
  await page.locator('#actors .actor', { hasText: 'Carla Diaz' }).click();
  await page.getByLabel('Name of Carla Diaz', { exact: true }).fill('Carla Díaz-Ruiz');
  await page.getByLabel('Name of Carla Diaz', { exact: true }).press('Enter');
  await ready(page);
  await page.getByLabel('Role of Carla Díaz-Ruiz', { exact: true }).fill('city clerk');
  await page.getByRole('button', { name: 'Save the role of Carla Díaz-Ruiz' }).click();
  await ready(page);
  await page.getByLabel('Type of Carla Díaz-Ruiz', { exact: true }).selectOption('organisation');
  await ready(page);
  assert.equal(await speakerOf(page, 'Never'), 'Carla Díaz-Ruiz');
  assert.match(await page.locator('#actors .actor', { hasText: 'Carla Díaz-Ruiz' }).textContent(), /city clerk/);
  assert.equal(await page.locator('#actors h3', { hasText: 'Organisations' }).locator('xpath=following-sibling::ul[1]').locator('.actor', { hasText: 'Carla Díaz-Ruiz' }).count(), 1);
  // a share link carries all of it
  const n = await undoCount(page);
  assert.equal(n, 6);
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const p2 = await context.newPage();
  await p2.goto(await page.evaluate(() => location.href));
  await ready(p2);
  for (const [words, who] of [['The plan is dead', 'a senior official'], ['Never', 'Carla Díaz-Ruiz'], ['We vote today', 'Bob Roe']]) assert.equal(await speakerOf(p2, words), who);
  // undo, step by step, back to the machine's attribution
  for (let i = 0; i < n; i++) { await page.click('#btn-undo'); await ready(page); }
  assert.equal(await speakerOf(page, 'The plan is dead'), 'a voice');
  assert.equal(await speakerOf(page, 'Never'), 'Bob Roe');
  assert.equal(await page.locator('#actors .actor', { hasText: 'Carla' }).count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the tools are reached with Tab, a menu in them applies only on Enter, and every control is a 44 px target on a phone', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  await page.click('#btn-table');
  const toggle = row(page, 'Never').locator('.tools-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /said by$/, 'the tools take the focus');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  assert.equal(await page.isEnabled('#btn-undo'), false, 'an arrow key on "said by" credited the quotation');
  await page.keyboard.press('Escape');
  // every control of the tools is a tab stop, in order
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent));
  }
  for (const want of [/someone new$/, /the new speaker is$/, /new speaker's role$/, /credit to someone new$/, /Role of Bob Roe/, /: checked$/, /: flagged$/, /: note$/, /copy citation$/, /copy a link to it$/]) {
    assert.ok(seen.some((s) => want.test(s)), `${want} not reached with Tab: ${seen.join(' | ')}`);
  }
  await context.close();
  // a phone
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await pasteText(p, ARTICLE);
  await p.locator('#btn-table').tap();
  await row(p, 'Never').locator('.tools-toggle').tap();
  const small = await p.evaluate(() => [...document.querySelectorAll('#quote-table button, #quote-table input, #quote-table select')]
    .filter((e) => e.getClientRects().length && !e.closest('.sr-only'))
    .map((e) => [e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)])
    .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the tools fit the phone');
  const t = p.locator('#tools-1');
  await t.getByRole('combobox', { name: /someone new$/ }).fill('a spokesman');
  await t.getByRole('combobox', { name: /the new speaker is$/ }).selectOption('unnamed');
  await t.getByRole('button', { name: /credit to someone new/ }).tap();
  await ready(p);
  assert.match(await row(p, 'Never').textContent(), /a spokesman/);
  await phone.close();
});

test('cite a quote: plain and rich text with speaker, role, outlet, date and link; a link to one quotation opens scrolled to it', async () => {
  const { context, page } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the debate went by without a vote.`).join('\n\n');
  await pasteText(page, `${ARTICLE}\n\n${filler}\n\n“We will rebuild the dam,” Ann Lee said at the end.`);
  await page.fill('#src-url', 'https://www.example.org/news/flood');
  await page.press('#src-url', 'Tab');
  await page.fill('#src-date', '2026-11-24');
  await page.press('#src-date', 'Tab');
  // Ann Lee's role, so that the citation carries it
  let t = await tools(page, 'We will rebuild the dam');
  await t.getByRole('textbox', { name: 'Role of Ann Lee' }).fill('Mayor of Springfield');
  await t.getByRole('textbox', { name: 'Role of Ann Lee' }).press('Enter');
  await ready(page);
  t = await tools(page, 'We will rebuild the dam');
  await t.getByRole('button', { name: /copy citation$/ }).click();
  await page.waitForFunction(() => /Citation of quotation \d+ copied/.test(document.getElementById('status').textContent));
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const out = {};
    for (const type of item.types) out[type] = await (await item.getType(type)).text();
    return out;
  });
  assert.equal(clip['text/plain'], `“We will rebuild the dam,”\n— Ann Lee, Mayor of Springfield, quoted in “${HEADLINE}”, example.org, 2026-11-24. https://www.example.org/news/flood`);
  assert.match(clip['text/html'], /<blockquote><p>“We will rebuild the dam,”<\/p><footer>— <strong>Ann Lee<\/strong>, Mayor of Springfield, quoted in <cite><a href="https:\/\/www.example.org\/news\/flood">Council votes on the flood plan<\/a><\/cite>, example.org, <time datetime="2026-11-24">2026-11-24<\/time><\/footer><\/blockquote>/);
  // a link to that one quotation
  await t.getByRole('button', { name: /copy a link to it$/ }).click();
  await page.waitForFunction(() => /Link to quotation \d+ copied/.test(document.getElementById('status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#v1\./);
  const p2 = await context.newPage();
  await p2.goto(link);
  await ready(p2);
  await p2.waitForTimeout(300);
  const picked = await p2.evaluate(() => {
    const e = document.querySelector('#article .quote.picked');
    const r = e?.getBoundingClientRect();
    return e && { text: e.textContent, top: r.top, bottom: r.bottom, focused: document.activeElement === e, scrolled: window.scrollY };
  });
  assert.ok(picked, 'the linked quotation is outlined');
  assert.equal(picked.text, '“We will rebuild the dam,”');
  assert.ok(picked.top >= 0 && picked.bottom <= 900 && picked.scrolled > 500, `scrolled to it: ${JSON.stringify(picked)}`);
  assert.ok(picked.focused, 'the linked quotation has the focus');
  assert.equal(await p2.inputValue('#src-url'), 'https://www.example.org/news/flood');
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone: the citation's button works by a tap
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await pasteText(p, ARTICLE);
  await p.locator('#btn-table').tap();
  await row(p, 'Never').locator('.tools-toggle').tap();
  await p.locator('#tools-1').getByRole('button', { name: /copy citation$/ }).tap();
  await p.waitForFunction(() => /Citation of quotation 2 copied/.test(document.getElementById('status').textContent));
  assert.match(await p.evaluate(() => navigator.clipboard.readText()), /^“Never,”\n— Bob Roe, quoted in “Council votes on the flood plan”$/);
  await phone.close();
});

test('check quotes: checked or flagged with a note, sorted by confidence; the exports and a share link carry the marks', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await pasteText(page, ARTICLE);
  let t = await tools(page, 'Never');
  await t.getByRole('button', { name: /: checked$/ }).click();
  await ready(page);
  t = await tools(page, 'We vote today');
  await t.getByRole('textbox', { name: /: note$/ }).fill('call the mayor’s office');
  await t.getByRole('button', { name: /: flagged$/ }).click();
  await ready(page);
  assert.match(await row(page, 'Never').textContent(), /✓ checked/);
  assert.match(await row(page, 'We vote today').textContent(), /⚑ flagged · call the mayor’s office/);
  assert.match(await page.textContent('#quote-table caption'), /attributed by machine, checked by the reader: 1 of 3/);
  // a note typed and left is kept
  t = await tools(page, 'The plan is dead');
  await t.getByRole('textbox', { name: /: note$/ }).fill('no second source');
  await t.getByRole('textbox', { name: /: note$/ }).press('Tab');
  await ready(page);
  assert.match(await row(page, 'The plan is dead').textContent(), /no second source/);
  // sorted by confidence: no speaker found and unsure first, reported speech last
  await page.click('#quote-table th >> text=Check');
  const order = await page.$$eval('#quote-table tbody tr:not(.tools-row) td.check .conf', (els) => els.map((e) => e.textContent));
  assert.deepEqual(order, ['no actor', 'unsure', 'sure', '']);
  // exports
  const [dc] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-csv')]);
  const csv = readFileSync(await dc.path(), 'utf8');
  assert.match(csv, /^\uFEFF#,words,kind,speaker,role,cue,paragraph,confidence,check,note,headline,source,date\r\n/);
  assert.ok(csv.includes('"“We vote today,”",quoted,Ann Lee,Mayor,said,3,unsure,flagged,call the mayor’s office,'), csv);
  assert.ok(csv.includes('"“Never,”",quoted,Bob Roe,,said,4,sure,checked,,'), csv);
  const [dh] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  const html = readFileSync(await dh.path(), 'utf8');
  assert.match(html, /Attributed by machine, checked by the reader: 1 of 3\./);
  assert.match(html, /“We vote today,”<span class="mark mark-flagged">|“We vote today,” <span class="mark mark-flagged">⚑ flagged by the reader<\/span> <span class="note">\(note: call the mayor’s office\)<\/span>/);
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  const json = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  assert.deepEqual([json.checked.checked, json.checked.flagged, json.checked.quotations], [1, 1, 3]);
  assert.equal(json.quotes.find((q) => q.note === 'call the mayor’s office').check, 'flagged');
  // a share link carries the marks
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const p2 = await context.newPage();
  await p2.goto(await page.evaluate(() => location.href));
  await ready(p2);
  await p2.click('#btn-table');
  assert.match(await row(p2, 'Never').textContent(), /✓ checked/);
  assert.match(await row(p2, 'We vote today').textContent(), /⚑ flagged · call the mayor’s office/);
  // undo takes a mark back
  await page.click('#btn-undo');
  await ready(page);
  assert.doesNotMatch(await row(page, 'The plan is dead').textContent(), /no second source/);
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone: a tap checks a quotation
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await pasteText(p, ARTICLE);
  await p.locator('#btn-table').tap();
  await row(p, 'Never').locator('.tools-toggle').tap();
  await p.locator('#tools-1').getByRole('button', { name: /: checked$/ }).tap();
  await ready(p);
  assert.match(await row(p, 'Never').textContent(), /✓ checked/);
  await phone.close();
});

test('a quote sheet per person: every quotation and reported speech in its sentence, printable and exported; the table filtered by speaker and kind', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await pasteText(page, ARTICLE);
  await page.click('#btn-table');
  const rows = () => page.$$eval('#quote-table tbody tr:not(.tools-row) td.words', (els) => els.map((e) => e.textContent));
  assert.equal((await rows()).length, 4);
  await page.getByLabel('Show the rows of').selectOption('Bob Roe');
  assert.deepEqual(await rows(), ['“Never,”', 'the vote would fail']);
  await page.getByLabel('Show the kind').selectOption('reported');
  assert.deepEqual(await rows(), ['the vote would fail']);
  await page.getByLabel('Show the kind').selectOption('');
  // the quote sheet
  await page.getByRole('button', { name: 'Quote sheet of Bob Roe' }).click();
  assert.equal(await page.isVisible('#quote-sheet'), true);
  assert.equal(await page.isVisible('#article'), false);
  assert.equal(await page.textContent('#quote-sheet h2'), 'What Bob Roe said');
  const items = await page.$$eval('#quote-sheet .sheet-item', (els) => els.map((e) => [e.querySelector('.sheet-context').textContent, e.querySelector('.said').textContent]));
  assert.deepEqual(items, [['“Never,” Bob Roe said.', '“Never,”'], ['Later, Roe said the vote would fail.', 'the vote would fail']]);
  // print: the sheet alone
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#quote-sheet .sheet-item'), true);
  for (const sel of ['.sidebar', '.top', '.sheet-actions']) assert.equal(await page.isVisible(sel), false, `${sel} is printed with the sheet`);
  await page.emulateMedia({ media: 'screen' });
  // exported
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sheet (HTML)' }).click()]);
  const file = path.join(OUT, 'sheet.html');
  await dl.saveAs(file);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const p = await ctx.newPage();
  await p.goto(`file://${file}`);
  assert.equal(await p.textContent('h1'), 'What Bob Roe said');
  assert.deepEqual(await p.$$eval('.said', (els) => els.map((e) => e.textContent)), ['“Never,”', 'the vote would fail']);
  assert.equal(await p.$$eval('script', (s) => s.length), 0);
  await ctx.close();
  // back, and from the sidebar: the followed actor's sheet
  await page.getByRole('button', { name: 'Back to the table' }).click();
  assert.equal(await page.isVisible('#quote-table table'), true, 'back where the sheet was opened');
  await page.click('#btn-table');
  assert.equal(await page.isVisible('#article'), true);
  await page.locator('#actors .actor', { hasText: 'Ann Lee' }).click();
  await page.getByRole('button', { name: 'Quote sheet of Ann Lee' }).click();
  assert.equal(await page.textContent('#quote-sheet h2'), 'What Ann Lee said');
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone
  const { context: phone, page: ph } = await openPage(browser, server.url, PHONE);
  await pasteText(ph, ARTICLE);
  await ph.locator('#actors .actor', { hasText: 'Bob Roe' }).dispatchEvent('click');
  await ph.getByRole('button', { name: 'Quote sheet of Bob Roe' }).tap();
  assert.equal(await ph.textContent('#quote-sheet h2'), 'What Bob Roe said');
  const box = await ph.locator('#quote-sheet h2').boundingBox();
  assert.ok(box.y >= 0 && box.y < 844, `the sheet is on screen: ${JSON.stringify(box)}`);
  assert.equal(await ph.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  await phone.close();
});

const VERSION_B = `${HEADLINE}\n\nMayor Ann Lee met Bob Roe and Carla Diaz in Springfield.\n\n“We vote today, and we will win,” the mayor said.\n\n“The plan is dead,” a voice shouted.\n\n“It is a good plan,” Carla Diaz said.`;

/** Open the comparison, paste version B (A is the article shown), compare. */
async function compare(page, tap = false) {
  const press = (sel) => (tap ? page.locator(sel).tap() : page.click(sel));
  await press('#btn-compare');
  assert.equal(await page.isVisible('#compare'), true);
  assert.equal(await page.isVisible('#article'), false);
  assert.equal(await page.inputValue('#compare-a'), ARTICLE, 'version A starts as the article shown');
  await page.fill('#compare-b', VERSION_B);
  await page.evaluate(() => { document.body.dataset.compared = '0'; });
  await press('#btn-compare-run');
  await page.waitForFunction(() => document.body.dataset.compared === '1');
}

test('compare articles: who is quoted in each, which quotes changed, who appears in one only', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  await compare(page);
  const who = await page.$$eval('#compare-result .compare-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent).join('|')));
  assert.ok(who.includes('Ann Lee|1|1|both'), who.join('\n'));
  assert.ok(who.includes('Bob Roe|1|0|A only'), who.join('\n'));
  assert.ok(who.includes('Carla Diaz|0|1|B only'), who.join('\n'));
  const changed = page.locator('#compare-result ol.changed li');
  assert.equal(await changed.count(), 1);
  assert.match(await changed.textContent(), /A: Ann Lee: “We vote today,”.*B: Ann Lee: “We vote today, and we will win,”/);
  assert.deepEqual(await changed.locator('ins').allTextContents(), ['and we will win,”']);
  const only = await page.$$eval('#compare-result ul.compare-list', (uls) => uls.map((u) => u.textContent));
  assert.deepEqual(only, ['Bob Roe: “Never,”', 'Carla Diaz: “It is a good plan,”']);
  assert.match(await page.textContent('#compare-result'), /1 quotation the same in both/);
  // the versions are kept over a reload; Back returns to the article, untouched
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#compare-b'), VERSION_B);
  await page.click('#btn-compare');
  await page.click('#btn-compare-close');
  assert.equal(await page.isVisible('#article'), true);
  assert.equal(await page.textContent('#article'), ARTICLE);
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone: the same by taps, within the screen, 44 px targets
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await pasteText(p, ARTICLE);
  await p.locator('#btn-compare').scrollIntoViewIfNeeded();
  await compare(p, true);
  assert.equal(await p.locator('#compare-result ol.changed li').count(), 1);
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  const small = await p.evaluate(() => [...document.querySelectorAll('#compare button, #compare textarea')]
    .map((e) => [e.id || e.textContent, Math.round(e.getBoundingClientRect().height)]).filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  await phone.close();
});

test('screenshots: the quote sheet and the comparison (the sample article)', async () => {
  const { context, page } = await openPage(browser, server.url);
  const sample = readFileSync(path.join(ROOT, 'www/sample.txt'), 'utf8');
  await page.locator('#actors .actor', { hasText: 'Tomas Okafor' }).click();
  await page.getByRole('button', { name: 'Quote sheet of Tomas Okafor' }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  const sheet = path.join(SHOTS, 'screenshot-sheet.png');
  await page.screenshot({ path: sheet });
  assert.ok(readFileSync(sheet).length > 10000);
  // another outlet's version: a quotation changed, a speaker dropped, one added
  const other = sample.replace('“This is not over,” he said.', '“This is not over, and we will win in court,” he said.')
    .replace(' “I support solar power. I do not support guessing,” he said.', '')
    .concat('\n\n“We will watch every fish in that reservoir,” said Maria Chen, a biologist who advises the trust.');
  await page.click('#btn-compare');
  await page.fill('#compare-b', other);
  await page.evaluate(() => { document.body.dataset.compared = '0'; });
  await page.click('#btn-compare-run');
  await page.waitForFunction(() => document.body.dataset.compared === '1');
  assert.match(await page.textContent('#compare-result'), /Maria Chen/);
  await page.evaluate(() => { document.getElementById('compare-a').style.minHeight = '8rem'; document.getElementById('compare-b').style.minHeight = '8rem'; });
  const compared = path.join(SHOTS, 'screenshot-compare.png');
  await page.locator('#compare').screenshot({ path: compared });
  assert.ok(readFileSync(compared).length > 10000);
  await context.close();
});

test('axe-core finds no violation in the new views: a quotation\'s tools with marks, the filtered table, a quote sheet, the comparison, the exported sheet', async () => {
  const found = [];
  for (const [name, opts] of VIEWS) {
    const { context, page } = await openPage(browser, server.url, { ...opts, acceptDownloads: true });
    await pasteText(page, ARTICLE);
    await page.locator('#btn-table').dispatchEvent('click');
    await row(page, 'Never').locator('.tools-toggle').dispatchEvent('click');
    await page.locator('#tools-1').getByRole('button', { name: /: checked$/ }).dispatchEvent('click');
    await ready(page);
    await row(page, 'We vote today').locator('.tools-toggle').dispatchEvent('click');
    await page.locator('#tools-0').getByRole('button', { name: /: flagged$/ }).dispatchEvent('click');
    await ready(page);
    for (const v of await axe(page)) found.push(`${name}, tools: ${v}`);
    await page.getByLabel('Show the rows of').selectOption('Bob Roe');
    for (const v of await axe(page)) found.push(`${name}, filtered table: ${v}`);
    await page.getByRole('button', { name: 'Quote sheet of Bob Roe' }).dispatchEvent('click');
    for (const v of await axe(page)) found.push(`${name}, quote sheet: ${v}`);
    await page.locator('#btn-compare').dispatchEvent('click');
    await page.fill('#compare-b', VERSION_B);
    await page.evaluate(() => { document.body.dataset.compared = '0'; });
    await page.locator('#btn-compare-run').dispatchEvent('click');
    await page.waitForFunction(() => document.body.dataset.compared === '1');
    for (const v of await axe(page)) found.push(`${name}, comparison: ${v}`);
    await page.locator('#btn-compare-close').dispatchEvent('click');
    await page.locator('#btn-table').dispatchEvent('click');
    await page.getByRole('button', { name: 'Quote sheet of Bob Roe' }).dispatchEvent('click');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export sheet (HTML)' }).dispatchEvent('click')]);
    const file = path.join(OUT, `sheet-axe-${name.replace(' ', '-')}.html`);
    await dl.saveAs(file);
    await page.goto(`file://${file}`);
    for (const v of await axe(page)) found.push(`${name}, exported sheet: ${v}`);
    await context.close();
  }
  assert.deepEqual(found, []);
});
