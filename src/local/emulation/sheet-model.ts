// Everything one emulated sheet holds beyond its cells (which live in HyperFormula): grid size, formats, notes, rules, charts.
import type { FontWeight, HorizontalAlignment, SheetValue } from "../../server/apps-script-api";
import type { Box } from "./a1";
import { CellAttributes } from "./cell-attributes";

/** A data validation rule as it was asked for. */
export interface ValidationRecord {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A conditional format rule as it was asked for: the condition, the format, the ranges. */
export interface ConditionalRuleRecord {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: { sheet: SheetModel; box: Box }[];
  /** A colour scale instead of a condition: set by the setGradient... methods. */
  gradient?: GradientRecord;
}

/** One end (or the middle) of a colour scale: a colour at a value read as `type` says (MIN, MAX, NUMBER, PERCENT, PERCENTILE). */
export interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

export interface GradientRecord {
  min: GradientPoint | null;
  mid: GradientPoint | null;
  max: GradientPoint | null;
}

export interface ChartRecord {
  chartId: number;
  chartType: string | null;
  ranges: { sheet: SheetModel; box: Box }[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  numHeaders: number;
}

export interface ProtectionRecord {
  type: "RANGE" | "SHEET";
  sheet: SheetModel;
  box: Box | null;
  description: string;
  warningOnly: boolean;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
/** Sheets' default font size in points. */
export const DEFAULT_FONT_SIZE = 10;
/** Sheets' default row height in pixels. */
export const DEFAULT_ROW_HEIGHT = 21;

/**
 * The values of a sheet kept outside the formula engine (a large CSV's column store): reads of the sheet come
 * from here, formulas that refer to it see an empty sheet, and writing to it is refused.
 */
export interface UnmaterialisedValues {
  rows: number;
  columns: number;
  /** The box's values as getValues returns them (dates as Date objects). */
  values(box: Box): SheetValue[][];
  /** Every row as a file stores it, in order: numbers (a date as its serial, in a `dateColumns` column), text, null for blank. */
  fileRows(): AsyncIterable<readonly (number | string | null)[]>;
  /** 1-based columns whose numbers are dates. */
  dateColumns: ReadonlySet<number>;
}

export class SheetModel {
  name: string;
  /** Set for a sheet whose values are not in the engine; see UnmaterialisedValues. */
  unmaterialised: UnmaterialisedValues | null = null;
  readonly sheetId: number;
  /** HyperFormula's id for this sheet; stable across renames. */
  readonly engineId: number;
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  deleted = false;
  readonly columnWidths = new Map<number, number>();
  /** Heights the add-on set, by row; other rows have the default height (or grow to fit wrapped text). */
  readonly rowHeights = new Map<number, number>();
  readonly numberFormats = new CellAttributes<string>();
  readonly notes = new CellAttributes<string>();
  readonly backgrounds = new CellAttributes<string>();
  readonly fontColors = new CellAttributes<string>();
  readonly fontWeights = new CellAttributes<FontWeight>();
  /** Points; cells without one have Sheets' default of 10. */
  readonly fontSizes = new CellAttributes<number>();
  readonly alignments = new CellAttributes<HorizontalAlignment>();
  readonly wraps = new CellAttributes<boolean>();
  readonly validations = new CellAttributes<ValidationRecord>();
  /** Formulas as the user wrote them, for cells whose engine text differs (open-ended ranges). */
  readonly userFormulas = new CellAttributes<string>();
  readonly merges: Box[] = [];
  conditionalRules: ConditionalRuleRecord[] = [];
  readonly charts: ChartRecord[] = [];
  readonly protections: ProtectionRecord[] = [];

  constructor(name: string, sheetId: number, engineId: number) {
    this.name = name;
    this.sheetId = sheetId;
    this.engineId = engineId;
  }

  /** Formats, notes, colours and validations: what Sheet.clearFormats and Range.clearFormat remove (not notes). */
  clearFormats(box?: Box): void {
    for (const store of [this.numberFormats, this.backgrounds, this.fontColors, this.fontWeights, this.fontSizes, this.alignments, this.wraps]) {
      store.clear(box);
    }
  }
}
