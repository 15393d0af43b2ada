// From (text, analysis, view) to DOM. Article text only ever enters the DOM as text nodes.
// `segments` is pure and does the offset work; the render functions only build elements.

export const LABELS = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other name' };
const KIND_TITLES = { person: 'People', organisation: 'Organisations', place: 'Places', other: 'Other' };
/** Speaker colours in style.css (--c0 … --c23). */
export const PALETTE = 24;
const slots = new WeakMap(); // analysis -> Map(actor id -> colour slot)

/**
 * Give the actors of `analysis` their colour slots: first those who speak (a quotation or reported
 * speech), in salience order, then the others, so that up to PALETTE speakers never share a
 * colour. The slots are those of `basis` (the core's analysis, before the reader's corrections),
 * so that a correction never repaints the other actors; an actor it lacks (split off by the
 * reader) takes the next slot.
 */
export function paint(analysis, basis = analysis) {
  const speaks = new Set([...basis.quotes, ...(basis.attributions ?? [])].map((x) => x.actor).filter(Boolean));
  const order = [...basis.actors.filter((a) => speaks.has(a.id)), ...basis.actors.filter((a) => !speaks.has(a.id))];
  const map = new Map(order.map((a, i) => [a.id, i % PALETTE]));
  let next = order.length;
  for (const a of analysis.actors) if (!map.has(a.id)) map.set(a.id, next++ % PALETTE);
  slots.set(analysis, map);
  return analysis;
}

/** Colour slot of an actor of `analysis` (painted on first use when paint was not called). */
export function colourOf(analysis, actorId) {
  if (!slots.has(analysis)) paint(analysis);
  return slots.get(analysis).get(actorId) ?? 0;
}

/** Is this attribution reported speech (not a direct quotation)? */
export function isReported(r) {
  return r.quote === null || r.quote === undefined;
}

/**
 * Whom a piece of attributed speech is shown as coming from: its actor's name, else what a
 * relative-pronoun source ("who") stands for, else the source as written (undefined when none).
 */
function sourceName(r, actors) {
  return r.actor ? actors.get(r.actor)?.name : (r.source_refers_to ?? r.source_text);
}

/** The box a segment sits in: a quotation ("q3"), a piece of reported speech ("r7"), or none. */
function boxOf(seg) {
  return seg.quote !== null ? `q${seg.quote}` : seg.report !== null ? `r${seg.report}` : null;
}

/**
 * The pieces of reported speech (attributions that are not quotations) to mark, in text order:
 * [{start, end, att}] with `att` the index into `analysis.attributions`. Pieces that would overlap
 * a quotation or an earlier piece are left out, so that the marks never nest.
 */
export function reportedPieces(analysis) {
  const quotes = analysis.quotes ?? [];
  const pieces = [];
  (analysis.attributions ?? []).forEach((r, att) => {
    if (!isReported(r)) return;
    for (const [start, end] of r.content) if (start < end) pieces.push({ start, end, att });
  });
  pieces.sort((x, y) => x.start - y.start || x.end - y.end);
  const out = [];
  let qi = 0;
  for (const p of pieces) {
    if (out.length && out[out.length - 1].end > p.start) continue;
    while (qi < quotes.length && quotes[qi].end <= p.start) qi++;
    if (qi < quotes.length && quotes[qi].start < p.end) continue;
    out.push(p);
  }
  return out;
}

/**
 * Cut the text into runs at every entity, quote and reported-speech boundary (UTF-16 offsets).
 * Returns [{start, end, quote: index|null, report: piece index|null, entity: index|null}],
 * covering the whole text. Each kind comes sorted and non-overlapping, so one sweep finds the
 * cover: O(n log n).
 */
export function segments(text, analysis, pieces = reportedPieces(analysis), cuts = []) {
  const { entities, quotes } = analysis;
  const points = [0, text.length, ...cuts];
  for (const e of entities) points.push(e.start, e.end);
  for (const q of quotes) points.push(q.start, q.end);
  for (const p of pieces) points.push(p.start, p.end);
  points.sort((a, b) => a - b);
  const out = [];
  let ei = 0;
  let qi = 0;
  let pi = 0;
  const cover = (items, i, s, e) => (i < items.length && items[i].start <= s && e <= items[i].end ? i : null);
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    if (s >= e || s < 0 || e > text.length) continue;
    while (ei < entities.length && entities[ei].end <= s) ei++;
    while (qi < quotes.length && quotes[qi].end <= s) qi++;
    while (pi < pieces.length && pieces[pi].end <= s) pi++;
    out.push({ start: s, end: e, quote: cover(quotes, qi, s, e), report: cover(pieces, pi, s, e), entity: cover(entities, ei, s, e) });
  }
  return out;
}

function actorById(analysis) {
  return new Map(analysis.actors.map((a) => [a.id, a]));
}

/*
 * What a screen reader hears for a name, a quotation and a piece of reported speech: its kind in
 * words, then whose it is ("quotation, said by Ann Reyes"). Each element of the article carries its
 * phrase as its accessible description (aria-description: a <mark> and a plain span may have no
 * accessible name), and the focus card says the same (cardSpoken).
 */
function entityPhrase(e, actors) {
  const a = e.actor ? actors.get(e.actor) : null;
  return `${LABELS[e.label] ?? 'name'}${a ? `: ${a.name}${a.role ? `, ${a.role}` : ''}` : ''}`;
}
function quotePhrase(q, actors) {
  const a = q.actor ? actors.get(q.actor) : null;
  const who = a ? a.name : q.speaker_text;
  return `quotation, ${who ? `said by ${who}` : 'speaker not found'}${a && q.confidence === 'unsure' ? ', uncertain: check the text' : ''}${q.corrected ? ', corrected by hand' : ''}`;
}
function reportPhrase(r, actors) {
  const who = sourceName(r, actors);
  return `reported speech, ${who ? `from ${who}` : 'source not found'}${r.corrected ? ', corrected by hand' : ''}`;
}

