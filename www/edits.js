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

export const KINDS = ['person', 'organisation', 'place', 'other'];
export const LABELS = ['PER', 'ORG', 'LOC', 'MISC'];
const LABEL_OF_KIND = { person: 'PER', organisation: 'ORG', place: 'LOC', other: 'MISC' };

/** Is `e` an edit of a known shape? (Share links and saved drafts are checked with it.) */
export function isEdit(e) {
  if (!e || typeof e !== 'object') return false;
  const id = (x) => typeof x === 'string' && x.length < 20;
  switch (e.op) {
    case 'speaker': return Number.isInteger(e.quote) && e.quote >= 0 && (e.actor === null || id(e.actor));
    case 'merge': return id(e.actor) && id(e.into) && e.actor !== e.into;
    case 'split': return id(e.actor) && Number.isInteger(e.at) && e.at >= 0;
    case 'delete': return id(e.actor);
    case 'kind': return id(e.actor) && KINDS.includes(e.kind);
    case 'label': return typeof e.name === 'string' && e.name.length > 0 && e.name.length <= 200 && LABELS.includes(e.label);
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
  const actor = (id) => a.actors.find((x) => x.id === id);
  const reassign = (from, to) => {
    for (const list of [a.entities, a.quotes, a.attributions]) for (const x of list) if (x.actor === from) x.actor = to;
  };
  for (const e of edits) {
    if (!isEdit(e)) continue;
    if (e.op === 'speaker') {
      const q = a.quotes[e.quote];
      if (!q || (e.actor !== null && !actor(e.actor))) continue;
      q.actor = e.actor;
      q.corrected = true;
      q.confidence = 'sure'; // the reader decided
      for (const r of a.attributions) if (r.quote === e.quote) r.actor = e.actor;
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
  switch (e.op) {
    case 'speaker': return e.actor ? `quotation ${e.quote + 1} credited to ${name(e.actor)}` : `quotation ${e.quote + 1} left without a speaker`;
    case 'merge': return `${name(e.actor)} merged into ${name(e.into)}`;
    case 'split': return `a mention split off ${name(e.actor)}`;
    case 'delete': return `${name(e.actor)} removed from the actors`;
    case 'kind': return `${name(e.actor)} is now a ${e.kind}`;
    case 'label': return `“${e.name}” is now ${e.label}`;
    default: return 'a correction';
  }
}
