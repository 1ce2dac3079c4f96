// How the CLI writes a KPI: money with two decimals, counts with separators, rates as percentages, an undefined KPI as "n/a".
import type { KpiValue } from "../../kpi/funnel-report";

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

/** Relative change with its sign, "+12.5%". */
export function formatChange(kpi: KpiValue): string {
  if (kpi.value === null) return "n/a";
  const text = formatNumber(kpi.value, "rate");
  return kpi.value > 0 ? `+${text}` : text;
}

/** The kind of a headline KPI, from its stable key. */
export function headlineKind(key: string): KpiKind {
  if (key.startsWith("count_")) return "count";
  if (key.startsWith("step_") || key === "overall_conversion" || key === "roi" || key === "romi") return "rate";
  if (key === "roas") return "multiple";
  return "money";
}
