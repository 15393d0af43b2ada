// The page: one state object, events that change it, and render() from state to DOM.
// Analysis runs in a Web Worker (worker.js) so long texts never freeze the page.
import { serialize, parse, ShareError, LINK_WARN_CHARS, MAX_TEXT_CHARS } from './share.js';
import { renderArticle, renderActors, applyView, cardLines, cardSpoken, exportHtml, paint, el } from './render.js';
import { htmlToText } from './htmltext.js';
import { renderQuoteTable, quoteRows, sorted, filtered, toCsv, checkedLine } from './table.js';
import { citation, copyRich } from './cite.js';
import { sheetNodes, sheetHtml } from './sheet.js';
import { wireCompare } from './comparepage.js';
import { applyEdits, describeEdit, isEdit } from './edits.js';
import { listWarning } from './textcheck.js';
import { wireCard } from './card.js';
import { pendingNote, toolsName } from './quotetools.js';
import { wireToolsDialog } from './toolsdialog.js';
import { wireAddActor, trackSelection, markControls } from './addactor.js';
import { download } from './download.js';

const DRAFT_KEY = 'newslens.draft.v1';
const EDITS_KEY = 'newslens.edits.v1';
const $ = (id) => document.getElementById(id);

const state = {
  text: '',
  raw: null, // the core's analysis {entities, quotes, attributions, actors}, UTF-16 offsets
  edits: [], // the reader's corrections (edits.js), applied in order to `raw`
  analysis: null, // what is shown and exported: `raw` with the edits applied
  selected: null, // actor id
  hidden: [], // layer names
  labels: true, // speaker labels before quotations: who speaks is seen without hovering
  url: '', // the article's source, typed by the reader (optional)
  date: '', // its date, YYYY-MM-DD (optional)
  filter: '',
  editing: false,
  busy: false,
  // the first phase is shown (entities, quotations, speakers, actors) and reported speech is on its
  // way: corrections, exports and citations wait for the whole analysis (`whole`)
  pending: false,
  table: false, // the who-said-what table instead of the article
  tableSort: 'article', // or 'speaker', 'confidence'
  tableSpeaker: '', // the table shows one speaker's rows ('' every speaker)
  tableKind: '', // … of one kind ('quoted', 'reported'; '' both)
  tools: null, // the quotation whose tools are open in the table
  picked: null, // the quotation or reported speech a link points to ('[data-quote="3"]'): outlined and scrolled to
  sheet: null, // the actor whose quote sheet is shown instead of the article
  compare: false, // the comparison of two articles instead of the article
  // the last article replaced while it had corrections (Sample article, a file, a paste, a link,
  // edited text): {text, edits, url, date, selected, hidden, labels}; Undo brings it back
  previous: null,
};

// ---------------------------------------------------------------- analysis in the worker
let worker = null;
let latest = 0;
const waiting = new Map(); // id -> {text, done}
/** A fresh worker (at start, after Cancel, and after a failure). */
function startWorker() {
  // the first is boot.js's, started before this module loaded
  const boot = self.newslensBoot;
  self.newslensBoot = null;
  worker = boot?.worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (ev) => {
    // boot.js's sample analysis, not claimed yet: kept for the claim (a failure goes on below)
    if (speculative && ev.data.id === 1 && !ev.data.error) { speculative.early.push(ev); return; }
    if (ev.data.progress !== undefined) { if (ev.data.id === latest) showProgress(ev.data.stage, ev.data.progress); return; }
    if (ev.data.first !== undefined) { performance.mark('newslens-first'); workerMarks(ev.data.marks); if (ev.data.id === latest) waiting.get(ev.data.id)?.first?.(ev.data); return; }
    performance.mark('newslens-result');
    const job = waiting.get(ev.data.id);
    waiting.delete(ev.data.id);
    // an analysis that failed may have left the analyser broken (a Rust panic aborts mid-call,
    // and every later call on that instance fails): the worker is replaced before anything else
    if (ev.data.error) replaceWorker();
    job?.done(ev.data);
  };
  // an error the worker did not catch (its module failed to load, it crashed): the analyses it
  // held fail, and a fresh worker takes over
  worker.onerror = (ev) => {
    ev.preventDefault();
    const jobs = [...waiting];
    waiting.clear();
    replaceWorker();
    for (const [id, job] of jobs) job.done({ id, error: ev.message || 'the analyser stopped', crashed: true });
  };
  if (!boot) return;
  // the sample analysis boot.js started (analysis 1): claimed by the first runAnalysis of its text;
  // the worker's messages so far are replayed once it is claimed, or at once (an error)
  latest = 1;
  speculative = boot.text ? { early: [], text: boot.text.catch(() => null), taken: false } : null;
  bootSample = boot.sample;
  for (const ev of boot.early) (ev.type === 'error' ? worker.onerror : worker.onmessage)(ev);
}
/**
 * boot.js's analysis of the draft or the sample, not yet claimed: {early (its messages so far),
 * text (a promise of the text, null if it could not be fetched), taken (a runAnalysis is claiming
 * it)}.
 */
let speculative = null;
/** boot.js's fetch of the sample (a promise of its text, line endings normalised), or null. */
let bootSample = null;
/**
 * The worker's start-up steps (wall-clock times) as the page's performance marks
 * ('newslens-worker-instantiated', ...), once: the benchmark reads where a cold load's time goes.
 */
function workerMarks(marks) {
  if (!marks || performance.getEntriesByName('newslens-worker-firstPosted').length) return;
  for (const [name, at] of Object.entries(marks)) performance.mark(`newslens-worker-${name}`, { startTime: at - performance.timeOrigin });
}
/** Terminate the worker and start another; analyses still waiting are sent to the new one. */
function replaceWorker() {
  worker.terminate();
  speculative = null;
  startWorker();
  for (const [id, job] of waiting) worker.postMessage({ id, text: job.text });
}
startWorker();
/**
 * Analyse `text`; resolves to the whole analysis. `first({first, firstMs})`, when given, is called
 * with the first phase (no reported speech yet) while this is the latest analysis.
 */
