// Catalogue entry for KPI_BY: any total-based KPI, or SHARE of an amount, per channel, month or other key.
import { type CellInput, type CellValue, isBlank } from "../../cells";
import { type CellSequence, cellSequence, cellToNumber, singleText } from "../../coerce";
import { dateToSerial, serialToIsoDate } from "../../dates";
import { assignGroups } from "../../definitions/grouping";
import { share } from "../../definitions/growth";
import { fail, KpiError } from "../../kpi-error";
import type { CatalogueEntry, ExampleCell } from "../entry-types";
import { GROUPABLE_ENTRIES } from "../groupable";
import { readNumericArg } from "../numeric-entry";

const FN = "KPI_BY";
const BLANK_KEY = "(blank)";

/** A group key as text, so 2024-01-01 the date and "2024-01-01" the text land in one group. */
function keyText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return serialToIsoDate(dateToSerial(value));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

interface KpiChoice {
  label: string;
  argNames: string[];
  /** How many of the KPI's arguments are totalled per group; the rest are single values shared by all groups. */
  summed: number;
  scalarArgs: readonly CellInput[];
  value(totals: readonly number[], grand: readonly number[]): number;
}

function chooseKpi(name: string, kpiArgs: readonly CellInput[]): KpiChoice {
  const upper = name.toUpperCase();
  if (upper === "SHARE") {
    if (kpiArgs.length !== 1) fail(FN, `SHARE takes one amount range after the KPI name, got ${kpiArgs.length}`);
    return {
      label: "SHARE", argNames: ["amount"], summed: 1, scalarArgs: [],
      value: ([part], [whole]) => share(part, whole, "SHARE"),
    };
  }
  const entry = GROUPABLE_ENTRIES.find((e) => e.name === upper);
  const compute = entry?.fromTotals;
  if (!entry || !compute) {
    const names = [...GROUPABLE_ENTRIES.map((e) => e.name), "SHARE"].join(", ");
    return fail(FN, `kpi_name "${name}" is not a KPI it can group; use one of ${names}`);
  }
  const required = entry.args.filter((a) => !a.optional).length;
  if (kpiArgs.length < required || kpiArgs.length > entry.args.length) {
    const expected = entry.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(", ");
    fail(FN, `${entry.name} needs ${expected} after the KPI name, got ${kpiArgs.length} argument(s)`);
  }
  const summed = entry.args.filter((a) => !a.optional).length;
  const optionalSpecs = entry.args.slice(summed);
  const scalars = optionalSpecs.map((spec, i) => readNumericArg(entry.name, spec, kpiArgs[summed + i]));
  return {
    label: entry.name,
    argNames: entry.args.map((a) => a.name),
    summed,
    scalarArgs: kpiArgs.slice(summed),
    value: (totals) => compute([...totals, ...scalars]),
  };
}

/** The KPI for one group, or the reason it is undefined as text, so one empty group cannot sink the table. */
function valueOrReason(compute: () => number): number | string {
  try {
    return compute();
  } catch (error) {
    if (error instanceof KpiError) return error.reason;
    throw error;
  }
}

/**
 * Totals one summed argument per group, checking every cell: words, booleans and negative counts are named.
 * `totals` holds `width` numbers per group, this argument's at offset `column`.
 */
function addAmounts(
  ref: { fn: string; arg: string }, cells: CellSequence, groupOf: Int32Array, isCount: boolean,
  totals: Float64Array, width: number, column: number,
): void {
  for (let i = 0; i < cells.length; i++) {
    const value = cells.at(i);
    // Plain numbers are nearly every cell: skip the general reader for them.
    const n = typeof value === "number" && Number.isFinite(value) ? value : cellToNumber(ref, value, cells.position(i));
    if (n === null) continue;
    if (isCount && n < 0) fail(FN, `${ref.arg} has ${n} in row ${cells.position(i).row}, and a count cannot be negative`);
    const g = groupOf[i];
    if (g >= 0) totals[g * width + column] += n;
  }
}

