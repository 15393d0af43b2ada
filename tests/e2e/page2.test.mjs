// The page end to end, continued (issue 35's defects 5, 8 and 9): what a screen reader hears, the
// table and the exports, and legibility on desktop and phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, OUT, startServer, launch, openPage, ready, pasteText } from './helpers.mjs';

let server;
let browser;

before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

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
  // leaving the article: the card goes, and nothing points at it any more
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
