// Actors the reader adds: the sidebar's "Add an actor" form (a name, a kind, a role), and the
// followed actor's "mark a name as" controls, which make a name found in the text, or words the
// reader selects in the article, a mention of that actor. Each is an edit (edits.js 'add',
// 'mention'), so it is undone, saved and shared like any correction. This module builds and wires
// the controls and reads the article's selection as UTF-16 offsets; the page applies the edits.

import { el, choiceMenu } from './render.js';

/**
 * Wire the static form `form` (#add-actor: name, kind, role, Add) and `toggle`, the button that
 * shows and hides it. `onAdd(edit)` applies the 'add' edit. The typed values stay until the actor
 * is added (the form is never rebuilt). (A disclosure button, not <details>: Chromium stalls
 * for seconds on typing into a multi-megabyte editor while a closed <details> holds text fields.)
 */
export function wireAddActor(toggle, form, onAdd) {
  toggle.addEventListener('click', () => {
    form.hidden = !form.hidden;
    toggle.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('input')?.focus();
  });
  const name = form.querySelector('[data-field="name"]');
  const kind = form.querySelector('[data-field="kind"]');
  const role = form.querySelector('[data-field="role"]');
  const add = () => {
    const n = name.value.trim();
    if (!n) { name.focus(); return; }
    const unnamed = kind.value === 'unnamed';
    const edit = { op: 'add', name: n, kind: unnamed ? 'person' : kind.value };
    if (unnamed) edit.unnamed = true;
    if (role.value.trim()) edit.role = role.value.trim();
    onAdd(edit);
    name.value = '';
    role.value = '';
  };
  form.querySelector('button').addEventListener('click', add);
  for (const f of [name, role]) f.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
}

/**
 * Follow the reader's selection in `article`: returns a function that gives the last non-empty
 * selection made inside it as {start, end, words} (UTF-16 offsets into the text), or null. The
 * article's text nodes are the text itself (speaker labels are drawn by CSS, not text), so the
 * length of a range from the article's start is an offset.
 */
export function trackSelection(article) {
  let last = null;
  const offset = (node, at) => {
    const r = document.createRange();
    r.setStart(article, 0);
    r.setEnd(node, at);
    return r.toString().length;
  };
  document.addEventListener('selectionchange', () => {
    const s = document.getSelection();
    if (!s || s.isCollapsed || !s.rangeCount) return;
    const r = s.getRangeAt(0);
    if (!article.contains(r.startContainer) || !article.contains(r.endContainer)) return;
    const start = offset(r.startContainer, r.startOffset);
    const end = offset(r.endContainer, r.endOffset);
    const words = r.toString();
    // the selection without its spaces at either end
    const lead = words.length - words.trimStart().length;
    const trail = words.length - words.trimEnd().length;
    last = words.trim() ? { start: start + lead, end: end - trail, words: words.trim() } : null;
  });
  return () => last;
}

/**
 * The followed actor `a`'s controls to mark a name as theirs: a menu of the names in the text
 * that are not theirs (Enter or a click applies), and a button for the words selected in the
 * article. `handlers`: correct(edit), selection() -> {start, end, words} | null, say(msg).
 */
export function markControls(text, analysis, a, handlers) {
  const names = analysis.entities.map((e, i) => [e, i]).filter(([e]) => e.actor !== a.id);
  const box = el('div', { class: 'corrections mark-name', role: 'group', 'aria-label': `Mark a name as ${a.name}` });
  if (names.length) {
    const count = new Map();
    const pick = el('select', { 'aria-label': `Mark a name in the text as ${a.name}` },
      el('option', { value: '', textContent: '—' }),
      ...names.map(([e]) => {
        const k = (count.get(e.text) ?? 0) + 1;
        count.set(e.text, k);
        return el('option', { value: `${e.start}:${e.end}`, textContent: `${e.text}${k > 1 ? ` (${k})` : ''}` });
      }));
    const hint = choiceMenu(pick, (v) => {
      if (!v) return;
      const [start, end] = v.split(':').map(Number);
      handlers.correct({ op: 'mention', actor: a.id, start, end });
    });
    box.append(el('label', { class: 'fix' }, el('span', { textContent: 'Mark a name as theirs' }), pick), hint);
  }
  const words = el('button', { type: 'button', textContent: `Mark the selected words as ${a.name}` });
  words.addEventListener('click', () => {
    const s = handlers.selection();
    if (!s || s.end > text.length || text.slice(s.start, s.end) !== s.words) { handlers.say('Select words in the article first, then press this button.'); return; }
    if (s.end - s.start > 200) { handlers.say('Select a name: at most 200 characters.'); return; }
    handlers.correct({ op: 'mention', actor: a.id, start: s.start, end: s.end });
  });
  box.append(words);
  return box;
}
