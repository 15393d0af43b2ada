// Shared setup for the browser tests: a static server over www/ and Debian's Chromium (one of
// each per test file, `useBrowser`), the views every axe-core check covers, and the steps the
// tests take on the page (paste, drop, the actions menu).
import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
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

/** Start scripts/serve.py over `dir` (the page, www/) on a free port; resolves to {url, stop}. */
export async function startServer(dir = path.join(ROOT, 'www')) {
  const proc = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
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

/** The test file's server over www/ and its Chromium, set by `useBrowser`'s before hook. */
export let server;
export let browser;

/**
 * Give the calling test file one server and one Chromium: started before its first test, stopped
 * after its last. Call once at the file's top level, then use the imported `server` and `browser`
 * (live bindings: set once the hook has run).
 */
export function useBrowser() {
  before(async () => { server = await startServer(); browser = await launch(); });
  after(async () => { await browser?.close(); server?.stop(); });
}

/** A phone's context options: a small touch screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** The views every axe-core check covers: [name, context options], light and dark, desktop and phone. */
export const VIEWS = [
  ['desktop light', { viewport: { width: 1280, height: 900 } }],
  ['desktop dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
  ['phone light', PHONE],
  ['phone dark', { ...PHONE, colorScheme: 'dark' }],
];

let axeSource = null;
/** axe-core's WCAG 2.2 A/AA and best-practice violations on the page as it is now, one line each. */
export async function axe(page) {
  axeSource ??= readFileSync(path.join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
  // evaluated through the DevTools protocol: the page's CSP does not apply to it
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
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