async function runAnalysis(text, first = null) {
  // boot.js's analysis of the sample, if this is its text: its messages keep being kept until then
  const claim = speculative?.taken === false ? speculative : null;
  let claimed = false;
  if (claim) {
    claim.taken = true;
    const posted = await claim.text;
    claimed = speculative === claim && posted === text && latest === 1 && !waiting.size;
    speculative = null;
  }
  const id = claimed ? 1 : ++latest;
  return new Promise((done) => {
    waiting.set(id, { text, done, first });
    if (!claimed) worker.postMessage({ id, text });
    else for (const ev of claim.early) worker.onmessage(ev);
  }).then((r) => ({ ...r, stale: id !== latest }));
}
/** Stop the running analysis: the worker is terminated and replaced; the text stays. */
function cancelAnalysis() {
  if (!state.busy) return;
  const jobs = [...waiting];
  waiting.clear();
  replaceWorker();
  for (const [id, job] of jobs) job.done({ id, cancelled: true });
}

const STAGE_NAMES = { tokens: 'reading', entities: 'finding names', quotes: 'finding quotations', speakers: 'finding speakers', reported: 'finding reported speech', actors: 'grouping actors' };
function showProgress(stage, fraction) {
  const pct = Math.floor(fraction * 100);
  document.body.dataset.progress = String(pct);
  $('progress').value = fraction;
  $('progress-label').textContent = `${STAGE_NAMES[stage] ?? stage} · ${pct}%`;
}

// ---------------------------------------------------------------- messages
function status(msg) { $('status').textContent = msg; }
function showError(msg) {
  const e = $('error');
  e.textContent = msg;
  e.hidden = !msg;
}

/** Why this text cannot be analysed, or null. */
function rejectText(text) {
  if (text.length > MAX_TEXT_CHARS) return `This text has ${text.length.toLocaleString()} characters; newslens reads up to ${MAX_TEXT_CHARS.toLocaleString()}.`;
  const sample = text.slice(0, 4096);
  const control = [...sample].filter((c) => c < ' ' && !'\n\r\t\f'.includes(c)).length;
  if (control > 8 && control > sample.length / 50) return 'This looks like a binary file, not text. Open a .txt or .html file.';
  return null;
}

// ---------------------------------------------------------------- state changes
/**
 * The one line-ending rule: every way in (paste, typing, file, share link, draft, sample) goes
 * through setText, which turns CRLF and lone CR into LF. A textarea does the same to its value
 * (HTML standard), so the text shown, analysed, shared and exported is the same everywhere.
 */
function normaliseLineEndings(text) { return text.replace(/\r\n?/g, '\n'); }

async function setText(raw, view = {}) {
  hideCard(); // a card never outlives the article it describes
  const text = normaliseLineEndings(raw);
  latestText = text;
  const why = rejectText(text);
  if (why) { showError(why); return; }
  showError('');
  // another article never travels in the address bar unasked: a link there is dropped (the same
  // article keeps it, rewritten below to the new view)
  const sameArticle = text === state.text;
  if (!view.fromLink && !sameArticle) dropLink();
  // one click never loses work: an article with corrections that another replaces can be brought
  // back with Undo (the same article keeps its corrections)
  const replaced = !sameArticle && state.edits.length ? state.edits.length : 0;
  if (replaced && !view.restoring) state.previous = currentView();
  if (!sameArticle) { state.picked = null; state.tools = null; state.tableSpeaker = ''; state.tableKind = ''; state.sheet = null; }
  state.text = text;
  state.selected = view.selected ?? null;
  state.hidden = view.hidden ?? state.hidden;
  state.labels = view.labels ?? state.labels;
  // a new text starts without the last article's source and date, unless a link brings them
  state.url = view.url ?? (sameArticle ? state.url : '');
  state.date = view.date ?? (sameArticle ? state.date : '');
  $('src-url').value = state.url;
  $('src-date').value = state.date;
  markBlankDetails();
  state.edits = (view.edits ?? (sameArticle ? state.edits : [])).filter(isEdit);
  state.editing = false;
  saveDraft();
  saveEdits();
  if (!view.fromLink && sameArticle) viewChanged();
  if (!text.trim()) { state.raw = state.analysis = { entities: [], quotes: [], attributions: [], actors: [] }; status(''); render(); return; }
  state.busy = true;
  finishPending();
  document.body.dataset.ready = '0';
  document.body.dataset.first = '0';
  // leave the editor at once: a textarea holding megabytes is costly to restyle while we wait
  $('editor-wrap').hidden = true;
  $('article').hidden = false;
  performance.mark('newslens-analysis-start');
  // long texts: a progress bar and a Cancel button after a moment
  const slow = setTimeout(() => { status(`Analysing ${(text.length / 1000).toFixed(0)} KB…`); $('working').hidden = false; }, 120);
  document.body.classList.add('busy');
  document.body.dataset.phase = 'analysing';
  document.body.dataset.progress = '0';
  // the first phase (entities, quotations, speakers, actors) is drawn as soon as it comes; reported
  // speech joins it later. Saved corrections name the whole analysis's actors and attributions:
  // with some to apply, the page waits for it.
  let first = null;
  const showFirst = (f) => {
    if (state.edits.length || view.selected || !state.busy) return;
    clearTimeout(slow);
    $('working').hidden = true;
    document.body.classList.remove('busy');
    state.pending = true;
    state.raw = JSON.parse(f.first);
    state.analysis = paint(applyEdits(state.text, state.raw, []), state.raw);
    first = state.analysis;
    if (state.selected && !first.actors.some((a) => a.id === state.selected)) state.selected = null;
    showReportedLoading(true);
    status(`${first.actors.length} actors, ${first.quotes.length} quotations, ${first.entities.length} names · reported speech is loading…`);
    document.body.dataset.phase = 'first';
    firstShown = render().then(() => { if (state.pending && first === state.analysis) document.body.dataset.first = '1'; });
  };
  let firstShown = null;
  const r = await runAnalysis(text, showFirst);
  clearTimeout(slow);
  $('working').hidden = true;
  if (r.stale) return;
  if (latestText !== text) return;
  state.busy = false;
  document.body.classList.remove('busy');
  if (r.cancelled || r.error) finishPending();
  if (r.cancelled) {
    // nothing is lost: the text goes back into the editor
    state.raw = state.analysis = null;
    state.editing = true;
    status('Analysis cancelled. The text is in the editor; press Highlight to try again.');
    await render();
    document.body.dataset.phase = 'cancelled';
    return;
  }
  if (r.error) {
    // nothing is lost: the text goes back into the editor, and a fresh analyser is ready
    state.raw = state.analysis = null;
    state.editing = true;
    const what = r.panic || r.crashed ? 'newslens hit an internal error on this text (a bug: please report it)' : `Could not analyse this text: ${r.error}`;
    showError(`${what}. Nothing is lost: the text is in the editor, and the analyser was restarted; press Highlight to try again.`);
    status('');
    await render();
    document.body.dataset.phase = 'failed';
    return;
  }
  document.body.dataset.phase = 'rendering';
  state.raw = JSON.parse(r.json);
  state.analysis = paint(applyEdits(state.text, state.raw, state.edits), state.raw);
  state.pending = false;
  // the actor followed (or whose sheet is open) in the first phase: the same actor in the whole
  // analysis, found by its first mention (reported speech may have changed the actors' ids)
  if (first) for (const k of ['selected', 'sheet']) if (state[k]) state[k] = sameActor(first, state.analysis, state[k]);
  if (state.selected && !state.analysis.actors.some((a) => a.id === state.selected)) state.selected = null;
  const a = state.analysis;
  const fixes = state.edits.length ? ` · ${state.edits.length} correction${state.edits.length === 1 ? '' : 's'} of yours applied` : '';
  const warning = listWarning(text, state.raw);
  const back = replaced && !view.restoring ? ` · The previous article and its ${replaced} correction${replaced === 1 ? '' : 's'} were replaced: Undo (Ctrl+Z) brings them back.` : '';
  status(`${a.actors.length} actors, ${a.quotes.length} quotations, ${a.entities.length} names · analysed in ${r.ms.toFixed(0)} ms on this device${fixes}${warning ? ` · ${warning}` : ''}${back}`);
  document.body.dataset.listLike = warning ? '1' : '0';
  await render();
  document.body.dataset.first = '1';
  if (first) viewChanged(); // the view changed while the first phase was shown: the link follows
  finishPending();
}

