// Embedded charts and their builder: type, ranges, position and options are recorded as asked; nothing is drawn.
import type {
  ChartOptionsApi,
  ChartType,
  ChartsApi,
  ContainerInfoApi,
  EmbeddedChartApi,
  EmbeddedChartBuilderApi,
  RangeApi,
} from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { ChartTypeEnum } from "./enums";
import { RangeFacade } from "./range";
import type { ChartRecord, SheetModel } from "./sheet-model";

function containerOf(record: ChartRecord): ContainerInfoApi {
  return {
    getAnchorRow: () => record.anchorRow,
    getAnchorColumn: () => record.anchorColumn,
    getOffsetX: () => record.offsetX,
    getOffsetY: () => record.offsetY,
  };
}

function copyRecord(record: ChartRecord): ChartRecord {
  return { ...record, ranges: [...record.ranges], options: { ...record.options } };
}

export class EmbeddedChartFacade implements EmbeddedChartApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly sheet: SheetModel, readonly record: ChartRecord) {
    this.calls = ctx.calls;
  }
  getChartId(): number | null {
    // Apps Script gives a chart an id only once it is inserted.
    return this.sheet.charts.some((c) => c.chartId === this.record.chartId) ? this.record.chartId : null;
  }
  getContainerInfo(): ContainerInfoApi {
    return containerOf(this.record);
  }
  getNumHeaders(): number {
    return this.record.numHeaders;
  }
  getRanges(): RangeApi[] {
    return this.record.ranges.map(({ sheet, box }) => new RangeFacade(this.ctx, sheet, box));
  }
  getOptions(): ChartOptionsApi {
    const options = { ...this.record.options };
    return { get: (option: string) => options[option] ?? null };
  }
  modify(): EmbeddedChartBuilderApi {
    return new EmbeddedChartBuilderFacade(this.ctx, this.sheet, copyRecord(this.record));
  }
}

export class EmbeddedChartBuilderFacade implements EmbeddedChartBuilderApi {
  readonly calls;
  readonly record: ChartRecord;
  constructor(readonly ctx: EmulationContext, readonly sheet: SheetModel, record?: ChartRecord) {
    this.calls = ctx.calls;
    this.record = record ?? {
      chartId: ctx.workbook.nextChartId++,
      chartType: null,
      ranges: [],
      anchorRow: 1,
      anchorColumn: 1,
      offsetX: 0,
      offsetY: 0,
      options: {},
      numHeaders: -1,
    };
  }
  addRange(range: RangeApi): EmbeddedChartBuilderApi {
    if (!(range instanceof RangeFacade)) throw new Error("addRange: not a range of this emulated spreadsheet");
    this.record.ranges.push({ sheet: range.sheet, box: { ...range.box } });
    return this;
  }
  removeRange(range: RangeApi): EmbeddedChartBuilderApi {
    if (range instanceof RangeFacade) {
      const same = (r: ChartRecord["ranges"][number]) =>
        r.sheet === range.sheet && JSON.stringify(r.box) === JSON.stringify(range.box);
      const at = this.record.ranges.findIndex(same);
      if (at >= 0) this.record.ranges.splice(at, 1);
    }
    return this;
  }
  clearRanges(): EmbeddedChartBuilderApi {
    this.record.ranges.length = 0;
    return this;
  }
  getRanges(): RangeApi[] {
    return this.record.ranges.map(({ sheet, box }) => new RangeFacade(this.ctx, sheet, box));
  }
  getChartType(): ChartType {
    return ChartTypeEnum[(this.record.chartType ?? "COLUMN") as keyof typeof ChartTypeEnum];
  }
  getContainer(): ContainerInfoApi {
    return containerOf(this.record);
  }
  setChartType(type: ChartType): EmbeddedChartBuilderApi {
    this.record.chartType = String(type);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderApi {
    Object.assign(this.record, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilderApi {
    this.record.options[option] = value;
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilderApi {
    this.record.numHeaders = headers;
    return this;
  }
  build(): EmbeddedChartApi {
    return new EmbeddedChartFacade(this.ctx, this.sheet, copyRecord(this.record));
  }
}

/** The `Charts` global: only its ChartType enum is in the subset. */
export function createChartsService(): ChartsApi {
  return { ChartType: ChartTypeEnum };
}

countCalls(EmbeddedChartFacade, "EmbeddedChart");
countCalls(EmbeddedChartBuilderFacade, "EmbeddedChartBuilder");
