// Corrections: the reader's edits to an analysis, kept as a short list and applied in order to
// the core's output. The core's analysis is the same for the same text (and core version), so an
// edit can name a quotation by index and an actor by id; an edit that no longer fits (an unknown
// actor, an index out of range) is skipped, never an error. Pure functions, no DOM.
//
//   {op: 'speaker', quote: i, actor: id | null}   this quotation was said by that actor (or no one)
//   {op: 'merge', actor: id, into: id}            one actor: mentions, quotes and reports join `into`
//   {op: 'split', actor: id, at: start}           the mention starting at `at` is an actor of its own
//   {op: 'delete', actor: id}                     not an actor: its mentions stay names, its quotes lose their speaker
//   {op: 'kind', actor: id, kind: ActorKind}      its type; its names' entity labels follow
//   {op: 'label', name: text, label: Label}       a name that is no actor ("Republican"): every
//                                                 mention of it takes this entity label
//   {op: 'add', name, kind, unnamed?, role?, quote?}  a new actor the reader names (id "n1", "n2", … in
//                                                 the order of the add edits); `unnamed`: a source the
//                                                 article leaves unnamed ("a spokesman"); `quote`: the
//                                                 quotation it said (credited in the same step)
//   {op: 'rename', actor: id, name}               the actor's name
//   {op: 'role', actor: id, role}                 the actor's role ("" clears it)
//   {op: 'mark', quote: i, check, note}           the reader checked the quotation ('checked'), doubts it
//                                                 ('flagged') or neither (null), with a note ("" none)
//   {op: 'mention', actor: id, start, end}       the words [start, end) of the text name that actor (a
//                                                 name the reader marks): a name of its own, taken from
//                                                 any other actor, and the names it overlaps give way
//
// 'speaker', 'mark' and 'add' may name a piece of reported speech instead of a quotation:
// `report: j` (an index into the attributions, one without a quotation) in place of `quote: i`.

export const KINDS = ['person', 'organisation', 'place', 'other'];
export const CHECKS = ['checked', 'flagged'];
const MAX_NAME = 200;
const MAX_NOTE = 2000;
export const LABELS = ['PER', 'ORG', 'LOC', 'MISC'];
const LABEL_OF_KIND = { person: 'PER', organisation: 'ORG', place: 'LOC', other: 'MISC' };

/** Does `e` name exactly one quotation (`quote`) or piece of reported speech (`report`)? */
function said(e) {
  const index = (x) => Number.isInteger(x) && x >= 0;
  return e.report === undefined ? index(e.quote) : e.quote === undefined && index(e.report);
}

/** Is `e` an edit of a known shape? (Share links and saved drafts are checked with it.) */
export function isEdit(e) {
  if (!e || typeof e !== 'object') return false;
  const id = (x) => typeof x === 'string' && x.length < 20;
  const text = (x, max) => typeof x === 'string' && x.length <= max;
  const name = (x) => text(x, MAX_NAME) && x.trim().length > 0;
  switch (e.op) {
    case 'speaker': return said(e) && (e.actor === null || id(e.actor));
    case 'merge': return id(e.actor) && id(e.into) && e.actor !== e.into;
    case 'split': return id(e.actor) && Number.isInteger(e.at) && e.at >= 0;
    case 'delete': return id(e.actor);
    case 'kind': return id(e.actor) && KINDS.includes(e.kind);
    case 'label': return typeof e.name === 'string' && e.name.length > 0 && e.name.length <= 200 && LABELS.includes(e.label);
    case 'add': return name(e.name) && KINDS.includes(e.kind) && (e.unnamed === undefined || e.unnamed === true)
      && (e.role === undefined || text(e.role, MAX_NAME)) && ((e.quote === undefined && e.report === undefined) || said(e));
    case 'rename': return id(e.actor) && name(e.name);
    case 'role': return id(e.actor) && text(e.role, MAX_NAME);
    case 'mention': return id(e.actor) && Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end > e.start && e.end - e.start <= MAX_NAME;
    case 'mark': return said(e) && (e.check === null || CHECKS.includes(e.check)) && text(e.note, MAX_NOTE);
    default: return false;
  }
}

