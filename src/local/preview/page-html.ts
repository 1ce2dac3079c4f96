// The preview page's HTML and CSS: a spreadsheet-like frame the page app fills in.

export function pageHtml(workbookName: string): string {
  const title = workbookName.replace(/[<>&"]/g, "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} – Funnel KPIs preview</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #202124; height: 100vh; display: flex; flex-direction: column; }
  header { display: flex; align-items: center; gap: 12px; padding: 6px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 15px; margin: 0; font-weight: 500; }
  .menu { position: relative; }
  .menu summary { cursor: pointer; padding: 4px 8px; border-radius: 4px; list-style: none; }
  .menu summary:hover { background: #e8eaed; }
  .menu-items { position: absolute; z-index: 5; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.15); min-width: 220px; padding: 4px 0; }
  .menu-item { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 6px 16px; font: inherit; cursor: pointer; }
  .menu-item:hover { background: #f1f3f4; }
  #open-sidebar { margin-left: auto; }
  #formula-bar { display: flex; border-bottom: 1px solid #dadce0; }
  #name-box { width: 80px; padding: 4px 8px; border-right: 1px solid #dadce0; color: #5f6368; }
  #formula-input { flex: 1; border: 0; padding: 4px 8px; font: 13px monospace; outline: none; }
  main { flex: 1; display: flex; min-height: 0; }
  #workspace { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #grid { flex: 1; overflow: auto; position: relative; min-height: 120px; }
  #grid-table { border-collapse: collapse; table-layout: fixed; }
  #grid-table th { position: sticky; top: 0; background: #f8f9fa; border: 1px solid #e0e0e0; font-weight: 400; color: #5f6368; height: 22px; width: 110px; z-index: 1; }
  #grid-table th.corner, #grid-table th.row-header { width: 46px; }
  #grid-table th.row-header { position: sticky; left: 0; z-index: 0; }
  #grid-table td { border: 1px solid #e0e0e0; width: 110px; max-width: 110px; height: 22px; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  #grid-table td.number { text-align: right; }
  #grid-table td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  #grid-table td[title] { color: #c5221f; }
  #charts { display: flex; flex-wrap: wrap; gap: 12px; padding: 8px 12px; border-top: 1px solid #dadce0; max-height: 45vh; overflow: auto; background: #f8f9fa; }
  #charts figure { margin: 0; }
  #tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid #dadce0; background: #f1f3f4; }
  .sheet-tab { border: 0; background: none; padding: 6px 14px; font: inherit; cursor: pointer; }
  .sheet-tab.active { background: #fff; color: #1a73e8; font-weight: 500; box-shadow: inset 0 -2px 0 #1a73e8; }
  #sidebar { width: 320px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
  #sidebar[hidden], #dialog[hidden], #charts[hidden] { display: none; }
  #sidebar .bar, #dialog .bar { display: flex; justify-content: space-between; padding: 8px 12px; font-weight: 500; border-bottom: 1px solid #dadce0; }
  #sidebar-frame { flex: 1; border: 0; width: 300px; }
  #dialog { position: fixed; inset: 0; background: rgba(0,0,0,.3); display: flex; align-items: center; justify-content: center; z-index: 10; }
  #dialog .box { background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
  #dialog-frame { border: 0; display: block; }
  #status { padding: 2px 12px; color: #5f6368; font-size: 12px; border-top: 1px solid #dadce0; }
</style>
</head>
<body>
<header>
  <h1>${title}</h1>
  <nav id="menus"></nav>
  <button id="open-sidebar" type="button">Funnel KPIs sidebar</button>
</header>
<div id="formula-bar"><div id="name-box">A1</div><input id="formula-input" aria-label="Formula bar" spellcheck="false" autocomplete="off"></div>
<main>
  <section id="workspace">
    <div id="grid"><table id="grid-table"></table></div>
    <div id="charts" hidden></div>
    <nav id="tabs"></nav>
  </section>
  <aside id="sidebar" hidden>
    <div class="bar"><span id="sidebar-title">Funnel KPIs</span><button id="close-sidebar" type="button" aria-label="Close sidebar">✕</button></div>
    <iframe id="sidebar-frame" title="Add-on sidebar"></iframe>
  </aside>
</main>
<div id="status">Loading…</div>
<div id="dialog" hidden><div class="box"><div class="bar"><span id="dialog-title"></span><button id="close-dialog" type="button" aria-label="Close dialog">✕</button></div><iframe id="dialog-frame" title="Add-on dialog"></iframe></div></div>
<script src="/app.js"></script>
</body>
</html>
`;
}