/** The spoken form of the card of an element of the article (its name, quotation, reported speech). */
export function cardSpoken(target, analysis) {
  const actors = actorById(analysis);
  const parts = [];
  const ent = target.closest('[data-entity]');
  const quote = target.closest('[data-quote]');
  const report = target.closest('[data-report]');
  if (ent) parts.push(entityPhrase(analysis.entities[Number(ent.dataset.entity)], actors));
  if (quote) parts.push(quotePhrase(analysis.quotes[Number(quote.dataset.quote)], actors));
  if (report) parts.push(reportPhrase(analysis.attributions[Number(report.dataset.report)], actors));
  return parts.join('; ');
}

/**
 * The article's headline: its first line when that reads as one (at most 200 characters and 30
 * words, not ending like a sentence with . , ; or :, and followed by more text), as {start, end}
 * (UTF-16 offsets, the line without its break); null when the text starts with a paragraph.
 */
export function headlineOf(text) {
  const start = text.search(/\S/);
  if (start < 0) return null;
  const br = text.indexOf('\n', start);
  if (br < 0 || !/\S/.test(text.slice(br))) return null;
  const line = text.slice(start, br).trimEnd();
  if (line.length > 200 || line.split(/\s+/).length > 30 || /[.,;:]$/.test(line)) return null;
  return { start, end: start + line.length };
}

/** Segments rendered per slice; between slices the page gets the main thread back. */
const SLICE = 4000;
/** Texts longer than this (UTF-16 units) are first drawn as plain text, then highlighted visible paragraphs first. */
const LONG_TEXT = 30000;
/** Classes the page adds to an element of the article (the followed actor, a linked quotation): kept when it is redressed. */
const PAGE_CLASSES = ['sel', 'picked'];

/**
 * Where the article is cut into paragraphs (the unit that is rendered, compared and replaced): 0
 * and the start of every line that is not empty. From the text alone, so that two analyses of one
 * text have the same paragraphs; each paragraph keeps the line breaks that follow it.
 */
export function paragraphStarts(text) {
  const starts = text ? [0] : [];
  for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    if (text[i + 1] !== '\n') starts.push(i + 1);
  }
  return starts;
}

/*
 * How an element of the article is dressed: its classes, actor, speaker label, entity label and
 * spoken description, from the analysis. The renderer creates elements with these, and an update
 * sets them again on the elements it keeps (`dress`), so that a correction never rebuilds them.
 */
function entitySpec(analysis, i, names) {
  const e = analysis.entities[i];
  return { cls: `ent ent-${e.label}${e.actor ? ` c${colourOf(analysis, e.actor)}` : ''}`, actor: e.actor ?? null, speaker: null, label: e.label, desc: entityPhrase(e, names) };
}
function quoteSpec(analysis, i, names) {
  const q = analysis.quotes[i];
  // the speaker's name, shown as a label before the quotation when labels are on (CSS ::before:
  // the label is never part of the article's text); an attribution the core is unsure of has a
  // dashed underline and a "?" on the card
  const who = q.actor ? names.get(q.actor)?.name : q.speaker_text;
  let cls = 'quote';
  if (q.actor) cls += ` c${colourOf(analysis, q.actor)}${q.confidence === 'unsure' ? ' unsure' : ''}`;
  else cls += ' unattributed';
  if (q.corrected) cls += ' corrected';
  return { cls, actor: q.actor ?? null, speaker: who ?? null, label: null, desc: quotePhrase(q, names) };
}
function reportSpec(analysis, att, names) {
  const r = analysis.attributions[att];
  return { cls: `reported${r.actor ? ` c${colourOf(analysis, r.actor)}` : ''}`, actor: r.actor ?? null, speaker: null, label: null, desc: reportPhrase(r, names) };
}
const specKey = (s) => `${s.cls}\u0001${s.actor}\u0001${s.speaker}\u0001${s.label}\u0001${s.desc}`;

/** Set an element's classes, data and description to `spec`, touching only what differs. */
function dress(e, spec) {
  let cls = spec.cls;
  for (const c of PAGE_CLASSES) if (e.classList.contains(c)) cls += ` ${c}`;
  if (e.className !== cls) e.className = cls;
  for (const k of ['actor', 'speaker', 'label']) {
    if (spec[k] === null) { if (k in e.dataset) delete e.dataset[k]; } else if (e.dataset[k] !== spec[k]) e.dataset[k] = spec[k];
  }
  if (e.getAttribute('aria-description') !== spec.desc) e.setAttribute('aria-description', spec.desc);
}

/**
 * What each paragraph of the article is to show: its segments, the elements they open (in
 * document order) with their dress, and two keys: `key` changes when its elements would be cut
 * differently (another name, quotation or reported speech), `dressKey` when only their dress would.
 */
