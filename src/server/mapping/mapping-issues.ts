// The structured problems validation reports: which field, what is wrong, and the first cells that show it.
import type { CellValue } from "../../kpi/cells";
import { describeValue } from "../../kpi/coerce";
import { cellA1 } from "./a1";

export type IssueCode =
  | "sheet-name"
  | "header-row"
  | "shape"
  | "too-few-stages"
  | "stage-key"
  | "stage-name"
  | "column-missing"
  | "column-moved"
  | "column-unset"
  | "column-reused"
  | "not-a-number"
  | "negative-count"
  | "negative-amount"
  | "not-a-date"
  | "missing-date"
  | "stage-date-order"
  | "no-data"
  | "status-values"
  | "status-unused-value"
  | "text-cells";

export interface MappingIssue {
  /** "sheetName", "headerRow", "shape", "stages", "stage:<key>", "date", "channel", "spend" or "revenue". */
  field: string;
  code: IssueCode;
  /** A sentence naming the field and what is wrong, ready for the sidebar. */
  message: string;
  /** First few offending cells in A1 ("Data!C7"), in sheet order. */
  cells: string[];
  /** How many cells are affected in all (0 when the issue is not about cells). */
  count: number;
}

export interface MappingValidation {
  /** True when there are no errors; warnings do not block writing. */
  ok: boolean;
  errors: MappingIssue[];
  warnings: MappingIssue[];
}

/** How many offending cells an issue lists by address. */
export const CELLS_LISTED = 5;

/** Collects offending cells of one kind in one column: counts them all, remembers the first few. */
export class CellProblems {
  count = 0;
  readonly cells: string[] = [];
  private readonly shown: string[] = [];

  constructor(
    private readonly sheetName: string,
    private readonly columnIndex: number,
  ) {}

  add(row: number, value?: CellValue): void {
    this.addAt(row, this.columnIndex, value);
  }

  /** For problems that span columns (stage dates out of order): the cell that shows it. */
  addAt(row: number, columnIndex: number, value?: CellValue): void {
    this.count++;
    if (this.cells.length >= CELLS_LISTED) return;
    const address = cellA1(this.sheetName, row, columnIndex);
    this.cells.push(address);
    this.shown.push(value === undefined ? address : `${address} (${describeValue(value)})`);
  }

  /** "3 cells ...: Data!C7 ("n/a"), Data!C9 (TRUE) and 1 more" style list for a message. */
  listing(): string {
    const more = this.count - this.shown.length;
    return `${this.shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
  }

  issue(field: string, code: IssueCode, message: string): MappingIssue {
    return { field, code, message, cells: [...this.cells], count: this.count };
  }
}

export function plainIssue(field: string, code: IssueCode, message: string): MappingIssue {
  return { field, code, message, cells: [], count: 0 };
}

/** "1 cell is" / "3 cells are": a count with its verb agreeing. */
export function cellsVerb(count: number, singular: string, plural: string): string {
  return count === 1 ? `1 cell ${singular}` : `${count} cells ${plural}`;
}
