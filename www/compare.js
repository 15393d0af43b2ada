// Compare two articles (two versions of a story, or two outlets' stories): who is quoted in each,
// which quotations are the same, which changed (their words, or their speaker), and which appear
// in one only. `compareArticles` is pure (two texts with their analyses in, a plain result out);
// `renderComparison` only builds elements, article text as text nodes; `comparisonHtml` writes
// those same elements out as a standalone file. It neither analyses nor corrects: the page passes
// both analyses.

const norm = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
const tokens = (s) => norm(s).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];

/** Dice similarity of two token lists (multisets): 1 for the same words, 0 for none shared. */
function dice(a, b) {
  if (!a.length && !b.length) return 1;
  const count = new Map();
  for (const t of a) count.set(t, (count.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) { const n = count.get(t); if (n) { shared += 1; count.set(t, n - 1); } }
  return (2 * shared) / (a.length + b.length);
}

/** The quotations of an article: [{words, speaker (name or ''), tokens}]. */
function quotesOf(text, analysis) {
  const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
  return analysis.quotes.map((q) => {
    const words = text.slice(q.start, q.end);
    return { words, speaker: (q.actor ? names.get(q.actor) : q.speaker_text) ?? '', tokens: tokens(words) };
  });
}

/**
 * Word by word, how `a` became `b`: [{op: 'same' | 'del' | 'ins', text}] (longest common
 * subsequence of their words; quotations are short).
 */
export function wordDiff(a, b) {
  const x = a.split(/\s+/).filter(Boolean).slice(0, 400);
  const y = b.split(/\s+/).filter(Boolean).slice(0, 400);
  const key = (w) => tokens(w).join(' ');
  const L = Array.from({ length: x.length + 1 }, () => new Uint16Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) L[i][j] = key(x[i]) === key(y[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  const push = (op, w) => { if (out.length && out.at(-1).op === op) out.at(-1).text += ` ${w}`; else out.push({ op, text: w }); };
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (key(x[i]) === key(y[j])) { push('same', y[j]); i++; j++; } else if (L[i + 1][j] >= L[i][j + 1]) push('del', x[i++]); else push('ins', y[j++]);
  }
  while (i < x.length) push('del', x[i++]);
  while (j < y.length) push('ins', y[j++]);
  return out;
}

/** Words shared by at least this share (Dice) make two quotations one, changed. */
export const SAME_QUOTE = 0.5;

/**
 * Compare article `a` with article `b` ({text, analysis} each). Returns {speakers: [{name, a, b}]
 * (quotations each, by name; most quoted first), same: [{a, b}], changed: [{a, b, words, speaker,
 * diff}], onlyA: [quote], onlyB: [quote]} where a quote is {words, speaker}.
 */
export function compareArticles(a, b) {
  const qa = quotesOf(a.text, a.analysis);
  const qb = quotesOf(b.text, b.analysis);
  // pairs, most similar first; each quotation in at most one pair
  const pairs = [];
  qa.forEach((x, i) => qb.forEach((y, j) => { const s = dice(x.tokens, y.tokens); if (s >= SAME_QUOTE) pairs.push([s, i, j]); }));
  pairs.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const usedA = new Set();
  const usedB = new Set();
  const same = [];
  const changed = [];
  const strip = ({ words, speaker }) => ({ words, speaker });
  for (const [s, i, j] of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const words = s < 1 || qa[i].tokens.join(' ') !== qb[j].tokens.join(' ');
    const speaker = norm(qa[i].speaker) !== norm(qb[j].speaker);
    if (!words && !speaker) same.push({ a: strip(qa[i]), b: strip(qb[j]) });
    else changed.push({ a: strip(qa[i]), b: strip(qb[j]), words, speaker, diff: wordDiff(qa[i].words, qb[j].words), at: i });
  }
  changed.sort((x, y) => x.at - y.at);
  const speakers = new Map();
  const count = (list, side) => {
    for (const q of list) {
      if (!q.speaker) continue;
      const k = norm(q.speaker);
      if (!speakers.has(k)) speakers.set(k, { name: q.speaker, a: 0, b: 0 });
      speakers.get(k)[side] += 1;
    }
  };
  count(qa, 'a');
  count(qb, 'b');
  return {
    speakers: [...speakers.values()].sort((x, y) => (y.a + y.b) - (x.a + x.b) || x.name.localeCompare(y.name)),
    same,
    changed: changed.map(({ at, ...c }) => c),
    onlyA: qa.filter((_, i) => !usedA.has(i)).map(strip),
    onlyB: qb.filter((_, j) => !usedB.has(j)).map(strip),
  };
}

/** An element with text children only. */
function el(tag, props = {}, ...kids) {
  const e = Object.assign(document.createElement(tag), props);
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

/**
 * The comparison as elements: who is quoted, what changed, what is in one only, under headings of
 * `level` (3 on the page, 2 in the exported file). `names`: {a, b}.
 */
export function renderComparison(result, names = { a: 'A', b: 'B' }, level = 3) {
  const h = `h${level}`;
  const out = [];
  const head = el('tr', {}, el('th', { scope: 'col', textContent: 'Speaker' }), el('th', { scope: 'col', textContent: `Quotations in ${names.a}` }), el('th', { scope: 'col', textContent: `in ${names.b}` }), el('th', { scope: 'col', textContent: 'Where' }));
  const rows = result.speakers.map((s) => el('tr', { className: s.a && s.b ? '' : 'only' },
    el('th', { scope: 'row', textContent: s.name }), el('td', { textContent: String(s.a) }), el('td', { textContent: String(s.b) }),
    el('td', { textContent: s.a && s.b ? 'both' : s.a ? `${names.a} only` : `${names.b} only` })));
  out.push(el(h, { textContent: 'Who is quoted' }),
    result.speakers.length ? el('table', { className: 'compare-table' }, el('thead', {}, head), el('tbody', {}, ...rows)) : el('p', { className: 'hint', textContent: 'No named speaker in either.' }));
  const quote = (q) => el('span', {}, el('b', { textContent: q.speaker || 'no speaker found' }), ': ', q.words);
  const diff = (d) => el('p', { className: 'diff' }, ...d.flatMap((part, k) => [k ? ' ' : '', part.op === 'same' ? part.text : el(part.op, { textContent: part.text })]));
  out.push(el(h, { textContent: `Changed (${result.changed.length})` }),
    result.changed.length ? el('ol', { className: 'compare-list changed' }, ...result.changed.map((c) => el('li', {},
      el('p', {}, el('span', { className: 'tag', textContent: `${names.a}: ` }), quote(c.a)),
      el('p', {}, el('span', { className: 'tag', textContent: `${names.b}: ` }), quote(c.b)),
      c.words ? diff(c.diff) : null,
      c.speaker ? el('p', { className: 'hint', textContent: `The speaker changed: ${c.a.speaker || 'none'} → ${c.b.speaker || 'none'}` }) : null)))
      : el('p', { className: 'hint', textContent: 'No quotation changed.' }));
  for (const [side, list] of [[names.a, result.onlyA], [names.b, result.onlyB]]) {
    out.push(el(h, { textContent: `Only in ${side} (${list.length})` }),
      list.length ? el('ul', { className: 'compare-list' }, ...list.map((q) => el('li', {}, quote(q)))) : el('p', { className: 'hint', textContent: 'None.' }));
  }
  out.push(el('p', { className: 'hint', textContent: `${result.same.length} quotation${result.same.length === 1 ? '' : 's'} the same in both.` }));
  return out;
}

/**
 * The comparison as a standalone HTML document (inline CSS, no script): the elements
 * renderComparison builds for the page, written out. `titles`: {a, b}, the versions' headlines.
 */
export function comparisonHtml(result, css, titles = {}) {
  const head = el('header', { className: 'top' }, el('h1', { textContent: 'Comparison of two articles' }),
    el('p', { className: 'details', textContent: `A: ${titles.a || 'version A'} · B: ${titles.b || 'version B'}` }));
  const main = el('main', { id: 'compare-result', className: 'compare-export' }, ...renderComparison(result, undefined, 2));
  const title = el('title', { textContent: `Comparison: ${titles.a || 'A'} / ${titles.b || 'B'}` });
  const style = el('style', { textContent: css });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${title.outerHTML}${style.outerHTML}</head><body class="export">${head.outerHTML}${main.outerHTML}<footer class="foot">Compared with newslens.</footer></body></html>`;
}
