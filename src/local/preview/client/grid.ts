// The spreadsheet grid: frozen rows above a scrolling body, only the cells on screen in the page, read from the server in tiles as the user scrolls.
import type { Box } from "../../emulation/a1";
import type { CellView, GridPage, SheetLayout } from "../workbook-session";
import { getJson } from "./api";
import { cellHtml, type CellPlace } from "./cell-html";
import type { ChartsLayer } from "./charts-layer";
import { GridGeometry } from "./grid-geometry";
import { overflowReach, wrappedHeight } from "./text-layout";

const TILE_ROWS = 100;
const TILE_COLUMNS = 50;
/** Columns left of the screen still drawn, so text overflowing from them shows. */
const OVERFLOW_SOURCES = 4;
export const ROW_HEADER_WIDTH = 46;
export const COLUMN_HEADER_HEIGHT = 24;
const FROZEN_LINE = 3;

export function columnLetters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export interface GridElements {
  root: HTMLElement;
  columnHeader: HTMLElement;
  frozen: HTMLElement;
  frozenRowHeader: HTMLElement;
  rowHeader: HTMLElement;
  body: HTMLElement;
  sizer: HTMLElement;
  cells: HTMLElement;
  popup: HTMLElement;
}

export interface GridEvents {
  select(row: number, column: number): void;
  dropdown(row: number, column: number): void;
  toggle(row: number, column: number): void;
  failed(message: string): void;
}

export class Grid {
  layout: SheetLayout | null = null;
  geometry = new GridGeometry([], 0, new Map());
  selected = { row: 1, column: 1 };
  private tiles = new Map<string, GridPage>();
  private loading = new Set<string>();
  private fittedRows = new Map<string, Map<number, number>>();
  /** Tiles drawn from an older reading of the sheet, replaced as fresh ones arrive. */
  private stale = new Set<string>();
  /** Bumped when the sheet changes or is re-read: answers to older requests are dropped. */
  private generation = 0;
  private frame = 0;

  constructor(private readonly el: GridElements, private readonly events: GridEvents, private readonly charts: ChartsLayer) {
    el.body.addEventListener("scroll", () => this.schedule());
    window.addEventListener("resize", () => this.schedule());
    for (const pane of [el.cells, el.frozen]) {
      pane.addEventListener("click", (event) => this.clicked(event));
      pane.addEventListener("mouseover", (event) => this.hovered(event));
      pane.addEventListener("mouseout", () => {
        el.popup.hidden = true;
      });
    }
  }

  get frozenRows(): number {
    return Math.min(this.layout?.frozenRows ?? 0, this.layout?.rows ?? 0);
  }

  private get frozenHeight(): number {
    return this.geometry.rowTop(this.frozenRows + 1);
  }

  /** Shows another sheet, or the same one re-read (`keepTiles` keeps what is drawn until fresh cells arrive). */
  show(layout: SheetLayout, sameSheet: boolean): void {
    this.generation++;
    this.layout = layout;
    this.loading.clear();
    if (!sameSheet) {
      this.tiles.clear();
      this.fittedRows.clear();
      this.el.body.scrollTop = 0;
      this.el.body.scrollLeft = 0;
      this.charts.clear();
    }
    this.stale = sameSheet ? new Set(this.tiles.keys()) : new Set();
    this.geometry = new GridGeometry(layout.columnWidths, layout.rows, new Map(Object.entries(layout.rowHeights).map(([r, h]) => [Number(r), h])));
    this.geometry.fitted(this.combinedFits());
    this.render();
  }

  cell(row: number, column: number): CellView | undefined {
    const page = this.tiles.get(this.tileKey(row, column));
    return page?.cells[row - page.startRow]?.[column - page.startColumn];
  }

  select(row: number, column: number): void {
    this.selected = { row, column };
    this.render();
    this.scrollIntoView(row, column);
  }

  /** The cell element on screen, for anchoring a dropdown. */
  element(row: number, column: number): HTMLElement | null {
    return this.el.root.querySelector<HTMLElement>(`[data-cell="${columnLetters(column)}${row}"]`);
  }