function planParagraphs(text, analysis) {
  const head = headlineOf(text);
  const starts = paragraphStarts(text);
  const pieces = reportedPieces(analysis);
  const segs = segments(text, analysis, pieces, head ? [head.start, head.end, ...starts] : starts);
  const names = actorById(analysis);
  const plans = [];
  let si = 0;
  for (let p = 0; p < starts.length; p++) {
    const start = starts[p];
    const end = starts[p + 1] ?? text.length;
    const mine = [];
    let key = '';
    const specs = [];
    let box = null;
    let ent = null;
    for (; si < segs.length && segs[si].end <= end; si++) {
      const seg = segs[si];
      const b = seg.quote !== null ? `q${seg.quote}` : seg.report !== null ? `r${pieces[seg.report].att}` : null;
      if (b !== box) {
        box = b;
        ent = null;
        if (b !== null) specs.push(seg.quote !== null ? quoteSpec(analysis, seg.quote, names) : reportSpec(analysis, pieces[seg.report].att, names));
      }
      if (seg.entity !== ent) {
        ent = seg.entity;
        if (ent !== null) specs.push(entitySpec(analysis, ent, names));
      }
      key += `${seg.start}-${seg.end}:${b}:${seg.entity};`;
      mine.push({ ...seg, box: b, att: seg.report !== null ? pieces[seg.report].att : null });
    }
    plans.push({ start, end, segs: mine, specs, key, dressKey: specs.map(specKey).join('\u0002') });
  }
  return { head, plans };
}

/** The elements of one paragraph (its plan), into `into` (cleared first). Text only as text nodes. */
function buildParagraph(into, text, plan, head, level) {
  into.replaceChildren();
  let headEl = null;
  // where a run that belongs to no quotation goes: the headline's heading, or the paragraph
  const top = (seg) => {
    if (!head || seg.start < head.start || seg.end > head.end) return into;
    if (!headEl) {
      headEl = el('span', { class: 'headline', role: 'heading', 'aria-level': String(level ?? 2) });
      into.appendChild(headEl);
    }
    return headEl;
  };
  let spec = 0;
  let quoteEl = null;
  let box = null;
  let entEl = null;
  let entIdx = null;
  let detached = false; // quoteEl is a continuation not yet placed (the quote went past a line break)
  for (const seg of plan.segs) {
    if (seg.box !== box) {
      box = seg.box;
      entEl = null; entIdx = null;
      detached = false;
      if (box === null) quoteEl = null;
      else {
        quoteEl = document.createElement('span');
        if (seg.quote !== null) quoteEl.dataset.quote = String(seg.quote);
        else quoteEl.dataset.report = String(seg.att);
        quoteEl.tabIndex = -1; // one tab stop for the whole article: arrow keys move inside it
        dress(quoteEl, plan.specs[spec++]);
        top(seg).appendChild(quoteEl);
      }
    }
    if (detached) { top(seg).appendChild(quoteEl); detached = false; }
    const parent = quoteEl ?? top(seg);
    if (seg.entity !== entIdx) {
      entIdx = seg.entity;
      if (entIdx === null) entEl = null;
      else {
        entEl = document.createElement('mark');
        entEl.dataset.entity = String(entIdx);
        entEl.tabIndex = -1;
        dress(entEl, plan.specs[spec++]);
        parent.appendChild(entEl);
      }
    }
    const run = text.slice(seg.start, seg.end);
    if (quoteEl && !entEl && run.includes('\n')) {
      // a quotation across paragraphs: line breaks stay outside it (a followed quote is never
      // outlined on a blank line); the quotation goes on in a clone after each break
      for (const part of run.split(/(\n+)/)) {
        if (!part) continue;
        if (part[0] === '\n') {
          top(seg).appendChild(document.createTextNode(part));
          quoteEl = quoteEl.cloneNode(false);
          detached = true;
        } else {
          if (detached) { top(seg).appendChild(quoteEl); detached = false; }
          quoteEl.appendChild(document.createTextNode(part));
        }
      }
    } else (entEl ?? parent).appendChild(document.createTextNode(run));
  }
}

/** Dress the elements of a paragraph whose cut is unchanged; false when they do not match the plan. */
function redressParagraph(into, plan) {
  const els = into.querySelectorAll('[data-entity],[data-quote],[data-report]');
  if (els.length !== plan.specs.length) return false;
  els.forEach((e, i) => dress(e, plan.specs[i]));
  return true;
}

/** Indices of `wrappers` on screen (first to last), or [] when the article is not shown. */
function onScreen(wrappers) {
  const h = window.innerHeight;
  if (!wrappers.length || !wrappers[0].isConnected || wrappers[0].getClientRects().length === 0) return [];
  let lo = 0;
  let hi = wrappers.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (wrappers[mid].getBoundingClientRect().bottom <= 0) lo = mid + 1; else hi = mid; }
  const out = [];
  for (let i = lo; i < wrappers.length; i++) {
    const r = wrappers[i].getBoundingClientRect();
    if (r.top >= h) break;
    out.push(i);
  }
  return out;
}

/**
 * Render the highlighted article into `root`: the one renderer of the page and of the HTML export
 * (exportHtml). The headline (headlineOf) is a heading of level `view.headingLevel` (2 on the
 * page, under the page's own title). The article is a run of paragraphs (`span.para`). Drawn again
 * for the same text (a correction, reported speech joining, another view), only the paragraphs
 * that change are touched: one whose names, quotations and reported speech are cut as before
 * keeps its elements, and only their classes, data and descriptions are set; another is rebuilt.
 * The paragraphs on screen go first, and the reader stays where they were: when a paragraph above
 * changes height, the page scrolls by as much; a text selection and the focus stay. Long texts
 * are first drawn as plain text (the page has its height at once); then their paragraphs are
 * highlighted, those on screen first, in slices with a pause between them so that the page stays
 * responsive. Resolves to false when a newer render replaced this one before it finished.
 */
