// Shared setup for the browser tests: a static server over www/ and Debian's Chromium.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'tests/e2e/out');
// screenshots go to an ignored folder; `./build.sh screenshots` sets NEWSLENS_SCREENSHOTS=docs to
// update the README's pictures, so that an ordinary test run leaves the git tree clean
export const SHOTS = process.env.NEWSLENS_SCREENSHOTS ? path.resolve(process.env.NEWSLENS_SCREENSHOTS) : path.join(ROOT, 'target/screenshots');
mkdirSync(OUT, { recursive: true });
mkdirSync(SHOTS, { recursive: true });

/** Start scripts/serve.py on a free port; resolves to {url, stop}. */
export async function startServer() {
  const proc = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), path.join(ROOT, 'www'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = await once(proc.stdout, 'data');
  const url = String(chunk).trim().split('\n')[0];
  return { url, stop: () => proc.kill() };
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  if (!launch.said) { console.log(`# Chromium ${browser.version()} (/usr/bin/chromium)`); launch.said = true; }
  return browser;
}

/** A page that records console errors, page errors and CSP violations. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  await ready(page);
  return { context, page };
}

/** Wait until the page has rendered its latest analysis. */
export async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 30000 });
}

export async function pasteText(page, text) {
  if (!(await page.isVisible('#editor'))) await page.click('#btn-edit');
  await page.fill('#editor', text);
  await page.evaluate(() => { document.body.dataset.ready = '0'; });
  await page.click('#btn-analyze');
  await ready(page);
}

export async function entityTexts(page, label) {
  return page.$$eval(`#article mark.ent-${label}`, (els) => els.map((e) => e.textContent));
}

/** Drop a file on the page as a user would (a DragEvent carrying a File); marks the page not ready. */
export async function dropFile(page, name, type, content) {
  await page.evaluate(([name, type, content]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], name, { type }));
    document.body.dataset.ready = '0';
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, type, content]);
}

/** Paste `text` on the element `selector` (a ClipboardEvent carrying text/plain). */
export async function pasteEvent(page, selector, text) {
  await page.evaluate(([selector, text]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.querySelector(selector).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [selector, text]);
}

/**
 * Press an action of the actions bar: the rarer ones (Sample article, Open file…, the exports) sit
 * in the "Open & export" menu, opened first when the action is not on screen.
 */
export async function action(page, selector, how = 'click') {
  if (!(await page.isVisible(selector))) await page.locator('#btn-more')[how]();
  await page.locator(selector)[how]();
}
