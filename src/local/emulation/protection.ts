// Protection: recorded as asked (type, range, description, warning-only); edits are never actually blocked.
import type { ProtectionApi, ProtectionType, RangeApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { ProtectionTypeEnum } from "./enums";
import { RangeFacade } from "./range";
import type { ProtectionRecord } from "./sheet-model";

export class ProtectionFacade implements ProtectionApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly record: ProtectionRecord) {
    this.calls = ctx.calls;
  }
  isWarningOnly(): boolean {
    return this.record.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): ProtectionApi {
    this.record.warningOnly = warningOnly;
    return this;
  }
  getDescription(): string {
    return this.record.description;
  }
  setDescription(description: string): ProtectionApi {
    this.record.description = description;
    return this;
  }
  getProtectionType(): ProtectionType {
    return ProtectionTypeEnum[this.record.type];
  }
  canEdit(): boolean {
    // The emulated user owns the document.
    return true;
  }
  getRange(): RangeApi {
    const { sheet } = this.record;
    const box = this.record.box ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return new RangeFacade(this.ctx, sheet, box);
  }
  remove(): void {
    const list = this.record.sheet.protections;
    const at = list.indexOf(this.record);
    if (at >= 0) list.splice(at, 1);
  }
}

countCalls(ProtectionFacade, "Protection");
