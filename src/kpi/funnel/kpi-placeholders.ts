// TEMPORARY stand-ins for the lead's src/kpi/definitions and src/kpi/coerce.ts; deleted once `git merge main` brings them.
import type { CellValue } from "../cells";
import { fail } from "../kpi-error";

export function cac(spend: number, customers: number): number {
  if (customers === 0) fail("CAC", "new customers total is 0, so CAC is undefined");
  return spend / customers;
}

export function cpa(spend: number, acquisitions: number): number {
  if (acquisitions === 0) fail("CPA", "acquisitions total is 0, so CPA is undefined");
  return spend / acquisitions;
}

export function conversionRate(conversions: number, total: number): number {
  if (total === 0) fail("CONVERSION_RATE", "total is 0, so the conversion rate is undefined");
  return conversions / total;
}

export function roas(revenue: number, spend: number): number {
  if (spend === 0) fail("ROAS", "spend is 0, so ROAS is undefined");
  return revenue / spend;
}

export function roi(revenue: number, cost: number): number {
  if (cost === 0) fail("ROI", "cost is 0, so ROI is undefined");
  return (revenue - cost) / cost;
}

export function romi(revenue: number, marketingSpend: number): number {
  if (marketingSpend === 0) fail("ROMI", "marketing spend is 0, so ROMI is undefined");
  return (revenue - marketingSpend) / marketingSpend;
}

export function avgDealSize(revenue: number, deals: number): number {
  if (deals === 0) fail("AVG_DEAL_SIZE", "deals total is 0, so average deal size is undefined");
  return revenue / deals;
}

/** Number in a cell, or null when the cell is blank or not numeric; accepts "1,200" and "$1,200". */
export function parseNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const cleaned = value.trim().replace(/[$€£,\s]/g, "");
  if (cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(cleaned)) return null;
  const n = Number(cleaned.replace("%", ""));
  return cleaned.endsWith("%") ? n / 100 : n;
}
