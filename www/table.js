// Who said what, as a table: every quotation in article order (or by speaker) with its speaker,
// role, cue word and paragraph, "no speaker found" when there is none; and the same rows as CSV.
// `quoteRows` and `toCsv` are pure (tested in the browser with the page's own modules); the render
// function only builds elements, with text as text nodes.

import { el } from './render.js';

/** One row per quotation: {index, quote, speaker, actor, role, cue, paragraph} (paragraph from 1). */
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
  return analysis.quotes.map((q, index) => {
    const a = q.actor ? actors.get(q.actor) : null;
    return {
      index,
      quote: text.slice(q.start, q.end),
      speaker: a ? a.name : (q.speaker_text ?? ''),
      actor: a ? a.id : null,
      role: a?.role ?? '',
      cue: q.cue ? text.slice(q.cue[0], q.cue[1]) : '',
      unsure: Boolean(a) && q.confidence === 'unsure',
      paragraph: paragraphOf(q.start),
    };
  });
}

/** Rows sorted by speaker (unattributed last), article order within a speaker. */
export function bySpeaker(rows) {
  return [...rows].sort((x, y) => (!x.speaker - !y.speaker) || x.speaker.localeCompare(y.speaker) || x.index - y.index);
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula start with an apostrophe. */
export function toCsv(rows) {
  const cell = (v) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['#', 'quotation', 'speaker', 'role', 'cue', 'paragraph', 'confidence'];
  const lines = [head.join(',')];
  for (const r of rows) lines.push([r.index + 1, r.quote, r.speaker || 'no speaker found', r.role, r.cue, r.paragraph, r.unsure ? 'unsure' : (r.actor ? 'sure' : '')].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The table into `root`; `sort` is 'article' or 'speaker'; handlers {goto(i), sort(key)}. */
export function renderQuoteTable(root, text, analysis, sort, handlers) {
  const rows = quoteRows(text, analysis);
  const shown = sort === 'speaker' ? bySpeaker(rows) : rows;
  const th = (label, key) => {
    const b = el('button', { type: 'button', class: 'linkish', textContent: label });
    b.addEventListener('click', () => handlers.sort(key));
    return el('th', { scope: 'col', 'aria-sort': sort === key ? 'ascending' : 'none' }, b);
  };
  const head = el('tr', {}, th('#', 'article'), el('th', { scope: 'col', textContent: 'Quotation' }), th('Speaker', 'speaker'),
    el('th', { scope: 'col', textContent: 'Role' }), el('th', { scope: 'col', textContent: 'Cue' }), th('¶', 'article'));
  const body = shown.map((r) => {
    const jump = el('button', { type: 'button', class: 'quote-link', textContent: r.quote.length > 200 ? `${r.quote.slice(0, 197)}…` : r.quote });
    jump.addEventListener('click', () => handlers.goto(r.index));
    return el('tr', { data: { quote: String(r.index), actor: r.actor ?? '' } },
      el('td', { textContent: String(r.index + 1) }), el('td', {}, jump),
      el('td', { class: r.speaker ? 'speaker' : 'speaker none', textContent: (r.speaker || 'no speaker found') + (r.unsure ? ' (?)' : '') }),
      el('td', { textContent: r.role }), el('td', { textContent: r.cue }), el('td', { textContent: String(r.paragraph) }));
  });
  const caption = el('caption', { textContent: `${rows.length} quotation${rows.length === 1 ? '' : 's'}, ${rows.filter((r) => !r.speaker).length} without a speaker` });
  root.replaceChildren(rows.length ? el('table', { class: 'quote-table' }, caption, el('thead', {}, head), el('tbody', {}, ...body))
    : el('p', { class: 'hint', textContent: 'No quotations in this article.' }));
}
