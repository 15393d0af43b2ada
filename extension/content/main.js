// Content script, last of the files background.js injects: answers the extension's own pages
// (the side panel) about this tab: {newslens: 'state'} -> ns.state(); 'follow' {actor};
// 'goto' {kind, index}. Messages from anyone but this extension are ignored.
(() => {
  const ns = globalThis.newslensExt;
  if (ns.ready) return;
  chrome.runtime.onMessage.addListener((msg, sender, reply) => {
    if (sender.id !== chrome.runtime.id) return false;
    if (msg?.newslens === 'state') reply(ns.state());
    else if (msg?.newslens === 'follow') reply(ns.follow(msg.actor ?? null) ?? true);
    else if (msg?.newslens === 'goto') reply(ns.goto(msg.kind, msg.index));
    return false;
  });
  ns.ready = true;
})();
