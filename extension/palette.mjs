// The stylesheet the extension injects into a page: one ::highlight() rule per highlight name that
// content/highlight.js registers, in the page's colours, read from www/style.css (the light
// :root and the dark one under prefers-color-scheme), so that a speaker has the same colour in the
// page and on a news site. Names: newslens-<theme>-<what>, theme 'light' or 'dark' (chosen per site
// by the article's background, not by the reader's system setting), what one of
//   ent-PER ent-ORG ent-LOC ent-MISC   a name (tint and underline style by type, as in the page)
//   q<N> q<N>-unsure q-none            a quotation: speaker colour N, dashed when unsure, dotted without speaker
//   r<N> r-none                        reported speech: a thin dotted underline
//   follow<N>                          a followed actor's names
//   picked                             the quotation the panel scrolled to
// Only colour, background and text decoration: what ::highlight() may style. Used by build.mjs;
// pure (a string in, a string out).
import { PALETTE } from '../www/render.js'; // the page's number of speaker colours

/** The custom properties of the first `:root { … }` block after `from` in `css`. */
function rootVars(css, from = 0) {
  const at = css.indexOf(':root', from);
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

export function highlightCss(styleCss) {
  const light = rootVars(styleCss);
  const darkAt = styleCss.indexOf('prefers-color-scheme: dark');
  if (darkAt < 0) throw new Error('www/style.css: no dark palette');
  const dark = { ...light, ...rootVars(styleCss, darkAt) };
  for (let i = 0; i < PALETTE; i++) if (!light[`c${i}`] || !dark[`c${i}`]) throw new Error(`www/style.css: no --c${i}`);
  const out = ['/* Written by extension/build.mjs from www/style.css: do not edit. */'];
  const rule = (name, decl) => out.push(`::highlight(newslens-${name}) { ${decl} }`);
  for (const [theme, v] of [['light', light], ['dark', dark]]) {
    const line = (style, colour, px = 2) => `text-decoration: underline ${style} ${colour}; text-decoration-thickness: ${px}px; text-underline-offset: .25em;`;
    for (const [label, style, px] of [['PER', 'solid', 2], ['ORG', 'double', 3], ['LOC', 'dotted', 2], ['MISC', 'dashed', 2]]) {
      const key = label.toLowerCase();
      rule(`${theme}-ent-${label}`, `background-color: ${v[key]}; ${line(style, v[`${key}-line`], px)}`);
    }
    rule(`${theme}-q-none`, `background-color: ${v.quote}; ${line('dotted', v.muted)}`);
    rule(`${theme}-r-none`, line('dotted', v.muted));
    for (let i = 0; i < PALETTE; i++) {
      const c = v[`c${i}`];
      rule(`${theme}-q${i}`, `background-color: ${v.quote}; ${line('solid', c)}`);
      rule(`${theme}-q${i}-unsure`, `background-color: ${v.quote}; ${line('dashed', c)}`);
      rule(`${theme}-r${i}`, line('dotted', c));
      rule(`${theme}-follow${i}`, `background-color: color-mix(in srgb, ${c} 30%, transparent); ${line('solid', c, 3)}`);
    }
    rule(`${theme}-picked`, `background-color: color-mix(in srgb, ${v.accent} 30%, transparent);`);
  }
  return `${out.join('\n')}\n`;
}
