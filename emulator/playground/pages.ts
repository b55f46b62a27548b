/** The playground's HTML: the spreadsheet page, and the built sidebar with a google.script.run shim. */

/** The add-on menu's title in the playground's Extensions menu (src/app/menu.ts ADDON_TITLE). */
export const ADDON_NAME_FOR_MENU = 'Prospect Enrich';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The spreadsheet page (grid, tabs, formula bar, menu) with the sidebar in an iframe. */
export function renderPage(info: { modes: Record<string, 'simulator' | 'live'>; speed: number }): string {
  const mode = Object.entries(info.modes)
    .map(([p, m]) => `${p}: ${m}`)
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Prospect Enrich playground</title>
<link rel="stylesheet" href="/page.css">
</head>
<body>
<header id="topbar">
  <div class="doc"><span class="logo" aria-hidden="true"></span><span id="doc-title">Playground</span></div>
  <nav id="menubar"><button type="button" id="extensions-menu" aria-haspopup="true" aria-expanded="false">Extensions</button><div id="menu-popup" role="menu" hidden></div><button type="button" id="sort-az" title="Data > Sort range (data has a header row): the rows below row 1 by the selected column">Sort A→Z</button></nav>
  <div id="mode" title="Virtual clock: ${info.speed}x real time">${escapeHtml(mode)} · clock ×${info.speed}</div>
</header>
<div id="formula-row"><input id="name-box" aria-label="Selected cell" readonly><span class="fx">fx</span><input id="formula-input" aria-label="Cell content" autocomplete="off" spellcheck="false"></div>
<main id="workspace">
  <section id="sheet-area">
    <div id="grid-scroll"><table id="grid" aria-label="Sheet"></table></div>
    <nav id="tabs" aria-label="Sheets"></nav>
  </section>
  <aside id="sidebar" aria-label="Add-on sidebar">
    <div class="sidebar-title"><span>${escapeHtml(ADDON_NAME_FOR_MENU)}</span><button type="button" id="sidebar-close" aria-label="Close sidebar">×</button></div>
    <iframe id="sidebar-frame" title="${escapeHtml(ADDON_NAME_FOR_MENU)} sidebar" src="/sidebar"></iframe>
  </aside>
</main>
<div id="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" hidden><div class="dialog-title"><span id="dialog-title"></span><button type="button" id="dialog-close" aria-label="Close dialog">×</button></div><iframe id="dialog-frame" title="Dialog"></iframe></div>
<div id="toast" role="status" hidden></div>
<script src="/page.js"></script>
</body>
</html>
`;
}

/**
 * The built dist/Sidebar.html, unchanged but for two additions at the top of <head>: a
 * `google.script.run` that POSTs each call to /rpc (only the bundle's top-level functions exist
 * on it, as in Apps Script), and a local copy of the add-on stylesheet's look for offline use
 * (the real one from ssl.gstatic.com still loads after it when online, and wins).
 */
export function sidebarPage(html: string, serverFunctions: readonly string[]): string {
  const shim = `<script>(function () {
  var names = ${JSON.stringify(serverFunctions)};
  function runner(ok, fail, user) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, fail, user); },
      withFailureHandler: function (f) { return runner(ok, f, user); },
      withUserObject: function (u) { return runner(ok, fail, u); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
          .then(function (res) { return res.json(); })
          .then(function (res) {
            try { parent.postMessage({ type: 'rpc-done', name: name }, '*'); } catch (e) {}
            if (res.ok) { if (ok) ok(res.value, user); }
            else if (fail) fail(new Error(res.message), user);
          }, function (e) { if (fail) fail(e, user); });
      };
    });
    return r;
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () { parent.postMessage({ type: 'close-sidebar' }, '*'); }, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } }
  } };
})();</script><link rel="stylesheet" href="/add-ons.css">`;
  if (!/<head[^>]*>/i.test(html)) throw new Error('dist/Sidebar.html has no <head>');
  return html.replace(/<head[^>]*>/i, (m) => `${m}${shim}`);
}
