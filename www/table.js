// Who said what, as a table: every quotation and every piece of reported speech, in article order
// (or by speaker), with its speaker, role, cue word and paragraph, "no speaker found" when there is
// none; and the same rows as CSV.
// `quoteRows` and `toCsv` are pure (tested in the browser with the page's own modules); the render
// function only builds elements, with text as text nodes.

import { el, isReported, choiceMenu } from './render.js';

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
      corrected: false,
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
  const head = ['#', 'words', 'kind', 'speaker', 'role', 'cue', 'paragraph', 'confidence', 'headline', 'source', 'date'];
  const lines = [head.join(',')];
  const from = [details.headline, details.source, details.date];
  for (const r of rows) {
    const confidence = r.kind === 'reported' ? '' : r.corrected ? 'corrected' : r.unsure ? 'unsure' : (r.actor ? 'sure' : '');
    lines.push([r.index + 1, r.words, r.kind, r.speaker || 'no speaker found', r.role, r.cue, r.paragraph, confidence, ...from].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The speaker of a row; for a quotation, a menu that credits it to another actor (a correction). */
function speakerCell(r, analysis, handlers) {
  const label = (r.speaker || 'no speaker found') + (r.unsure ? ' (?)' : '') + (r.corrected ? ' ✎' : '');
  const td = el('td', { class: r.speaker ? 'speaker' : 'speaker none' }, el('span', { textContent: label }));
  if (r.kind !== 'quoted' || !handlers.correct) return td;
  const pick = el('select', { class: 'reassign', 'aria-label': `Quotation ${r.index + 1}: credit to` },
    el('option', { value: '', textContent: 'change…' }),
    ...analysis.actors.filter((a) => a.id !== r.actor).map((a) => el('option', { value: a.id, textContent: a.name })),
    r.actor ? el('option', { value: '-', textContent: 'no speaker' }) : null);
  const hint = choiceMenu(pick, (v) => { if (v) handlers.correct({ op: 'speaker', quote: r.quote, actor: v === '-' ? null : v }); });
  td.append(' ', pick, hint);
  return td;
}

/** The table into `root`; `sort` is 'article' or 'speaker'; handlers {goto(quote), gotoReport(att), sort(key)}. */
export function renderQuoteTable(root, text, analysis, sort, handlers) {
  const rows = quoteRows(text, analysis);
  const shown = sort === 'speaker' ? bySpeaker(rows) : rows;
  const th = (label, key) => {
    const b = el('button', { type: 'button', class: 'linkish', textContent: label });
    b.addEventListener('click', () => handlers.sort(key));
    return el('th', { scope: 'col', 'aria-sort': sort === key ? 'ascending' : 'none' }, b);
  };
  const head = el('tr', {}, th('#', 'article'), el('th', { scope: 'col', class: 'words', textContent: 'Words' }), el('th', { scope: 'col', textContent: 'Kind' }), th('Speaker', 'speaker'),
    el('th', { scope: 'col', textContent: 'Role' }), el('th', { scope: 'col', textContent: 'Cue' }), th('¶', 'article'));
  const body = shown.map((r) => {
    const jump = el('button', { type: 'button', class: r.kind === 'quoted' ? 'quote-link' : 'report-link', textContent: r.words.length > 200 ? `${r.words.slice(0, 197)}…` : r.words });
    jump.addEventListener('click', () => (r.kind === 'quoted' ? handlers.goto(r.quote) : handlers.gotoReport(r.att)));
    const data = r.kind === 'quoted' ? { quote: String(r.quote), actor: r.actor ?? '' } : { report: String(r.att), actor: r.actor ?? '' };
    // the classes and labels lay a row out as a card on phones (style.css)
    return el('tr', { class: `row-${r.kind}`, data },
      el('td', { class: 'num', textContent: String(r.index + 1) }), el('td', { class: 'words' }, jump),
      el('td', { class: 'kind', textContent: r.kind }),
      speakerCell(r, analysis, handlers),
      el('td', { class: 'role', textContent: r.role }), el('td', { class: 'cue', data: { label: 'cue' }, textContent: r.cue }),
      el('td', { class: 'para', data: { label: '¶' }, textContent: String(r.paragraph) }));
  });
  const quoted = rows.filter((r) => r.kind === 'quoted');
  const reported = rows.length - quoted.length;
  const caption = el('caption', { textContent: `${quoted.length} quotation${quoted.length === 1 ? '' : 's'}, ${quoted.filter((r) => !r.speaker).length} without a speaker · ${reported} reported` });
  root.replaceChildren(rows.length ? el('table', { class: 'quote-table' }, caption, el('thead', {}, head), el('tbody', {}, ...body))
    : el('p', { class: 'hint', textContent: 'No quotations or reported speech in this article.' }));
}
