// Issue 35's gaps a journalist hits at the desk: a quotation's tools opened from the article (card,
// keyboard, phone), tools for reported speech, adding an actor and marking a name as that actor,
// the actions bar on one row, a comparison that travels (link or file), and the rough edges of the
// tools (a note saved when the tools close, a tapped card that goes when the focus moves on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, OUT, startServer, launch, openPage, ready, pasteText } from './helpers.mjs';

let server;
let browser;

before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
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