/** The text of the latest setText (an older one that resolves late draws nothing). */
let latestText = null;

/** Functions waiting for the whole analysis (`whole`). */
const whenWhole = [];
/**
 * Resolves when the analysis shown is the whole one (reported speech included): corrections,
 * exports, citations and links wait for it while the first phase is on screen.
 */
function whole() {
  return state.pending ? new Promise((go) => whenWhole.push(go)) : Promise.resolve();
}

/** The id in `to` of the actor `id` of `from`: the one holding its first mention (null: none). */
function sameActor(from, to, id) {
  const a = from.actors.find((x) => x.id === id);
  const m = a?.mentions[0];
  if (!m) return null;
  return to.actors.find((x) => x.mentions.some(([s, e]) => s === m[0] && e === m[1]))?.id ?? null;
}

/** The whole analysis is in (or none will come): what waited for it goes on. */
function finishPending() {
  state.pending = false;
  showReportedLoading(false);
  for (const go of whenWhole.splice(0)) go();
}

/** The quiet sign that reported speech is still being looked for: on its layer button, and the article busy. */
function showReportedLoading(on) {
  $('reported-loading').hidden = !on;
  document.body.dataset.reported = on ? 'loading' : 'ready';
  if (on) $('article').setAttribute('aria-busy', 'true');
  else $('article').removeAttribute('aria-busy');
}

