// Content script (a classic script in the extension's isolated world; see background.js for the
// order of the files): finds the article of the page with Mozilla's Readability, run on a clone of
// the document so that the page itself is never touched, and turns it into the text the core
// analyses, with the place of every UTF-16 unit of that text in the page: the original text node
// and the offset in it. Readability moves the clone's own text nodes into its article, and a
// clone's text node is paired with the page's before Readability runs, so the article's nodes
// lead back to the page's.
// The text: the headline (the page's heading that holds the title's words, when it stands before
// the article), then each block of the article (paragraph, heading, list item, quotation)
// as a paragraph, blank lines between them; white space collapsed as a browser shows it. Captions,
// asides, navigation, forms and hidden elements inside the article are left out. Characters that
// are not on the page (the blank lines) map to no node. It reads the DOM only; drawing is
// highlight.js's.
(() => {
  const ns = (globalThis.newslensExt ??= {});
  if (ns.extract) return;

  const SKIP = new Set(['FIGCAPTION', 'CAPTION', 'ASIDE', 'NAV', 'FOOTER', 'BUTTON', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'TEXTAREA', 'SVG', 'MATH', 'IFRAME', 'SUP']);
  const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN', 'FIGURE', 'TABLE', 'TR', 'TD', 'TH', 'BR', 'HR']);
  const SPACE = /[ \t\n\r\f]/;

  /** Pair the text nodes of `clone` (a deep clone of `doc`) with those of `doc`: clone -> original. */
  function pairTextNodes(doc, clone) {
    const pairs = new Map();
    const a = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
    const b = clone.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
    for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) pairs.set(y, x);
    return pairs;
  }

  /**
   * A text being built with its map: `push(text node, its data)` adds the node's text with white
   * space collapsed; `block()` ends a paragraph. Returns {text, nodes, nodeOf, offsetOf}.
   */
  function builder() {
    let text = '';
    const nodes = [];
    const index = new Map(); // node -> its place in nodes
    const indexOf = (node) => {
      if (!index.has(node)) index.set(node, nodes.push(node) - 1);
      return index.get(node);
    };
    const nodeOf = [];
    const offsetOf = [];
    let pending = null; // the first white space since the last character: [text node, offset]
    let inBlock = false; // the current paragraph has a character
    const add = (s, n, o) => { text += s; nodeOf.push(n); offsetOf.push(o); };
    return {
      push(node, data) {
        let n = -1;
        for (let i = 0; i < data.length; i++) {
          if (SPACE.test(data[i])) {
            if (inBlock && !pending) pending = [node, i];
            continue;
          }
          if (n < 0) n = indexOf(node);
          if (pending) {
            add(' ', indexOf(pending[0]), pending[1]);
            pending = null;
          } else if (!inBlock && text.length) { add('\n', -1, -1); add('\n', -1, -1); }
          inBlock = true;
          add(data[i], n, i);
        }
      },
      block() { inBlock = false; pending = null; },
      done: () => ({ text, nodes, nodeOf: Int32Array.from(nodeOf), offsetOf: Int32Array.from(offsetOf) }),
    };
  }

  /** Is this page element shown (not display: none, not visibility: hidden)? */
  function shown(element) {
    return !element || (element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : true);
  }

  /** Walk `root` (an element of the clone) into `b`, each text node through `pairs` to the page. */
  function walk(root, pairs, b) {
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const page = pairs.get(node);
        if (page && shown(page.parentElement)) b.push(page, page.data);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has(node.tagName.toUpperCase())) return;
      const block = BLOCK.has(node.tagName.toUpperCase());
      if (block) b.block();
      for (const c of node.childNodes) visit(c);
      if (block) b.block();
    };
    visit(root);
  }

  const words = (s) => (s ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

  /**
   * The article's headline on the page: the h1 or h2 before `first` (the article's first text)
   * whose words are the title's (at least 80% of them are words of Readability's title, the
   * document's or og:title), or null.
   */
  function headline(titles, first) {
    if (!first) return null;
    const known = new Set(titles.flatMap(words));
    let best = null;
    for (const h of document.querySelectorAll('h1, h2')) {
      if (!(h.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) || h.contains(first) || !shown(h)) continue;
      const w = words(h.textContent);
      if (!w.length || w.length > 40) continue;
      const share = w.filter((x) => known.has(x)).length / w.length;
      if (share >= 0.8 && (!best || share > best.share)) best = { h, share };
    }
    return best?.h ?? null;
  }

  /**
   * Find the article. {status: 'none'} when the page has none; else {status: 'ok', text, title}
   * (the map is kept here for show()). `max` caps the text's length.
   */
  ns.extract = (max) => {
    ns.clear?.();
    ns.article = null;
    const none = (reason) => { ns.article = { status: 'none', reason, url: location.href, title: document.title }; return { status: 'none', reason }; };
    if (!document.body || !isProbablyReaderable(document)) return none('no article-like text on this page');
    const clone = document.cloneNode(true);
    const pairs = pairTextNodes(document, clone);
    let found;
    try {
      found = new Readability(clone, { serializer: (el) => el }).parse();
    } catch (e) {
      return none(`Readability failed: ${e?.message ?? e}`);
    }
    if (!found?.content) return none('Readability found no article');
    const b = builder();
    // the headline first, when Readability left it out of the article
    const inArticle = new Set();
    const body = document.createTreeWalker(found.content, NodeFilter.SHOW_TEXT);
    for (let t = body.nextNode(); t; t = body.nextNode()) if (pairs.has(t)) inArticle.add(pairs.get(t));
    const first = [...inArticle].find((t) => /\S/.test(t.data)) ?? null;
    const h = headline([found.title, document.title, document.querySelector('meta[property="og:title"]')?.content], first);
    const headFirst = h ? document.createTreeWalker(h, NodeFilter.SHOW_TEXT).nextNode() : null;
    if (h && !inArticle.has(headFirst)) {
      const tw = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let t = tw.nextNode(); t; t = tw.nextNode()) if (shown(t.parentElement)) b.push(t, t.data);
      b.block();
    }
    walk(found.content, pairs, b);
    const map = b.done();
    if (map.text.replace(/\s/g, '').length < 100) return none('the article found is too short');
    if (map.text.length > max) {
      map.text = map.text.slice(0, max);
    }
    // the title shown in the panel and the exports: the page's headline, else Readability's
    const title = h ? h.textContent.replace(/\s+/g, ' ').trim() : (found.title || document.title);
    ns.article = { status: 'ok', ...map, title, url: location.href };
    return { status: 'ok', text: map.text, title: ns.article.title };
  };

  /** A live Range over [start, end) of the text (UTF-16 units), or null when no page text is in it. */
  ns.rangeOf = (start, end) => {
    const a = ns.article;
    if (!a || a.status !== 'ok') return null;
    let s = start;
    let e = Math.min(end, a.text.length);
    while (s < e && a.nodeOf[s] < 0) s++;
    while (e > s && a.nodeOf[e - 1] < 0) e--;
    if (s >= e) return null;
    const r = new Range();
    r.setStart(a.nodes[a.nodeOf[s]], a.offsetOf[s]);
    r.setEnd(a.nodes[a.nodeOf[e - 1]], a.offsetOf[e - 1] + 1);
    return r;
  };
})();
