// A realistic, seeded demo data set: 18 months of daily spend and funnel counts for 6 channels, plus a lead log.
import type { CellValue } from "../kpi/cells";
import { seededRandom } from "./seeded-random";


interface ChannelProfile {
  name: string;
  dailySpend: number;
  costPerVisit: number;
  leadRate: number;
  customerRate: number;
  orderValue: number;
}

const CHANNELS: readonly ChannelProfile[] = [
  { name: "Paid search", dailySpend: 420, costPerVisit: 1.6, leadRate: 0.045, customerRate: 0.16, orderValue: 310 },
  { name: "Paid social", dailySpend: 300, costPerVisit: 0.9, leadRate: 0.022, customerRate: 0.1, orderValue: 240 },
  { name: "Organic search", dailySpend: 60, costPerVisit: 0.08, leadRate: 0.035, customerRate: 0.14, orderValue: 290 },
  { name: "Email", dailySpend: 25, costPerVisit: 0.12, leadRate: 0.06, customerRate: 0.22, orderValue: 260 },
  { name: "Referral", dailySpend: 40, costPerVisit: 0.35, leadRate: 0.05, customerRate: 0.25, orderValue: 380 },
  { name: "Display", dailySpend: 150, costPerVisit: 0.7, leadRate: 0.012, customerRate: 0.08, orderValue: 220 },
];

export const AGGREGATED_HEADERS = ["Date", "Channel", "Spend", "Sessions", "Leads", "New customers", "Revenue"];
export const LEADS_HEADERS = ["Lead ID", "Source", "Created", "MQL date", "SQL date", "Won date", "Deal value"];

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** A binomial-ish draw that keeps counts whole and never above the base. */
function draw(random: () => number, base: number, rate: number): number {
  const mean = base * rate;
  const noisy = mean + (random() - 0.5) * 2 * Math.sqrt(mean + 1);
  return Math.max(0, Math.min(base, Math.round(noisy)));
}

/** One row per day per channel, ending the day before `end`, with weekly and yearly seasonality and growth. */
export function aggregatedDemoRows(end: Date, months = 18, seed = 2026): CellValue[][] {
  const random = seededRandom(seed);
  const start = new Date(end.getFullYear(), end.getMonth() - months, end.getDate());
  const rows: CellValue[][] = [];
  const totalDays = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  for (let day = 0; day < totalDays; day++) {
    const date = addDays(start, day);
    const weekday = date.getDay();
    const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1.08;
    const yearly = 1 + 0.18 * Math.sin(((date.getMonth() + 1) / 12) * 2 * Math.PI);
    const growth = 1 + (0.35 * day) / totalDays;
    for (const channel of CHANNELS) {
      const spend = Math.round(channel.dailySpend * weekly * growth * (0.85 + random() * 0.3) * 100) / 100;
      const visits = Math.round((spend / channel.costPerVisit) * yearly * (0.9 + random() * 0.2));
      const leads = draw(random, visits, channel.leadRate);
      const customers = draw(random, leads, channel.customerRate);
      const revenue = Math.round(customers * channel.orderValue * (0.8 + random() * 0.4) * 100) / 100;
      rows.push([date, channel.name, spend, visits, leads, customers, revenue]);
    }
  }
  return rows;
}

/** One row per lead: created date, later stage dates when reached (blank otherwise), and the won deal's value. */
export function leadDemoRows(end: Date, leads = 3000, months = 18, seed = 7): CellValue[][] {
  const random = seededRandom(seed);
  const start = new Date(end.getFullYear(), end.getMonth() - months, end.getDate());
  const span = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const rows: CellValue[][] = [];
  for (let i = 0; i < leads; i++) {
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
    const created = addDays(start, Math.floor(random() * span));
    const stageDate = (from: Date, rate: number, meanDays: number): Date | "" => {
      if (random() >= rate) return "";
      const reached = addDays(from, Math.max(0, Math.round(-Math.log(1 - random()) * meanDays)));
      return reached.getTime() < end.getTime() ? reached : "";
    };
    const mql = stageDate(created, 0.55, 4);
    const sql = mql === "" ? "" : stageDate(mql, 0.45, 9);
    const won = sql === "" ? "" : stageDate(sql, 0.35 + channel.customerRate, 21);
    const value = won === "" ? "" : Math.round(channel.orderValue * 12 * (0.6 + random() * 0.8));
    rows.push([`L-${String(i + 1).padStart(5, "0")}`, channel.name, created, mql, sql, won, value]);
  }
  return rows;
}
