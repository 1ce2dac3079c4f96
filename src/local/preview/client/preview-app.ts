// The preview page: sheet tabs, a virtualised grid of display values, a formula bar, the add-on menu, charts and the sidebar panel.
import { escapeHtml } from "../../../server/html-escape";
// Type-only: the wire shapes the preview server sends; nothing of the Node side reaches the page's bundle.
import type { ChartView, GridPage, SheetTab, ShownView } from "../workbook-session";

// A module, not a global script: its names stay its own (the page has a window.status, for one).
export {};

interface RunReply {
  ok: boolean;
  message?: string;
  shown: ShownView[];
  toasts: string[];
  alerts: string[];
}

type MenuEntry = { caption: string; functionName: string } | "separator" | { subMenu: MenuRecord };
interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

const ROW_HEIGHT = 22;
const PAGE_ROWS = 100;

const state = {
  tabs: [] as SheetTab[],
  active: "",
  /** The spreadsheet's active sheet as the server code last left it; a change means the add-on switched sheets. */
  serverActive: "",
  selected: { row: 1, column: 1 },
  pages: new Map<number, GridPage>(),
  loading: new Set<number>(),
  columns: 12,
  rows: 50,
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

function letters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await response.json()) as T;
}

function status(text: string): void {
  byId("status").textContent = text;
}

// ---- grid ----

function pageOf(row: number): number {
  return Math.floor((row - 1) / PAGE_ROWS);
}

function cellAt(row: number, column: number): { display: string; formula: string; error: string | undefined } | null {
  const page = state.pages.get(pageOf(row));
  if (page === undefined) return null;
  const r = row - page.startRow;
  return { display: page.display[r]?.[column - 1] ?? "", formula: page.formulas[r]?.[column - 1] ?? "", error: page.errors[`${letters(column)}${row}`] };
}

function loadPage(index: number): void {
  if (state.pages.has(index) || state.loading.has(index)) return;
  state.loading.add(index);
  const sheet = state.active;
  getJson<GridPage>(`/api/page?sheet=${encodeURIComponent(sheet)}&start=${index * PAGE_ROWS + 1}&count=${PAGE_ROWS}`)
    .then((page) => {
      state.loading.delete(index);
      if (sheet !== state.active) return;
      state.pages.set(index, page);
      state.columns = Math.max(state.columns, page.columns);
      renderGrid();
    })
    .catch((error: unknown) => {
      state.loading.delete(index);
      status(String(error));
    });
}

function renderGrid(): void {
  const grid = byId<HTMLDivElement>("grid");
  const first = Math.max(1, Math.floor(grid.scrollTop / ROW_HEIGHT) - 5);
  const last = Math.min(state.rows, first + Math.ceil(grid.clientHeight / ROW_HEIGHT) + 15);
  for (let p = pageOf(first); p <= pageOf(last); p++) loadPage(p);
  const head = ['<tr><th class="corner"></th>'];
  for (let c = 1; c <= state.columns; c++) head.push(`<th>${letters(c)}</th>`);
  head.push("</tr>");
  const body: string[] = [`<tr style="height:${(first - 1) * ROW_HEIGHT}px"></tr>`];
  for (let r = first; r <= last; r++) {
    const cells = [`<th class="row-header">${r}</th>`];
    for (let c = 1; c <= state.columns; c++) {
      const cell = cellAt(r, c);
      const selected = state.selected.row === r && state.selected.column === c ? " selected" : "";
      const numeric = cell !== null && /^[-+($€£]?[\d.,]+[%)x]?$|^\d{4}-\d{2}-\d{2}$/.test(cell.display) ? " number" : "";
      const title = cell?.error ? ` title="${escapeHtml(cell.error)}"` : "";
      cells.push(`<td data-cell="${letters(c)}${r}" data-row="${r}" data-column="${c}" class="cell${selected}${numeric}"${title}>${escapeHtml(cell?.display ?? "")}</td>`);
    }
    body.push(`<tr style="height:${ROW_HEIGHT}px">${cells.join("")}</tr>`);
  }
  body.push(`<tr style="height:${(state.rows - last) * ROW_HEIGHT}px"></tr>`);
  const table = byId("grid-table");
  // A fixed-layout table needs its width, or the browser squeezes columns to fit the pane.
  table.style.width = `${46 + state.columns * 110}px`;
  table.innerHTML = `<thead>${head.join("")}</thead><tbody>${body.join("")}</tbody>`;
}

