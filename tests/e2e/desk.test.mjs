// Issue 35's gaps a journalist hits at the desk: a quotation's tools opened from the article (card,
// keyboard, phone), tools for reported speech, adding an actor and marking a name as that actor,
// the actions bar on one row, a comparison that travels (link or file), and the rough edges of the
// tools (a note saved when the tools close, a tapped card that goes when the focus moves on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, openPage, ready, pasteText, action, server, browser, useBrowser, VIEWS, axe, PHONE } from './helpers.mjs';

useBrowser();

const HEADLINE = 'Council votes on the flood plan';
const ARTICLE = `${HEADLINE}\n\nMayor Ann Lee met Bob Roe in Springfield.\n\n“We vote today,” the mayor said.\n\n“Never,” Bob Roe said.\n\n“The plan is dead,” a voice shouted.\n\nLater, Roe said the vote would fail.`;
const row = (page, words) => page.locator('#quote-table tbody tr:not(.tools-row)', { hasText: words });
const cardState = (page) => page.evaluate(() => ({ shown: !document.getElementById('card').hidden, text: document.getElementById('card').textContent }));

test('rough edges: a note left unsaved is saved when "Check & cite" closes the tools; a tapped card goes when the keyboard moves the focus on', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  await page.click('#btn-table');
  await row(page, 'We vote today').locator('.tools-toggle').click();
  await page.locator('#tools-0').getByRole('textbox', { name: /: note$/ }).fill('call the clerk');
  await row(page, 'We vote today').locator('.tools-toggle').click();
  await ready(page);
  assert.equal(await row(page, 'We vote today').locator('.tools-toggle').getAttribute('aria-expanded'), 'false', 'the press closed the tools');
  assert.match(await row(page, 'We vote today').textContent(), /call the clerk/, 'the note was saved');
  assert.equal(await page.locator('.tools-row').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone with a keyboard: a tapped card, then Tab
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await pasteText(p, ARTICLE);
  await p.locator('#article .quote', { hasText: 'Never' }).tap();
  await p.waitForTimeout(300);
  assert.equal((await cardState(p)).shown, true, 'the tap shows the card');
  await p.keyboard.press('Tab');
  await p.keyboard.press('Tab');
  await p.waitForTimeout(200);
  const focusIn = await p.evaluate(() => document.activeElement.closest('#article') !== null);
  assert.equal(focusIn, false, 'the focus left the article');
  assert.equal((await cardState(p)).shown, false, 'the card went with the focus');
  await phone.close();
});

const ACTIONS = ['btn-edit', 'btn-table', 'btn-compare', 'btn-undo', 'btn-share', 'btn-sample', 'btn-open', 'btn-export-html', 'btn-export-json', 'btn-copy-json', 'btn-export-csv'];

test('the actions bar: one row at 1280 px (rarer actions in a menu), every action reached by Tab, 44 px targets on a phone', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  // the longest Undo label: corrections of this article
  await page.locator('#actors .actor', { hasText: 'Bob Roe' }).click();
  for (const k of ['organisation', 'person', 'organisation', 'person', 'organisation', 'person', 'organisation', 'person', 'organisation', 'person', 'organisation', 'person']) {
    await page.getByLabel('Type of Bob Roe', { exact: true }).selectOption(k);
    await ready(page);
  }
  assert.match(await page.textContent('#btn-undo'), /\(12\)/);
  const rows = await page.$$eval('.actions > button', (bs) => [...new Set(bs.filter((b) => b.getClientRects().length).map((b) => Math.round(b.getBoundingClientRect().top)))]);
  assert.equal(rows.length, 1, `the actions sit on ${rows.length} rows`);
  // by keyboard: Tab from the first action reaches the others; Enter opens the menu, Tab goes on into it
  await page.focus('#btn-edit');
  const seen = ['btn-edit'];
  for (let i = 0; i < 14; i++) {
    const id = await page.evaluate(() => document.activeElement.id);
    if (id === 'btn-more' && (await page.getAttribute('#btn-more', 'aria-expanded')) !== 'true') await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.id));
  }
  for (const id of ACTIONS) assert.ok(seen.includes(id), `${id} not reached by Tab: ${seen.join(' ')}`);
  // a choice in the menu acts and closes it; Escape closes it without acting, the focus back on its button
  if (await page.isVisible('#more-menu')) await page.click('#btn-more');
  assert.equal(await page.isVisible('#more-menu'), false);
  await page.focus('#btn-more');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('#btn-export-csv'), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#btn-export-csv'), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'btn-more');
  const [dl] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-csv')]);
  assert.match(dl.suggestedFilename(), /\.csv$/);
  assert.equal(await page.isVisible('#more-menu'), false, 'the menu closed on the choice');
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone: every action a 44 px target (the bar scrolls sideways), the menu within the screen
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await p.locator('#btn-more').scrollIntoViewIfNeeded();
  await p.locator('#btn-more').tap();
  await p.locator('#btn-export-csv').waitFor({ timeout: 3000 });
  const small = await p.evaluate((ids) => ids.map((id) => [id, document.getElementById(id).getBoundingClientRect()]).filter(([id, r]) => r.height < 44 || (document.getElementById(id).closest('#more-menu') && (r.left < 0 || r.right > 390))).map(([id, r]) => `${id} ${JSON.stringify(r)}`), [...ACTIONS, 'btn-more']);
  assert.deepEqual(small, []);
  await p.locator('#btn-sample').tap();
  await ready(p);
  await p.locator('#more-menu').waitFor({ state: 'hidden', timeout: 3000 });
  await phone.close();
});

