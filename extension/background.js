// The extension's service worker: the toolbar button and Alt+Shift+N call highlightTab(tabId),
// which finds the article in the tab (content/extract.js, Readability), analyses its text here
// with the page's wasm, and hands the tab what to paint (plan.js, content/highlight.js). The
// analysis runs in this worker, off every page's and the panel's main thread, and needs no
// permission beyond activeTab, scripting and sidePanel. Nothing here fetches anything but the
// extension's own wasm file. It keeps no state between calls: the tab's content script holds the
// article and its analysis, which the panel asks it for.
import init, { Analyzer } from '../www/pkg/newslens.js';
import { plan } from './plan.js';

/** The most text analysed (UTF-16 units): a page longer than a long feature is cut there. */
const MAX_TEXT = 400_000;
const CONTENT = ['vendor/Readability.js', 'vendor/Readability-readerable.js', 'ext/content/extract.js', 'ext/content/place.js', 'ext/content/card.js', 'ext/content/highlight.js', 'ext/content/main.js'];

let analyzer = null;
async function loadAnalyzer() {
  if (!analyzer) {
    await init();
    analyzer = new Analyzer();
  }
  return analyzer;
}

/** Tell an open panel that a tab has news (no panel open: nobody listens, which is fine). */
function tellPanel(tabId, status) {
  chrome.runtime.sendMessage({ newslens: 'updated', tabId, status }).catch(() => {});
}

/**
 * Find, analyse and highlight the article of tab `tabId`. Resolves to {status: 'ok', entities,
 * quotes, reports (how many of each are painted), missing (items with no text on the page), dark
 * (the dark palette), ms (the analysis)} | {status: 'none', reason} (no article found) |
 * {status: 'error', message}.
 */
async function highlightTab(tabId) {
  // the panel opens only within the user's gesture (the button, the shortcut): called without
  // one, as by a test, it stays closed and the tab is highlighted all the same
  chrome.sidePanel.open({ tabId }).catch(() => {});
  tellPanel(tabId, 'working');
  try {
    const target = { tabId };
    const [{ result: present }] = await chrome.scripting.executeScript({ target, func: () => Boolean(globalThis.newslensExt?.ready) });
    if (!present) {
      await chrome.scripting.insertCSS({ target, files: ['ext/content/highlight.css'] });
      await chrome.scripting.executeScript({ target, files: CONTENT });
    }
    const [{ result: found }] = await chrome.scripting.executeScript({ target, func: (max) => globalThis.newslensExt.extract(max), args: [MAX_TEXT] });
    if (found.status !== 'ok') {
      tellPanel(tabId, found.status);
      return found;
    }
    const t0 = performance.now();
    const analysis = JSON.parse((await loadAnalyzer()).analyzeJson(found.text));
    const ms = Math.round(performance.now() - t0);
    const painted = plan(found.text, analysis);
    const [{ result }] = await chrome.scripting.executeScript({ target, func: (a, p) => globalThis.newslensExt.show(a, p), args: [analysis, painted] });
    tellPanel(tabId, 'ok');
    return { ...result, ms };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) analyzer = null; // a trap leaves the analyser unusable
    const message = String(e?.message ?? e);
    tellPanel(tabId, 'error');
    return { status: 'error', message };
  }
}
globalThis.highlightTab = highlightTab;

chrome.action.onClicked.addListener((tab) => { if (tab.id !== undefined) highlightTab(tab.id); });

// the panel's "Highlight this page" (it works where the tab's activeTab grant still holds)
chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.newslens !== 'highlight' || sender.id !== chrome.runtime.id) return false;
  highlightTab(msg.tabId).then(reply);
  return true;
});
