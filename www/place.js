// Where a card goes by the element it describes: under the element's rectangle, or above it when
// there is no room below, and always inside the screen. Shared by the page's card (card.js) and the
// extension's (extension/content/card.js, a classic content script that cannot import: the
// extension's build writes this function's source into ext/content/place.js). Pure and
// self-contained, so that it can be copied by its source text: it reads no DOM and names nothing
// outside itself.

/**
 * The card's top-left corner in viewport coordinates, for `rect` (the element's box, viewport
 * coordinates: {top, bottom, left}), a card of `size` {width, height} and a viewport of
 * `view` {width, height}: 6 px under the rectangle, else 6 px above it, at least 4 px from each edge
 * (8 px on the right).
 */
export function placeCard(rect, size, view) {
  let top = rect.bottom + 6;
  if (top + size.height > view.height - 4 && rect.top - 6 - size.height >= 4) top = rect.top - 6 - size.height;
  top = Math.max(4, Math.min(top, view.height - size.height - 4));
  const left = Math.max(4, Math.min(rect.left, view.width - size.width - 8));
  return { top, left };
}
