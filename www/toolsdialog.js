// A quotation's (or a reported speech's) tools opened from the article: a modal dialog over the
// text holding the same tools as the table's row (quotetools.js), so that the reader checks,
// credits and cites without leaving their place. Opened by the "Check & cite" action of its card
// (hover, tap, or Tab on from the focused quotation or reported speech); Escape, Close or a click
// outside shuts it, the focus back on it in the article. A note typed and not saved is saved when
// it closes. It is rebuilt after every correction (the page calls refresh), the focus kept on the
// control of the same name. It applies no edit itself.

import { el } from './render.js';
import { quoteTools, pendingNote, toolsName } from './quotetools.js';

/**
 * Wire `dialog` (a <dialog>). `page`: {data() -> {text, analysis}, correct(edit), cite(i, what),
 * link(i, what), element(i, what) -> its element in the article}, `what` 'quote' or 'report'.
 * Returns {open(i, what), refresh(), isOpen()}.
 */
export function wireToolsDialog(dialog, page) {
  let open = null; // the quotation (or attribution) shown
  let what = 'quote';

  function build() {
    const { text, analysis } = page.data();
    const q = what === 'report' ? analysis?.attributions[open] : analysis?.quotes[open];
    if (!q) { close(); return; }
    const was = dialog.contains(document.activeElement) ? document.activeElement : null;
    const name = was?.getAttribute('aria-label') ?? was?.textContent;
    const title = el('h2', { id: 'tools-dialog-title', textContent: `${toolsName(analysis, open, what)}: check & cite` });
    const words = el('p', { class: 'tools-words', textContent: what === 'report' ? q.content.map(([s, e]) => text.slice(s, e)).join(' … ') : text.slice(q.start, q.end) });
    const done = el('button', { type: 'button', class: 'primary', textContent: 'Close' });
    done.dataset.keepsNote = ''; // the press saves the note (quotetools.js)
    done.addEventListener('click', close);
    dialog.replaceChildren(title, words, quoteTools(text, analysis, open, { correct: page.correct, cite: page.cite, link: page.link }, what), el('div', { class: 'editor-bar' }, done));
    if (was) [...dialog.querySelectorAll(was.tagName)].find((e) => (e.getAttribute('aria-label') ?? e.textContent) === name)?.focus();
  }

  function close() {
    if (open === null) return;
    const note = pendingNote(dialog);
    const i = open;
    open = null;
    if (dialog.open) dialog.close();
    dialog.replaceChildren();
    if (note) page.correct(note);
    const back = page.element(i, what);
    if (back) back.focus({ preventScroll: true });
  }

  dialog.setAttribute('aria-labelledby', 'tools-dialog-title');
  // Escape: the dialog's own cancel, which the close above takes over (the note is saved)
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  // a click on the backdrop (outside the box) closes it too
  dialog.addEventListener('click', (e) => { if (e.target === dialog) close(); });

  return {
    open(i, kind = 'quote') {
      open = i;
      what = kind;
      build();
      if (!dialog.open) dialog.showModal();
      dialog.querySelector('select')?.focus();
    },
    refresh() { if (open !== null && dialog.open) build(); },
    isOpen: () => open !== null,
  };
}
