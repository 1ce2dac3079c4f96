// How the CLI writes a KPI: money with two decimals, counts with separators, rates as percentages, an undefined KPI as "n/a".
import type { KpiValue } from "../../kpi/funnel-report";
import type { MetricUnit } from "../../kpi/summary-metrics/metric-types";

export type KpiKind = "money" | "count" | "rate" | "multiple" | "days";

const grouped = (digits: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const MONEY = grouped(2);
const COUNT = grouped(0);
const ONE = grouped(1);

export function formatNumber(value: number | null, kind: KpiKind): string {
  if (value === null) return "n/a";
  switch (kind) {
    case "money":
      return MONEY.format(value);
    case "count":
      return Number.isInteger(value) ? COUNT.format(value) : MONEY.format(value);
    case "rate":
      return `${ONE.format(value * 100)}%`;
    case "multiple":
      return `${MONEY.format(value)}x`;
    case "days":
      return `${ONE.format(value)} d`;
  }
}

export function formatKpi(kpi: KpiValue | null, kind: KpiKind): string {
  return kpi === null ? "" : formatNumber(kpi.value, kind);
}

/** Relative change with its sign, "+12.5%"; an empty previous period says so, as the sheet's change column does. */
export function formatChange(kpi: KpiValue): string {
  if (kpi.value === null) return kpi.reason === "previous period has no data" ? "no previous data" : "n/a";
  const text = formatNumber(kpi.value, "rate");
  return kpi.value > 0 ? `+${text}` : text;
}

/** The kind a metric's unit prints as (the metric table says which unit each metric has). */
export function kindOfUnit(unit: MetricUnit): KpiKind {
  return unit;
}