/**
 * The analysis with the edits applied (a new object; the input is not changed). Corrected
 * quotations and actors carry `corrected: true`; quote counts are recounted.
 */
export function applyEdits(text, analysis, edits) {
  const a = structuredClone(analysis);
  a.attributions ??= [];
  let fresh = 0;
  let added = 0;
  const actor = (id) => a.actors.find((x) => x.id === id);
  // what an edit names: the quotation, or the attribution that reports speech (null: none)
  const target = (e) => (e.report === undefined ? a.quotes[e.quote] : a.attributions[e.report]?.quote == null ? a.attributions[e.report] : null) ?? null;
  const reassign = (from, to) => {
    for (const list of [a.entities, a.quotes, a.attributions]) for (const x of list) if (x.actor === from) x.actor = to;
  };
  for (const e of edits) {
    if (!isEdit(e)) continue;
    if (e.op === 'speaker') {
      const q = target(e);
      if (!q || (e.actor !== null && !actor(e.actor))) continue;
      q.actor = e.actor;
      q.corrected = true;
      if (e.report === undefined) {
        q.confidence = 'sure'; // the reader decided
        for (const r of a.attributions) if (r.quote === e.quote) r.actor = e.actor;
      }
    } else if (e.op === 'merge') {
      const from = actor(e.actor);
      const into = actor(e.into);
      if (!from || !into) continue;
      const pairs = [...into.mentions.map((m, i) => [m, into.mention_kinds[i]]), ...from.mentions.map((m, i) => [m, from.mention_kinds[i]])]
        .sort((x, y) => x[0][0] - y[0][0]);
      into.mentions = pairs.map((p) => p[0]);
      into.mention_kinds = pairs.map((p) => p[1]);
      into.corrected = true;
      a.actors = a.actors.filter((x) => x !== from);
      reassign(from.id, into.id);
    } else if (e.op === 'split') {
      const from = actor(e.actor);
      const i = from ? from.mentions.findIndex((m) => m[0] === e.at) : -1;
      if (i < 0 || from.mentions.length < 2) continue;
      const [m] = from.mentions.splice(i, 1);
      const [kind] = from.mention_kinds.splice(i, 1);
      fresh += 1;
      const id = `r${fresh}`; // reader-made actors: ids the core never uses
      a.actors.push({ id, name: text.slice(m[0], m[1]), kind: from.kind, role: null, mentions: [m], mention_kinds: [kind], quotes: 0, corrected: true });
      from.corrected = true;
      for (const ent of a.entities) if (ent.actor === from.id && ent.start === m[0] && ent.end === m[1]) ent.actor = id;
      for (const q of a.quotes) {
        if (q.actor === from.id && q.speaker?.some(([s, t]) => s === m[0] && t === m[1])) { q.actor = id; q.corrected = true; }
      }
    } else if (e.op === 'delete') {
      if (!actor(e.actor)) continue;
      a.actors = a.actors.filter((x) => x.id !== e.actor);
      for (const q of a.quotes) if (q.actor === e.actor) q.corrected = true;
      reassign(e.actor, null);
    } else if (e.op === 'kind') {
      const x = actor(e.actor);
      if (!x) continue;
      x.kind = e.kind;
      x.corrected = true;
      for (const ent of a.entities) if (ent.actor === e.actor) ent.label = LABEL_OF_KIND[e.kind];
    } else if (e.op === 'add') {
      added += 1;
      const id = `n${added}`;
      a.actors.push({ id, name: e.name.trim(), kind: e.kind, role: e.role?.trim() || null, mentions: [], mention_kinds: [], quotes: 0, corrected: true, ...(e.unnamed ? { unnamed: true } : {}) });
      const q = e.quote === undefined && e.report === undefined ? null : target(e);
      if (q) {
        q.actor = id;
        q.corrected = true;
        if (e.report === undefined) {
          q.confidence = 'sure';
          for (const r of a.attributions) if (r.quote === e.quote) r.actor = id;
        }
      }
    } else if (e.op === 'rename' || e.op === 'role') {
      const x = actor(e.actor);
      if (!x) continue;
      if (e.op === 'rename') x.name = e.name.trim(); else x.role = e.role.trim() || null;
      x.corrected = true;
    } else if (e.op === 'mark') {
      const q = target(e);
      if (!q) continue;
      if (e.check) q.check = e.check; else delete q.check;
      if (e.note.trim()) q.note = e.note.trim(); else delete q.note;
    } else if (e.op === 'mention') {
      const x = actor(e.actor);
      const words = text.slice(e.start, e.end);
      if (!x || e.end > text.length || !words.trim()) continue;
      const overlaps = (s, t) => s < e.end && e.start < t;
      // the names it overlaps give way; so do the mentions of any actor there
      a.entities = a.entities.filter((n) => !overlaps(n.start, n.end));
      for (const y of a.actors) {
        const keep = y.mentions.map((m, i) => i).filter((i) => !overlaps(y.mentions[i][0], y.mentions[i][1]));
        if (keep.length === y.mentions.length) continue;
        y.mentions = keep.map((i) => y.mentions[i]);
        y.mention_kinds = keep.map((i) => y.mention_kinds[i]);
        y.corrected = true;
      }
      const at = a.entities.findIndex((n) => n.start > e.start);
      a.entities.splice(at < 0 ? a.entities.length : at, 0, { start: e.start, end: e.end, label: LABEL_OF_KIND[x.kind], text: words, actor: x.id, corrected: true });
      const i = x.mentions.findIndex((m) => m[0] > e.start);
      x.mentions.splice(i < 0 ? x.mentions.length : i, 0, [e.start, e.end]);
      x.mention_kinds.splice(i < 0 ? x.mention_kinds.length : i, 0, 'name');
      x.corrected = true;
    } else if (e.op === 'label') {
      for (const ent of a.entities) {
        if (!ent.actor && ent.text === e.name) { ent.label = e.label; ent.corrected = true; }
      }
    }
  }
  const counts = new Map();
  for (const q of a.quotes) if (q.actor) counts.set(q.actor, (counts.get(q.actor) ?? 0) + 1);
  for (const x of a.actors) x.quotes = counts.get(x.id) ?? 0;
  return a;
}

