// The card of a name, quotation or reported speech in the article: who it is, who said it.
// Three ways to bring it, each with its own rule for when it goes:
//   mouse     shown while the pointer rests on the element; only a real move of the mouse counts
//             (a browser replays "mouse over" for whatever scrolls or shifts under a pointer that
//             did not move, and after a tap the pointer sits where the finger was: such replays
//             never show a card)
//   keyboard  shown while the element has the focus, and tied to it as its description
//   touch     a tap pins the card of what was tapped until the next tap elsewhere, or until the
//             keyboard moves the focus elsewhere
// The card is placed by the element (under it, or above it when there is no room below), inside
// the screen (place.js), and moves with the page. It never scrolls the page. What the card says comes from
// the caller (`lines`, `spoken`); this module only shows, places and hides it.
//
// A card may offer one action (a quotation's "Check & cite"): a button on the card, reached by the
// mouse (the card stays while the pointer moves onto it), by a tap on a pinned card, and by Tab
// from the focused element (the card follows the article in the page, so Tab goes on into it).
// What the action does is the caller's (`action.run`).

import { placeCard } from './place.js';

const MARKS = '[data-entity],[data-quote],[data-report]';
const viewport = () => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });

/**
 * Wire the card of `card` to the elements of `article`. `content(target)` returns
 * {lines: string[], spoken: string, action?: {label, name, run()}} (no lines: no card). Returns {hide, show}.
 */
export function wireCard(article, card, content) {
  let shownFor = null; // the element the card describes
  let pinned = false; // shown by a tap: stays until the next tap elsewhere
  let touch = false; // the last pointer pressed was a finger or a pen
  let tapAt = null; // where that finger went down (client coordinates)
  let mouseAt = null; // the mouse's last real position

  function show(target, { focused = false } = {}) {
    const { lines, spoken, action } = content(target);
    if (!lines.length) { hide(); return; }
    clearTimeout(soon);
    untie();
    const line = (text, props) => Object.assign(document.createElement('div'), { textContent: text }, props);
    const shown = document.createElement('div');
    shown.setAttribute('aria-hidden', 'true');
    shown.append(...lines.map((l) => line(l)));
    card.replaceChildren(line(spoken, { className: 'sr-only' }), shown);
    if (action) {
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'card-action', textContent: action.label });
      b.setAttribute('aria-label', action.name ?? action.label);
      b.addEventListener('click', () => { hide(); action.run(); });
      card.append(b);
    }
    card.classList.toggle('has-action', Boolean(action));
    if (focused) target.setAttribute('aria-describedby', card.id);
    shownFor = target;
    card.hidden = false;
    place(target);
  }

  /** Under the element's line (the tapped one, when a finger chose it), else above it; within the screen. */
  function place(target) {
    const rects = [...target.getClientRects()];
    const hit = tapAt && rects.find((r) => r.top <= tapAt.y && tapAt.y <= r.bottom && r.left <= tapAt.x && tapAt.x <= r.right);
    const r = hit ?? (rects.length ? rects.at(-1) : target.getBoundingClientRect());
    const { top, left } = placeCard(r, { width: card.offsetWidth, height: card.offsetHeight }, viewport());
    card.style.setProperty('top', `${top + window.scrollY}px`);
    card.style.setProperty('left', `${left + window.scrollX}px`);
  }

  // a card with an action waits a moment before a mouse that left its element hides it: the
  // pointer crosses the gap between them on its way to the button
  let soon = null;
  function hideSoon() {
    if (!card.classList.contains('has-action')) { hide(); return; }
    clearTimeout(soon);
    soon = setTimeout(hide, 400);
  }
  card.addEventListener('pointerenter', () => clearTimeout(soon));

  function hide() {
    clearTimeout(soon);
    card.hidden = true;
    shownFor = null;
    pinned = false;
    untie();
  }
  /** No element is described by the card any more. */
  function untie() { for (const e of document.querySelectorAll(`[aria-describedby="${card.id}"]`)) e.removeAttribute('aria-describedby'); }

  // every press says which kind of pointer is in use; a press away from a pinned card's element hides it
  document.addEventListener('pointerdown', (e) => {
    touch = e.pointerType !== 'mouse';
    tapAt = touch ? { x: e.clientX, y: e.clientY } : null;
    if (pinned && !(shownFor && shownFor.contains(e.target)) && !card.contains(e.target)) hide();
  }, true);
  article.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse') return;
    if (mouseAt && mouseAt.x === e.clientX && mouseAt.y === e.clientY) return; // not a real move
    mouseAt = { x: e.clientX, y: e.clientY };
    touch = false;
    tapAt = null;
    const t = e.target.closest?.(MARKS);
    if (t && t !== shownFor) { pinned = false; show(t); } else if (t) clearTimeout(soon); else if (shownFor && !pinned && !shownFor.contains(document.activeElement) && !card.contains(document.activeElement)) hideSoon();
  });
  /** Does the card stay for a pointer that went to `to` (the card itself, or its element)? */
  const staysFor = (to) => pinned || (to && (card.contains(to) || shownFor?.contains(to))) || shownFor?.contains(document.activeElement) || card.contains(document.activeElement);
  article.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse' && !staysFor(e.relatedTarget)) hideSoon(); });
  card.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse' && !staysFor(e.relatedTarget)) hide(); });
  article.addEventListener('focusin', (e) => {
    const t = e.target.closest?.(MARKS);
    if (t) show(t, { focused: true });
  });
  // the focus leaving the article, or the card, hides it (unless it went from one to the other)
  const focusLeft = (e) => {
    const to = e.relatedTarget;
    if (!pinned && !(to && (card.contains(to) || shownFor?.contains(to)))) hide();
  };
  article.addEventListener('focusout', focusLeft);
  card.addEventListener('focusout', focusLeft);
  // the focus moved on (Tab, a shortcut, a script) past a pinned card's element: the card goes
  document.addEventListener('focusin', (e) => {
    if (pinned && shownFor && !shownFor.contains(e.target) && !card.contains(e.target)) hide();
  }, true);
  // a tap: the card of what was tapped, pinned
  article.addEventListener('click', (e) => {
    if (!touch) return;
    const t = e.target.closest?.(MARKS);
    if (!t) { hide(); return; }
    show(t, { focused: document.activeElement === t });
    pinned = true;
  });
  return { hide, show };
}