export async function renderArticle(root, text, analysis, view, pause = () => new Promise((r) => setTimeout(r, 0))) {
  const token = Symbol('render');
  root.renderToken = token;
  const level = view.headingLevel ?? 2;
  const { head, plans } = planParagraphs(text, analysis);
  let drawn = root.drawn;
  if (!drawn || drawn.text !== text || drawn.level !== level || drawn.wrappers.length !== plans.length || !root.contains(drawn.wrappers[0] ?? root)) {
    const long = text.length > LONG_TEXT;
    const frag = document.createDocumentFragment();
    const wrappers = plans.map((p) => {
      const w = document.createElement('span');
      w.className = 'para';
      if (long) w.textContent = text.slice(p.start, p.end);
      else buildParagraph(w, text, p, head, level);
      frag.appendChild(w);
      return w;
    });
    root.replaceChildren(frag);
    drawn = root.drawn = { text, level, wrappers, keys: plans.map((p) => (long ? null : p.key)), dressKeys: plans.map((p) => (long ? null : p.dressKey)) };
    if (!long) { applyView(root, analysis, view); return true; }
  }
  for (const e of root.querySelectorAll('.picked')) e.classList.remove('picked'); // the page outlines its pick again
  const stale = [];
  plans.forEach((p, i) => { if (drawn.keys[i] !== p.key || drawn.dressKeys[i] !== p.dressKey) stale.push(i); });
  const todo = new Set(stale);
  let next = 0; // the next of `stale` in text order
  let lastY = null; // the scroll position at the last slice
  while (todo.size) {
    // the first slice keeps the reader's place by hand (it rebuilds what is on screen); later ones
    // change paragraphs off screen only, which the browser's scroll anchoring handles, and look at
    // the layout again only when the reader scrolled (a forced layout of a long text is costly)
    const look = lastY === null || window.scrollY !== lastY;
    const keep = keepReader(root, drawn, lastY === null);
    let work = 0;
    const draw = (i) => {
      const p = plans[i];
      const w = drawn.wrappers[i];
      if (drawn.keys[i] !== p.key || !redressParagraph(w, p)) buildParagraph(w, text, p, head, level);
      drawn.keys[i] = p.key;
      drawn.dressKeys[i] = p.dressKey;
      todo.delete(i);
      work += p.segs.length + 1;
    };
    // each slice: the paragraphs on screen now first (the reader may have scrolled), then in order
    if (look) for (const i of onScreen(drawn.wrappers)) if (todo.has(i)) draw(i);
    lastY = window.scrollY;
    for (; next < stale.length && work < SLICE; next++) if (todo.has(stale[next])) draw(stale[next]);
    applyView(root, analysis, view);
    keep();
    if (todo.size) {
      await pause();
      if (root.renderToken !== token) return false;
    }
  }
  applyView(root, analysis, view);
  return true;
}

/**
 * Before paragraphs of the article change: what the reader has there (with `place`, the paragraph
 * at the top of the screen and where it is; the focused element, a text selection, as text offsets). Returns
 * the function that puts it back after the change.
 */
function keepReader(root, drawn, place = true) {
  const top = place ? onScreen(drawn.wrappers)[0] : undefined;
  const anchor = top === undefined ? null : drawn.wrappers[top];
  const y = anchor?.getBoundingClientRect().top;
  const focused = document.activeElement && root.contains(document.activeElement) && document.activeElement !== root ? document.activeElement : null;
  const which = focused && ['entity', 'quote', 'report'].find((k) => focused.dataset[k] !== undefined);
  const focusKey = which ? `[data-${which}="${focused.dataset[which]}"]` : null;
  const sel = window.getSelection();
  const range = sel && sel.rangeCount && !sel.isCollapsed && root.contains(sel.getRangeAt(0).commonAncestorContainer) ? sel.getRangeAt(0) : null;
  const offsets = range ? [textOffset(root, range.startContainer, range.startOffset), textOffset(root, range.endContainer, range.endOffset)] : null;
  return () => {
    if (anchor) {
      const dy = anchor.getBoundingClientRect().top - y;
      if (dy) window.scrollBy({ top: dy, behavior: 'instant' });
    }
    if (focusKey && !focused.isConnected) root.querySelector(focusKey)?.focus({ preventScroll: true });
    if (offsets && !(range.startContainer.isConnected && range.endContainer.isConnected)) {
      const r = document.createRange();
      r.setStart(...textPoint(root, offsets[0]));
      r.setEnd(...textPoint(root, offsets[1]));
      sel.removeAllRanges();
      sel.addRange(r);
    }
  };
}

/** The text offset of a DOM point in the article (the length of its text before the point). */
function textOffset(root, node, offset) {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The DOM point at a text offset of the article. */
function textPoint(root, offset) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  let last = null;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (offset <= n + t.data.length) return [t, offset - n];
    n += t.data.length;
    last = t;
  }
  return last ? [last, last.data.length] : [root, 0];
}

/** Classes for hidden layers and the selected actor; cheap, no re-render. */
export function applyView(root, analysis, view) {
  for (const layer of ['PER', 'ORG', 'LOC', 'MISC', 'QUOTE', 'REPORTED']) root.classList.toggle(`hide-${layer}`, view.hidden.includes(layer));
  root.classList.toggle('has-selection', Boolean(view.selected));
  root.classList.toggle('labels', Boolean(view.labels));
  for (const el of root.querySelectorAll('.sel')) el.classList.remove('sel');
  if (view.selected) {
    for (const el of root.querySelectorAll(`[data-actor="${CSS.escape(view.selected)}"]`)) el.classList.add('sel');
  }
}

