// Does a text read as prose? newslens's models were trained on news articles; on a list (names,
// headlines, table rows pasted as text) they find many junk names and few real speakers. The page
// warns rather than pretends. Pure function, no DOM.

/**
 * A warning sentence when `text` looks like a list rather than prose, else null. `analysis` gives
 * the names found (UTF-16 offsets).
 */
export function listWarning(text, analysis) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const words = (text.match(/\S+/g) ?? []).length;
  if (words < 40) return null;
  // short lines that end without a full stop, question or exclamation mark (or a closing quote)
  const bare = lines.filter((l) => l.split(/\s+/).length <= 8 && !/[.!?…:"”’)]$/.test(l)).length;
  const names = analysis?.entities?.length ?? 0;
  const listy = lines.length >= 8 && bare / lines.length >= 0.6;
  const crowded = names >= 20 && names / words >= 0.3;
  if (!listy && !crowded) return null;
  return listy
    ? `This text looks like a list (${bare} of ${lines.length} lines are short and end without a sentence), not an article: names and speakers are less reliable.`
    : `This text is crowded with names (${names} in ${words} words), more like a list than an article: names and speakers are less reliable.`;
}
