// Writes a large aggregated funnel CSV (date, channel, spend, sessions, leads, customers, revenue) for the CLI benchmark.
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