  private tileKey(row: number, column: number): string {
    return `${Math.floor((row - 1) / TILE_ROWS)}:${Math.floor((column - 1) / TILE_COLUMNS)}`;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private load(row: number, column: number): void {
    const key = this.tileKey(row, column);
    if ((this.tiles.has(key) && !this.stale.has(key)) || this.loading.has(key) || !this.layout) return;
    this.loading.add(key);
    const generation = this.generation;
    const [tileRow, tileColumn] = key.split(":").map(Number);
    const sheet = encodeURIComponent(this.layout.name);
    getJson<GridPage>(`/api/page?sheet=${sheet}&start=${tileRow * TILE_ROWS + 1}&count=${TILE_ROWS}&startColumn=${tileColumn * TILE_COLUMNS + 1}&columns=${TILE_COLUMNS}`)
      .then((page) => {
        if (generation !== this.generation) return;
        this.loading.delete(key);
        this.stale.delete(key);
        this.tiles.set(key, page);
        this.fit(key, page);
        this.render();
      })
      .catch((error: unknown) => {
        this.loading.delete(key);
        if (generation === this.generation) this.events.failed(error instanceof Error ? error.message : String(error));
      });
  }

  /** Rows with wrapped text grow to fit it, as in Sheets (unless the add-on gave the row a height). */
  private fit(key: string, page: GridPage): void {
    const rows = new Map<number, number>();
    page.cells.forEach((line, r) => {
      const h = wrappedHeight(line, (i) => this.geometry.columnWidth(page.startColumn + i));
      if (h > 0) rows.set(page.startRow + r, h);
    });
    this.fittedRows.set(key, rows);
    this.geometry.fitted(this.combinedFits());
  }

  private combinedFits(): Map<number, number> {
    const all = new Map<number, number>();
    for (const rows of this.fittedRows.values()) for (const [r, h] of rows) all.set(r, Math.max(all.get(r) ?? 0, h));
    return all;
  }

  private mergeAt(row: number, column: number): Box | undefined {
    return this.layout?.merges.find((m) => row >= m.row && row < m.row + m.numRows && column >= m.column && column < m.column + m.numColumns);
  }

  /** The cells of rows `first`..`last` and columns `firstColumn`..`lastColumn`, placed `offsetY` pixels up. */
  private rowsHtml(first: number, last: number, firstColumn: number, lastColumn: number, offsetY: number): string {
    const g = this.geometry;
    const out: string[] = [];
    const drawnMerges = new Set<Box>();
    for (let r = first; r <= last; r++) {
      // Which gridlines on the right are covered by overflowing text, and how far each text reaches.
      const joined = new Set<number>();
      const reach = new Map<number, { left: number; right: number }>();
      for (let c = firstColumn; c <= lastColumn; c++) {
        const cell = this.cell(r, c);
        if (!cell || cell.text === "") continue;
        const span = overflowReach(cell, g.columnWidth(c), (offset) => {
          const at = c + offset;
          if (at < 1 || at > g.columns || this.mergeAt(r, at)) return null;
          return { cell: this.cell(r, at), width: g.columnWidth(at) };
        });
        if (span.left === 0 && span.right === 0) continue;
        reach.set(c, { left: g.columnLeft(c) - g.columnLeft(c - span.left), right: g.columnLeft(c + span.right + 1) - g.columnLeft(c + 1) });
        for (let k = c - span.left; k < c + span.right; k++) joined.add(k);
      }
      for (let c = firstColumn; c <= lastColumn; c++) {
        const merge = this.mergeAt(r, c);
        let row = r;
        let column = c;
        let width = g.columnWidth(c);
        let height = g.rowHeight(r);
        if (merge) {
          if (drawnMerges.has(merge)) continue;
          drawnMerges.add(merge);
          row = merge.row;
          column = merge.column;
          width = g.columnLeft(merge.column + merge.numColumns) - g.columnLeft(merge.column);
          height = g.rowTop(merge.row + merge.numRows) - g.rowTop(merge.row);
        }
        const spot = reach.get(column);
        const place: CellPlace = {
          row,
          column,
          a1: `${columnLetters(column)}${row}`,
          left: g.columnLeft(column),
          top: g.rowTop(row) - offsetY,
          width,
          height,
          reachLeft: spot?.left ?? 0,
          reachRight: spot?.right ?? 0,
          joinedRight: joined.has(column),
          selected: this.selected.row === row && this.selected.column === column,
        };
        out.push(cellHtml(this.cell(row, column) ?? null, place));
      }
    }
    return out.join("");
  }

  render(): void {
    const layout = this.layout;
    if (!layout) return;
    const g = this.geometry;
    const body = this.el.body;
    const frozenRows = this.frozenRows;
    const frozenHeight = this.frozenHeight;
    // The panes around the scrolling body: header row, frozen rows (with Sheets' thick line under them) and row numbers.
    const band = frozenRows > 0 ? frozenHeight + FROZEN_LINE : 0;
    this.el.frozen.style.height = `${band}px`;
    this.el.frozen.hidden = frozenRows === 0;
    this.el.frozenRowHeader.style.height = `${band}px`;
    const bodyTop = COLUMN_HEADER_HEIGHT + band;
    body.style.top = `${bodyTop}px`;
    this.el.rowHeader.style.top = `${bodyTop}px`;
    this.el.sizer.style.width = `${g.width}px`;
    this.el.sizer.style.height = `${Math.max(0, g.height - frozenHeight)}px`;

    const top = frozenHeight + body.scrollTop;
    const firstRow = Math.max(frozenRows + 1, g.rowAt(top));
    const lastRow = Math.min(layout.rows, g.rowAt(top + body.clientHeight) + 1);
    const firstColumn = Math.max(1, g.columnAt(body.scrollLeft) - OVERFLOW_SOURCES);
    const lastColumn = Math.min(layout.columns, g.columnAt(body.scrollLeft + body.clientWidth) + 1);
    const hasRows = firstRow <= lastRow && layout.rows > frozenRows;
    const spans: [number, number][] = [[1, frozenRows]];
    if (hasRows) spans.push([firstRow, lastRow]);
    for (const [from, to] of spans) {
      if (to < from) continue;
      for (let tr = Math.floor((from - 1) / TILE_ROWS); tr <= Math.floor((to - 1) / TILE_ROWS); tr++) {
        for (let tc = Math.floor((firstColumn - 1) / TILE_COLUMNS); tc <= Math.floor((lastColumn - 1) / TILE_COLUMNS); tc++) {
          this.load(tr * TILE_ROWS + 1, tc * TILE_COLUMNS + 1);
        }
      }
    }

    this.el.cells.innerHTML = hasRows ? this.rowsHtml(firstRow, lastRow, firstColumn, lastColumn, frozenHeight) : "";
    this.el.frozen.firstElementChild!.innerHTML = frozenRows > 0 ? this.rowsHtml(1, frozenRows, firstColumn, lastColumn, 0) : "";
    (this.el.frozen.firstElementChild as HTMLElement).style.transform = `translateX(${-body.scrollLeft}px)`;

    const sel = this.selected;
    const headers: string[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) {
      headers.push(`<div class="column-header${sel.column === c ? " current" : ""}" style="left:${g.columnLeft(c)}px;width:${g.columnWidth(c)}px">${columnLetters(c)}</div>`);
    }
    const headerInner = this.el.columnHeader.firstElementChild as HTMLElement;
    headerInner.innerHTML = headers.join("");
    headerInner.style.transform = `translateX(${-body.scrollLeft}px)`;
    const rowNumbers = (from: number, to: number, offset: number) => {
      const out: string[] = [];
      for (let r = from; r <= to; r++) out.push(`<div class="row-header${sel.row === r ? " current" : ""}" style="top:${g.rowTop(r) - offset}px;height:${g.rowHeight(r)}px">${r}</div>`);
      return out.join("");
    };
    this.el.frozenRowHeader.innerHTML = rowNumbers(1, frozenRows, 0);
    const rowInner = this.el.rowHeader.firstElementChild as HTMLElement;
    rowInner.innerHTML = hasRows ? rowNumbers(firstRow, lastRow, frozenHeight) : "";
    rowInner.style.transform = `translateY(${-body.scrollTop}px)`;

    this.charts.show(layout.charts, (chart) => ({
      left: g.columnLeft(chart.anchorColumn) + chart.offsetX,
      top: g.rowTop(chart.anchorRow) - frozenHeight + chart.offsetY,
    }));
    this.el.root.dataset.loading = this.loading.size > 0 ? "true" : "false";
  }

  private scrollIntoView(row: number, column: number): void {
    const g = this.geometry;
    const body = this.el.body;
    if (row > this.frozenRows) {
      const top = g.rowTop(row) - this.frozenHeight;
      const bottom = top + g.rowHeight(row);
      if (top < body.scrollTop) body.scrollTop = top;
      else if (bottom > body.scrollTop + body.clientHeight) body.scrollTop = bottom - body.clientHeight;
    }
    const left = g.columnLeft(column);
    const right = left + g.columnWidth(column);
    if (left < body.scrollLeft) body.scrollLeft = left;
    else if (right > body.scrollLeft + body.clientWidth) body.scrollLeft = right - body.clientWidth;
  }

  private clicked(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>(".cell");
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const column = Number(cell.dataset.column);
    this.events.select(row, column);
    if (target.closest(".chip")) this.events.dropdown(row, column);
    else if (target.closest(".checkbox")) this.events.toggle(row, column);
  }

  /** Notes, error messages and validation warnings show on hover, beside the cell, as in Sheets. */
  private hovered(event: MouseEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>(".cell");
    const text = cell?.dataset.error ?? cell?.dataset.invalid ?? cell?.dataset.note;
    const popup = this.el.popup;
    if (!cell || text === undefined) {
      popup.hidden = true;
      return;
    }
    popup.textContent = text;
    popup.className = cell.dataset.note !== undefined && cell.dataset.error === undefined && cell.dataset.invalid === undefined ? "note" : "error";
    const box = cell.getBoundingClientRect();
    popup.style.left = `${box.right + 4}px`;
    popup.style.top = `${box.top}px`;
    popup.hidden = false;
  }
}