function select(row: number, column: number): void {
  state.selected = { row, column };
  byId("name-box").textContent = `${letters(column)}${row}`;
  const cell = cellAt(row, column);
  byId<HTMLInputElement>("formula-input").value = cell === null ? "" : cell.formula || cell.display;
  renderGrid();
}

async function commitFormulaBar(): Promise<void> {
  const input = byId<HTMLInputElement>("formula-input");
  const { row, column } = state.selected;
  status(`Writing ${letters(column)}${row}…`);
  const reply = await postJson<{ ok: boolean; error?: string }>("/api/cell", { sheet: state.active, row, column, input: input.value });
  if (!reply.ok) {
    status(reply.error ?? "Could not write the cell");
    return;
  }
  status(`${letters(column)}${row} updated`);
  await refresh();
  select(row + 1, column);
}

// ---- tabs, charts, menu, sidebar ----

function renderTabs(): void {
  byId("tabs").innerHTML = state.tabs
    .map((t) => `<button class="sheet-tab${t.name === state.active ? " active" : ""}" data-sheet="${escapeHtml(t.name)}">${escapeHtml(t.name)}</button>`)
    .join("");
}

async function loadCharts(): Promise<void> {
  const charts = await getJson<ChartView[]>(`/api/charts?sheet=${encodeURIComponent(state.active)}`);
  byId("charts").innerHTML = charts.map((c) => `<figure class="chart-card" data-kind="${escapeHtml(c.kind)}">${c.svg}</figure>`).join("");
  byId("charts").hidden = charts.length === 0;
}

async function openSheet(name: string): Promise<void> {
  state.active = name;
  state.pages.clear();
  const tab = state.tabs.find((t) => t.name === name);
  state.rows = tab?.rows ?? 50;
  state.columns = tab?.columns ?? 12;
  byId<HTMLDivElement>("grid").scrollTop = 0;
  renderTabs();
  renderGrid();
  select(1, 1);
  await loadCharts();
}

/** After anything that may have written: reload tabs, the visible rows and the charts. */
async function refresh(): Promise<void> {
  const { tabs, active } = await getJson<{ tabs: SheetTab[]; active: string }>("/api/tabs");
  state.tabs = tabs;
  if (active !== state.serverActive) {
    state.serverActive = active;
    await openSheet(active);
    return;
  }
  if (!state.tabs.some((t) => t.name === state.active)) state.active = state.tabs[0]?.name ?? "";
  const tab = state.tabs.find((t) => t.name === state.active);
  state.rows = tab?.rows ?? state.rows;
  state.pages.clear();
  renderTabs();
  renderGrid();
  await loadCharts();
}

function showSidebar(src: string, title: string): void {
  byId("sidebar-title").textContent = title;
  byId<HTMLIFrameElement>("sidebar-frame").src = src;
  byId("sidebar").hidden = false;
}

function showShown(views: readonly ShownView[]): void {
  for (const view of views) {
    if (view.kind === "sidebar") showSidebar(`/shown/${view.index}`, view.title);
    else {
      byId("dialog-title").textContent = view.title;
      const frame = byId<HTMLIFrameElement>("dialog-frame");
      frame.removeAttribute("srcdoc");
      frame.src = `/shown/${view.index}`;
      frame.style.width = `${Math.max(view.width, 400)}px`;
      frame.style.height = `${Math.max(view.height, 300)}px`;
      byId("dialog").hidden = false;
    }
  }
}

