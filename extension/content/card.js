// Content script: the card that says what a highlighted name or quotation is and who said it. It
// lives in a closed shadow root, styled by a constructed stylesheet, so that the site's CSS cannot
// reach it and the site's scripts cannot read it; its host element is put on the page's root
// element only while the card is shown, and taken off when it hides, so the page's DOM is as it
// was whenever no card is shown. The card never takes the pointer (pointer-events: none) and sits
// in the viewport (position: fixed) by the rectangle it describes, where the page's card would go
// (ns.placeCard: www/place.js, written into content/place.js by build.mjs). What it says comes from
// the caller (lines of text, set as text); this file only shows, places and hides it.
(() => {
  const ns = (globalThis.newslensExt ??= {});
  if (ns.card) return;

  const CSS_TEXT = `
    :host { all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; pointer-events: none; }
    .card { box-sizing: border-box; max-width: 22rem; padding: 6px 10px; border-radius: 6px;
      font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; background: #ffffff; color: #1b1b1b;
      border: 1px solid #d9d6cf; box-shadow: 0 4px 14px rgba(0, 0, 0, .18); }
    .card.dark { background: #1f1f1f; color: #ececec; border-color: #3a3a3a; }
    .card div + div { margin-top: 2px; }
    .card .brand { font-size: 11px; opacity: .7; }`;

  let host = null;
  let box = null;

  function make() {
    host = document.createElement('newslens-card');
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    root.adoptedStyleSheets = [sheet];
    box = document.createElement('div');
    box.className = 'card';
    box.setAttribute('role', 'tooltip');
    root.append(box);
  }

  ns.card = {
    /** Show `lines` by `rect` (a DOMRect in viewport coordinates): under it, else above it. */
    show(lines, rect, dark) {
      if (!lines.length) { ns.card.hide(); return; }
      if (!host) make();
      const line = (text, cls) => Object.assign(document.createElement('div'), { textContent: text, className: cls ?? '' });
      box.replaceChildren(...lines.map((l) => line(l)), line('newslens', 'brand'));
      box.classList.toggle('dark', Boolean(dark));
      if (!host.isConnected) document.documentElement.append(host);
      const view = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
      const { top, left } = ns.placeCard(rect, { width: box.offsetWidth, height: box.offsetHeight }, view);
      host.style.setProperty('transform', `translate(${Math.round(left)}px, ${Math.round(top)}px)`);
    },
    hide() { host?.remove(); },
    get shown() { return Boolean(host?.isConnected); },
    /** What the card says while shown ('' hidden): for the extension's own checks. */
    get text() { return host?.isConnected ? [...box.children].map((d) => d.textContent).join('\n') : ''; },
  };
})();
