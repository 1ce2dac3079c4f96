// Writes the same 1,000,000 funnel rows twice: as a German-locale export (semicolons, decimal commas, D.M.Y, grouped thousands) and as plain CSV.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "../src/local/seeded-random";

const CHANNELS = ["Bezahlte Suche", "Social Ads", "Organische Suche", "E-Mail", "Empfehlung", "Display", "Affiliate", "Podcast"];

function german(n: number, decimals: number): string {
  const [whole, fraction] = n.toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

export async function writeLocaleAndPlainCsv(localePath: string, plainPath: string, rows: number, seed = 23): Promise<void> {
  const random = seededRandom(seed);
  const local = createWriteStream(localePath);
  const plain = createWriteStream(plainPath);
  local.write("\ufeffDatum;Kanal;Kosten;Sitzungen;Leads;Kunden;Umsatz\r\n");
  plain.write("Date,Channel,Spend,Sessions,Leads,Customers,Revenue\n");
  const end = Date.UTC(2026, 0, 1);
  let a = "";
  let b = "";
  for (let i = 0; i < rows; i++) {
    const iso = new Date(end - Math.floor(i / CHANNELS.length) * 86_400_000).toISOString().slice(0, 10);
    const [y, m, d] = iso.split("-");
    const sessions = 200 + Math.floor(random() * 2000);
    const leads = Math.floor(sessions * (0.01 + random() * 0.05));
    const customers = Math.floor(leads * random() * 0.3);
    const spend = sessions * (0.2 + random());
    const revenue = customers * (150 + random() * 300);
    const channel = CHANNELS[i % CHANNELS.length];
    a += `${d}.${m}.${y};${channel};${german(spend, 2)};${german(sessions, 0)};${leads};${customers};${german(revenue, 2)}\r\n`;
    b += `${iso},${channel},${spend.toFixed(2)},${sessions},${leads},${customers},${revenue.toFixed(2)}\n`;
    if (a.length > 1 << 16) {
      // Both drains are listened for at once: awaiting one first could miss the other's only event.
      const waits = [local.write(a) ? null : once(local, "drain"), plain.write(b) ? null : once(plain, "drain")];
      await Promise.all(waits);
      a = "";
      b = "";
    }
  }
  local.end(a);
  plain.end(b);
  await Promise.all([once(local, "finish"), once(plain, "finish")]);
}
