// Save a string as a file, the browser's way: a link to a Blob, clicked. Used by the page's exports
// (app.js) and the extension's side panel (extension/panel.js).

/** Offer `content` (a string) as a file `name` of MIME `type`. */
export function download(name, type, content) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove(); // an empty link left in the page has no name (axe: link-name)
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