// ---------------------------------------------------------------- corrections
/** FNV-1a over UTF-16 units: ties saved corrections to the text they were made on. */
function textKey(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${h.toString(16)}`;
}

function saveEdits() {
  if (state.text.length > MAX_DRAFT_CHARS) return;
  try {
    if (state.edits.length) localStorage.setItem(EDITS_KEY, JSON.stringify({ key: textKey(state.text), edits: state.edits }));
    else localStorage.removeItem(EDITS_KEY);
  } catch { /* storage full or disabled */ }
}

/** The saved corrections of this text, if any. */
function savedEdits(text) {
  try {
    const v = JSON.parse(localStorage.getItem(EDITS_KEY) ?? 'null');
    return v && v.key === textKey(text) && Array.isArray(v.edits) ? v.edits.filter(isEdit) : [];
  } catch { return []; }
}

/** Apply one more correction (or undo the last one) and show the result. */
function setEdits(edits, message) {
  if (!state.raw) return;
  state.edits = edits;
  state.analysis = paint(applyEdits(state.text, state.raw, edits), state.raw);
  if (state.selected && !state.analysis.actors.some((x) => x.id === state.selected)) state.selected = null;
  saveEdits();
  viewChanged();
  document.body.dataset.ready = '0';
  const n = edits.length;
  status(`${message}${n ? ` · ${n} correction${n === 1 ? '' : 's'} (Undo: Ctrl+Z)` : ''}`);
  render();
}
async function correct(edit) {
  if (!isEdit(edit)) return;
  // made on the first phase: applied once the whole analysis is in, when the actor it names is the
  // same there (reported speech may change the actors)
  if (state.pending) {
    const before = state.analysis;
    const text = state.text;
    status('Reported speech is still loading: your correction is applied as soon as it is in.');
    await whole();
    if (!state.raw || state.busy || state.text !== text) return;
    edit = remapEdit(edit, before, state.analysis);
    if (!edit) { status('The actors changed when reported speech came in: please make that correction again.'); return; }
  }
  setEdits([...state.edits, edit], `${edit.op === 'mark' ? 'Saved' : 'Corrected'}: ${describeEdit(edit, state.analysis)}.`);
}
/** An edit made on analysis `from`, naming the same actors in `to`; null when one is gone. */
function remapEdit(edit, from, to) {
  const out = { ...edit };
  for (const k of ['actor', 'into']) {
    if (typeof out[k] !== 'string' || out[k].startsWith('n')) continue; // 'n…': an actor the reader added
    out[k] = sameActor(from, to, out[k]);
    if (!out[k]) return null;
  }
  return out;
}

function undo() {
  if (!state.edits.length) { restorePrevious(); return; }
  const last = state.edits.at(-1);
  setEdits(state.edits.slice(0, -1), `Undone: ${describeEdit(last, applyEdits(state.text, state.raw, state.edits.slice(0, -1)))}.`);
}

/** Bring back the article (and its corrections) that the current one replaced. */
async function restorePrevious() {
  const p = state.previous;
  if (!p || state.busy) return;
  state.previous = null;
  await setText(p.text, { ...p, restoring: true });
}

/** Drafts above this size are not saved: localStorage is synchronous and small (~5 MB). */
const MAX_DRAFT_CHARS = 1_000_000;

function saveDraft() {
  if (state.text.length > MAX_DRAFT_CHARS) return;
  try { localStorage.setItem(DRAFT_KEY, state.text); } catch { /* storage full or disabled: the text is still on screen */ }
}

/**
 * Follow an actor (null: stop). The reading place is kept: a click or Enter on a mention in the
 * article never scrolls (only the arrow keys step between mentions); from the sidebar (`reveal`),
 * the page scrolls only when none of the actor's mentions is on screen, to the next one below.
 */
function select(id, { reveal = false } = {}) {
  state.selected = id;
  // the sidebar is rebuilt: keep the keyboard focus on the actor the user acted on
  const focused = document.activeElement?.closest?.('#actors .actor')?.dataset.actor;
  renderSidebar();
  if (focused) document.querySelector(`#actors .actor[data-actor="${CSS.escape(focused)}"]`)?.focus();
  applyView($('article'), state.analysis, state);
  viewChanged();
  if (id && reveal) revealMention(id);
}