/** An element with properties (class, data-*, aria-*) and children; text only as text. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'data') Object.assign(e.dataset, v);
    else if (k.startsWith('aria-') || k === 'role') e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/**
 * Render the actor sidebar. `handlers.select(id)`, `handlers.goto(quoteIndex)`. Updated in place:
 * each actor keeps its list item and button between renders (`root.kept`: following an actor, a
 * correction, the second phase change their text, classes and order, not the elements), and only
 * the followed actor's tools are built anew.
 */
export function renderActors(root, text, analysis, view, filter, handlers) {
  const f = filter.trim().toLowerCase();
  const groups = new Map();
  for (const a of analysis.actors) {
    if (f && !a.name.toLowerCase().includes(f) && !(a.role ?? '').toLowerCase().includes(f)) continue;
    if (!groups.has(a.kind)) groups.set(a.kind, []);
    groups.get(a.kind).push(a);
  }
  const kept = root.kept ??= { items: new Map(), kinds: new Map(), others: null, othersKey: null };
  const reportedBy = reportedByActor(analysis);
  const out = [];
  const shown = new Set();
  for (const kind of ['person', 'organisation', 'place', 'other']) {
    const list = groups.get(kind);
    if (!list) continue;
    if (!kept.kinds.has(kind)) kept.kinds.set(kind, { h3: el('h3'), ul: el('ul', { class: 'actor-list' }) });
    const { h3, ul } = kept.kinds.get(kind);
    setText(h3, `${KIND_TITLES[kind]} (${list.length})`);
    placeChildren(ul, list.map((a) => {
      shown.add(a.id);
      return actorItem(kept.items, text, analysis, a, view, handlers, reportedBy.get(a.id) ?? []);
    }));
    out.push(h3, ul);
  }
  for (const id of [...kept.items.keys()]) if (!shown.has(id)) kept.items.delete(id);
  if (!out.length) out.push(el('p', { class: 'hint', textContent: analysis.actors.length ? 'No actor matches the filter.' : 'No actors found yet.' }));
  const others = otherNames(analysis, f);
  const othersKey = JSON.stringify([others, Boolean(handlers.correct)]);
  if (othersKey !== kept.othersKey) { kept.others = others.length ? otherNamesGroup(others, handlers) : null; kept.othersKey = othersKey; }
  if (kept.others) out.push(kept.others);
  placeChildren(root, out);
}

/** An actor's list item, kept in `items` by actor id and brought up to date. */
function actorItem(items, text, analysis, a, view, handlers, reported) {
  const selected = view.selected === a.id;
  // named mentions and all mentions (pronouns and descriptions resolved to the actor)
  const names = a.mention_kinds.filter((k) => k === 'name').length;
  const total = a.mention_kinds.length;
  const counts = `${total} mention${total === 1 ? '' : 's'}` + (total !== names ? ` (${names} by name)` : '')
    + (a.quotes ? ` · ${a.quotes} quote${a.quotes === 1 ? '' : 's'}` : '')
    + (reported.length ? ` · ${reported.length} reported` : '')
    + (a.unnamed ? ' · unnamed source' : '') + (a.corrected ? ' · ✎ corrected' : '');
  let item = items.get(a.id);
  if (!item) {
    const parts = { name: el('span', { class: 'name' }), role: el('span', { class: 'role' }), counts: el('span', { class: 'counts' }) };
    const btn = el('button', { type: 'button', data: { actor: a.id } }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), parts.name, parts.counts);
    item = { li: el('li', {}, btn), btn, ...parts, tools: false };
    items.set(a.id, item);
  }
  const { li, btn } = item;
  const cls = `actor c${colourOf(analysis, a.id)}`;
  if (btn.className !== cls) btn.className = cls;
  if (btn.getAttribute('aria-pressed') !== String(selected)) btn.setAttribute('aria-pressed', String(selected));
  setText(item.name, a.name);
  setText(item.role, a.role ?? '');
  if (Boolean(a.role) !== (item.role.parentNode === btn)) { if (a.role) item.name.after(item.role); else item.role.remove(); }
  setText(item.counts, counts);
  btn.onclick = () => handlers.select(selected ? null : a.id);
  // the followed actor's tools depend on the whole analysis: built anew
  const tools = [];
  if (selected && handlers.correct) tools.push(correctionControls(text, analysis, a, handlers.correct));
  if (selected && handlers.markControls) tools.push(handlers.markControls(a));
  if (selected && handlers.sheet && (a.quotes || reported.length)) {
    const sheet = el('button', { type: 'button', class: 'sheet-open-btn', textContent: `Quote sheet of ${a.name}` });
    sheet.addEventListener('click', () => handlers.sheet(a.id));
    tools.push(sheet);
  }
  if (selected && a.quotes) {
    const ql = el('ol', { class: 'actor-quotes', 'aria-label': `What ${a.name} said` });
    analysis.quotes.forEach((q, i) => {
      if (q.actor !== a.id) return;
      const b = el('button', { type: 'button', class: 'quote-link', textContent: clip(text.slice(q.start, q.end)) });
      b.addEventListener('click', () => handlers.goto(i));
      ql.append(el('li', {}, b));
    });
    tools.push(ql);
  }
  if (selected && reported.length) {
    const rl = el('ol', { class: 'actor-quotes actor-reported', 'aria-label': `Reported of ${a.name}` });
    for (const i of reported) {
      const r = analysis.attributions[i];
      const b = el('button', { type: 'button', class: 'report-link', textContent: `reported: ${clip(r.content.map(([s, e]) => text.slice(s, e)).join(' … '))}` });
      b.addEventListener('click', () => handlers.gotoReport(i));
      rl.append(el('li', {}, b));
    }
    tools.push(rl);
  }
  // (the button stays where it is: a focused one keeps the focus)
  if (tools.length || item.tools) { while (btn.nextSibling) btn.nextSibling.remove(); li.append(...tools); }
  item.tools = tools.length > 0;
  return li;
}

