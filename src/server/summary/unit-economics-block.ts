// Unit economics the team fills in (ARPA, margin, churn) and what follows: LTV, LTV:CAC and CAC payback against benchmarks.
import type { WritableValue } from "../apps-script-api";
import { type Block, FORMAT } from "./block";
import { UNIT_ECONOMICS } from "./layout";
import { ratio } from "./metric-formulas";

export interface UnitEconomicsInputs {
  arpa: number | null;
  grossMargin: number | null;
  churn: number | null;
  ltvCacBenchmark: number;
  paybackBenchmark: number;
}

export const DEFAULT_UNIT_ECONOMICS: UnitEconomicsInputs = {
  arpa: null, grossMargin: 1, churn: null, ltvCacBenchmark: 3, paybackBenchmark: 12,
};

/** Row labels double as markers when reading the team's inputs back before a regeneration. */
export const UNIT_LABELS = {
  arpa: "ARPA per month (enter)",
  grossMargin: "Gross margin, 0–1 (enter)",
  churn: "Monthly churn, 0–1 (enter)",
} as const;

export function unitEconomicsBlock(inputs: UnitEconomicsInputs, cacCell: string): Block {
  const { arpa, grossMargin: margin, churn } = UNIT_ECONOMICS;
  const marginOr1 = `IF(ISNUMBER(${margin}), ${margin}, 1)`;
  const cells: WritableValue[][] = [
    ["Unit economics", "Value", "Benchmark", "Status", "Source"],
    [UNIT_LABELS.arpa, inputs.arpa ?? "", "", "", "Average revenue per account per month"],
    [UNIT_LABELS.grossMargin, inputs.grossMargin ?? "", "", "", "Used by LTV, payback and ROMI; 1 when blank"],
    [UNIT_LABELS.churn, inputs.churn ?? "", "", "", "Share of accounts lost per month"],
    ["LTV", `=IF(AND(ISNUMBER(${arpa}), ISNUMBER(${churn}), N(${churn})>0, N(${churn})<=1), ${arpa}*${marginOr1}/${churn}, "n/a")`, "", "",
      "ARPA × gross margin ÷ churn (LTV): Skok, SaaS Metrics 2.0"],
    ["LTV:CAC", `=${ratio(UNIT_ECONOMICS.ltv, cacCell)}`, inputs.ltvCacBenchmark, "=IF(AND(ISNUMBER(H9), ISNUMBER(I9)), IF(H9>=I9, \"Meets\", \"Below\"), \"\")",
      "3 or more: Skok, SaaS Metrics 2.0 (edit the benchmark to your own)"],
    ["CAC payback (months)", `=IF(AND(ISNUMBER(${cacCell}), ISNUMBER(${arpa}), N(${arpa})*${marginOr1}>0), ${cacCell}/(${arpa}*${marginOr1}), "n/a")`,
      inputs.paybackBenchmark, "=IF(AND(ISNUMBER(H10), ISNUMBER(I10)), IF(H10<=I10, \"Meets\", \"Above\"), \"\")",
      "Within 12 months: Skok, SaaS Metrics 2.0 (edit the benchmark to your own)"],
  ];
  return {
    row: UNIT_ECONOMICS.row,
    column: UNIT_ECONOMICS.column,
    cells,
    formats: [
      ["", "", "", "", ""],
      ["", FORMAT.money, "", "", ""],
      ["", "0%", "", "", ""],
      ["", "0.0%", "", "", ""],
      ["", FORMAT.money, "", "", ""],
      ["", FORMAT.ratio, FORMAT.ratio, "", ""],
      ["", "0.0", "0.0", "", ""],
    ],
    headerRows: [0],
    titleRows: [],
  };
}