function run(args: readonly CellInput[]): ExampleCell[][] {
  const [groupKeys, kpiName, ...kpiArgs] = args;
  const kpi = chooseKpi(singleText({ fn: FN, arg: "kpi_name" }, kpiName), kpiArgs);
  const keyCells = cellSequence(groupKeys);
  const rows = keyCells.length;
  const amountCells = kpiArgs.slice(0, kpi.summed).map((input, c) => {
    const cells = cellSequence(input);
    if (cells.length !== rows) {
      fail(FN, `${kpi.argNames[c]} has ${cells.length} cells but group_keys has ${rows}; give ranges of the same size`);
    }
    return cells;
  });
  const { keys, groupOf } = assignGroups(
    rows, keyCells.at, (raw) => (typeof raw === "string" ? raw.trim() : keyText(raw as CellValue)),
    (i) => amountCells.some((cells) => !isBlank(cells.at(i))), BLANK_KEY,
  );
  const width = kpi.summed;
  const totals = new Float64Array(keys.length * width);
  amountCells.forEach((cells, c) => {
    const isCount = kpi.label !== "SHARE" && isCountArg(kpi.label, c);
    addAmounts({ fn: FN, arg: kpi.argNames[c] }, cells, groupOf, isCount, totals, width, c);
  });
  if (keys.length === 0) fail(FN, "group_keys and the KPI ranges are all blank, so there is nothing to group");
  const grand = new Array<number>(width).fill(0);
  for (let g = 0; g < keys.length; g++) for (let c = 0; c < width; c++) grand[c] += totals[g * width + c];
  const result: ExampleCell[][] = keys.map((key, g) => [
    key, valueOrReason(() => kpi.value(Array.from(totals.subarray(g * width, (g + 1) * width)), grand)),
  ]);
  result.push(["Total", valueOrReason(() => kpi.value(grand, grand))]);
  return result;
}

function isCountArg(kpi: string, index: number): boolean {
  return GROUPABLE_ENTRIES.find((e) => e.name === kpi)?.args[index]?.kind === "count";
}

export const KPI_BY: CatalogueEntry = {
  name: "KPI_BY",
  category: "Growth and share",
  summary: "Any total-based KPI (CAC, ROAS, CONVERSION_RATE...) or SHARE, per channel, month or other key, with a Total row.",
  formula: "for each key: the KPI of the totals of its rows; Total: the KPI of the grand totals (not an average of ratios)",
  source: "Grouped ratio-of-totals, as a pivot table's calculated field computes it; KPI definitions as in each function",
  args: [
    { name: "group_keys", kind: "range", description: "The key of each row: a channel, a month, a campaign." },
    { name: "kpi_name", kind: "text", description: "CAC, CPA, CONVERSION_RATE, ROAS, ... or SHARE (each group's share of the total)." },
    { name: "arg1", kind: "range", description: "The KPI's first argument as a range of the same size as group_keys." },
    { name: "arg2", kind: "range", description: "The KPI's next arguments, in the KPI's own order.", optional: true, repeating: true },
  ],
  returns: { kind: "table", description: "Spills one row per key in order of first appearance, [key, value], then [\"Total\", value]." },
  examples: [
    {
      formula: "=KPI_BY({\"Search\";\"Social\";\"Search\"}, \"CAC\", {100;300;200}, {2;0;4})",
      result: [["Search", 50], ["Social", "new customers total is 0, so CAC is undefined"], ["Total", 100]],
      explanation: "Search: 300 ÷ 6; Social has no customers, so its cell says why; Total: 600 ÷ 6.",
    },
    {
      formula: "=KPI_BY({\"Ads\";\"Email\";\"Ads\"}, \"SHARE\", {600;200;200})",
      result: [["Ads", 0.8], ["Email", 0.2], ["Total", 1]],
      explanation: "Each channel's share of spend.",
    },
  ],
  notes: [
    "A group whose KPI is undefined shows the reason as text instead of failing the whole table.",
    "Rows that are blank in every range are skipped, so open-ended ranges like B2:B work; rows with data but no key form a \"(blank)\" group.",
    "Optional single-value arguments (ROMI's gross_margin) apply to every group.",
  ],
  run,
  spillBound: ([keys]) => ({ rows: (keys ? keys.rows * keys.columns : 1) + 1, columns: 2 }),
};
