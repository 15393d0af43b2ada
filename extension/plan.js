// What to paint on a news page, from the core's analysis of the article's extracted text: one item
// per name, quotation and piece of reported speech, each with its UTF-16 span in that text, the
// highlight it belongs to (palette.mjs names them) and the lines of its card. The colours, the
// reported pieces and the card's words come from the page's own renderer (www/render.js), so that
// a speaker has the same colour and the same card on a site as on the page. Pure: no DOM, no
// chrome.* (the service worker calls it; the content script draws the items).
import { paint, colourOf, reportedPieces, cardLines } from '../www/render.js';

/** An element-like stand-in for render.js's cardLines: the item it "contains" is the one given. */
function target(data) {
  return { closest: (sel) => (data[sel] === undefined ? null : { dataset: data[sel] }) };
}

/**
 * {entities: [item], quotes: [item], reports: [item]}; an item is {index, start, end, what (the
 * highlight name without its prefix and theme), actor, lines}. `index` is the position in the
 * analysis's list (entities, quotes) or, for reported speech, in its attributions.
 */
export function plan(text, analysis) {
  paint(analysis);
  const slot = (actor) => colourOf(analysis, actor);
  const entities = analysis.entities.map((e, index) => ({
    index, start: e.start, end: e.end, what: `ent-${e.label}`, actor: e.actor ?? null,
    lines: cardLines(target({ '[data-entity]': { entity: String(index) } }), text, analysis),
  }));
  const quotes = analysis.quotes.map((q, index) => ({
    index, start: q.start, end: q.end, actor: q.actor ?? null,
    what: q.actor ? `q${slot(q.actor)}${q.confidence === 'unsure' ? '-unsure' : ''}` : 'q-none',
    lines: cardLines(target({ '[data-quote]': { quote: String(index) } }), text, analysis),
  }));
  const reports = reportedPieces(analysis).map(({ start, end, att }) => {
    const actor = analysis.attributions[att].actor ?? null;
    return {
      index: att, start, end, actor, what: actor ? `r${slot(actor)}` : 'r-none',
      lines: cardLines(target({ '[data-report]': { report: String(att) } }), text, analysis),
    };
  });
  return { entities, quotes, reports, slots: Object.fromEntries(analysis.actors.map((a) => [a.id, slot(a.id)])) };
}
