// The preview page: sheet tabs, the grid, a formula bar with the catalogue's autocomplete, the add-on menu, the sidebar panel and dialogs, and a status bar in plain words.
import { escapeHtml } from "../../../server/html-escape";
// Type-only: the wire shapes the preview server sends; nothing of the Node side reaches the page's bundle.
import type { FunctionSuggestion } from "../function-help";
import type { SheetLayout, SheetTab, ShownView } from "../workbook-session";
import { getJson, postJson } from "./api";
import { ChartsLayer } from "./charts-layer";
import { DropdownMenu } from "./dropdown-menu";
import { FormulaAssist } from "./formula-bar";
import { columnLetters, Grid } from "./grid";
import { phrasesFor } from "./run-status";
import type { RunMessage } from "./run-transport";

// A module, not a global script: its names stay its own (the page has a window.status, for one).
export {};

interface RunReply {
  ok: boolean;
  message?: string;
  shown: ShownView[];
  toasts: string[];
  alerts: string[];
  active: string;
}

type MenuEntry = { caption: string; functionName: string } | "separator" | { subMenu: MenuRecord };
interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

/** Sheets shows a toast for about five seconds. */
const TOAST_MS = 5000;
const DONE_MS = 5000;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

const state = {
  tabs: [] as SheetTab[],
  /** The sheet on screen, which is also the spreadsheet's active sheet (a tab click activates it, as in Sheets). */
  active: "",
  /** Server calls under way (from the menu, the formula bar or the sidebar), by id. */
  jobs: new Map<string, string>(),
  nextJob: 0,
};

// ---- status bar and toasts ----

let doneTimer = 0;
let toastTimer = 0;

function setStatus(text: string, kind: "busy" | "done" | "failed" | "idle"): void {
  const bar = byId("status");
  bar.textContent = text;
  bar.dataset.state = kind;
  window.clearTimeout(doneTimer);
  if (kind === "done") doneTimer = window.setTimeout(() => setStatus("", "idle"), DONE_MS);
}

function startJob(fn: string, id = `page-${++state.nextJob}`): string {
  state.jobs.set(id, fn);
  setStatus(phrasesFor(fn).running, "busy");
  return id;
}

/** A job's end: the status bar says what was done (or what failed), or clears; a toast the run raised shows. */
function endJob(id: string, outcome: { ok: boolean; message?: string; toasts: readonly string[] }, reportFailure: boolean): void {
  const fn = state.jobs.get(id) ?? "";
  state.jobs.delete(id);
  const phrases = phrasesFor(fn);
  const running = [...state.jobs.values()];
  if (!outcome.ok && reportFailure) setStatus(`${phrases.failed}: ${outcome.message ?? "unknown error"}`, "failed");
  else if (running.length > 0) setStatus(phrasesFor(running[running.length - 1]).running, "busy");
  else if (outcome.ok && phrases.done) setStatus(phrases.done, "done");
  else setStatus("", "idle");
  const toast = outcome.toasts[outcome.toasts.length - 1];
  if (toast) showToast(toast);
}

function showToast(text: string): void {
  const toast = byId("toast");
  toast.textContent = text;
  toast.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    toast.hidden = true;
  }, TOAST_MS);
}

// ---- grid and formula bar ----

const charts = new ChartsLayer(byId("charts-layer"));
const dropdown = new DropdownMenu(byId("dropdown-menu"));
const formulaInput = byId<HTMLInputElement>("formula-input");
const assist = new FormulaAssist(formulaInput, byId("fn-suggest"), byId("fn-help"));

const grid = new Grid(
  {
    root: byId("grid"),
    columnHeader: byId("column-header"),
    frozen: byId("frozen-rows"),
    frozenRowHeader: byId("frozen-row-header"),
    rowHeader: byId("row-header"),
    body: byId("grid-body"),
    sizer: byId("grid-sizer"),
    cells: byId("cells"),
    popup: byId("cell-popup"),
  },
  {
    select: (row, column) => select(row, column),
    dropdown: (row, column) => openDropdown(row, column),
    toggle: (row, column) => void writeCell(row, column, grid.cell(row, column)?.checkbox ? "FALSE" : "TRUE", false),
    failed: (message) => setStatus(message, "failed"),
  },
  charts,
);

/** The formula bar shows a cell's formula, or what re-enters its value unchanged; a spilled cell shows its formula greyed. */
function select(row: number, column: number): void {
  dropdown.close();
  if (grid.selected.row !== row || grid.selected.column !== column) grid.select(row, column);
  byId("name-box").textContent = `${columnLetters(column)}${row}`;
  const cell = grid.cell(row, column);
  formulaInput.value = cell?.formula ?? cell?.input ?? "";
  const spilled = cell?.spilledFrom ? grid.cell(Number(/\d+/.exec(cell.spilledFrom)?.[0]), lettersToColumn(cell.spilledFrom)) : undefined;
  formulaInput.placeholder = spilled?.formula ?? "";
  formulaInput.classList.toggle("spilled", spilled !== undefined);
  assist.close();
}

