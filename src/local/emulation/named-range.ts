// NamedRange: a name for a box on a sheet, mirrored as a HyperFormula named expression so formulas can use it.
import type { NamedRangeApi, RangeApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { RangeFacade } from "./range";
import { appsScriptError, type NamedRangeModel } from "./workbook-model";

export function rangeModelOf(range: RangeApi): RangeFacade {
  if (!(range instanceof RangeFacade) || range.sheet.deleted) throw appsScriptError("Range not found");
  return range;
}

export class NamedRangeFacade implements NamedRangeApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, private named: NamedRangeModel) {
    this.calls = ctx.calls;
  }
  getName(): string {
    return this.named.name;
  }
  setName(name: string): NamedRangeApi {
    this.ctx.workbook.renameNamedRange(this.named, name);
    this.named = this.ctx.workbook.namedRange(name)!;
    return this;
  }
  getRange(): RangeApi {
    return new RangeFacade(this.ctx, this.named.sheet, this.named.box, this.named.openEnded);
  }
  setRange(range: RangeApi): NamedRangeApi {
    const target = rangeModelOf(range);
    this.ctx.workbook.setNamedRange(this.named.name, target.sheet, target.box, isOpenEnded(target));
    this.named = this.ctx.workbook.namedRange(this.named.name)!;
    return this;
  }
  remove(): void {
    this.ctx.workbook.removeNamedRange(this.named.name);
  }
}

/** A range reaching the bottom row of its grid keeps doing so as a named range (Sheets grows it on insert). */
export function isOpenEnded(range: RangeFacade): boolean {
  return range.openEnded || range.box.row + range.box.numRows - 1 === range.sheet.maxRows;
}

countCalls(NamedRangeFacade, "NamedRange");