test('a quotation\'s tools open from the article: its hover card, Tab from the focused quotation, a tap on a phone', async () => {
  const { context, page } = await openPage(browser, server.url);
  await pasteText(page, ARTICLE);
  const dialog = page.locator('#tools-dialog');
  // the mouse: over the quotation, then onto its card's button
  const never = page.locator('#article .quote', { hasText: 'Never' });
  const b = await never.boundingBox();
  await page.mouse.move(b.x + 4, b.y + b.height / 2);
  const action = page.locator('#card .card-action');
  await action.waitFor({ timeout: 3000 });
  assert.equal(await action.textContent(), 'Check & cite');
  const a = await action.boundingBox();
  await page.mouse.move(b.x + 4, b.y + b.height + 3, { steps: 3 });
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2, { steps: 5 });
  await page.mouse.click(a.x + a.width / 2, a.y + a.height / 2);
  await dialog.waitFor({ timeout: 3000 });
  assert.equal(await dialog.locator('h2').textContent(), 'Quotation 2: check & cite');
  assert.equal(await dialog.locator('.tools-words').textContent(), '“Never,”');
  await dialog.getByRole('button', { name: /: checked$/ }).click();
  await ready(page);
  assert.equal(await dialog.isVisible(), true, 'the tools stay open after a correction');
  assert.equal(await dialog.getByRole('button', { name: /: checked$/ }).getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '“Never,”', 'the focus is back on the quotation');
  // the keyboard: arrows to a quotation, Tab to its card's action, Enter; a note typed and Escape keeps it
  await page.focus('#article');
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement.closest('[data-quote]')?.textContent?.includes('We vote today'))) && guard++ < 30) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Check & cite quotation 1');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /said by$/, 'the tools take the focus');
  await dialog.getByRole('textbox', { name: /: note$/ }).fill('ask the mayor');
  await page.keyboard.press('Escape');
  await ready(page);
  assert.equal(await dialog.isVisible(), false);
  await page.click('#btn-table');
  assert.match(await row(page, 'We vote today').textContent(), /ask the mayor/);
  assert.match(await row(page, 'Never').textContent(), /✓ checked/);
  assert.deepEqual(page.problems, []);
  await context.close();
  // a phone: a tap on the quotation, a tap on its card's action
  const { context: phone, page: p } = await openPage(browser, server.url, PHONE);
  await pasteText(p, ARTICLE);
  await p.locator('#article .quote', { hasText: 'The plan is dead' }).tap();
  await p.locator('#card .card-action').waitFor({ timeout: 3000 });
  await p.locator('#card .card-action').tap();
  const d = p.locator('#tools-dialog');
  await d.waitFor({ timeout: 3000 });
  const small = await p.evaluate(() => [...document.querySelectorAll('#tools-dialog button, #tools-dialog input, #tools-dialog select')]
    .map((e) => [e.getAttribute('aria-label') || e.textContent, e.getBoundingClientRect()]).filter(([, r]) => r.height < 44 || r.left < 0 || r.right > 390).map(([n]) => n));
  assert.deepEqual(small, []);
  await d.getByRole('combobox', { name: /someone new$/ }).fill('a spokesman');
  await d.getByRole('combobox', { name: /the new speaker is$/ }).selectOption('unnamed');
  await d.getByRole('button', { name: /credit to someone new/ }).tap();
  await ready(p);
  await d.getByRole('button', { name: 'Close' }).tap();
  assert.equal(await p.locator('#article .quote', { hasText: 'The plan is dead' }).getAttribute('data-speaker'), 'a spokesman');
  await phone.close();
});

