// Cell styles between an .xlsx cell and the emulation's per-cell attributes: number format, fill, font colour and weight, alignment, wrap, note.
import type ExcelJS from "exceljs";
import type { FontWeight, HorizontalAlignment } from "../../server/apps-script-api";
import { AUTOMATIC_FORMAT } from "./number-format";
import type { SheetModel } from "./sheet-model";

/** What the emulation can say about a cell's look; absent means "the default". */
export interface CellLook {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: FontWeight;
  /** Points, when not the default 10 (Sheets' and the file's default font size here). */
  fontSize?: number;
  alignment?: HorizontalAlignment;
  wrap?: boolean;
  note?: string;
}

const LOOK_KEYS = ["numberFormat", "background", "fontColor", "fontWeight", "fontSize", "alignment", "wrap", "note"] as const;
const DEFAULT_SIZE = 10;
/** exceljs's default font is 11 pt Calibri; a file from it without a size reads as that. */
const FILE_DEFAULT_SIZES = new Set([DEFAULT_SIZE, 11]);

/** "FF1A73E8" (ARGB) → "#1a73e8"; theme and indexed colours have no fixed value and read as none. */
function hexOf(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (typeof argb !== "string" || !/^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toLowerCase()}`;
}

function argbOf(hex: string): string | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

function noteText(note: ExcelJS.Cell["note"]): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note || undefined;
  const text = (note.texts ?? []).map((t) => t.text).join("");
  return text || undefined;
}

const ALIGNMENTS: Record<string, HorizontalAlignment> = { left: "left", center: "center", right: "right" };

/** The emulation's view of a file's cell; the same function reads a cell on load and decides on save whether it changed. */
export function lookOfCell(cell: ExcelJS.Cell): CellLook {
  const look: CellLook = {};
  const format = cell.numFmt;
  if (format && format !== "General" && format !== AUTOMATIC_FORMAT) look.numberFormat = format;
  const fill = cell.fill;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const background = hexOf(fill.fgColor);
    if (background !== undefined) look.background = background;
  }
  const font = cell.font;
  const fontColor = hexOf(font?.color);
  if (fontColor !== undefined) look.fontColor = fontColor;
  if (font?.bold === true) look.fontWeight = "bold";
  if (typeof font?.size === "number" && !FILE_DEFAULT_SIZES.has(font.size)) look.fontSize = font.size;
  const horizontal = cell.alignment?.horizontal;
  if (horizontal !== undefined && ALIGNMENTS[horizontal] !== undefined) look.alignment = ALIGNMENTS[horizontal];
  if (cell.alignment?.wrapText === true) look.wrap = true;
  const note = noteText(cell.note);
  if (note !== undefined) look.note = note;
  return look;
}

/** The look the emulation holds for a cell now. */
export function lookInSheet(sheet: SheetModel, row: number, column: number): CellLook {
  const look: CellLook = {};
  const numberFormat = sheet.numberFormats.get(row, column);
  if (numberFormat !== undefined && numberFormat !== AUTOMATIC_FORMAT && numberFormat !== "General") look.numberFormat = numberFormat;
  const background = sheet.backgrounds.get(row, column);
  if (background !== undefined && argbOf(background) !== undefined) look.background = background.toLowerCase();
  const fontColor = sheet.fontColors.get(row, column);
  if (fontColor !== undefined && argbOf(fontColor) !== undefined) look.fontColor = fontColor.toLowerCase();
  if (sheet.fontWeights.get(row, column) === "bold") look.fontWeight = "bold";
  const fontSize = sheet.fontSizes.get(row, column);
  if (fontSize !== undefined && fontSize !== DEFAULT_SIZE) look.fontSize = fontSize;
  const alignment = sheet.alignments.get(row, column);
  if (alignment !== undefined && alignment !== "normal") look.alignment = alignment;
  if (sheet.wraps.get(row, column) === true) look.wrap = true;
  const note = sheet.notes.get(row, column);
  if (note) look.note = note;
  return look;
}

export function loadLook(sheet: SheetModel, row: number, column: number, look: CellLook): void {
  if (look.numberFormat !== undefined) sheet.numberFormats.set(row, column, look.numberFormat);
  if (look.background !== undefined) sheet.backgrounds.set(row, column, look.background);
  if (look.fontColor !== undefined) sheet.fontColors.set(row, column, look.fontColor);
  if (look.fontWeight !== undefined) sheet.fontWeights.set(row, column, look.fontWeight);
  if (look.fontSize !== undefined) sheet.fontSizes.set(row, column, look.fontSize);
  if (look.alignment !== undefined) sheet.alignments.set(row, column, look.alignment);
  if (look.wrap !== undefined) sheet.wraps.set(row, column, look.wrap);
  if (look.note !== undefined) sheet.notes.set(row, column, look.note);
}

/**
 * exceljs shares one style object among all cells loaded with the same style: a cell about to change
 * gets its own copy first, so its neighbours keep their look.
 */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

/** Writes the parts of `want` that differ from what the file's cell shows, and nothing else of its style. */
export function applyLook(cell: ExcelJS.Cell, want: CellLook, have: CellLook = lookOfCell(cell)): void {
  const changed = LOOK_KEYS.filter((key) => want[key] !== have[key]);
  if (changed.length === 0) return;
  if (changed.some((key) => key !== "note")) ownStyle(cell);
  for (const key of changed) {
    switch (key) {
      case "numberFormat":
        cell.numFmt = want.numberFormat ?? "General";
        break;
      case "background": {
        const argb = want.background === undefined ? undefined : argbOf(want.background);
        cell.fill = argb === undefined ? { type: "pattern", pattern: "none" } : { type: "pattern", pattern: "solid", fgColor: { argb } };
        break;
      }
      case "fontColor": {
        const argb = want.fontColor === undefined ? undefined : argbOf(want.fontColor);
        const { color: _old, ...rest } = cell.font ?? {};
        cell.font = argb === undefined ? rest : { ...rest, color: { argb } };
        break;
      }
      case "fontWeight":
        cell.font = { ...(cell.font ?? {}), bold: want.fontWeight === "bold" };
        break;
      case "fontSize": {
        const { size: _old, ...rest } = cell.font ?? {};
        cell.font = want.fontSize === undefined ? rest : { ...rest, size: want.fontSize };
        break;
      }
      case "alignment":
        cell.alignment = { ...(cell.alignment ?? {}), horizontal: want.alignment === undefined ? undefined : (want.alignment as ExcelJS.Alignment["horizontal"]) };
        break;
      case "wrap":
        cell.alignment = { ...(cell.alignment ?? {}), wrapText: want.wrap === true };
        break;
      case "note":
        if (want.note === undefined) {
          // exceljs has no call that deletes a note; its comment slot is the only handle.
          (cell as unknown as { _comment?: unknown })._comment = undefined;
        } else {
          cell.note = want.note;
        }
        break;
    }
  }
}

/** Sheets measures columns in pixels, .xlsx in widths of the default font's digit (7 px, plus 5 px of padding). */
export function pixelsToColumnWidth(pixels: number): number {
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

export function columnWidthToPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** Sheets measures rows in pixels, .xlsx in points (at 96 dpi, 3 points are 4 pixels). */
export function pixelsToRowHeight(pixels: number): number {
  return Math.round(pixels * 0.75 * 100) / 100;
}

export function rowHeightToPixels(points: number): number {
  return Math.round(points / 0.75);
}

/**
 * Heights files give every row without anyone setting them (Excel's 15 pt, LibreOffice's 12.8 pt, Sheets'
 * 21 px): read as "not set", so only heights someone chose come back as set rows.
 */
export function isDefaultRowHeight(points: number): boolean {
  return points >= 12 && points <= 16;
}
