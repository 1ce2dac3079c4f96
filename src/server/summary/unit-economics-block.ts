// Unit economics the team fills in (ARPA, margin, churn) and what follows: LTV, LTV:CAC and CAC payback against benchmarks.
import { type Block, type CellRef, f, FORMAT, ref, type SheetCell } from "./block";
import { NA } from "./compile-formula";

export interface UnitEconomicsInputs {
  arpa: number | null;
  /** Blank until the team enters one; ROMI appears once it is not blank and not 1. */
  grossMargin: number | null;
  churn: number | null;
  ltvCacBenchmark: number;
  paybackBenchmark: number;
}

export const DEFAULT_UNIT_ECONOMICS: UnitEconomicsInputs = {
  arpa: null, grossMargin: null, churn: null, ltvCacBenchmark: 3, paybackBenchmark: 12,
};

/** Row labels double as markers when reading the team's inputs back before a regeneration. */
export const UNIT_LABELS = {
  title: "Unit economics",
  arpa: "ARPA per month (enter)",
  grossMargin: "Gross margin, 0–1 (enter)",
  churn: "Monthly churn, 0–1 (enter)",
  ltvCac: "LTV:CAC",
  payback: "CAC payback (months)",
} as const;

export interface UnitEconomicsCells {
  arpa: CellRef;
  grossMargin: CellRef;
  churn: CellRef;
  ltv: CellRef;
  /** Present when the funnel has a CAC (spend is mapped). */
  ltvCac: { value: CellRef; benchmark: CellRef; status: CellRef } | null;
  payback: { value: CellRef; benchmark: CellRef; status: CellRef } | null;
}

/** `cacCell` is the headline's cost per last stage, or null when spend is not mapped (no CAC rows then). */
export function unitEconomicsBlock(origin: CellRef, inputs: UnitEconomicsInputs, cacCell: string | null): { block: Block; cells: UnitEconomicsCells } {
  const at = (r: number, c: number): CellRef => ({ row: origin.row + r, column: origin.column + c });
  const arpa = ref(at(1, 1));
  const margin = ref(at(2, 1));
  const churn = ref(at(3, 1));
  const ltv = ref(at(4, 1));
  const marginOr1 = `IF(ISNUMBER(${margin}), ${margin}, 1)`;
  const rows: SheetCell[][] = [
    [UNIT_LABELS.title, "Value", "Benchmark", "Status", "Source"],
    [UNIT_LABELS.arpa, inputs.arpa ?? "", "", "", "Average revenue per account per month"],
    [UNIT_LABELS.grossMargin, inputs.grossMargin ?? "", "", "", "Used by LTV and payback (1 when blank); entered and not 1, ROMI joins the headline on the next refresh"],
    [UNIT_LABELS.churn, inputs.churn ?? "", "", "", "Share of accounts lost per month"],
    ["LTV", f(`IF(AND(ISNUMBER(${arpa}), ISNUMBER(${churn}), N(${churn})>0, N(${churn})<=1), ${arpa}*${marginOr1}/${churn}, ${NA})`), "", "",
      "ARPA × gross margin ÷ churn (LTV): Skok, SaaS Metrics 2.0"],
  ];
  const formats: string[][] = [
    ["", "", "", "", ""], ["", FORMAT.money, "", "", ""], ["", FORMAT.percent, "", "", ""], ["", FORMAT.rate, "", "", ""], ["", FORMAT.money, "", "", ""],
  ];
  let ltvCac: UnitEconomicsCells["ltvCac"] = null;
  let payback: UnitEconomicsCells["payback"] = null;
  if (cacCell !== null) {
    ltvCac = { value: at(5, 1), benchmark: at(5, 2), status: at(5, 3) };
    payback = { value: at(6, 1), benchmark: at(6, 2), status: at(6, 3) };
    const [lv, lb, pv, pb] = [ref(ltvCac.value), ref(ltvCac.benchmark), ref(payback.value), ref(payback.benchmark)];
    rows.push(
      [UNIT_LABELS.ltvCac, f(`IF(AND(ISNUMBER(${ltv}), ISNUMBER(${cacCell}), N(${cacCell})>0), ${ltv}/${cacCell}, ${NA})`), inputs.ltvCacBenchmark,
        f(`IF(AND(ISNUMBER(${lv}), ISNUMBER(${lb})), IF(${lv}>=${lb}, "Meets", "Below"), "")`),
        "3 or more: Skok, SaaS Metrics 2.0 (edit the benchmark to your own)"],
      [UNIT_LABELS.payback, f(`IF(AND(ISNUMBER(${cacCell}), ISNUMBER(${arpa}), N(${arpa})*${marginOr1}>0), ${cacCell}/(${arpa}*${marginOr1}), ${NA})`),
        inputs.paybackBenchmark, f(`IF(AND(ISNUMBER(${pv}), ISNUMBER(${pb})), IF(${pv}<=${pb}, "Meets", "Above"), "")`),
        "Within 12 months: Skok, SaaS Metrics 2.0 (edit the benchmark to your own)"],
    );
    formats.push(["", FORMAT.ratio, FORMAT.ratio, "", ""], ["", FORMAT.days, FORMAT.days, "", ""]);
  }
  return {
    block: { row: origin.row, column: origin.column, cells: rows, formats, headerRows: [0], titleRows: [] },
    cells: { arpa: at(1, 1), grossMargin: at(2, 1), churn: at(3, 1), ltv: at(4, 1), ltvCac, payback },
  };
}