test('reported speech has the tools too: credit its source, check or flag it with a note, cite it; links and exports carry them', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await pasteText(page, ARTICLE);
  await page.click('#btn-table');
  const reported = () => row(page, 'the vote would fail');
  await reported().locator('.tools-toggle').click();
  let t = page.locator('#quote-table .tools-row');
  assert.equal(await t.getAttribute('id') ?? await t.locator('td').getAttribute('id'), 'tools-r' + (await reported().getAttribute('data-report')));
  await t.getByRole('combobox', { name: /someone new$/ }).fill('Carla Diaz');
  await t.getByRole('textbox', { name: /new speaker's role$/ }).fill('council clerk');
  await t.getByRole('button', { name: /credit to someone new/ }).click();
  await ready(page);
  assert.match(await page.textContent('#status'), /Carla Diaz added, credited with the reported speech/);
  t = page.locator('#quote-table .tools-row');
  await t.getByRole('textbox', { name: /: note$/ }).fill('Roe denies it');
  await t.getByRole('button', { name: /: flagged$/ }).click();
  await ready(page);
  assert.match(await reported().textContent(), /Carla Diaz.*⚑ flagged · Roe denies it/);
  // the article: the reported speech in Carla Diaz's colour; its card offers the tools
  await page.click('#btn-table');
  const span = page.locator('#article .reported', { hasText: 'the vote would fail' });
  assert.equal(await span.getAttribute('data-actor'), await page.locator('#actors .actor', { hasText: 'Carla Diaz' }).getAttribute('data-actor'));
  await span.hover();
  await page.locator('#card .card-action').waitFor();
  assert.match(await page.textContent('#card'), /Carla Diaz \(reported\)/);
  await page.locator('#card .card-action').click();
  const d = page.locator('#tools-dialog');
  await d.waitFor();
  assert.equal(await d.locator('h2').textContent(), 'Reported speech 1: check & cite');
  assert.equal(await d.getByRole('button', { name: /: flagged$/ }).getAttribute('aria-pressed'), 'true');
  await d.getByRole('button', { name: /copy citation$/ }).click();
  await page.waitForFunction(() => /Citation of reported speech 1 copied/.test(document.getElementById('status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `Reported, not quoted: the vote would fail\n— Carla Diaz, council clerk, reported in “${HEADLINE}”`);
  await d.getByRole('button', { name: /copy a link to it$/ }).click();
  await page.waitForFunction(() => /Link to reported speech 1 copied/.test(document.getElementById('status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await d.getByRole('button', { name: 'Close' }).click();
  // the link: the source, the flag and the note, the reported speech outlined and focused
  const p2 = await context.newPage();
  await p2.goto(link);
  await ready(p2);
  assert.equal(await p2.evaluate(() => document.activeElement.matches('.reported.picked') && document.activeElement.textContent), 'the vote would fail');
  await p2.click('#btn-table');
  assert.match(await row(p2, 'the vote would fail').textContent(), /Carla Diaz.*⚑ flagged · Roe denies it/);
  // the exports
  const [dc] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-csv')]);
  assert.ok(readFileSync(await dc.path(), 'utf8').includes('the vote would fail,reported,Carla Diaz,council clerk,said,6,corrected,flagged,Roe denies it,'));
  const [dh] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-html')]);
  assert.match(readFileSync(await dh.path(), 'utf8'), /<b>Carla Diaz<\/b> \(corrected by hand\) <i>said<\/i>: the vote would fail <span class="mark mark-flagged">⚑ flagged by the reader<\/span> <span class="note">\(note: Roe denies it\)<\/span>/);
  const [dj] = await Promise.all([page.waitForEvent('download'), action(page, '#btn-export-json')]);
  const json = JSON.parse(readFileSync(await dj.path(), 'utf8'));
  assert.deepEqual(json.attributions.filter((r) => r.check).map((r) => [r.check, r.note]), [['flagged', 'Roe denies it']]);
  // undone, step by step
  for (let i = 0; i < 2; i++) { await page.click('#btn-undo'); await ready(page); }
  assert.equal(await span.getAttribute('data-actor'), await page.locator('#actors .actor', { hasText: 'Bob Roe' }).getAttribute('data-actor'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

const VERSION_B = `${HEADLINE}\n\nMayor Ann Lee met Bob Roe and Carla Diaz in Springfield.\n\n“We vote today, and we will win,” the mayor said.\n\n“The plan is dead,” a voice shouted.\n\n“It is a good plan,” Carla Diaz said.`;

test('a comparison travels: a share link holds both versions; too long a link is refused with the file offered; the comparison exports as HTML', async () => {
  const { context, page } = await openPage(browser, server.url, { acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  await pasteText(page, ARTICLE);
  await page.click('#btn-compare');
  await page.fill('#compare-b', VERSION_B);
  await page.evaluate(() => { document.body.dataset.compared = '0'; });
  await page.click('#btn-compare-run');
  await page.waitForFunction(() => document.body.dataset.compared === '1');
  // the link: copied, and it opens on the comparison, run, both versions in place
  await page.click('#btn-compare-share');
  await page.waitForFunction(() => /Link to this comparison copied/.test(document.getElementById('compare-message').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const p2 = await (await browser.newContext()).newPage();
  await p2.goto(link);
  await p2.waitForFunction(() => document.body.dataset.compared === '1', null, { timeout: 30000 });
  assert.equal(await p2.isVisible('#compare'), true);
  assert.equal(await p2.inputValue('#compare-a'), ARTICLE);
  assert.equal(await p2.inputValue('#compare-b'), VERSION_B);
  assert.equal(await p2.locator('#compare-result ol.changed li').count(), 1);
  assert.match(await p2.textContent('#compare-result'), /Carla Diaz/);
  await p2.context().close();
  // Share in the actions bar shares the comparison while it is open
  // (the message from the first share still stands: clear it, and wait for the new one)
  await page.evaluate(() => {
    document.getElementById('compare-message').textContent = '';
    return navigator.clipboard.writeText('');
  });
  await page.click('#btn-share');
  await page.waitForFunction(() => /Link to this comparison copied/.test(document.getElementById('compare-message').textContent));
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#v1\./);
  // the export: a file without script, the same tables and lists as the page
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#btn-compare-export')]);
  const file = path.join(OUT, 'comparison.html');
  await dl.saveAs(file);
  const pageRows = await page.$$eval('#compare-result .compare-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const pf = await ctx.newPage();
  await pf.goto(`file://${file}`);
  assert.deepEqual(await pf.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => tr.textContent)), pageRows);
  assert.deepEqual(await pf.locator('ol.changed ins').allTextContents(), ['and we will win,”']);
  assert.match(await pf.textContent('h1'), /Comparison/);
  assert.equal(await pf.$$eval('script', (s) => s.length), 0);
  await ctx.close();
  // too long for a link: said clearly, no link made, the file offered (the focus on its button)
  let seed = 7;
  const word = () => { let w = ''; for (let i = 0; i < 6; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; w += 'abcdefghijklmnopqrstuvwxyz'[seed % 26]; } return w; };
  const long = `${VERSION_B}\n\n${Array.from({ length: 9000 }, word).join(' ')}`;
  await page.fill('#compare-b', long);
  await page.evaluate(() => navigator.clipboard.writeText('nothing'));
  await page.click('#btn-compare-share');
  await page.waitForFunction(() => /too long to share/.test(document.getElementById('compare-message').textContent));
  assert.match(await page.textContent('#compare-message'), /No link was made\. Export the comparison as a file instead\./);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'nothing');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'btn-compare-export');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('add an actor from the sidebar (name, kind, role) and mark names in the text as theirs: a name found, or words selected; undoable, in share links', async () => {
  const { context, page } = await openPage(browser, server.url);
  const text = `${ARTICLE}\n\nThe council will meet again in Springfield on Friday.`;
  await pasteText(page, text);
  const before = await page.locator('#actors .actor').count();
  await page.click('#btn-add-actor');
  const form = page.getByRole('group', { name: 'Add an actor' });
  await form.getByRole('combobox', { name: 'Name' }).fill('City Council');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption('organisation');
  await form.getByRole('textbox', { name: 'Role' }).fill('the town’s council');
  await form.getByRole('textbox', { name: 'Role' }).press('Enter');
  await ready(page);
  assert.match(await page.textContent('#status'), /Corrected: City Council added/);
  assert.equal(await page.locator('#actors .actor').count(), before + 1);
  const council = page.locator('#actors .actor', { hasText: 'City Council' });
  assert.match(await council.textContent(), /the town’s council/);
  assert.equal(await council.getAttribute('aria-pressed'), 'true', 'the new actor is followed');
  const id = await council.getAttribute('data-actor');
  // a name found in the text, by its menu (Enter applies)
  const menu = page.getByLabel('Mark a name in the text as City Council', { exact: true });
  await menu.focus();
  const springfield = await menu.locator('option', { hasText: 'Springfield' }).first().getAttribute('value');
  await menu.selectOption(springfield);
  await ready(page);
  const marks = () => page.$$eval(`#article [data-entity][data-actor="${id}"]`, (els) => els.map((e) => e.textContent));
  assert.deepEqual(await marks(), ['Springfield']);
  // words selected in the article
  await page.evaluate(() => {
    const node = [...document.querySelectorAll('#article')][0];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf('council will');
      if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 'council'.length); getSelection().removeAllRanges(); getSelection().addRange(r); return; }
    }
  });
  await page.waitForTimeout(100);
  await page.getByRole('button', { name: 'Mark the selected words as City Council' }).click();
  await ready(page);
  assert.deepEqual(await marks(), ['Springfield', 'council']);
  assert.match(await page.locator('#actors .actor', { hasText: 'City Council' }).textContent(), /2 mentions/);
  // in a share link
  await page.click('#btn-share');
  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  const p2 = await context.newPage();
  await p2.goto(await page.evaluate(() => location.href));
  await ready(p2);
  assert.deepEqual(await p2.$$eval(`#article [data-entity][data-actor="${id}"]`, (els) => els.map((e) => e.textContent)), ['Springfield', 'council']);
  assert.match(await p2.locator('#actors .actor', { hasText: 'City Council' }).textContent(), /the town’s council/);
  // undone, step by step
  for (let i = 0; i < 3; i++) { await page.click('#btn-undo'); await ready(page); }
  assert.equal(await page.locator('#actors .actor', { hasText: 'City Council' }).count(), 0);
  assert.equal(await page.locator('#article mark.ent', { hasText: 'Springfield' }).first().getAttribute('data-label'), 'LOC');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('axe-core finds no violation in the views added here: the actions menu, a card with its action, the tools over the article (quotation, reported speech), adding an actor, the comparison\'s message and its export', async () => {
  const found = [];
  for (const [name, opts] of VIEWS) {
    const { context, page } = await openPage(browser, server.url, { ...opts, acceptDownloads: true });
    await pasteText(page, ARTICLE);
    await page.locator('#btn-more').dispatchEvent('click');
    await page.locator('#btn-export-csv').waitFor();
    for (const v of await axe(page)) found.push(`${name}, menu: ${v}`);
    await page.evaluate(() => document.getElementById('more-menu').hidePopover());
    await page.focus('#article');
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement.matches('.quote'))); i++) await page.keyboard.press('ArrowRight');
    await page.locator('#card .card-action').waitFor();
    for (const v of await axe(page)) found.push(`${name}, card: ${v}`);
    await page.locator('#card .card-action').dispatchEvent('click');
    await page.locator('#tools-dialog').waitFor();
    await page.locator('#tools-dialog').getByRole('button', { name: /: flagged$/ }).dispatchEvent('click');
    await ready(page);
    for (const v of await axe(page)) found.push(`${name}, quotation's tools: ${v}`);
    await page.keyboard.press('Escape');
    await page.focus('#article');
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement.matches('.reported'))); i++) await page.keyboard.press('ArrowRight');
    await page.locator('#card .card-action').dispatchEvent('click');
    await page.locator('#tools-dialog').waitFor();
    for (const v of await axe(page)) found.push(`${name}, reported speech's tools: ${v}`);
    await page.keyboard.press('Escape');
    await page.locator('#btn-add-actor').dispatchEvent('click');
    await page.getByRole('group', { name: 'Add an actor' }).getByRole('combobox', { name: 'Name' }).fill('City Council');
    await page.getByRole('group', { name: 'Add an actor' }).getByRole('button').dispatchEvent('click');
    await ready(page);
    for (const v of await axe(page)) found.push(`${name}, added actor: ${v}`);
    await page.locator('#btn-compare').dispatchEvent('click');
    await page.fill('#compare-b', VERSION_B);
    await page.evaluate(() => { document.body.dataset.compared = '0'; });
    await page.locator('#btn-compare-run').dispatchEvent('click');
    await page.waitForFunction(() => document.body.dataset.compared === '1');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-compare-export').dispatchEvent('click')]);
    for (const v of await axe(page)) found.push(`${name}, comparison with its message: ${v}`);
    const file = path.join(OUT, `comparison-axe-${name.replace(' ', '-')}.html`);
    await dl.saveAs(file);
    await page.goto(`file://${file}`);
    for (const v of await axe(page)) found.push(`${name}, exported comparison: ${v}`);
    await context.close();
  }
  assert.deepEqual(found, []);
});
