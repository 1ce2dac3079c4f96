// Catalogue entry for the funnel table: stage counts in, a spilled table of conversions and drop-offs out.
import { type CellInput, type CellValue, isBlank, isRange } from "../../cells";
import { cellToNumber, describeCell, describeValue, forEachCell, isSpreadsheetError } from "../../coerce";
import { dateToSerial, serialToIsoDate } from "../../dates";
import { FIRST_STAGE_ZERO, FUNNEL_HEADER, funnelTable, PREVIOUS_STAGE_ZERO, type Stage } from "../../definitions/funnel";
import { fail } from "../../kpi-error";
import type { CatalogueEntry } from "../entry-types";
import { FARRIS } from "./sources";

const FN = "FUNNEL";
const COUNTS = { fn: FN, arg: "stage_counts" };

const KOTLER = "Kotler & Keller, Marketing Management (Pearson), the marketing funnel: the share of buyers moving from each buyer-readiness stage to the next";

/** Drops blanks at the end, the unused part of an open range; a blank between stages is a missing count. */
function trimTrailing<T>(items: readonly T[], isEmpty: (item: T) => boolean): T[] {
  let end = items.length;
  while (end > 0 && isEmpty(items[end - 1])) end--;
  return items.slice(0, end);
}

/** A row or a column lists one stage per cell; a block of several rows and columns is totalled per column. */
function countsOf(input: CellInput): number[] {
  const cells: { value: number | null; where: string; column: number }[] = [];
  let rows = 1;
  let columns = 1;
  forEachCell(input, (value, position) => {
    rows = position.rows;
    columns = position.columns;
    const where = describeCell("stage_counts", position);
    const count = cellToNumber(COUNTS, value, position);
    if (count !== null && count < 0) fail(FN, `${where} is ${count}, and a count cannot be negative`);
    cells.push({ value: count, where, column: position.column });
  });
  if (!isRange(input) || rows === 1 || columns === 1) {
    const stages = trimTrailing(cells, (cell) => cell.value === null);
    const gap = stages.find((cell) => cell.value === null);
    if (gap) fail(FN, `${gap.where} is blank; every stage needs a count (0 if nobody reached it)`);
    return stages.map((cell) => cell.value ?? 0);
  }
  const totals: (number | null)[] = new Array<number | null>(columns).fill(null);
  for (const { value, column } of cells) {
    if (value !== null) totals[column - 1] = (totals[column - 1] ?? 0) + value;
  }
  const stages = trimTrailing(totals, (t) => t === null);
  const gap = stages.indexOf(null);
  if (gap >= 0) fail(FN, `stage_counts column ${gap + 1} is blank; every stage needs a count (0 if nobody reached it)`);
  return stages.map((t) => t ?? 0);
}

function nameOf(value: CellValue, where: string): string | null {
  if (isBlank(value) || (typeof value === "string" && value.trim() === "")) return null;
  if (isSpreadsheetError(value)) fail(FN, `${where} is ${describeValue(value)}, not a stage name`);
  if (value instanceof Date) return serialToIsoDate(dateToSerial(value));
  return String(value).trim();
}

function namesOf(input: CellInput, stageCount: number): string[] {
  if (!isRange(input) && isBlank(input)) return Array.from({ length: stageCount }, (_, i) => `Stage ${i + 1}`);
  const names: (string | null)[] = [];
  forEachCell(input, (value, position) => names.push(nameOf(value, describeCell("stage_names", position))));
  const given = trimTrailing(names, (n) => n === null);
  if (given.length !== stageCount) {
    fail(FN, `stage_names has ${given.length} ${given.length === 1 ? "name" : "names"} but stage_counts has ${stageCount} stages; give one name per stage`);
  }
  return given.map((name, i) => name ?? `Stage ${i + 1}`);
}

export const FUNNEL: CatalogueEntry = {
  name: FN,
  category: "Funnel",
  summary: "Funnel table: each stage's count, conversion from the previous stage and from the first, and drop-off.",
  formula: "for each stage: count ÷ previous stage's count, count ÷ first stage's count, previous count − count",
  source: `${KOTLER}; ${FARRIS}, ch. 9 (conversion rate)`,
  args: [
    { name: "stage_counts", kind: "range", description: "Counts per stage, top of the funnel first: a row or a column, or a block whose columns are stages (totalled per column)." },
    { name: "stage_names", kind: "range", description: "Names of the stages, one per stage, in the same order; omitted, Stage 1, Stage 2, ...", optional: true },
  ],
  returns: { kind: "table", description: "A header row, then one row per stage: name, count, conversion from previous, conversion from first, drop-off." },
  examples: [
    {
      formula: "=FUNNEL({10000,400,100,20}, {\"Visits\",\"Leads\",\"Trials\",\"Customers\"})",
      result: [
        ["Stage", "Count", "Conversion from previous", "Conversion from first", "Drop-off"],
        ["Visits", 10000, "", 1, ""],
        ["Leads", 400, 0.04, 0.04, 9600],
        ["Trials", 100, 0.25, 0.01, 300],
        ["Customers", 20, 0.2, 0.002, 80],
      ],
      explanation: "4% of visits become leads, a quarter of leads start a trial, a fifth of trials buy: 0.2% of visits end as customers.",
    },
    {
      formula: "=FUNNEL({600,150;400,50})",
      result: [
        ["Stage", "Count", "Conversion from previous", "Conversion from first", "Drop-off"],
        ["Stage 1", 1000, "", 1, ""],
        ["Stage 2", 200, 0.2, 0.2, 800],
      ],
      explanation: "Two rows (say two months) of two stages are totalled per column: 1,000 then 200.",
    },
  ],
  notes: [
    "Format the conversion columns as %. The first stage has no previous stage, so its conversion from previous and drop-off are blank.",
    "A stage larger than the one before is shown, not rejected: conversion above 100% and a negative drop-off mark where the funnel gains entrants from outside (e.g. leads from offline events).",
    `A first stage of 0 does not fail the table: the conversions it would divide show "${FIRST_STAGE_ZERO}" (and "${PREVIOUS_STAGE_ZERO}" after an empty stage).`,
    "Blank cells after the last stage are ignored (an open range like B2:Z2); a blank between stages is an error, since 0 and unknown differ. In a block of several rows, blank cells count as 0.",
    "At least 2 stages are needed; stage_names must give exactly one name per stage.",
  ],
  run: ([counts, names]) => {
    const values = countsOf(counts);
    const labels = namesOf(names, values.length);
    const stages: Stage[] = values.map((count, i) => ({ name: labels[i], count }));
    return funnelTable(stages);
  },
  // A header plus at most one row per cell of a row or column, or per column of a block.
  spillBound: ([counts]) => {
    const { rows, columns } = counts ?? { rows: 1, columns: 1 };
    return { rows: 1 + (rows === 1 || columns === 1 ? rows * columns : columns), columns: FUNNEL_HEADER.length };
  },
};
