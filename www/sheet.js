// A quote sheet: everything one actor said in the article (quotations and reported speech), each
// in its sentence, in article order, with the reader's checks and notes; for the page, for print
// and as a standalone HTML file. The same builder draws the page's sheet and the exported one
// (the export is the built elements written out: article text only ever enters as text nodes).
// It does not choose the actor or apply corrections: the page passes the corrected analysis.

import { el, isReported } from './render.js';

const ENDS = /[.!?…]["”’')\]]*(?=\s|$)/g;

/**
 * The sentence around [start, end) of `text`, within its paragraph: {before, words, after}.
 * When the words themselves end a sentence, nothing follows them.
 */
export function sentenceAround(text, start, end) {
  const pStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const pEnd = nl < 0 ? text.length : nl;
  const head = text.slice(pStart, start);
  let from = 0;
  for (const m of head.matchAll(ENDS)) from = m.index + m[0].length;
  const words = text.slice(start, end);
  let to = end;
  if (!/[.!?…]["”’')\]]*\s*$/.test(words)) {
    ENDS.lastIndex = 0;
    const m = ENDS.exec(text.slice(end, pEnd));
    to = m ? end + m.index + m[0].length : pEnd;
  }
  return { before: head.slice(from).trimStart(), words, after: text.slice(end, to) };
}

/** What `actorId` said: [{kind: 'quoted'|'reported', start, end, words, before, after, check, note}], article order. */
export function sheetItems(text, analysis, actorId) {
  const items = [];
  for (const q of analysis.quotes) {
    if (q.actor !== actorId) continue;
    items.push({ kind: 'quoted', ...sentenceAround(text, q.start, q.end), start: q.start, check: q.check ?? '', note: q.note ?? '' });
  }
  for (const r of analysis.attributions ?? []) {
    if (r.actor !== actorId || !isReported(r) || !r.content.length) continue;
    const s = r.content[0][0];
    const e = r.content.at(-1)[1];
    items.push({ kind: 'reported', ...sentenceAround(text, s, e), start: s, check: r.check ?? '', note: r.note ?? '' });
  }
  return items.sort((x, y) => x.start - y.start);
}

/**
 * The sheet of `actorId` as elements: a heading of `level`, who they are, where the words come
 * from (`details`: {headline, url, date}), then each item in its sentence, the words in bold.
 */
export function sheetNodes(text, analysis, actorId, details = {}, level = 2) {
  const a = analysis.actors.find((x) => x.id === actorId);
  if (!a) return [];
  const items = sheetItems(text, analysis, actorId);
  const quoted = items.filter((i) => i.kind === 'quoted');
  const checked = quoted.filter((i) => i.check === 'checked').length;
  const n = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const who = [a.role, a.unnamed ? 'unnamed source' : a.kind, n(quoted.length, 'quotation'), `${items.length - quoted.length} reported`].filter(Boolean).join(' · ');
  const from = [details.headline ? `“${details.headline}”` : '', details.url, details.date].filter(Boolean).join(', ');
  const list = el('ol', { class: 'sheet-items' }, ...items.map((i) => el('li', { class: `sheet-item sheet-${i.kind}` },
    el('p', { class: 'sheet-context' }, i.before, el('strong', { class: 'said', textContent: i.words }), i.after),
    el('p', { class: 'sheet-meta', textContent: [i.kind === 'quoted' ? 'quotation' : 'reported speech', i.check === 'checked' ? '✓ checked by the reader' : i.check === 'flagged' ? '⚑ flagged by the reader' : '', i.note ? `note: ${i.note}` : ''].filter(Boolean).join(' · ') }))));
  return [
    el(`h${level}`, { class: 'sheet-title', textContent: `What ${a.name} said` }),
    el('p', { class: 'sheet-who', textContent: who }),
    el('p', { class: 'sheet-from', textContent: `${from ? `From ${from} · ` : ''}attributed by machine, checked by the reader: ${checked} of ${quoted.length}` }),
    items.length ? list : el('p', { class: 'hint', textContent: `Nothing said by ${a.name} was found.` }),
  ];
}

/** A standalone HTML file of the sheet (inline CSS, no script). */
export function sheetHtml(text, analysis, actorId, details, css) {
  const box = el('main', { class: 'sheet' }, ...sheetNodes(text, analysis, actorId, details, 1));
  const name = analysis.actors.find((x) => x.id === actorId)?.name ?? '';
  const title = el('title', { textContent: `Quote sheet: ${name}` });
  const style = el('style', { textContent: css });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${title.outerHTML}${style.outerHTML}</head><body class="export">${box.outerHTML}<footer class="foot">Quote sheet made with newslens.</footer></body></html>`;
}
