// The tools of one quotation, or one piece of reported speech, opened from its row in the
// who-said-what table or from its card in the article (toolsdialog.js): credit it to an actor, to a
// source the article leaves unnamed ("a spokesman") or to someone new the reader types; edit the
// speaker's role; mark it checked or flagged, with a note; copy its citation or a link to it.
// Every change is an edit (edits.js), so it is undone, saved and shared like any correction. This
// module only builds the controls; the page applies the edits and copies.

import { el, choiceMenu } from './render.js';

// The button a pointer is pressing, while it is pressed: a press on a button marked
// data-keeps-note (Checked, Flag, the table's "Check & cite") takes the note along itself, so the
// note's own save on leaving the field (which would rebuild the tools under the pointer and lose
// the press) waits for it.
let pressed = null;
document.addEventListener('pointerdown', (e) => { pressed = e.target.closest?.('[data-keeps-note]') ?? null; }, true);
for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, () => setTimeout(() => { pressed = null; }, 0), true);

/**
 * The note typed in the tools under `root` and not saved yet, as its mark edit (null: none).
 * The page saves it before it closes the tools, so that closing never loses a note.
 */
export function pendingNote(root) {
  const note = root?.querySelector('input[data-note]');
  return note?.pendingEdit?.() ?? null;
}

/** The reader's check of a quotation as a word: 'checked', 'flagged' or ''. */
export function checkOf(q) { return q?.check ?? ''; }

/** The number a piece of reported speech (attribution `att`) goes by: its place among them, from 1. */
export function reportNumber(analysis, att) {
  let n = 0;
  for (let j = 0; j <= att; j++) if (analysis.attributions[j]?.quote == null) n += 1;
  return n;
}

/** What a quotation ('quote') or reported speech ('report') is called: "Quotation 2", "Reported speech 1". */
export function toolsName(analysis, i, kind = 'quote') {
  return kind === 'report' ? `Reported speech ${reportNumber(analysis, i)}` : `Quotation ${i + 1}`;
}

/**
 * The tools of quotation `i` of `analysis` (what: 'quote'), or of the reported speech that is
 * attribution `i` (what: 'report'). `handlers`: correct(edit), cite(i, what), link(i, what).
 * Every control has its own accessible name (the page gives the focus back by it after a rebuild).
 */
export function quoteTools(text, analysis, i, handlers, what = 'quote') {
  const q = what === 'report' ? analysis.attributions[i] : analysis.quotes[i];
  const at = what === 'report' ? { report: i } : { quote: i };
  const N = toolsName(analysis, i, what);
  const speaker = q.actor ? analysis.actors.find((a) => a.id === q.actor) : null;
  const box = el('div', { class: 'tools', role: 'group', 'aria-label': `${N}: credit, check, cite` });
  const row = (...kids) => el('div', { class: 'tools-line' }, ...kids);

  // credit: an actor of the article, or no one (a menu: Enter or a click applies)
  const pick = el('select', { 'aria-label': `${N}: said by` },
    el('option', { value: '', textContent: speaker ? speaker.name : 'no speaker', selected: true }),
    ...analysis.actors.filter((a) => a.id !== q.actor).map((a) => el('option', { value: a.id, textContent: a.name })),
    q.actor ? el('option', { value: '-', textContent: 'no speaker' }) : null);
  const pickHint = choiceMenu(pick, (v) => { if (v) handlers.correct({ op: 'speaker', ...at, actor: v === '-' ? null : v }); });
  box.append(row(el('label', {}, el('span', { textContent: 'Said by ' }), pick), pickHint));

  // credit: someone new, named or unnamed
  const who = el('input', { type: 'text', 'aria-label': `${N}: someone new`, placeholder: 'a name, or “a spokesman”', autocomplete: 'off' });
  who.setAttribute('list', 'unnamed-sources');
  const kind = el('select', { 'aria-label': `${N}: the new speaker is` },
    ...[['person', 'a person'], ['organisation', 'an organisation'], ['unnamed', 'an unnamed source'], ['other', 'other']]
      .map(([v, t]) => el('option', { value: v, textContent: t })));
  const role = el('input', { type: 'text', 'aria-label': `${N}: the new speaker's role`, placeholder: 'role (optional)', autocomplete: 'off' });
  const add = el('button', { type: 'button', textContent: 'Credit', 'aria-label': `${N}: credit to someone new` });
  const credit = () => {
    const name = who.value.trim();
    if (!name) { who.focus(); return; }
    const unnamed = kind.value === 'unnamed';
    const edit = { op: 'add', name, kind: unnamed ? 'person' : kind.value, ...at };
    if (unnamed) edit.unnamed = true;
    if (role.value.trim()) edit.role = role.value.trim();
    handlers.correct(edit);
  };
  add.addEventListener('click', credit);
  for (const f of [who, role]) f.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); credit(); } });
  box.append(row(el('span', { textContent: 'Or someone new: ' }), who, kind, role, add));

  // the speaker's role
  if (speaker) {
    const r = el('input', { type: 'text', value: speaker.role ?? '', 'aria-label': `Role of ${speaker.name}`, autocomplete: 'off' });
    const save = el('button', { type: 'button', textContent: 'Save role', 'aria-label': `Save the role of ${speaker.name}` });
    const commit = () => { if (r.value.trim() !== (speaker.role ?? '')) handlers.correct({ op: 'role', actor: speaker.id, role: r.value.trim() }); };
    save.addEventListener('click', commit);
    r.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } });
    box.append(row(el('label', {}, el('span', { textContent: `Role of ${speaker.name} ` }), r), save));
  }

  // the reader's check, and a note (kept when the field is left: nothing typed is lost)
  const note = el('input', { type: 'text', value: q.note ?? '', 'aria-label': `${N}: note`, placeholder: 'note (source, call, doubt…)', autocomplete: 'off' });
  const mark = (check) => handlers.correct({ op: 'mark', ...at, check, note: note.value.trim() });
  // a press on Checked or Flag saves the note with the mark, in one step
  const toggle = (check, label) => {
    const on = checkOf(q) === check;
    const b = el('button', { type: 'button', class: `check-${check}`, 'aria-pressed': String(on), textContent: label, 'aria-label': `${N}: ${check}` });
    b.dataset.keepsNote = '';
    b.addEventListener('click', () => mark(on ? null : check));
    return b;
  };
  note.dataset.note = '';
  note.pendingEdit = () => (note.value.trim() !== (q.note ?? '') ? { op: 'mark', ...at, check: checkOf(q) || null, note: note.value.trim() } : null);
  const saveNote = () => { if (!pressed) { const e = note.pendingEdit(); if (e) handlers.correct(e); } };
  note.addEventListener('change', saveNote);
  note.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); saveNote(); } });
  box.append(row(toggle('checked', '✓ Checked'), toggle('flagged', '⚑ Flag'), note));

  // cite
  const cite = el('button', { type: 'button', textContent: 'Copy citation', 'aria-label': `${N}: copy citation` });
  cite.addEventListener('click', () => handlers.cite(i, what));
  const link = el('button', { type: 'button', textContent: 'Copy link to it', 'aria-label': `${N}: copy a link to it` });
  link.addEventListener('click', () => handlers.link(i, what));
  box.append(row(cite, link));
  return box;
}
