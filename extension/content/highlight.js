// Content script: draws the service worker's plan (plan.js) on the page with the CSS Custom
// Highlight API: live Ranges over the page's own text nodes (extract.js maps the text to them),
// grouped into named highlights that content/highlight.css paints. The page's DOM and text are
// never changed. A highlight takes no events, so the pointer is hit-tested against the ranges
// (caretPositionFromPoint, then the character's box): hovering shows the card (card.js), a click
// on a name follows its actor (its names framed in its colour, the other names untinted; a click
// on it again or Escape stops), and a collapsed selection inside a mark (caret browsing, F7) shows
// its card, the keyboard's way in. Links, buttons and form fields keep their clicks.
// It also answers the panel (main.js): the state, follow an actor, go to a quotation.
(() => {
  const ns = (globalThis.newslensExt ??= {});
  if (ns.show) return;
  const PREFIX = 'newslens-';
  const PRIORITY = { report: 0, quote: 1, entity: 2, follow: 3, picked: 4 };
  let state = null; // {analysis, plan, dark, entries, byNode, followed, picked}

  /** Is the article drawn on a dark background? (its first text's nearest opaque background) */
  function isDark(node) {
    for (let el = node?.parentElement; el; el = el.parentElement) {
      const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
      if (!m || (m.length > 3 && Number(m[3]) < 0.5)) continue;
      const [r, g, b] = m.slice(0, 3).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    }
    return matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark');
  }

  function unregister() {
    for (const name of [...CSS.highlights.keys()]) if (name.startsWith(PREFIX)) CSS.highlights.delete(name);
  }

  /** (Re)register every highlight from `state`: the followed actor and the picked quotation included. */
  function register() {
    unregister();
    const theme = state.dark ? 'dark' : 'light';
    const groups = new Map();
    const add = (what, kind, range) => {
      if (!groups.has(what)) groups.set(what, { kind, ranges: [] });
      groups.get(what).ranges.push(range);
    };
    for (const e of state.entries) {
      if (e.kind === 'entity' && state.followed) {
        if (e.item.actor === state.followed) add(`follow${state.plan.slots[e.item.actor]}`, 'follow', e.range);
        continue; // following an actor: the other names untinted
      }
      add(e.item.what, e.kind, e.range);
    }
    if (state.picked) add('picked', 'picked', state.picked.range);
    for (const [what, { kind, ranges }] of groups) {
      const h = new Highlight(...ranges);
      h.priority = PRIORITY[kind];
      CSS.highlights.set(`${PREFIX}${theme}-${what}`, h);
    }
  }

  /** The entries (entity, quotation, reported piece) under the viewport point (x, y), with the character's box. */
  function hit(x, y) {
    if (!state) return null;
    // caretPositionFromPoint from Chromium 128, caretRangeFromPoint before
    const pos = document.caretPositionFromPoint?.(x, y) ?? document.caretRangeFromPoint?.(x, y);
    const node = pos?.offsetNode ?? pos?.startContainer;
    const offset = pos?.offset ?? pos?.startOffset;
    if (!node || !state.byNode.has(node)) return null;
    for (const c of [offset, offset - 1]) {
      if (c < 0 || c >= node.data.length) continue;
      const r = new Range();
      r.setStart(node, c);
      r.setEnd(node, c + 1);
      const box = [...r.getClientRects()].find((b) => b.left - 1 <= x && x <= b.right + 1 && b.top - 1 <= y && y <= b.bottom + 1);
      if (!box) continue;
      const found = at(node, c);
      return found.length ? { entries: found, box } : null;
    }
    return null;
  }

  /** The entries whose range holds the character at (node, offset). */
  function at(node, offset) {
    return (state.byNode.get(node) ?? []).filter((e) => e.range.comparePoint(node, offset) === 0 && e.range.comparePoint(node, offset + 1) === 0);
  }

  const cardLines = (entries) => ['entity', 'quote', 'report'].flatMap((k) => entries.filter((e) => e.kind === k).flatMap((e) => e.item.lines));

  let frame = 0;
  function onMove(ev) {
    if (!state || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const h = hit(ev.clientX, ev.clientY);
      if (h) ns.card.show(cardLines(h.entries), h.box, state.dark);
      else ns.card.hide();
    });
  }

  function onClick(ev) {
    if (!state || ev.button !== 0 || !getSelection().isCollapsed) return;
    if (ev.target instanceof Element && ev.target.closest('a[href], button, input, select, textarea, label, summary, [contenteditable="true"]')) return;
    const name = hit(ev.clientX, ev.clientY)?.entries.find((e) => e.kind === 'entity' && e.item.actor);
    if (!name) return;
    follow(state.followed === name.item.actor ? null : name.item.actor);
  }

  function follow(actor) {
    state.followed = actor ?? null;
    register();
    chrome.runtime.sendMessage({ newslens: 'followed', actor: state.followed }).catch(() => {});
  }

  function onKey(ev) {
    if (ev.key === 'Escape' && state?.followed) follow(null);
  }

  function onSelection() {
    if (!state) return;
    const sel = getSelection();
    if (!sel.rangeCount || !sel.isCollapsed || !state.byNode.has(sel.focusNode)) return;
    const found = at(sel.focusNode, sel.focusOffset);
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    if (found.length) ns.card.show(cardLines(found), rect, state.dark);
    else ns.card.hide();
  }

  let wired = false;
  function wire() {
    if (wired) return;
    wired = true;
    document.addEventListener('pointermove', onMove, { passive: true });
    document.addEventListener('click', onClick, { passive: true });
    document.addEventListener('keydown', onKey, { passive: true });
    document.addEventListener('selectionchange', onSelection, { passive: true });
    addEventListener('scroll', () => ns.card.hide(), { passive: true });
  }

  /** Draw `plan` for `analysis` (the text is the one extract() found). Resolves to counts. */
  ns.show = (analysis, plan) => {
    ns.clear();
    const a = ns.article;
    if (!a || a.status !== 'ok') return { status: 'none' };
    const entries = [];
    let missing = 0;
    for (const [kind, items] of [['entity', plan.entities], ['quote', plan.quotes], ['report', plan.reports]]) {
      for (const item of items) {
        const range = ns.rangeOf(item.start, item.end);
        if (range) entries.push({ kind, item, range }); else missing++;
      }
    }
    // each page text node -> the entries that reach into it (for the hit test)
    const byNode = new Map();
    for (const e of entries) {
      let last = -1;
      for (let i = e.item.start; i < e.item.end && i < a.text.length; i++) {
        const n = a.nodeOf[i];
        if (n < 0 || n === last) continue;
        last = n;
        const node = a.nodes[n];
        if (!byNode.has(node)) byNode.set(node, []);
        if (byNode.get(node).at(-1) !== e) byNode.get(node).push(e);
      }
    }
    state = { analysis, plan, dark: isDark(a.nodes[0]), entries, byNode, followed: null, picked: null };
    register();
    wire();
    const count = (k) => entries.filter((e) => e.kind === k).length;
    return { status: 'ok', entities: count('entity'), quotes: count('quote'), reports: count('report'), missing, dark: state.dark };
  };

  /** Take every highlight and the card off the page. */
  ns.clear = () => {
    unregister();
    ns.card?.hide();
    state = null;
  };

  /** Follow an actor (null: none), as a click on one of its names does. */
  ns.follow = (actor) => { if (state) follow(actor); };

  /** Scroll to a quotation ('quote') or a piece of reported speech ('report') and mark it. */
  ns.goto = (kind, index) => {
    const e = state?.entries.find((x) => x.kind === kind && x.item.index === index);
    if (!e) return false;
    e.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    state.picked = e;
    register();
    requestAnimationFrame(() => { if (state?.picked === e) ns.card.show(e.item.lines, e.range.getBoundingClientRect(), state.dark); });
    return true;
  };

  /** What the panel shows: the article's text and analysis, or why there is none. */
  ns.state = () => {
    const a = ns.article;
    if (!a) return { status: 'idle', url: location.href, title: document.title };
    if (a.status !== 'ok' || !state) return { status: a.status === 'ok' ? 'working' : a.status, reason: a.reason, url: a.url, title: a.title };
    return { status: 'ok', text: a.text, analysis: state.analysis, url: a.url, title: a.title, followed: state.followed };
  };
})();
