// Who said what, as a table: every quotation and every piece of reported speech, in article order
// (or by speaker, or least sure first), with its speaker, role, cue word, paragraph, how sure the
// machine is and the reader's check, "no speaker found" when there is none; filtered by speaker
// and kind; each row opens its tools (quotetools.js: a quotation's, or a reported speech's). And
// the same rows as CSV.
// `quoteRows`, the sorts, the filter and `toCsv` are pure; the render function only builds
// elements, with text as text nodes.

import { el, isReported, choiceMenu } from './render.js';
import { quoteTools } from './quotetools.js';

/**
 * One row per quotation and per reported statement, in article order: {index (row number),
 * kind ('quoted' | 'reported'), quote (index into quotes) or att (index into attributions),
 * words, speaker, actor, role, cue, unsure, paragraph (from 1)}.
 */
export function quoteRows(text, analysis) {
  const actors = new Map(analysis.actors.map((a) => [a.id, a]));
  // paragraph starts: as in the core, a line break ends a paragraph (blank lines start none)
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (i + 1 < text.length && text[i + 1] !== '\n') starts.push(i + 1);
  const paragraphOf = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
  const who = (actorId, asWritten) => {
    const a = actorId ? actors.get(actorId) : null;
    return { speaker: a ? a.name : (asWritten ?? ''), actor: a ? a.id : null, role: a?.role ?? '' };
  };
  const quoted = analysis.quotes.map((q, quote) => ({
    kind: 'quoted',
    quote,
    start: q.start,
    words: text.slice(q.start, q.end),
    ...who(q.actor, q.speaker_text),
    cue: q.cue ? text.slice(q.cue[0], q.cue[1]) : '',
    unsure: Boolean(q.actor) && q.confidence === 'unsure',
    corrected: Boolean(q.corrected),
    check: q.check ?? '',
    note: q.note ?? '',
  }));
  const reported = [];
  (analysis.attributions ?? []).forEach((r, att) => {
    if (!isReported(r) || !r.content.length) return;
    reported.push({
      kind: 'reported',
      att,
      start: r.content[0][0],
      words: r.content.map(([s, e]) => text.slice(s, e)).join(' … '),
      ...who(r.actor, r.source_refers_to ?? r.source_text),
      cue: r.cue.map(([s, e]) => text.slice(s, e)).join(' '),
      unsure: false,
      corrected: Boolean(r.corrected),
      check: r.check ?? '',
      note: r.note ?? '',
    });
  });
  return [...quoted, ...reported]
    .sort((x, y) => x.start - y.start)
    .map((r, index) => ({ ...r, index, paragraph: paragraphOf(r.start) }));
}

/** Rows sorted by speaker (unattributed last), article order within a speaker. */
export function bySpeaker(rows) {
  return [...rows].sort((x, y) => (!x.speaker - !y.speaker) || x.speaker.localeCompare(y.speaker) || x.index - y.index);
}

/**
 * How sure a row's speaker is, as a word: '' (reported speech), 'none' (no actor: no speaker, or
 * one only as written, "a voice"), 'unsure', 'sure', 'corrected' (by the reader).
 */
export function confidenceOf(r) {
  return r.corrected ? 'corrected' : r.kind === 'reported' ? '' : !r.actor ? 'none' : r.unsure ? 'unsure' : 'sure';
}
const RANK = { none: 0, unsure: 1, sure: 2, corrected: 3, '': 4 };
/** Rows by confidence: no actor first, then unsure, sure, corrected by hand; reported speech last. */
export function byConfidence(rows) {
  return [...rows].sort((x, y) => RANK[confidenceOf(x)] - RANK[confidenceOf(y)] || x.index - y.index);
}

/** Rows in the order `sort` names ('article', 'speaker', 'confidence'). */
export function sorted(rows, sort) {
  return sort === 'speaker' ? bySpeaker(rows) : sort === 'confidence' ? byConfidence(rows) : rows;
}

/** Rows of one speaker ('' all; NO_SPEAKER: none found) and one kind ('' all, 'quoted', 'reported'). */
export const NO_SPEAKER = '-';
export function filtered(rows, speaker = '', kind = '') {
  return rows.filter((r) => (!kind || r.kind === kind) && (!speaker || (speaker === NO_SPEAKER ? !r.speaker : r.speaker === speaker)));
}

/** "attributed by machine, checked by the reader: N of M" (M: the quotations). */
export function checkedLine(rows) {
  const quoted = rows.filter((r) => r.kind === 'quoted');
  return `attributed by machine, checked by the reader: ${quoted.filter((r) => r.check === 'checked').length} of ${quoted.length}`;
}

