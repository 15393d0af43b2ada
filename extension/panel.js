// The side panel: the actors and the who-said-what table of the article in the panel's tab, drawn
// with the page's own components (www/render.js renderActors, www/table.js renderQuoteTable).
// Picking an actor follows it in the page; a row scrolls the page to its quotation; "Open in
// newslens" opens the page shipped inside the extension (www/index.html) with the article in a
// share link (www/share.js); the exports are the page's CSV, JSON and HTML. It holds no
// analysis of its own: it asks the tab's content script (content/main.js) for the text and the
// analysis each time the service worker says the tab changed. The tab is ?tab=ID when given (the
// tests open the panel as a page), else the active tab of the panel's window.
import { renderActors, exportHtml, paint } from '../www/render.js';
import { renderQuoteTable, quoteRows, toCsv } from '../www/table.js';
import { serialize } from '../www/share.js';
import { download } from '../www/download.js';

const $ = (id) => document.getElementById(id);
const fixedTab = Number(new URLSearchParams(location.search).get('tab')) || null;
let tabId = fixedTab;
let current = null; // the tab's state: {status, text, analysis, url, title, followed}
const view = { sort: 'article', speaker: '', kind: '', open: null };

const MESSAGES = {
  idle: 'Press the newslens button in the toolbar (or Alt+Shift+N) to highlight who said what in this page’s article.',
  none: 'No article found on this page: newslens highlights news articles, and this page does not read as one.',
  working: 'Finding the article…',
  error: 'newslens cannot read this page (the browser keeps extensions off some pages, such as its own settings and the web store).',
};

function status(text, none = false) {
  $('status').textContent = text;
  $('status').classList.toggle('none', none);
}

async function activeTab() {
  if (fixedTab) return fixedTab;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Ask the tab's content script for its state and draw it. */
async function refresh() {
  tabId = await activeTab();
  let s;
  try {
    s = tabId === null ? { status: 'idle' } : await chrome.tabs.sendMessage(tabId, { newslens: 'state' });
  } catch {
    s = { status: 'idle' }; // no content script in the tab: never highlighted (or reloaded since)
  }
  current = s ?? { status: 'idle' };
  draw();
}

function draw() {
  const s = current;
  const ok = s.status === 'ok';
  document.body.dataset.status = s.status;
  $('actors-box').hidden = $('table-box').hidden = !ok;
  document.querySelector('.panel-actions').hidden = !ok;
  if (!ok) {
    status(MESSAGES[s.status] ?? MESSAGES.idle, s.status === 'none');
    return;
  }
  paint(s.analysis);
  const n = s.analysis.actors.length;
  status(`${s.title ? `${s.title}: ` : ''}${n} actor${n === 1 ? '' : 's'}, ${s.analysis.quotes.length} quotation${s.analysis.quotes.length === 1 ? '' : 's'}.`);
  const goto = (kind) => (index) => chrome.tabs.sendMessage(tabId, { newslens: 'goto', kind, index }).catch(() => {});
  renderActors($('actors'), s.text, s.analysis, { selected: s.followed ?? null }, '', {
    select: (actor) => { s.followed = actor; chrome.tabs.sendMessage(tabId, { newslens: 'follow', actor }).catch(() => {}); draw(); },
    goto: goto('quote'),
    gotoReport: goto('report'),
  });
  renderQuoteTable($('table'), s.text, s.analysis, view, {
    goto: goto('quote'),
    gotoReport: goto('report'),
    sort: (key) => { view.sort = key; draw(); },
    filter: (f) => { Object.assign(view, f); draw(); },
  });
}

const details = () => ({ headline: current.title ?? '', source: current.url ?? '', date: '' });

async function openInNewslens() {
  const frag = await serialize({ text: current.text, selected: current.followed ?? null, hidden: [], labels: true, url: current.url });
  await chrome.tabs.create({ url: chrome.runtime.getURL(`www/index.html${frag}`) });
}

function exportJson() {
  const rows = quoteRows(current.text, current.analysis).map(({ index, start, ...row }) => ({ row: index + 1, ...row }));
  return JSON.stringify({ offsets: 'utf16', text: current.text, details: { headline: current.title, url: current.url }, ...current.analysis, who_said_what: rows }, null, 2);
}

async function exportHtmlFile() {
  const css = await (await fetch(chrome.runtime.getURL('www/style.css'))).text();
  download('newslens-article.html', 'text/html', await exportHtml(current.text, current.analysis, css, current.title || 'newslens export', { url: current.url }));
}

$('btn-run').addEventListener('click', async () => {
  const id = await activeTab();
  if (id === null) return;
  status(MESSAGES.working);
  const r = await chrome.runtime.sendMessage({ newslens: 'highlight', tabId: id });
  if (r?.status === 'error') status(`${MESSAGES.idle} (${r.message})`);
  else await refresh();
});
$('btn-open').addEventListener('click', openInNewslens);
$('btn-csv').addEventListener('click', () => download('newslens-who-said-what.csv', 'text/csv', toCsv(quoteRows(current.text, current.analysis), details())));
$('btn-json').addEventListener('click', () => download('newslens-article.json', 'application/json', exportJson()));
$('btn-html').addEventListener('click', exportHtmlFile);

chrome.runtime.onMessage.addListener((msg, sender) => {
  if (sender.id !== chrome.runtime.id) return;
  if (msg?.newslens === 'updated' && msg.tabId === tabId) {
    if (msg.status === 'working') { current = { status: 'working' }; draw(); } else refresh();
  }
  if (msg?.newslens === 'followed' && sender.tab?.id === tabId && current?.status === 'ok') { current.followed = msg.actor; draw(); }
});
if (!fixedTab) {
  chrome.tabs.onActivated.addListener(refresh);
  chrome.tabs.onUpdated.addListener((id, change) => { if (id === tabId && change.status === 'complete') refresh(); });
}
refresh();
