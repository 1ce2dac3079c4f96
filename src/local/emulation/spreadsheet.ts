// Spreadsheet: the emulated document; sheets, named ranges, toasts.
import type { NamedRangeApi, ProtectionApi, ProtectionType, RangeApi, SheetApi, SpreadsheetApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { isOpenEnded, NamedRangeFacade, rangeModelOf } from "./named-range";
import { ProtectionFacade } from "./protection";
import { RangeFacade } from "./range";
import { rangeFromA1, SheetFacade, sheetModelOf } from "./sheet";
import type { SheetModel } from "./sheet-model";

export class SpreadsheetFacade implements SpreadsheetApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext) {
    this.calls = ctx.calls;
  }

  getId(): string {
    return this.ctx.workbook.id;
  }
  getName(): string {
    return this.ctx.workbook.name;
  }
  getNumSheets(): number {
    return this.ctx.workbook.sheets.length;
  }
  getSpreadsheetTimeZone(): string {
    return this.ctx.workbook.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.ctx.workbook.locale;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.recorder.toasts.push({ message: String(msg), title: title ?? "", timeoutSeconds: timeoutSeconds ?? 5 });
  }

  getSheets(): SheetApi[] {
    return this.ctx.workbook.sheets.map((s) => new SheetFacade(this.ctx, s));
  }
  getSheetByName(name: string): SheetApi | null {
    const sheet = this.ctx.workbook.sheetByName(name);
    return sheet ? new SheetFacade(this.ctx, sheet) : null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number): SheetApi {
    const name = typeof nameOrIndex === "string" ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === "number" ? nameOrIndex : index;
    const sheet = this.ctx.workbook.insertSheet(name, at);
    // Apps Script makes the new sheet the active one.
    this.ctx.workbook.activeSheet = sheet;
    return new SheetFacade(this.ctx, sheet);
  }
  deleteSheet(sheet: SheetApi): void {
    this.ctx.workbook.deleteSheet(sheetModelOf(sheet));
  }
  getActiveSheet(): SheetApi {
    return new SheetFacade(this.ctx, activeSheet(this.ctx));
  }
  setActiveSheet(sheet: SheetApi): SheetApi {
    this.ctx.workbook.activeSheet = sheetModelOf(sheet);
    return sheet;
  }
  getRange(a1Notation: string): RangeApi {
    return rangeFromA1(this.ctx, activeSheet(this.ctx), a1Notation);
  }

  getNamedRanges(): NamedRangeApi[] {
    return [...this.ctx.workbook.namedRanges.values()].map((n) => new NamedRangeFacade(this.ctx, n));
  }
  setNamedRange(name: string, range: RangeApi): void {
    const target = rangeModelOf(range);
    this.ctx.workbook.setNamedRange(name, target.sheet, target.box, isOpenEnded(target));
  }
  getRangeByName(name: string): RangeApi | null {
    const named = this.ctx.workbook.namedRange(name);
    return named ? new RangeFacade(this.ctx, named.sheet, named.box, named.openEnded) : null;
  }
  removeNamedRange(name: string): void {
    this.ctx.workbook.removeNamedRange(name);
  }
  getProtections(type: ProtectionType): ProtectionApi[] {
    return this.ctx.workbook.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === String(type)).map((record) => new ProtectionFacade(this.ctx, record)),
    );
  }
}

export function activeSheet(ctx: EmulationContext): SheetModel {
  const sheet = ctx.workbook.activeSheet ?? ctx.workbook.sheets[0];
  if (!sheet) throw new Error("the emulated spreadsheet has no sheets");
  return sheet;
}

countCalls(SpreadsheetFacade, "Spreadsheet");