/** Set a text only when it differs (no mutation otherwise). */
function setText(e, s) { if (e.textContent !== s) e.textContent = s; }

/** Make `nodes` the children of `parent`, in order, moving only what is out of place. */
function placeChildren(parent, nodes) {
  let at = parent.firstChild;
  for (const n of nodes) {
    if (n === at) at = at.nextSibling;
    else parent.insertBefore(n, at);
  }
  while (at) { const next = at.nextSibling; at.remove(); at = next; }
}

/** Actor id -> indices of the reported speech (not quotations) attributed to it. */
function reportedByActor(analysis) {
  const by = new Map();
  (analysis.attributions ?? []).forEach((r, i) => {
    if (!r.actor || !isReported(r)) return;
    if (!by.has(r.actor)) by.set(r.actor, []);
    by.get(r.actor).push(i);
  });
  return by;
}

/** Names that belong to no actor ("Republican", "Election Day"), with their label and count. */
function otherNames(analysis, filter) {
  const by = new Map();
  for (const e of analysis.entities) {
    if (e.actor || (filter && !e.text.toLowerCase().includes(filter))) continue;
    const k = e.text;
    if (!by.has(k)) by.set(k, { name: k, label: e.label, count: 0, corrected: false });
    const x = by.get(k);
    x.count += 1;
    x.corrected ||= Boolean(e.corrected);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** A folded list of the other names, each with a menu to change its type (a correction). */
function otherNamesGroup(others, handlers) {
  const ul = el('ul', { class: 'other-names' });
  for (const o of others) {
    const li = el('li', {}, el('span', { class: 'name', textContent: o.name }),
      el('span', { class: 'counts', textContent: ` ×${o.count}${o.corrected ? ' ✎' : ''}` }));
    if (handlers.correct) {
      const pick = el('select', { 'aria-label': `Type of ${o.name}` },
        ...Object.entries(LABELS).map(([l, word]) => el('option', { value: l, textContent: word, selected: l === o.label })));
      li.append(' ', pick, choiceMenu(pick, (label) => handlers.correct({ op: 'label', name: o.name, label })));
    }
    ul.append(li);
  }
  return el('details', { class: 'other-group' }, el('summary', { textContent: `Other names, not actors (${others.length})` }), ul);
}

/** The followed actor's corrections: its type, "same actor as", split off a name, not an actor. */
function correctionControls(text, analysis, a, correct) {
  const box = el('div', { class: 'corrections', role: 'group', 'aria-label': `Correct ${a.name}` });
  const labelled = (label, control) => el('label', { class: 'fix' }, el('span', { textContent: label }), control);
  const kind = el('select', { 'aria-label': `Type of ${a.name}` },
    ...['person', 'organisation', 'place', 'other'].map((k) => el('option', { value: k, textContent: k, selected: k === a.kind })));
  const kindHint = choiceMenu(kind, (k) => correct({ op: 'kind', actor: a.id, kind: k }));
  const others = analysis.actors.filter((x) => x.id !== a.id);
  const merge = el('select', { 'aria-label': `${a.name} is the same actor as` },
    el('option', { value: '', textContent: '—' }),
    ...others.map((x) => el('option', { value: x.id, textContent: x.name })));
  const mergeHint = choiceMenu(merge, (into) => { if (into) correct({ op: 'merge', actor: a.id, into }); });
  box.append(labelled('Type', kind), kindHint, labelled('Same actor as', merge), mergeHint);
  // the name and the role, typed; applied with Enter or the button
  for (const [field, value, op] of [['Name', a.name, 'rename'], ['Role', a.role ?? '', 'role']]) {
    const input = el('input', { type: 'text', value, 'aria-label': `${field} of ${a.name}`, autocomplete: 'off' });
    const save = el('button', { type: 'button', textContent: 'Save', 'aria-label': `Save the ${field.toLowerCase()} of ${a.name}` });
    const commit = () => {
      const v = input.value.trim();
      if (v === value || (op === 'rename' && !v)) return;
      correct(op === 'rename' ? { op, actor: a.id, name: v } : { op, actor: a.id, role: v });
    };
    save.addEventListener('click', commit);
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } });
    box.append(el('div', { class: 'fix' }, el('label', { class: 'fix-field' }, el('span', { textContent: field }), input), save));
  }
  const named = a.mentions.map((m, i) => [m, a.mention_kinds[i]]).filter(([, k]) => k === 'name');
  if (a.mentions.length > 1 && named.length) {
    const split = el('select', { 'aria-label': `Split a name off ${a.name}` },
      el('option', { value: '', textContent: '—' }),
      ...named.map(([m], i) => el('option', { value: String(m[0]), textContent: `${text.slice(m[0], m[1])} (name ${i + 1})` })));
    const splitHint = choiceMenu(split, (at) => { if (at) correct({ op: 'split', actor: a.id, at: Number(at) }); });
    box.append(labelled('Not the same: split off', split), splitHint);
  }
  const del = el('button', { type: 'button', class: 'linkish', textContent: 'Not an actor' });
  del.addEventListener('click', () => correct({ op: 'delete', actor: a.id }));
  box.append(del);
  return box;
}

/**
 * Make a correction menu commit only on an explicit choice: a pick in the open list (by pointer,
 * or by keyboard once Space, Alt+Down or F4 opened it), or Enter. Arrows, Home/End and typed
 * letters on the closed menu only move through it: Chromium and Firefox fire 'change' for each of
 * those steps, which had saved a correction on a single ArrowDown. While the shown value is not
 * applied, a hint says so; Escape, or leaving the menu, puts back the applied value.
 * `commit(value)` runs when the applied value changes. Returns the hint, to place after the menu.
 */
