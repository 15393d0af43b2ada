// Share links: the whole view in the URL fragment, never sent to a server.
// serialize(view) -> "#v1.<base64url(deflate-raw(JSON))>"; parse(fragment) -> view or ShareError.
// Pure functions (no DOM), so they are tested directly. The reader's corrections travel too, as
// the edits themselves (a few bytes each), never as a second copy of the analysis. A comparison
// travels as its two versions (version A left out when it is the article itself).
import { isEdit } from './edits.js';

export const VERSION = 'v1';
/** Above this many characters a link breaks in common places (chat apps, some browsers). */
export const LINK_WARN_CHARS = 32000;
export const MAX_TEXT_CHARS = 4_000_000;

export class ShareError extends Error {}

function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new ShareError('The link is damaged: it contains characters a share link never has.');
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  let bin;
  try { bin = atob(b64); } catch { throw new ShareError('The link is damaged: it is not valid base64.'); }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** @param {{text: string, selected: string|null, hidden: string[], edits?: object[]}} view */
export async function serialize(view) {
  const v = { t: view.text, s: view.selected ?? null, h: [...(view.hidden ?? [])].sort() };
  if (view.edits?.length) v.e = view.edits;
  if (view.labels) v.l = 1;
  if (view.url) v.u = String(view.url).slice(0, 2000);
  if (view.date) v.d = String(view.date).slice(0, 10);
  if (Number.isInteger(view.quote) && view.quote >= 0) v.q = view.quote; // a link to one quotation
  if (Number.isInteger(view.report) && view.report >= 0) v.r = view.report; // … or one reported speech (an attribution)
  if (view.compare) v.c = [view.compare.a ?? null, view.compare.b]; // a comparison: version A (null: the article), version B
  const json = JSON.stringify(v);
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `#${VERSION}.${toBase64Url(packed)}`;
}

/** @returns {Promise<{text: string, selected: string|null, hidden: string[], edits: object[], quote?: number, report?: number}>} */
export async function parse(fragment) {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(`${VERSION}.`)) throw new ShareError('This link was not made by newslens (or by a newer version).');
  const bytes = fromBase64Url(body.slice(VERSION.length + 1));
  let json;
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new ShareError('The link is damaged or incomplete: its text could not be unpacked.');
  }
  const ok = json && typeof json.t === 'string' && (json.s === null || typeof json.s === 'string')
    && Array.isArray(json.h) && json.h.every((x) => typeof x === 'string')
    && (json.e === undefined || (Array.isArray(json.e) && json.e.length <= 10000 && json.e.every(isEdit)))
    && (json.u === undefined || (typeof json.u === 'string' && json.u.length <= 2000))
    && (json.d === undefined || (typeof json.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(json.d)))
    && (json.q === undefined || (Number.isInteger(json.q) && json.q >= 0))
    && (json.r === undefined || (Number.isInteger(json.r) && json.r >= 0))
    && (json.c === undefined || (Array.isArray(json.c) && json.c.length === 2 && (json.c[0] === null || typeof json.c[0] === 'string') && typeof json.c[1] === 'string'
      && (json.c[0] ?? '').length <= MAX_TEXT_CHARS && json.c[1].length <= MAX_TEXT_CHARS));
  if (!ok) throw new ShareError('The link is damaged: it does not hold a newslens view.');
  if (json.t.length > MAX_TEXT_CHARS) throw new ShareError('The link holds more text than newslens accepts.');
  return { text: json.t, selected: json.s, hidden: json.h, edits: json.e ?? [], labels: json.l === 1, url: json.u ?? '', date: json.d ?? '', ...(json.q !== undefined ? { quote: json.q } : {}), ...(json.r !== undefined ? { report: json.r } : {}), ...(json.c ? { compare: { a: json.c[0], b: json.c[1] } } : {}) };
}