/** Scroll to a mention of the actor if none is on screen: the first below the view, else the last. */
function revealMention(id) {
  const marks = [...document.querySelectorAll(`#article [data-actor="${CSS.escape(id)}"]`)];
  const h = window.innerHeight;
  const boxes = marks.map((m) => m.getBoundingClientRect());
  if (!marks.length || boxes.some((r) => r.height > 0 && r.bottom > 0 && r.top < h)) return;
  const below = boxes.findIndex((r) => r.top >= h);
  marks.at(below)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function toggleLayer(layer) {
  state.hidden = state.hidden.includes(layer) ? state.hidden.filter((l) => l !== layer) : [...state.hidden, layer];
  renderLegend();
  applyView($('article'), state.analysis, state);
  viewChanged();
}

// ---------------------------------------------------------------- render
function renderLegend() {
  for (const b of document.querySelectorAll('.layer')) b.setAttribute('aria-pressed', String(!state.hidden.includes(b.dataset.layer)));
  $('btn-labels').setAttribute('aria-pressed', String(state.labels));
}

function renderSidebar() {
  const a = state.analysis ?? { actors: [], quotes: [], entities: [] };
  $('actor-count').textContent = a.actors.length ? `(${a.actors.length})` : '';
  const root = $('actors');
  keepFocus(root, () => {
    const unfolded = root.querySelector('details.other-group')?.open;
    renderActors(root, state.text, a, state, state.filter, { select: (id) => select(id, { reveal: true }), goto: (i) => { openSheet(null); gotoQuote(i); }, gotoReport: (i) => { openSheet(null); gotoReport(i); }, correct, sheet: openSheet,
      markControls: (actor) => markControls(state.text, a, actor, { correct, selection: () => articleSelection?.(), say: status }) });
    if (unfolded) root.querySelector('details.other-group')?.setAttribute('open', '');
  });
}

/**
 * Rebuild `root` with `rebuild()`; a control in it that had the keyboard focus (a menu whose
 * correction was just applied with Enter, a tool's button) gets it back when a control of the same
 * kind and name is still there.
 */
function keepFocus(root, rebuild) {
  const was = document.activeElement;
  const name = was && root.contains(was) ? was.getAttribute('aria-label') : null;
  const tag = was?.tagName;
  rebuild();
  if (name) [...root.querySelectorAll(tag)].find((s) => s.getAttribute('aria-label') === name)?.focus();
}

async function render() {
  const editing = state.editing;
  $('editor-wrap').hidden = !editing;
  if (!editing) showEditorHint(false);
  const compare = state.compare && !editing;
  $('compare').hidden = !compare;
  $('btn-compare').setAttribute('aria-pressed', String(compare));
  const sheet = Boolean(state.sheet) && !editing && !compare && Boolean(state.analysis?.actors.some((a) => a.id === state.sheet));
  const table = state.table && !editing && !sheet && !compare && Boolean(state.analysis) && Boolean(state.text.trim());
  $('quote-table').hidden = !table;
  $('quote-sheet').hidden = !sheet;
  document.body.classList.toggle('sheet-open', sheet);
  if (sheet) renderSheet();
  $('btn-table').setAttribute('aria-pressed', String(table));
  if (table) renderTable();
  $('article').hidden = editing || !state.text.trim() || table || sheet || compare;
  $('empty').hidden = editing || compare || Boolean(state.text.trim());
  // the sample shown: a prompt to bring one's own article
  $('prompt').hidden = editing || table || sheet || compare || !showsSample();
  $('btn-edit').textContent = editing ? 'Show highlights' : 'Edit text';
  if (editing) { $('editor').value = state.text; updateCounter(); }
  renderLegend();
  renderSidebar();
  toolsDialog?.refresh();
  $('btn-undo').disabled = !state.edits.length && !state.previous;
  $('btn-undo').textContent = state.edits.length ? `Undo correction (${state.edits.length})` : state.previous ? 'Undo: previous article' : 'Undo correction';
  if (state.analysis) {
    if (!(await renderArticle($('article'), state.text, state.analysis, state))) return; // a newer render took over
  } else {
    $('article').replaceChildren(document.createTextNode(state.text));
  }
  showPicked(false);
  refind();
  document.body.dataset.ready = state.busy ? '0' : '1';
  if (!state.busy) document.body.dataset.phase = 'idle';
}

function renderTable() {
  const view = { sort: state.tableSort, speaker: state.tableSpeaker, kind: state.tableKind, open: state.tools };
  keepFocus($('quote-table'), () => renderQuoteTable($('quote-table'), state.text, state.analysis, view, {
    goto: (i) => { leaveTable(); gotoQuote(i); },
    gotoReport: (i) => { leaveTable(); gotoReport(i); },
    correct,
    sort: (key) => { state.tableSort = key; renderTable(); refind(); },
    filter: (f) => { state.tableSpeaker = f.speaker ?? state.tableSpeaker; state.tableKind = f.kind ?? state.tableKind; renderTable(); refind(); },
    // a note typed in the tools being closed (or left for another quotation's) is saved first
    tools: (i) => {
      const note = pendingNote($('quote-table'));
      state.tools = i;
      if (note) correct(note); else renderTable();
      if (i !== null) $(`tools-${i}`)?.querySelector('select')?.focus();
    },
    sheet: (id) => openSheet(id),
    cite: copyCitation,
    link: copyQuoteLink,
  }));
}

/** Show the quote sheet of an actor instead of the article (null: back). */
function openSheet(id) {
  state.sheet = id;
  render();
  if (id) $('quote-sheet').querySelector('h2')?.focus();
}

function renderSheet() {
  const { headline } = articleDetails();
  const back = el('button', { type: 'button', textContent: state.table ? 'Back to the table' : 'Back to the article' });
  back.addEventListener('click', () => openSheet(null));
  const print = el('button', { type: 'button', textContent: 'Print' });
  print.addEventListener('click', () => window.print());
  const save = el('button', { type: 'button', textContent: 'Export sheet (HTML)' });
  save.addEventListener('click', exportSheet);
  const nodes = sheetNodes(state.text, state.analysis, state.sheet, { headline, url: state.url, date: state.date });
  nodes[0]?.setAttribute('tabindex', '-1');
  keepFocus($('quote-sheet'), () => $('quote-sheet').replaceChildren(el('div', { class: 'sheet-actions' }, back, print, save), ...nodes));
}

async function exportSheet() {
  await whole();
  const css = await (await fetch(new URL('./style.css', import.meta.url))).text();
  const { headline } = articleDetails();
  const name = state.analysis.actors.find((a) => a.id === state.sheet)?.name ?? 'actor';
  download(`newslens-quotes-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'actor'}.html`, 'text/html', sheetHtml(state.text, state.analysis, state.sheet, { headline, url: state.url, date: state.date }, css));
}

/** Copy a quotation's (or a reported speech's: `what` 'report') citation, as plain text and rich text. */
async function copyCitation(i, what = 'quote') {
  await whole();
  const { headline } = articleDetails();
  const c = citation(state.text, state.analysis, i, { headline, url: state.url, date: state.date }, what);
  const name = toolsName(state.analysis, i, what).toLowerCase();
  status(await copyRich(c.plain, c.html) ? `Citation of ${name} copied (plain and rich text).` : 'The browser refused clipboard access.');
}

/** Copy a link to one quotation (or reported speech): the share link, with it outlined and scrolled to. */
async function copyQuoteLink(i, what = 'quote') {
  await whole();
  const url = `${location.origin}${location.pathname}${await serialize({ ...currentView(), [what]: i })}`;
  const name = toolsName(state.analysis, i, what).toLowerCase();
  try {
    await navigator.clipboard.writeText(url);
    status(`Link to ${name} copied (${url.length.toLocaleString()} characters).`);
  } catch {
    history.replaceState(null, '', url);
    status(`The link to ${name} is in the address bar.`);
  }
}

/** Outline the quotation a link points to, and bring it on screen. */
function showPicked(scroll = true) {
  if (state.picked === null) return;
  const parts = document.querySelectorAll(`#article ${state.picked}`);
  for (const e of parts) e.classList.add('picked');
  if (scroll && parts[0]) { parts[0].scrollIntoView({ block: 'center' }); parts[0].focus({ preventScroll: true }); }
}

function leaveTable() {
  state.table = false;
  $('quote-table').hidden = true;
  $('article').hidden = false;
  $('btn-table').setAttribute('aria-pressed', 'false');
  refind();
}

async function exportCsv() {
  await whole();
  if (!state.analysis) return;
  const rows = quoteRows(state.text, state.analysis);
  download('newslens-quotes.csv', 'text/csv;charset=utf-8', toCsv(sorted(filtered(rows, state.tableSpeaker, state.tableKind), state.tableSort), articleDetails()));
}

/** The article's headline (its first line), source and date, as the exports carry them. */
function articleDetails() {
  const headline = state.text.split('\n').find((l) => l.trim())?.trim() ?? '';
  return { headline, source: state.url || null, date: state.date || null };
}

function updateCounter() {
  const n = $('editor').value.length;
  $('counter').textContent = n ? `${n.toLocaleString()} characters` : '';
}

function gotoQuote(i) { gotoElement(document.querySelector(`#article [data-quote="${i}"]`)); }
function gotoReport(i) { gotoElement(document.querySelector(`#article [data-report="${i}"]`)); }
function gotoElement(q) {
  if (q) { q.scrollIntoView({ block: 'center', behavior: 'smooth' }); q.focus({ preventScroll: true }); }
}

// ---------------------------------------------------------------- find in the article
// Hits are painted with the CSS Custom Highlight API: the article's elements stay as they are.
const find = { hits: [], current: -1 };

/** What Find searches: the who-said-what table while it is open, else the article. */
function findRoot() { return $('quote-table').hidden ? $('article') : $('quote-table'); }

/** Say in the field what Find searches, and search again when that changed. */
function refind() {
  $('find').placeholder = findRoot() === $('article') ? 'in the article' : 'in the table';
  if ($('find').value) runFind(0);
}

/**
 * Ranges of every case-insensitive occurrence of `needle` in the text nodes of `root` that are
 * shown (a menu's options and hidden hints are left out).
 */
function findRanges(root, needle) {
  const ranges = [];
  if (!needle) return ranges;
  const lower = needle.toLocaleLowerCase();
  // the article's text is the concatenation of its text nodes: search it whole (a hit may cross
  // a name's or a quotation's edge), then map offsets back to nodes
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('select, [hidden]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
  const hay = all.toLocaleLowerCase();
  const at = (offset) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (nodes[mid][1] <= offset) lo = mid; else hi = mid - 1; }
    return [nodes[lo][0], offset - nodes[lo][1]];
  };
  for (let i = hay.indexOf(lower); i !== -1 && ranges.length < 10000; i = hay.indexOf(lower, i + lower.length)) {
    const r = new Range();
    r.setStart(...at(i));
    r.setEnd(...at(i + lower.length - 1).map((x, k) => (k ? x + 1 : x)));
    ranges.push(r);
  }
  return ranges;
}

