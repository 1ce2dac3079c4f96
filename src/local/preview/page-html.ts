// The preview page's HTML and CSS: a spreadsheet-like frame (menu, formula bar, grid panes, tabs, sidebar) the page app fills in, with this run's token.
import { TOKEN_META } from "./request-guard-names";

export function pageHtml(workbookName: string, token: string): string {
  const title = workbookName.replace(/[<>&"']/g, "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="${TOKEN_META}" content="${token.replace(/[^A-Za-z0-9_-]/g, "")}">
<title>${title} – Funnel KPIs preview</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #202124; height: 100vh; display: flex; flex-direction: column; }
  header { display: flex; align-items: center; gap: 12px; padding: 6px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 15px; margin: 0; font-weight: 500; }
  .menu { position: relative; }
  .menu summary { cursor: pointer; padding: 4px 8px; border-radius: 4px; list-style: none; }
  .menu summary:hover { background: #e8eaed; }
  .menu-items { position: absolute; z-index: 20; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.15); min-width: 220px; padding: 4px 0; }
  .menu-item { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 6px 16px; font: inherit; cursor: pointer; }
  .menu-item:hover { background: #f1f3f4; }
  #open-sidebar { margin-left: auto; }
  #formula-bar { display: flex; border-bottom: 1px solid #dadce0; position: relative; }
  #name-box { width: 80px; padding: 4px 8px; border-right: 1px solid #dadce0; color: #5f6368; }
  #fx { padding: 4px 8px; color: #5f6368; font-style: italic; border-right: 1px solid #dadce0; }
  #formula-input { flex: 1; border: 0; padding: 4px 8px; font: 13px monospace; outline: none; }
  #formula-input.spilled::placeholder { color: #9aa0a6; }
  #fn-suggest, #fn-help, #dropdown-menu { position: absolute; z-index: 30; background: #fff; border: 1px solid #dadce0; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
  #fn-suggest { top: 100%; left: 160px; margin: 0; padding: 4px 0; list-style: none; min-width: 360px; max-width: 640px; }
  .suggestion { padding: 4px 12px; cursor: pointer; display: flex; gap: 12px; align-items: baseline; }
  .suggestion.highlighted { background: #e8f0fe; }
  .fn-name { font: 13px monospace; font-weight: 600; white-space: nowrap; }
  .suggestion .fn-summary { color: #5f6368; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  #fn-help { top: 100%; left: 160px; padding: 10px 14px; max-width: 560px; }
  #fn-help > div + div { margin-top: 6px; }
  .fn-signature { font: 13px monospace; }
  .current-arg { color: #1a73e8; }
  .fn-arg-name { font-weight: 600; }
  .fn-example span { color: #5f6368; }
  .fn-example code { font-size: 12px; }
  #dropdown-menu { position: fixed; margin: 0; padding: 4px 0; list-style: none; max-height: 260px; overflow: auto; }
  .dropdown-option { padding: 5px 14px; cursor: pointer; outline: none; }
  .dropdown-option:hover, .dropdown-option:focus { background: #f1f3f4; }
  .dropdown-option.current { font-weight: 600; }
  main { flex: 1; display: flex; min-height: 0; }
  #workspace { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #grid { flex: 1; position: relative; overflow: hidden; min-height: 120px; font: 13px Arial, Helvetica, sans-serif; background: #fff; }
  #grid-corner { position: absolute; left: 0; top: 0; width: 46px; height: 24px; background: #f8f9fa; border-right: 1px solid #c0c0c0; border-bottom: 1px solid #c0c0c0; z-index: 4; }
  #column-header { position: absolute; top: 0; left: 46px; right: 0; height: 24px; overflow: hidden; background: #f8f9fa; border-bottom: 1px solid #c0c0c0; z-index: 3; }
  #row-header, #frozen-row-header { position: absolute; left: 0; width: 46px; overflow: hidden; background: #f8f9fa; border-right: 1px solid #c0c0c0; z-index: 3; }
  #row-header { bottom: 0; }
  #frozen-row-header { top: 24px; border-bottom: 3px solid #c0c0c0; }
  #frozen-rows { position: absolute; top: 24px; left: 46px; right: 0; overflow: hidden; z-index: 2; background: #fff; border-bottom: 3px solid #c0c0c0; }
  #frozen-rows[hidden], #frozen-row-header:empty { display: none; }
  .pane-inner { position: relative; height: 100%; }
  .column-header, .row-header { position: absolute; display: flex; align-items: center; justify-content: center; color: #5f6368; font-size: 11px; }
  .column-header { top: 0; height: 24px; border-right: 1px solid #dadce0; }
  .row-header { left: 0; width: 45px; border-bottom: 1px solid #dadce0; }
  .column-header.current, .row-header.current { background: #d3e3fd; color: #0b57d0; font-weight: 600; }
  #grid-body { position: absolute; left: 46px; right: 0; bottom: 0; overflow: auto; }
  #grid-sizer { position: relative; }
  #cells, #charts-layer { position: absolute; left: 0; top: 0; }
  #charts-layer { z-index: 5; }
  .cell { position: absolute; border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; overflow: hidden; white-space: nowrap; padding: 0 3px; display: flex; align-items: flex-end; }
  .cell.joined-right { border-right-color: transparent; }
  .cell.overflowing { overflow: visible; z-index: 1; }
  .cell-text { display: block; width: 100%; overflow: hidden; padding-bottom: 2px; }
  .cell.overflowing .cell-text { position: absolute; bottom: 0; padding: 0 3px 2px; overflow: visible; width: auto; }
  .cell.wrap { white-space: normal; word-wrap: break-word; }
  .cell.wrap .cell-text { line-height: 17px; }
  .cell.selected { outline: 2px solid #1a73e8; outline-offset: -2px; z-index: 2; }
  .cell.has-note::after, .cell.has-error::after, .cell.invalid::after { content: ""; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #202124 transparent transparent; }
  .cell.has-error::after, .cell.invalid::after { border-right-color: #d93025; }
  .cell.kind-error { color: #202124; }
  .cell.has-dropdown { padding: 1px 2px; align-items: center; }
  .chip { display: inline-flex; align-items: center; gap: 4px; max-width: 100%; border: 0; border-radius: 10px; background: #e8eaed; padding: 1px 6px 1px 8px; font: inherit; font-size: 12px; cursor: pointer; color: inherit; }
  .chip.empty { background: transparent; margin-left: auto; }
  .chip-text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .chip-arrow { color: #5f6368; font-size: 10px; }
  .checkbox { display: inline-flex; width: 14px; height: 14px; margin: auto; border: 2px solid #5f6368; border-radius: 2px; align-items: center; justify-content: center; font-size: 11px; cursor: pointer; }
  .checkbox.checked { background: #1a73e8; border-color: #1a73e8; color: #fff; }
  .sparkline { display: block; }
  #cell-popup { position: fixed; z-index: 40; pointer-events: none; max-width: 320px; padding: 8px 10px; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.25); white-space: pre-wrap; font-size: 12px; }
  #cell-popup.error { border-left: 3px solid #d93025; }
  .chart-card { position: absolute; margin: 0; background: #fff; border: 1px solid #dadce0; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  .chart-card canvas { display: block; }
  .chart-card.not-drawn { display: flex; flex-direction: column; align-items: center; justify-content: center; color: #5f6368; padding: 16px; text-align: center; }
  #tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid #dadce0; background: #f1f3f4; }
  .sheet-tab { border: 0; background: none; padding: 6px 14px; font: inherit; cursor: pointer; }
  .sheet-tab.active { background: #fff; color: #1a73e8; font-weight: 500; box-shadow: inset 0 -2px 0 #1a73e8; }
  #sidebar { width: 320px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
  #sidebar[hidden], #dialog[hidden], #fn-suggest[hidden], #fn-help[hidden], #dropdown-menu[hidden], #cell-popup[hidden], #toast[hidden] { display: none; }
  #sidebar .bar, #dialog .bar { display: flex; justify-content: space-between; padding: 8px 12px; font-weight: 500; border-bottom: 1px solid #dadce0; }
  #sidebar-frame { flex: 1; border: 0; width: 300px; }
  #dialog { position: fixed; inset: 0; background: rgba(0,0,0,.3); display: flex; align-items: center; justify-content: center; z-index: 50; }
  #dialog .box { background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
  #dialog-frame { border: 0; display: block; }
  #status { min-height: 21px; padding: 2px 12px; color: #5f6368; font-size: 12px; border-top: 1px solid #dadce0; }
  #status[data-state="failed"] { color: #c5221f; }
  #toast { position: fixed; right: 24px; bottom: 36px; z-index: 45; max-width: 360px; padding: 12px 16px; background: #323232; color: #fff; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
</style>
</head>
<body>
<header>
  <h1>${title}</h1>
  <nav id="menus"></nav>
  <button id="open-sidebar" type="button">Funnel KPIs sidebar</button>
</header>
<div id="formula-bar"><div id="name-box">A1</div><div id="fx">fx</div><input id="formula-input" aria-label="Formula bar" spellcheck="false" autocomplete="off" role="combobox" aria-controls="fn-suggest" aria-expanded="false"><ul id="fn-suggest" role="listbox" hidden></ul><div id="fn-help" role="tooltip" hidden></div></div>
<main>
  <section id="workspace">
    <div id="grid" data-loading="true">
      <div id="grid-corner"></div>
      <div id="column-header"><div class="pane-inner"></div></div>
      <div id="frozen-rows" hidden><div class="pane-inner"></div></div>
      <div id="frozen-row-header"></div>
      <div id="row-header"><div class="pane-inner"></div></div>
      <div id="grid-body"><div id="grid-sizer"><div id="cells"></div><div id="charts-layer"></div></div></div>
    </div>
    <nav id="tabs"></nav>
  </section>
  <aside id="sidebar" hidden>
    <div class="bar"><span id="sidebar-title">Funnel KPIs</span><button id="close-sidebar" type="button" aria-label="Close sidebar">✕</button></div>
    <iframe id="sidebar-frame" title="Add-on sidebar"></iframe>
  </aside>
</main>
<div id="status" role="status" aria-live="polite"></div>
<div id="toast" role="status" hidden></div>
<div id="cell-popup" role="tooltip" hidden></div>
<ul id="dropdown-menu" role="listbox" hidden></ul>
<div id="dialog" hidden><div class="box"><div class="bar"><span id="dialog-title"></span><button id="close-dialog" type="button" aria-label="Close dialog">✕</button></div><iframe id="dialog-frame" title="Add-on dialog"></iframe></div></div>
<script src="/app.js"></script>
</body>
</html>
`;
}
