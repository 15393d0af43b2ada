// The comparison view of the page: open and close it, run the comparison of the two versions
// (analysed by the page's worker), keep the versions over a reload, share both in a link, and
// export the comparison as a self-contained HTML file drawn by the same renderer as the page
// (compare.js renderComparison). It neither analyses nor decides what differs: the page's
// `analyse` and compare.js do. A link too long to travel is not made: the reader is told so and
// offered the file instead.

import { compareArticles, renderComparison, comparisonHtml } from './compare.js';
import { serialize, LINK_WARN_CHARS } from './share.js';
import { el } from './render.js';

const KEY = 'newslens.compare.v1';
const MAX_SAVED = 1_000_000;
const $ = (id) => document.getElementById(id);

/**
 * Wire the comparison view. `page`: {state, render(), analyse(text) -> worker reply, clean(text),
 * reject(text) -> why not | null, status(msg), download(name, type, content), view() -> the share
 * view of the article, css() -> the style sheet's text}. Returns {open(on), run(), share(), load({a, b})}.
 */
export function wireCompare(page) {
  let last = null; // the last comparison shown: {a, b, result}

  function open(on) {
    page.state.compare = on;
    if (on) { page.state.table = false; page.state.sheet = null; }
    if (on && !$('compare-a').value.trim()) $('compare-a').value = page.state.text;
    page.render();
    if (on) $('compare-title').focus();
  }

  /** Analyse both versions (one after the other in the worker) and show what differs. */
  async function run() {
    const a = page.clean($('compare-a').value);
    const b = page.clean($('compare-b').value);
    const out = $('compare-result');
    say('');
    if (!a.trim() || !b.trim()) { out.replaceChildren(el('p', { class: 'hint', textContent: 'Paste both versions first.' })); return null; }
    const why = page.reject(a) ?? page.reject(b);
    if (why) { out.replaceChildren(el('p', { class: 'hint', textContent: why })); return null; }
    if (page.state.busy) { page.status('Wait for the article to finish, then compare.'); return null; }
    $('btn-compare-run').disabled = true;
    page.status('Comparing…');
    document.body.dataset.compared = '0';
    // both are sent at once: an article pasted meanwhile is analysed after them, never dropped
    const [ra, rb] = await Promise.all([page.analyse(a), page.analyse(b)]);
    $('btn-compare-run').disabled = false;
    const failed = [ra, rb].find((r) => r.error || r.cancelled);
    if (failed) { page.status(`The comparison failed: ${failed.error ?? 'cancelled'}.`); return null; }
    const result = compareArticles({ text: a, analysis: JSON.parse(ra.json) }, { text: b, analysis: JSON.parse(rb.json) });
    out.replaceChildren(...renderComparison(result));
    last = { a, b, result };
    page.status(`Compared: ${result.changed.length} quotation${result.changed.length === 1 ? '' : 's'} changed, ${result.onlyA.length} only in A, ${result.onlyB.length} only in B.`);
    document.body.dataset.compared = '1';
    return last;
  }

  /** The comparison of the versions as they are now (run again when they changed since). */
  async function current() {
    const same = last && last.a === page.clean($('compare-a').value) && last.b === page.clean($('compare-b').value);
    return same ? last : run();
  }

  /** A message of the comparison's own, by its buttons (empty: none). */
  function say(msg) {
    $('compare-message').textContent = msg;
    $('compare-message').hidden = !msg;
  }

  /** A link holding both versions, copied; too long a link is not made, and the file is offered. */
  async function share() {
    const a = page.clean($('compare-a').value);
    const b = page.clean($('compare-b').value);
    if (!a.trim() || !b.trim()) { say('Paste both versions first.'); return; }
    const view = page.view();
    // version A is often the article shown: then the link holds it once
    const frag = await serialize({ ...view, compare: { a: a === view.text ? null : a, b } });
    const url = `${location.origin}${location.pathname}${frag}`;
    const len = url.length.toLocaleString();
    if (url.length > LINK_WARN_CHARS) {
      say(`These two texts make a link of ${len} characters, too long to share: many apps cut links over ${LINK_WARN_CHARS.toLocaleString()}. No link was made. Export the comparison as a file instead.`);
      $('btn-compare-export').focus();
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      say(`Link to this comparison copied (${len} characters). Both versions travel inside the link; no server sees them.`);
    } catch {
      history.replaceState(null, '', frag);
      say(`The link to this comparison is in the address bar (${len} characters).`);
    }
  }

  /** The comparison as a self-contained HTML file. */
  async function exportFile() {
    const c = await current();
    if (!c) return;
    const title = (t) => t.split('\n').find((l) => l.trim())?.trim().slice(0, 120) ?? '';
    page.download('newslens-comparison.html', 'text/html', comparisonHtml(c.result, await page.css(), { a: title(c.a), b: title(c.b) }));
    say('The comparison was exported as newslens-comparison.html.');
  }

  /** Open the comparison of `a` and `b` (from a link) and run it. */
  async function load({ a, b }) {
    $('compare-a').value = a ?? page.state.text;
    $('compare-b').value = b;
    open(true);
    await run();
  }

  $('btn-compare').addEventListener('click', () => open(!page.state.compare));
  $('btn-compare-close').addEventListener('click', () => open(false));
  $('btn-compare-run').addEventListener('click', run);
  $('btn-compare-share').addEventListener('click', share);
  $('btn-compare-export').addEventListener('click', exportFile);
  // the two versions are kept (a reload finds them again)
  for (const id of ['compare-a', 'compare-b']) {
    $(id).addEventListener('input', () => {
      const v = { a: $('compare-a').value, b: $('compare-b').value };
      if (v.a.length + v.b.length <= MAX_SAVED) try { localStorage.setItem(KEY, JSON.stringify(v)); } catch { /* storage full or disabled */ }
    });
  }
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (v) { $('compare-a').value = String(v.a ?? ''); $('compare-b').value = String(v.b ?? ''); }
  } catch { /* storage disabled */ }
  return { open, run, share, load };
}