export function choiceMenu(select, commit) {
  let applied = select.value;
  let browsing = false; // the last key moved through the closed menu
  // the shown hint is for the eyes; screen readers hear the same as the menu's description (#menu-hint)
  const hint = el('span', { class: 'apply-hint', 'aria-hidden': 'true', hidden: true, textContent: 'Enter applies · Esc cancels' });
  select.setAttribute('aria-describedby', 'menu-hint');
  const pending = (on) => { select.classList.toggle('pending', on); hint.hidden = !on; };
  const revert = () => { select.value = applied; pending(false); };
  const apply = () => {
    pending(false);
    if (select.value === applied) return;
    applied = select.value;
    commit(applied);
  };
  select.addEventListener('pointerdown', () => { browsing = false; });
  select.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && select.value !== applied) { e.preventDefault(); e.stopPropagation(); apply(); }
    else if (e.key === 'Escape' && select.value !== applied) { e.preventDefault(); e.stopPropagation(); revert(); }
    else if (e.altKey || e.key === ' ' || e.key === 'F4' || e.key === 'Enter') browsing = false; // these open the list
    else if (/^(Arrow|Page)|^(Home|End)$/.test(e.key) || e.key.length === 1) browsing = true;
  });
  select.addEventListener('change', () => { if (browsing) pending(select.value !== applied); else apply(); });
  select.addEventListener('blur', () => { if (select.value !== applied) revert(); });
  return hint;
}

/** Indices of the attributions that report an actor's words without quoting them. */
export function reportedOf(analysis, actorId) {
  const out = [];
  (analysis.attributions ?? []).forEach((r, i) => {
    if (r.actor === actorId && isReported(r)) out.push(i);
  });
  return out;
}

/** A long snippet cut to 160 characters. */
function clip(s) { return s.length > 160 ? `${s.slice(0, 157)}…` : s; }

/** "1 mention", "2 mentions". */
function plural(n, word) { return `${n} ${word}${n === 1 ? '' : 's'}`; }

/** The hover/focus card's lines for an element of the article. */
export function cardLines(target, text, analysis) {
  const actors = actorById(analysis);
  const lines = [];
  const ent = target.closest('[data-entity]');
  const quote = target.closest('[data-quote]');
  const report = target.closest('[data-report]');
  if (ent) {
    const e = analysis.entities[Number(ent.dataset.entity)];
    const a = e.actor ? actors.get(e.actor) : null;
    lines.push(`${e.label} · ${LABELS[e.label]}`);
    if (a) lines.push(`${a.name}${a.role ? ` (${a.role})` : ''}`);
  }
  if (quote) {
    const q = analysis.quotes[Number(quote.dataset.quote)];
    const a = q.actor ? actors.get(q.actor) : null;
    if (a) lines.push(`quoted: ${a.name}${q.speaker_text && q.speaker_text !== a.name && !q.corrected ? ` (“${q.speaker_text}”)` : ''}${q.confidence === 'unsure' ? ' ? (uncertain: check the text)' : ''}`);
    else if (q.speaker_text) lines.push(`quoted: ${q.speaker_text}`);
    else lines.push('quotation, speaker not found');
    if (q.corrected) lines.push('✎ corrected by hand');
  }
  if (report) {
    const r = analysis.attributions[Number(report.dataset.report)];
    const who = sourceName(r, actors);
    const cue = r.cue.length ? ` · “${r.cue.map(([s, e]) => text.slice(s, e)).join(' ')}”` : '';
    lines.push(who ? `${who} (reported)${cue}` : `reported speech, source not found${cue}`);
    if (r.corrected) lines.push('✎ corrected by hand');
  }
  return lines;
}