function lettersToColumn(a1: string): number {
  let n = 0;
  for (const ch of a1.replace(/\d+$/, "")) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The formula bar shows the selected cell again, unless the user has started typing something else there. */
function resyncBar(row: number, column: number, shown: string): void {
  if (grid.selected.row !== row || grid.selected.column !== column) return;
  if (document.activeElement === formulaInput && formulaInput.value !== shown) return;
  select(row, column);
}

/** Every edit goes one way, typed or chosen from a dropdown: the same request, parsed as Sheets parses typing. */
async function writeCell(row: number, column: number, input: string, moveDown: boolean): Promise<void> {
  const a1 = `${columnLetters(column)}${row}`;
  // As in Sheets, Enter moves on at once; the cell fills in when the server has computed it.
  const next = { row: moveDown && row < (grid.layout?.rows ?? row) ? row + 1 : row, column };
  select(next.row, next.column);
  const shown = formulaInput.value;
  setStatus(`Writing ${a1}…`, "busy");
  try {
    const reply = await postJson<{ ok: boolean; error?: string }>("/api/cell", { sheet: state.active, row, column, input });
    if (!reply.ok) {
      setStatus(reply.error ?? `Could not write ${a1}`, "failed");
      return;
    }
    setStatus("", "idle");
  } catch (error) {
    setStatus(error instanceof Error ? error.message : String(error), "failed");
    return;
  }
  await refresh();
  resyncBar(next.row, next.column, shown);
}

function openDropdown(row: number, column: number): void {
  const cell = grid.cell(row, column);
  // The cell as drawn now: selecting it redrew the grid.
  const anchor = grid.element(row, column);
  if (!cell?.dropdown || anchor === null) return;
  dropdown.show(anchor, cell.dropdown.options, cell.text, (value) => void writeCell(row, column, value, false));
}

// ---- tabs, sheets, menu, sidebar ----

function renderTabs(): void {
  byId("tabs").innerHTML = state.tabs
    .map((t) => `<button type="button" class="sheet-tab${t.name === state.active ? " active" : ""}" data-sheet="${escapeHtml(t.name)}">${escapeHtml(t.name)}</button>`)
    .join("");
}

async function showSheet(name: string, sameSheet: boolean): Promise<void> {
  const layout = await getJson<SheetLayout>(`/api/sheet?sheet=${encodeURIComponent(name)}`);
  state.active = name;
  renderTabs();
  grid.show(layout, sameSheet);
  if (!sameSheet) select(1, 1);
}

/** A tab click makes that sheet the spreadsheet's active sheet, as in Sheets, so the add-on sees the sheet the user is on. */
async function clickTab(name: string): Promise<void> {
  if (name === state.active) return;
  await postJson("/api/active", { sheet: name });
  await showSheet(name, false);
}

/** After anything that may have written: tabs, the sheet's layout and cells; and the sheet a script activated comes to the front. */
async function refresh(active?: string | null): Promise<void> {
  const tabs = await getJson<{ tabs: SheetTab[]; active: string }>("/api/tabs");
  state.tabs = tabs.tabs;
  const target = active ?? tabs.active;
  const exists = state.tabs.some((t) => t.name === target);
  const next = exists ? target : (state.tabs.find((t) => t.name === state.active)?.name ?? state.tabs[0]?.name ?? "");
  await showSheet(next, next === state.active);
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
  const id = startJob(functionName);
  let reply: RunReply;
  try {
    reply = await postJson<RunReply>("/api/run", { fn: functionName, args: [] });
  } catch (error) {
    endJob(id, { ok: false, message: error instanceof Error ? error.message : String(error), toasts: [] }, true);
    throw error;
  }
  endJob(id, reply, true);
  showShown(reply.shown);
  showAlerts(reply.alerts);
  await refresh(reply.active);
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
      return `<button type="button" class="menu-item" data-function="${escapeHtml(entry.functionName)}">${escapeHtml(entry.caption)}</button>`;
    })
    .join("");
}

async function loadMenus(): Promise<void> {
  const menus = await getJson<MenuRecord[]>("/api/menus");
  byId("menus").innerHTML = menus
    .map((m) => `<details class="menu"><summary>${m.addon ? "Extensions ▸ Funnel KPIs" : escapeHtml(m.caption)}</summary><div class="menu-items">${menuItems(m.items)}</div></details>`)
    .join("");
}

/** The sidebar's and dialogs' server calls: the status bar follows them, and the page redraws after each. */
function heardFromFrame(message: RunMessage): void {
  if (message.type === "close") {
    byId("sidebar").hidden = true;
    byId("dialog").hidden = true;
  } else if (message.type === "running") startJob(message.fn, message.id);
  else if (message.type === "ran") {
    // The sidebar shows its own errors next to the control that caused them.
    endJob(message.id, { ok: message.ok, toasts: message.toasts }, false);
    void refresh(message.active);
  }
}

function wire(): void {
  byId("tabs").addEventListener("click", (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>(".sheet-tab");
    if (tab?.dataset.sheet) void clickTab(tab.dataset.sheet);
  });
  byId("grid-body").addEventListener("dblclick", () => formulaInput.focus());
  formulaInput.addEventListener("keydown", (event) => {
    if (assist.handleKey(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      void writeCell(grid.selected.row, grid.selected.column, formulaInput.value, true);
    } else if (event.key === "Escape") select(grid.selected.row, grid.selected.column);
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
  window.addEventListener("message", (event: MessageEvent<RunMessage>) => {
    if (event.origin !== window.location.origin || event.data?.source !== "funnel-kpis-preview") return;
    heardFromFrame(event.data);
  });
}

async function main(): Promise<void> {
  wire();
  setStatus("Loading…", "busy");
  const [{ tabs, active }, functions] = await Promise.all([
    getJson<{ tabs: SheetTab[]; active: string }>("/api/tabs"),
    getJson<FunctionSuggestion[]>("/api/functions"),
    loadMenus(),
  ]);
  assist.setFunctions(functions);
  state.tabs = tabs;
  await showSheet(active, false);
  setStatus("", "idle");
  document.body.dataset.ready = "true";
}

void main();
