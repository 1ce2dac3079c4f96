// Writes large aggregated funnel CSVs for the CLI benchmarks: one row per channel and day, or per campaign and day over two years.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "../src/local/seeded-random";

const CHANNELS = ["Paid search", "Paid social", "Organic search", "Email", "Referral", "Display", "Affiliate", "Podcast"];

/** One row per channel per day, going back in time from 2026-01-01 until `rows` rows are written. */
export async function writeAggregatedCsv(path: string, rows: number, seed = 11): Promise<void> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  out.write("Date,Channel,Spend,Sessions,Leads,Customers,Revenue\n");
  const end = Date.UTC(2026, 0, 1);
  let batch = "";
  for (let i = 0; i < rows; i++) {
    const day = new Date(end - Math.floor(i / CHANNELS.length) * 86_400_000).toISOString().slice(0, 10);
    const sessions = 200 + Math.floor(random() * 2000);
    const leads = Math.floor(sessions * (0.01 + random() * 0.05));
    const customers = Math.floor(leads * random() * 0.3);
    const spend = (sessions * (0.2 + random())).toFixed(2);
    const revenue = (customers * (150 + random() * 300)).toFixed(2);
    batch += `${day},${CHANNELS[i % CHANNELS.length]},${spend},${sessions},${leads},${customers},${revenue}\n`;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await once(out, "finish");
}

const CAMPAIGNS_PER_CHANNEL = 200;

/**
 * Two years of daily rows per campaign (Date, Channel, Campaign, amounts), newest day first: the shape of a
 * large ads export, whose summary has two dozen months, unlike one row per channel and day back to the 1600s.
 */
export async function writeCampaignCsv(path: string, rows: number, seed = 13): Promise<void> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  out.write("Date,Channel,Campaign,Spend,Sessions,Leads,Customers,Revenue\n");
  const end = Date.UTC(2026, 0, 1);
  const perDay = Math.ceil(rows / 730);
  let batch = "";
  for (let i = 0; i < rows; i++) {
    const day = new Date(end - Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const slot = i % perDay;
    const channel = CHANNELS[slot % CHANNELS.length];
    const sessions = 20 + Math.floor(random() * 200);
    const leads = Math.floor(sessions * (0.01 + random() * 0.05));
    const customers = Math.floor(leads * random() * 0.3);
    const spend = (sessions * (0.2 + random())).toFixed(2);
    const revenue = (customers * (150 + random() * 300)).toFixed(2);
    batch += `${day},${channel},${channel} ${1 + (Math.floor(slot / CHANNELS.length) % CAMPAIGNS_PER_CHANNEL)},${spend},${sessions},${leads},${customers},${revenue}\n`;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await once(out, "finish");
}