function showAlerts(alerts: readonly string[]): void {
  if (alerts.length === 0) return;
  byId("dialog-title").textContent = "Funnel KPIs";
  const frame = byId<HTMLIFrameElement>("dialog-frame");
  frame.removeAttribute("src");
  frame.srcdoc = `<body style="font:13px system-ui,sans-serif;padding:16px">${alerts.map((a) => `<p>${escapeHtml(a)}</p>`).join("")}</body>`;
  frame.style.width = "420px";
  frame.style.height = "160px";
  byId("dialog").hidden = false;
}

async function runMenuItem(functionName: string): Promise<RunReply> {
  status(`Running ${functionName}…`);
  const reply = await postJson<RunReply>("/api/run", { fn: functionName, args: [] });
  const toast = reply.toasts[reply.toasts.length - 1];
  status(reply.ok ? (toast ?? `${functionName} finished`) : `${functionName} failed: ${reply.message ?? ""}`);
  showShown(reply.shown);
  showAlerts(reply.alerts);
  await refresh();
  return reply;
}

/** As the menu's Set up funnel does; without a built sidebar the panel says how to build one. */
async function openAddonSidebar(): Promise<void> {
  const reply = await runMenuItem("showSidebar");
  if (!reply.shown.some((v) => v.kind === "sidebar")) showSidebar("/sidebar", "Funnel KPIs");
}

function menuItems(entries: readonly MenuEntry[]): string {
  return entries
    .map((entry) => {
      if (entry === "separator") return "<hr>";
      if ("subMenu" in entry) return `<div class="submenu"><span>${escapeHtml(entry.subMenu.caption)} ▸</span>${menuItems(entry.subMenu.items)}</div>`;
      return `<button class="menu-item" data-function="${escapeHtml(entry.functionName)}">${escapeHtml(entry.caption)}</button>`;
    })
    .join("");
}

async function loadMenus(): Promise<void> {
  const menus = await getJson<MenuRecord[]>("/api/menus");
  byId("menus").innerHTML = menus
    .map((m) => `<details class="menu"><summary>${m.addon ? "Extensions ▸ Funnel KPIs" : escapeHtml(m.caption)}</summary><div class="menu-items">${menuItems(m.items)}</div></details>`)
    .join("");
}

function wire(): void {
  const grid = byId<HTMLDivElement>("grid");
  grid.addEventListener("scroll", () => renderGrid());
  byId("grid-table").addEventListener("click", (event) => {
    const target = (event.target as HTMLElement).closest("td");
    if (target === null) return;
    select(Number(target.dataset.row), Number(target.dataset.column));
  });
  byId("grid-table").addEventListener("dblclick", () => byId<HTMLInputElement>("formula-input").focus());
  byId("tabs").addEventListener("click", (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>(".sheet-tab");
    if (tab?.dataset.sheet) void openSheet(tab.dataset.sheet);
  });
  byId<HTMLInputElement>("formula-input").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void commitFormulaBar();
    } else if (event.key === "Escape") select(state.selected.row, state.selected.column);
  });
  byId("menus").addEventListener("click", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>(".menu-item");
    if (item?.dataset.function) {
      item.closest("details")?.removeAttribute("open");
      void runMenuItem(item.dataset.function);
    }
  });
  byId("open-sidebar").addEventListener("click", () => void openAddonSidebar());
  byId("close-sidebar").addEventListener("click", () => {
    byId("sidebar").hidden = true;
  });
  byId("close-dialog").addEventListener("click", () => {
    byId("dialog").hidden = true;
  });
  window.addEventListener("message", (event: MessageEvent<{ source?: string; type?: string }>) => {
    if (event.data?.source !== "funnel-kpis-preview") return;
    if (event.data.type === "close") {
      byId("sidebar").hidden = true;
      byId("dialog").hidden = true;
    }
    if (event.data.type === "ran") void refresh();
  });
  window.addEventListener("resize", () => renderGrid());
}

async function main(): Promise<void> {
  wire();
  const { tabs, active } = await getJson<{ tabs: SheetTab[]; active: string }>("/api/tabs");
  state.tabs = tabs;
  state.serverActive = active;
  await loadMenus();
  await openSheet(active);
  status("Ready");
}

void main();