function runFind(step = 0) {
  const needle = $('find').value;
  if (step === 0) {
    const root = findRoot();
    find.hits = state.analysis && !root.hidden ? findRanges(root, needle) : [];
    find.current = find.hits.length ? 0 : -1;
  } else if (find.hits.length) {
    find.current = (find.current + step + find.hits.length) % find.hits.length;
  }
  if (globalThis.CSS?.highlights) {
    CSS.highlights.set('find-hit', new Highlight(...find.hits));
    CSS.highlights.set('find-current', new Highlight(...(find.current >= 0 ? [find.hits[find.current]] : [])));
  }
  const n = find.hits.length;
  $('find-count').textContent = needle ? (n ? `${find.current + 1} of ${n}` : 'no match') : '';
  document.body.dataset.findHits = String(n);
  const r = find.hits[find.current];
  if (r) {
    const box = r.getBoundingClientRect();
    window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: 'instant' });
  }
}

// ---------------------------------------------------------------- the card (card.js)
/*
 * The card of a name, quotation or reported speech: its lines for the eye; a screen reader hears
 * its spoken form (render.js cardSpoken: the kind, then whose it is).
 */
let card = null;
function hideCard() { card?.hide(); }
let toolsDialog = null; // a quotation's tools over the article (toolsdialog.js)
let comparison = null; // the comparison view (comparepage.js)
let articleSelection = null; // the words last selected in the article (addactor.js)