/**
 * RFC 4180 CSV; cells that a spreadsheet would run as a formula start with an apostrophe. It starts
 * with a UTF-8 byte order mark, without which spreadsheets read the curly quotes as Latin-1, and
 * each row carries the article's headline, source and date (`details`), so that rows copied into
 * another sheet keep where they came from.
 */
export function toCsv(rows, details = {}) {
  const cell = (v) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['#', 'words', 'kind', 'speaker', 'role', 'cue', 'paragraph', 'confidence', 'check', 'note', 'headline', 'source', 'date'];
  const lines = [head.join(',')];
  const from = [details.headline, details.source, details.date];
  for (const r of rows) {
    const confidence = { none: '' }[confidenceOf(r)] ?? confidenceOf(r);
    lines.push([r.index + 1, r.words, r.kind, r.speaker || 'no speaker found', r.role, r.cue, r.paragraph, confidence, r.check, r.note, ...from].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The key of a row's tools: a quotation's index, or "r" and a reported speech's attribution. */
export function toolsKey(r) { return r.kind === 'quoted' ? r.quote : `r${r.att}`; }

/** The speaker of a row, and a menu that credits it to another actor (a correction). */
function speakerCell(r, analysis, handlers) {
  const label = (r.speaker || 'no speaker found') + (r.unsure ? ' (?)' : '') + (r.corrected ? ' ✎' : '');
  const td = el('td', { class: r.speaker ? 'speaker' : 'speaker none' }, el('span', { textContent: label }));
  if (!handlers.correct) return td;
  const pick = el('select', { class: 'reassign', 'aria-label': `${r.kind === 'quoted' ? 'Quotation' : 'Reported speech'} ${r.index + 1}: credit to` },
    el('option', { value: '', textContent: 'change…' }),
    ...analysis.actors.filter((a) => a.id !== r.actor).map((a) => el('option', { value: a.id, textContent: a.name })),
    r.actor ? el('option', { value: '-', textContent: 'no speaker' }) : null);
  const at = r.kind === 'quoted' ? { quote: r.quote } : { report: r.att };
  const hint = choiceMenu(pick, (v) => { if (v) handlers.correct({ op: 'speaker', ...at, actor: v === '-' ? null : v }); });
  td.append(' ', pick, hint);
  return td;
}

const CONFIDENCE_WORDS = { none: 'no actor', unsure: 'unsure', sure: 'sure', corrected: 'corrected ✎', '': '' };
const CHECK_WORDS = { checked: '✓ checked', flagged: '⚑ flagged' };

/** The check cell: how sure the machine is, the reader's mark, and the button to the row's tools. */
function checkCell(r, open, handlers) {
  const td = el('td', { class: 'check', data: { label: 'check' } },
    el('span', { class: `conf conf-${confidenceOf(r) || 'reported'}`, textContent: CONFIDENCE_WORDS[confidenceOf(r)] }),
    r.check ? el('span', { class: `mark mark-${r.check}`, textContent: ` ${CHECK_WORDS[r.check]}` }) : null,
    r.note ? el('span', { class: 'note', textContent: ` · ${r.note}` }) : null);
  if (handlers.tools) {
    const b = el('button', { type: 'button', class: 'tools-toggle', 'aria-expanded': String(open), 'aria-controls': `tools-${toolsKey(r)}`, 'aria-label': `Check & cite ${r.kind === 'quoted' ? 'quotation' : 'reported speech'} ${r.index + 1}`, textContent: 'Check & cite' });
    b.dataset.keepsNote = ''; // a press that closes the tools saves their unsaved note (quotetools.js)
    b.addEventListener('click', () => handlers.tools(open ? null : toolsKey(r)));
    td.append(' ', b);
  }
  return td;
}

/** The filters above the table: a speaker and a kind (menus: Enter or a click applies), and the speaker's quote sheet. */
function filters(rows, view, handlers) {
  const names = [...new Set(rows.map((r) => r.speaker).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const speaker = el('select', { 'aria-label': 'Show the rows of' },
    el('option', { value: '', textContent: 'every speaker' }),
    ...names.map((n) => el('option', { value: n, textContent: n, selected: view.speaker === n })),
    el('option', { value: NO_SPEAKER, textContent: 'no speaker found', selected: view.speaker === NO_SPEAKER }));
  const kind = el('select', { 'aria-label': 'Show the kind' },
    ...[['', 'quotations and reported speech'], ['quoted', 'quotations'], ['reported', 'reported speech']]
      .map(([v, t]) => el('option', { value: v, textContent: t, selected: view.kind === v })));
  const box = el('div', { class: 'table-filters' },
    el('label', {}, el('span', { textContent: 'Speaker ' }), speaker), choiceMenu(speaker, (v) => handlers.filter({ speaker: v })),
    el('label', {}, el('span', { textContent: 'Kind ' }), kind), choiceMenu(kind, (v) => handlers.filter({ kind: v })));
  const actor = view.speaker && view.speaker !== NO_SPEAKER ? rows.find((r) => r.speaker === view.speaker && r.actor)?.actor : null;
  if (actor && handlers.sheet) {
    const b = el('button', { type: 'button', textContent: `Quote sheet of ${view.speaker}` });
    b.addEventListener('click', () => handlers.sheet(actor));
    box.append(b);
  }
  return box;
}

/**
 * The table into `root`. `view`: {sort: 'article' | 'speaker' | 'confidence', speaker, kind (filters),
 * open (the toolsKey of the row whose tools are open, or null)}; handlers {goto(quote), gotoReport(att),
 * sort(key), correct(edit), filter({speaker?, kind?}), tools(toolsKey | null), sheet(actor), cite(i, what), link(i, what)}.
 */
export function renderQuoteTable(root, text, analysis, view, handlers) {
  const rows = quoteRows(text, analysis);
  const shown = sorted(filtered(rows, view.speaker, view.kind), view.sort);
  const sort = view.sort;
  const th = (label, key, cls) => {
    const b = el('button', { type: 'button', class: 'linkish', textContent: label });
    b.addEventListener('click', () => handlers.sort(key));
    return el('th', { scope: 'col', class: cls ?? '', 'aria-sort': sort === key ? (key === 'confidence' ? 'other' : 'ascending') : 'none' }, b);
  };
  const head = el('tr', {}, th('#', 'article'), el('th', { scope: 'col', class: 'words', textContent: 'Words' }), el('th', { scope: 'col', textContent: 'Kind' }), th('Speaker', 'speaker'),
    el('th', { scope: 'col', textContent: 'Role' }), el('th', { scope: 'col', textContent: 'Cue' }), th('¶', 'article'), th('Check', 'confidence', 'check'));
  const body = [];
  for (const r of shown) {
    const jump = el('button', { type: 'button', class: r.kind === 'quoted' ? 'quote-link' : 'report-link', textContent: r.words.length > 200 ? `${r.words.slice(0, 197)}…` : r.words });
    jump.addEventListener('click', () => (r.kind === 'quoted' ? handlers.goto(r.quote) : handlers.gotoReport(r.att)));
    const data = r.kind === 'quoted' ? { quote: String(r.quote), actor: r.actor ?? '' } : { report: String(r.att), actor: r.actor ?? '' };
    const open = view.open === toolsKey(r);
    // the classes and labels lay a row out as a card on phones (style.css)
    body.push(el('tr', { class: `row-${r.kind}${r.check ? ` row-${r.check}` : ''}`, data },
      el('td', { class: 'num', textContent: String(r.index + 1) }), el('td', { class: 'words' }, jump),
      el('td', { class: 'kind', textContent: r.kind }),
      speakerCell(r, analysis, handlers),
      el('td', { class: 'role', textContent: r.role }), el('td', { class: 'cue', data: { label: 'cue' }, textContent: r.cue }),
      el('td', { class: 'para', data: { label: '¶' }, textContent: String(r.paragraph) }),
      checkCell(r, open, handlers)));
    if (open) {
      const tools = r.kind === 'quoted' ? quoteTools(text, analysis, r.quote, handlers) : quoteTools(text, analysis, r.att, handlers, 'report');
      body.push(el('tr', { class: 'tools-row' }, el('td', { colSpan: 8, id: `tools-${toolsKey(r)}` }, tools)));
    }
  }
  const quoted = rows.filter((r) => r.kind === 'quoted');
  const reported = rows.length - quoted.length;
  const caption = el('caption', { textContent: `${quoted.length} quotation${quoted.length === 1 ? '' : 's'}, ${quoted.filter((r) => !r.speaker).length} without a speaker · ${reported} reported · ${checkedLine(rows)}${shown.length < rows.length ? ` · showing ${shown.length} of ${rows.length}` : ''}` });
  root.replaceChildren(...(rows.length ? [filters(rows, view, handlers), el('table', { class: 'quote-table' }, caption, el('thead', {}, head), el('tbody', {}, ...body))]
    : [el('p', { class: 'hint', textContent: 'No quotations or reported speech in this article.' })]));
}