/** A short description of an edit for the status line ("Ann Lee merged into Ann Lee-Smith"). */
export function describeEdit(e, before) {
  const name = (id) => before.actors.find((x) => x.id === id)?.name ?? id;
  const what = e.report === undefined ? `quotation ${e.quote + 1}` : 'the reported speech';
  switch (e.op) {
    case 'speaker': return e.actor ? `${what} credited to ${name(e.actor)}` : `${what} left without a ${e.report === undefined ? 'speaker' : 'source'}`;
    case 'merge': return `${name(e.actor)} merged into ${name(e.into)}`;
    case 'split': return `a mention split off ${name(e.actor)}`;
    case 'delete': return `${name(e.actor)} removed from the actors`;
    case 'kind': return `${name(e.actor)} is now a ${e.kind}`;
    case 'label': return `“${e.name}” is now ${e.label}`;
    case 'add': return `${e.name.trim()} added${e.unnamed ? ' as an unnamed source' : ''}${e.quote !== undefined || e.report !== undefined ? `, credited with ${what}` : ''}`;
    case 'rename': return `${name(e.actor)} renamed ${e.name.trim()}`;
    case 'role': return e.role.trim() ? `${name(e.actor)}'s role is now “${e.role.trim()}”` : `${name(e.actor)}'s role cleared`;
    case 'mention': return `a name marked as ${name(e.actor)}`;
    case 'mark': return `${what} ${e.check ?? 'not marked'}${e.note.trim() ? ', with a note' : ''}`;
    default: return 'a correction';
  }
}
