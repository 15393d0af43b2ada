// Reduce an HTML file to its article text: DOMParser builds an inert document (no scripts run,
// nothing loads); we take <article> (or <main>, or <body>) and join its blocks with blank lines.

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dt, dd';

export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const bad of doc.querySelectorAll('script, style, noscript, template, nav, footer, aside, form, iframe, svg')) bad.remove();
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return '';
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((b) => !b.parentElement.closest(BLOCKS));
  const parts = (blocks.length ? blocks : [root]).map((b) => b.textContent.replace(/[ \t\r\n]+/g, ' ').trim()).filter(Boolean);
  return parts.join('\n\n');
}