// ---------------------------------------------------------------- keyboard: follow an actor
function moveMention(dir) {
  const marks = [...document.querySelectorAll('#article .sel')];
  if (!marks.length) return;
  const i = marks.indexOf(document.activeElement.closest?.('.sel'));
  const next = marks[(i + dir + marks.length) % marks.length] ?? marks[0];
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- share / export
/** Source and Date fields left empty are marked, so that print leaves them out (style.css). */
function markBlankDetails() {
  for (const id of ['src-url', 'src-date']) $(id).closest('label').toggleAttribute('data-blank', !$(id).value.trim());
}

/** What a share link holds: the article and how it is seen. */
function currentView() {
  return { text: state.text, selected: state.selected, hidden: state.hidden, edits: state.edits, labels: state.labels, url: state.url, date: state.date };
}

/*
 * The link in the address bar (put there by Share, or the link the page was opened from) never
 * outlives the view it holds: a change to the same article's view (a correction, an undo, the
 * followed actor, a layer, labels, source, date) rewrites it; another article drops it. A reload
 * shows what the reader last saw: the link, or, with none, the saved draft and its corrections.
 */
let linkToken = 0;
function viewChanged() {
  if (location.hash.length < 2 || !state.text.trim() || state.pending) return;
  const token = ++linkToken;
  serialize(currentView()).then((frag) => {
    if (token === linkToken && location.hash.length > 1) history.replaceState(null, '', frag);
  });
}
function dropLink() {
  linkToken++;
  if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
}

async function share() {
  if (!state.text.trim()) { status('Nothing to share yet.'); return; }
  await whole(); // the followed actor's id is the whole analysis's
  // the view may change while the link is being made: then it is made again, of the new view
  let token;
  let frag;
  do { token = ++linkToken; frag = await serialize(currentView()); } while (token !== linkToken);
  const url = `${location.origin}${location.pathname}${frag}`;
  history.replaceState(null, '', frag);
  let copied = false;
  try { await navigator.clipboard.writeText(url); copied = true; } catch { /* no permission: the link is in the address bar */ }
  const len = url.length.toLocaleString();
  if (url.length > LINK_WARN_CHARS) {
    status(`The link is ${len} characters: many apps cut links this long. Use Export HTML to share the article as a file instead.`);
  } else {
    status(copied ? `Link copied (${len} characters). The article travels inside the link; no server sees it.` : `The link is in the address bar (${len} characters).`);
  }
}

function exportJson() {
  // the who-said-what rows too (the table's content, article order), for readers of the file
  const whoSaidWhat = quoteRows(state.text, state.analysis).map(({ index, start, ...row }) => ({ row: index + 1, ...row }));
  // the corrections as made, so that a reader of the file sees what was changed by hand
  const details = articleDetails();
  const rows = quoteRows(state.text, state.analysis).filter((r) => r.kind === 'quoted');
  const checked = { line: checkedLine(rows), checked: rows.filter((r) => r.check === 'checked').length, flagged: rows.filter((r) => r.check === 'flagged').length, quotations: rows.length };
  return JSON.stringify({ offsets: 'utf16', text: state.text, details, ...state.analysis, who_said_what: whoSaidWhat, checked, corrections: state.edits }, null, 2);
}

async function exportHtmlFile() {
  await whole();
  if (!state.analysis) return;
  const css = await (await fetch(new URL('./style.css', import.meta.url))).text();
  // the article's first line (its headline) names the exported file's page
  const headline = state.text.split('\n').find((l) => l.trim())?.trim().slice(0, 120) || 'newslens export';
  download('newslens-article.html', 'text/html', await exportHtml(state.text, state.analysis, css, headline, { url: state.url, date: state.date }));
}

// ---------------------------------------------------------------- files
async function loadFile(file) {
  if (!file) return;
  if (file.size > MAX_TEXT_CHARS * 4) { showError(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB: too large for newslens.`); return; }
  const raw = await file.text();
  const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html';
  await setText(isHtml ? htmlToText(raw) : raw.replace(/^\uFEFF/, ''));
}

/** The sample article's text, once fetched: the page knows when it shows the sample. */
let sampleText = null;
async function fetchSample() {
  // boot.js's fetch when it made one
  sampleText ??= (await bootSample?.catch(() => null)) ?? normaliseLineEndings(await (await fetch(new URL('./sample.txt', import.meta.url))).text());
  return sampleText;
}
function showsSample() { return sampleText !== null && state.text === sampleText; }

async function loadSample() {
  await setText(await fetchSample());
}

/**
 * Open the editor. On the sample its whole text is selected, so that a paste or a keystroke
 * replaces it (a reader who opens the editor over the sample means to bring their own article;
 * one arrow key keeps the sample to edit); the reader's own text opens as it is.
 */
function openEditor() {
  state.editing = true;
  render();
  const ed = $('editor');
  ed.focus();
  const sample = showsSample();
  if (sample) { ed.setSelectionRange(0, ed.value.length, 'backward'); ed.scrollTop = 0; }
  showEditorHint(sample);
}
/** The hint that the sample is selected, shown and read with the editor (or neither). */
function showEditorHint(on) {
  $('editor-hint').hidden = !on;
  if (on) $('editor').setAttribute('aria-describedby', 'editor-hint');
  else $('editor').removeAttribute('aria-describedby');
}

async function loadFromHash() {
  try {
    const v = await parse(location.hash);
    await setText(v.text, { selected: v.selected, hidden: v.hidden, edits: v.edits, labels: v.labels, url: v.url, date: v.date, fromLink: true });
    const picked = v.quote !== undefined && state.analysis?.quotes[v.quote] ? `[data-quote="${v.quote}"]`
      : v.report !== undefined && state.analysis?.attributions[v.report] ? `[data-report="${v.report}"]` : null;
    if (picked) { state.picked = picked; state.table = false; await render(); showPicked(); }
    if (v.compare) await comparison.load(v.compare);
    return true;
  } catch (e) {
    state.text = '';
    state.raw = state.analysis = { entities: [], quotes: [], attributions: [], actors: [] };
    state.editing = true;
    render();
    showError(e instanceof ShareError ? e.message : 'This link could not be opened.');
    return false;
  }
}

// ---------------------------------------------------------------- wiring
function wire() {
  $('btn-sample').addEventListener('click', loadSample);
  $('btn-sample2').addEventListener('click', loadSample);
  $('btn-edit').addEventListener('click', () => {
    if (state.editing) setText($('editor').value, { hidden: state.hidden });
    else openEditor();
  });
  $('btn-own').addEventListener('click', openEditor);
  $('btn-analyze').addEventListener('click', () => setText($('editor').value, { hidden: state.hidden }));
  $('editor').addEventListener('input', () => {
    showEditorHint(false);
    updateCounter();
    const v = $('editor').value;
    if (v.length <= MAX_DRAFT_CHARS) try { localStorage.setItem(DRAFT_KEY, v); } catch { /* storage full or disabled */ }
  });
  // a paste that replaces the whole text (into an empty editor, or over all of it selected, as the
  // sample is when the editor opens on it) highlights it at once; a paste into text being edited
  // stays in the editor
  $('editor').addEventListener('paste', () => {
    const ed = $('editor');
    const replacesAll = !ed.value.trim() || (ed.selectionStart === 0 && ed.selectionEnd === ed.value.length);
    if (replacesAll) setTimeout(() => setText(ed.value, { hidden: state.hidden }), 0);
  });
  // Ctrl+V anywhere outside a text field, editor closed: the pasted text becomes the article
  document.addEventListener('paste', (e) => {
    if (state.editing || e.target.closest?.('input, textarea')) return;
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    if (!pasted.trim()) return;
    e.preventDefault();
    setText(pasted, { hidden: state.hidden });
  });
  $('editor').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) setText($('editor').value, { hidden: state.hidden }); });
  // a button, so that "Open file…" is a tab stop and works with Enter and Space; the file input
  // itself stays hidden. Its value is cleared after each pick: the same file can be opened again.
  $('btn-open').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (e) => { const f = e.target.files[0]; e.target.value = ''; loadFile(f); });
  // Share in the comparison view shares the comparison (both versions)
  $('btn-share').addEventListener('click', () => (state.compare && !state.editing ? comparison.share() : share()));
  $('btn-undo').addEventListener('click', undo);
  $('src-url').addEventListener('change', (e) => { state.url = e.target.value.trim(); viewChanged(); });
  $('src-date').addEventListener('change', (e) => { state.date = e.target.value; viewChanged(); });
  for (const id of ['src-url', 'src-date']) $(id).addEventListener('input', markBlankDetails);
  $('find').addEventListener('input', () => runFind(0));
  $('find').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); runFind(e.shiftKey ? -1 : 1); }
    if (e.key === 'Escape') { e.target.value = ''; runFind(0); }
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !e.target.closest?.('input, textarea, select')) {
      e.preventDefault();
      undo();
    }
  });
  $('btn-cancel').addEventListener('click', cancelAnalysis);
  // a button, not a #fragment link: fragments are share links here
  $('btn-skip').addEventListener('click', () => $('actor-filter').focus());
  $('btn-table').addEventListener('click', () => { state.table = state.sheet || state.compare ? true : !state.table; state.sheet = null; state.compare = false; render(); });
  // an actor the reader adds is followed at once, so that names can be marked as theirs
  wireAddActor($('btn-add-actor'), $('add-actor'), (edit) => {
    correct(edit);
    const id = `n${state.edits.filter((e) => e.op === 'add').length}`;
    if (state.analysis?.actors.some((x) => x.id === id)) select(id);
  });
  articleSelection = trackSelection($('article'));
  comparison = wireCompare({
    state, render, analyse: runAnalysis, clean: normaliseLineEndings, reject: rejectText, status, download,
    view: currentView, css: async () => (await fetch(new URL('./style.css', import.meta.url))).text(),
  });
  // a choice in the menu of rarer actions closes it (the action itself runs on)
  for (const b of $('more-menu').querySelectorAll('button')) b.addEventListener('click', () => $('more-menu').hidePopover());
  $('btn-export-csv').addEventListener('click', exportCsv);
  $('btn-export-html').addEventListener('click', exportHtmlFile);
  $('btn-export-json').addEventListener('click', async () => { await whole(); if (state.analysis) download('newslens-analysis.json', 'application/json', exportJson()); });
  $('btn-copy-json').addEventListener('click', async () => {
    await whole();
    try { await navigator.clipboard.writeText(exportJson()); status('Analysis copied as JSON.'); } catch { status('The browser refused clipboard access; use Export JSON.'); }
  });
  for (const b of document.querySelectorAll('.layer')) b.addEventListener('click', () => toggleLayer(b.dataset.layer));
  $('btn-labels').addEventListener('click', () => {
    state.labels = !state.labels;
    renderLegend();
    applyView($('article'), state.analysis, state);
    viewChanged();
  });
  $('actor-filter').addEventListener('input', (e) => { state.filter = e.target.value; renderSidebar(); });
  const art = $('article');
  // a quotation's tools, from the article: its card offers "Check & cite" (toolsdialog.js)
  toolsDialog = wireToolsDialog($('tools-dialog'), {
    data: () => ({ text: state.text, analysis: state.analysis }),
    correct,
    cite: copyCitation,
    link: copyQuoteLink,
    element: (i, what) => document.querySelector(`#article [data-${what}="${i}"]`),
  });
  const toolsOf = (t) => {
    const q = t.closest('[data-quote],[data-report]');
    if (!q) return undefined;
    const what = q.dataset.quote !== undefined ? 'quote' : 'report';
    const i = Number(q.dataset[what]);
    return { label: 'Check & cite', name: `Check & cite ${toolsName(state.analysis, i, what).toLowerCase()}`, run: () => toolsDialog.open(i, what) };
  };
  card = wireCard(art, $('card'), (t) => (state.analysis
    ? { lines: cardLines(t, state.text, state.analysis), spoken: cardSpoken(t, state.analysis), action: toolsOf(t) }
    : { lines: [], spoken: '' }));
  // a click on a name or quotation follows its actor (again: stop following)
  art.addEventListener('click', (e) => {
    const t = e.target.closest('[data-actor]');
    if (t && !window.getSelection()?.toString()) select(state.selected === t.dataset.actor ? null : t.dataset.actor);
  });
  // the article is one tab stop: arrow keys move between its names and quotations, Enter on one
  // follows its actor (while an actor is followed, arrows move between that actor's mentions)
  art.addEventListener('keydown', (e) => {
    if (state.selected) return;
    const marks = () => [...art.querySelectorAll('[data-entity],[data-quote],[data-report]')];
    const here = e.target.closest?.('[data-entity],[data-quote],[data-report]');
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step) {
      e.preventDefault();
      const all = marks();
      if (!all.length) return;
      const i = here ? all.indexOf(here) : (step > 0 ? -1 : all.length);
      const next = all[Math.min(all.length - 1, Math.max(0, i + step))];
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const all = marks();
      (e.key === 'Home' ? all[0] : all.at(-1))?.focus();
    } else if (e.key === 'Enter' && here) {
      const a = here.closest('[data-actor]')?.dataset.actor;
      if (a) { e.preventDefault(); select(a); }
    }
  });
  document.addEventListener('keydown', (e) => {
    if (!state.selected || e.target.matches('input, textarea') || e.target.closest('dialog')) return;
    // in a menu the arrow keys are the menu's own
    const arrows = !e.target.matches('select');
    if (arrows && (e.key === 'ArrowRight' || e.key === 'ArrowDown' && e.target.closest('#article'))) { e.preventDefault(); moveMention(1); }
    if (arrows && (e.key === 'ArrowLeft' || e.key === 'ArrowUp' && e.target.closest('#article'))) { e.preventDefault(); moveMention(-1); }
    if (e.key === 'Escape') select(null);
  });
  window.addEventListener('dragover', (e) => { e.preventDefault(); $('drop').hidden = false; });
  window.addEventListener('dragleave', (e) => { if (!e.relatedTarget) $('drop').hidden = true; });
  window.addEventListener('drop', (e) => { e.preventDefault(); $('drop').hidden = true; loadFile(e.dataTransfer?.files?.[0]); });
  window.addEventListener('hashchange', () => { if (location.hash) loadFromHash(); });
}

async function start() {
  performance.mark('newslens-app');
  wire();
  markBlankDetails();
  // on a phone the article comes first: source, date and find fold away behind their summary
  if (window.matchMedia('(max-width: 600px)').matches) $('details').open = false;
  if (location.hash.length > 1) { await loadFromHash(); return; }
  let draft = null;
  try { draft = localStorage.getItem(DRAFT_KEY); } catch { /* storage disabled */ }
  await fetchSample().catch(() => {}); // the sample unreachable: no prompt, the page works on
  performance.mark('newslens-sample');
  if (draft && draft.trim()) await setText(draft, { edits: savedEdits(normaliseLineEndings(draft)) });
  else await loadSample();
}

start();
