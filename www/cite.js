// A quotation's citation: its words, who said them (name, role), and where (the article's
// headline, outlet, date, link), as plain text and as HTML for rich-text editors; and the copy of
// both to the clipboard at once. `citation` is pure; `copyRich` is the only part that touches the
// browser. The words are the article's own, quotation marks included, never rewritten. Reported
// speech is cited as such ("reported, not quoted"), its words never put in quotation marks.

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The outlet of a source address: its host without "www." ('' when there is no http(s) address). */
export function outletOf(url) {
  try {
    const u = new URL(String(url ?? '').trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : '';
  } catch { return ''; }
}

/**
 * The citation of quotation `i` (or, `what` 'report', of the reported speech that is attribution `i`): {plain, html}. `details`: {headline, url, date} (each optional).
 * A quotation without a speaker says so ("speaker not identified") rather than guess.
 */
export function citation(text, analysis, i, details = {}, what = 'quote') {
  const reported = what === 'report';
  const q = reported ? analysis.attributions[i] : analysis.quotes[i];
  const a = q.actor ? analysis.actors.find((x) => x.id === q.actor) : null;
  const said = reported ? q.content.map(([s, e]) => text.slice(s, e)).join(' … ') : text.slice(q.start, q.end);
  const words = `${reported ? 'Reported, not quoted: ' : ''}${said.replace(/\s+/g, ' ').trim()}`;
  const name = a?.name ?? (reported ? q.source_refers_to ?? q.source_text : q.speaker_text) ?? 'speaker not identified';
  const role = a?.role ?? '';
  const outlet = outletOf(details.url);
  const url = outlet ? new URL(details.url.trim()).href : '';
  const where = [details.headline ? `“${details.headline}”` : '', outlet, details.date ?? ''].filter(Boolean);
  const plain = `${words}\n— ${name}${role ? `, ${role}` : ''}${where.length ? `, ${reported ? 'reported' : 'quoted'} in ${where.join(', ')}` : ''}${url ? `. ${url}` : ''}`;
  const head = details.headline ? (url ? `<a href="${escapeHtml(url)}">${escapeHtml(details.headline)}</a>` : escapeHtml(details.headline)) : '';
  const whereHtml = [head ? `<cite>${head}</cite>` : '', escapeHtml(outlet), details.date ? `<time datetime="${escapeHtml(details.date)}">${escapeHtml(details.date)}</time>` : ''].filter(Boolean);
  const html = `<blockquote><p>${escapeHtml(words)}</p><footer>— <strong>${escapeHtml(name)}</strong>${role ? `, ${escapeHtml(role)}` : ''}${whereHtml.length ? `, ${reported ? 'reported' : 'quoted'} in ${whereHtml.join(', ')}` : ''}${url && !head ? `. <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : ''}</footer></blockquote>`;
  return { plain, html };
}

/** Put `plain` and `html` on the clipboard together; resolves to whether the browser allowed it. */
export async function copyRich(plain, html) {
  try {
    await navigator.clipboard.write([new ClipboardItem({
      'text/plain': new Blob([plain], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    })]);
    return true;
  } catch {
    // no permission for the asynchronous clipboard: the copy command, inside this click
    let done = false;
    const put = (e) => { e.clipboardData.setData('text/plain', plain); e.clipboardData.setData('text/html', html); e.preventDefault(); done = true; };
    document.addEventListener('copy', put, { once: true });
    try { document.execCommand('copy'); } catch { /* refused */ }
    document.removeEventListener('copy', put);
    return done;
  }
}