/** Only http(s) links leave the page as links; anything else is shown as text. */
export function safeUrl(u) {
  try {
    const url = new URL(String(u ?? '').trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch { return null; }
}

/** The exported file's header: the headline (the article's own, drawn by the renderer), then source and date. */
function headerHtml(headline, details) {
  const url = safeUrl(details.url);
  const bits = [];
  if (url) bits.push(`Source: <a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`);
  else if (details.url) bits.push(`Source: ${escapeHtml(details.url)}`);
  if (details.date) bits.push(`Date: <time datetime="${escapeHtml(details.date)}">${escapeHtml(details.date)}</time>`);
  return `<header class="top"><h1>${headline}</h1>${bits.length ? `<p class="details">${bits.join(' · ')}</p>` : ''}</header>`;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The hover title of a name, quotation or reported speech in the exported file (it has no card). */
function exportTitle(node, analysis, actors) {
  const d = node.dataset;
  if (d.entity !== undefined) {
    const e = analysis.entities[Number(d.entity)];
    const a = e.actor ? actors.get(e.actor) : null;
    return `${e.label}${a ? ` · ${a.name}` : ''}`;
  }
  if (d.quote !== undefined) {
    const q = analysis.quotes[Number(d.quote)];
    const who = q.actor ? actors.get(q.actor)?.name : q.speaker_text;
    const how = q.corrected ? ' (corrected by hand)' : q.actor && q.confidence === 'unsure' ? ' (uncertain)' : '';
    return who ? `quoted: ${who}${how}` : `quotation${how}`;
  }
  if (d.report !== undefined) {
    const who = sourceName(analysis.attributions[Number(d.report)], actors);
    return who ? `${who} (reported)` : 'reported speech';
  }
  return null;
}

/**
 * HTML of nodes the renderer built, for a file without script: the text, and of each element its
 * classes, a heading's role and level, the speaker label and a hover title. The page's means of
 * interaction (focus stops, indices, descriptions read from the card) stay behind, and so does a
 * name's actor colour, which only frames the names of a followed actor.
 */
function nodesHtml(nodes, analysis, actors) {
  let out = '';
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) { out += escapeHtml(node.data); continue; }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const tag = node.tagName.toLowerCase();
    const attrs = [];
    const cls = [...node.classList].filter((c) => tag !== 'mark' || !/^c\d+$/.test(c)).join(' ');
    if (cls) attrs.push(['class', cls]);
    for (const a of ['role', 'aria-level']) if (node.hasAttribute(a)) attrs.push([a, node.getAttribute(a)]);
    const title = exportTitle(node, analysis, actors);
    if (title) attrs.push(['title', title]);
    if (node.dataset.speaker) attrs.push(['data-speaker', node.dataset.speaker]);
    out += `<${tag}${attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('')}>${nodesHtml(node.childNodes, analysis, actors)}</${tag}>`;
  }
  return out;
}

/** The key to the marks of the exported article: the name types, quotations, reported speech. */
function keyHtml() {
  const names = Object.entries(LABELS).map(([l, word]) => `<li><span class="sw ent-${l}">${l}</span> ${word}</li>`).join('');
  return `<h2>Key</h2><ul class="key">${names}`
    + '<li><span class="sw quote-sw">“ ”</span> quotation, underlined in its speaker’s colour (see Actors): dashed when the speaker is uncertain, dotted when none was found; ✎ corrected by hand</li>'
    + '<li><span class="sw reported-sw">said</span> reported speech, dotted in its source’s colour</li></ul>';
}

/** The reader's check and note of a quotation or reported speech, for the exported lists. */
function markHtml(q) {
  const mark = q.check === 'checked' ? ' <span class="mark mark-checked">✓ checked by the reader</span>' : q.check === 'flagged' ? ' <span class="mark mark-flagged">⚑ flagged by the reader</span>' : '';
  return `${mark}${q.note ? ` <span class="note">(note: ${escapeHtml(q.note)})</span>` : ''}`;
}

/**
 * A standalone HTML document of the highlighted article: inline CSS, no script. The article is
 * drawn by the page's renderer (renderArticle) and written out with nodesHtml, so that the file
 * shows what the page shows; its headline is the document's heading, once.
 */
export async function exportHtml(text, analysis, css, title = 'newslens export', details = {}) {
  const actors = actorById(analysis);
  const root = document.createElement('div');
  await renderArticle(root, text, analysis, { hidden: [], selected: null, labels: true, headingLevel: 1 }, () => Promise.resolve());
  // the paragraphs' wrappers (span.para) stay behind: their children are the article
  const nodes = [...root.childNodes].flatMap((n) => (n.classList?.contains('para') ? [...n.childNodes] : [n]));
  const h = nodes.findIndex((n) => n.nodeType === Node.ELEMENT_NODE && n.classList.contains('headline'));
  const headline = h >= 0 ? nodesHtml(nodes[h].childNodes, analysis, actors) : 'Highlighted article';
  const body = nodesHtml(h >= 0 ? nodes.slice(h + 1) : nodes, analysis, actors).replace(/^\s+/, '');
  // the colour key: each actor's swatch in the colour their quotations are underlined with
  const list = analysis.actors.map((a) => `<li><span class="swatch c${colourOf(analysis, a.id)}" aria-hidden="true"></span> <b>${escapeHtml(a.name)}</b>${a.role ? ` — ${escapeHtml(a.role)}` : ''} (${a.kind}; ${plural(a.mentions.length, 'mention')}, ${plural(a.quotes, 'quote')})</li>`).join('');
  // who said what, in words: readable without hovering, on paper and on phones
  const said = analysis.quotes.map((q) => {
    const who = q.actor ? actors.get(q.actor)?.name : q.speaker_text;
    return `<li><b>${escapeHtml(who ?? 'no speaker found')}</b>${q.corrected ? ' (corrected by hand)' : q.confidence === 'unsure' && q.actor ? ' (uncertain)' : ''}: ${escapeHtml(text.slice(q.start, q.end))}${markHtml(q)}</li>`;
  }).join('');
  const checked = analysis.quotes.filter((q) => q.check === 'checked').length;
  const checkedLine = `<p class="checked-line">Attributed by machine, checked by the reader: ${checked} of ${analysis.quotes.length}.</p>`;
  const reportedList = (analysis.attributions ?? []).filter(isReported).map((r) => {
    const who = sourceName(r, actors);
    const cue = r.cue.map(([s, e]) => text.slice(s, e)).join(' ');
    return `<li><b>${escapeHtml(who ?? 'no source found')}</b>${r.corrected ? ' (corrected by hand)' : ''}${cue ? ` <i>${escapeHtml(cue)}</i>` : ''}: ${escapeHtml(r.content.map(([s, e]) => text.slice(s, e)).join(' … '))}${markHtml(r)}</li>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${css}</style></head><body class="export">${headerHtml(headline, details)}<main class="layout"><article id="article">${body}</article><aside class="sidebar">${keyHtml()}<h2>Actors</h2><ul>${list}</ul><h2>Who said what</h2>${checkedLine}<ol class="said">${said}</ol>${reportedList ? `<h2>Reported speech</h2><ol class="said reported-list">${reportedList}</ol>` : ''}</aside></main><footer class="foot">Highlighted with newslens.</footer></body></html>`;
}
