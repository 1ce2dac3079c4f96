// A Google Ads campaign report as the UI exports it (title line, date-range line, then Day/Campaign/Impr./Clicks/Cost/Conversions), over months: the preview's ad-platform workbook.
import { seededRandom } from "../../src/local/seeded-random";

interface Campaign {
  name: string;
  type: string;
  impressions: number;
  ctr: number;
  cpc: number;
  conversionRate: number;
  value: number;
}

const CAMPAIGNS: readonly Campaign[] = [
  { name: "Brand - Search", type: "Search", impressions: 9_000, ctr: 0.09, cpc: 0.85, conversionRate: 0.08, value: 64 },
  { name: "Generic - Search", type: "Search", impressions: 24_000, ctr: 0.035, cpc: 1.9, conversionRate: 0.03, value: 71 },
  { name: "Remarketing - Display", type: "Display", impressions: 60_000, ctr: 0.006, cpc: 0.6, conversionRate: 0.025, value: 55 },
  { name: "Prospecting - Video", type: "Video", impressions: 95_000, ctr: 0.002, cpc: 0.45, conversionRate: 0.012, value: 48 },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const grouped = (n: number) => Math.round(n).toLocaleString("en-US");

/** Days from `first` for `days` days; the last day's numbers are the export's partial day, as a live account's are. */
export function googleAdsExport(first: Date, days: number, seed = 7): string {
  const random = seededRandom(seed);
  const last = new Date(first.getTime() + (days - 1) * 86_400_000);
  const long = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const lines = ["Campaign report", `${long(first)} - ${long(last)}`, "Day,Campaign,Campaign type,Impr.,Clicks,Cost,Conversions,Conv. value,CTR,Avg. CPC"];
  for (let d = 0; d < days; d++) {
    const day = new Date(first.getTime() + d * 86_400_000);
    const season = 1 + 0.25 * Math.sin((d / 365) * 2 * Math.PI) + d / (days * 3);
    for (const c of CAMPAIGNS) {
      const impressions = Math.round(c.impressions * season * (0.8 + 0.4 * random()));
      const clicks = Math.round(impressions * c.ctr * (0.85 + 0.3 * random()));
      const cost = clicks * c.cpc * (0.9 + 0.2 * random());
      const conversions = Math.round(clicks * c.conversionRate * (0.6 + 0.8 * random()));
      const value = conversions * c.value * (0.8 + 0.4 * random());
      const ctr = impressions === 0 ? 0 : (clicks / impressions) * 100;
      lines.push([iso(day), c.name, c.type, `"${grouped(impressions)}"`, clicks, cost.toFixed(2), conversions.toFixed(2), value.toFixed(2), `${ctr.toFixed(2)}%`, clicks === 0 ? "0.00" : (cost / clicks).toFixed(2)].join(","));
    }
  }
  lines.push(`Total: Campaigns,,,,,,,,,`);
  return `${lines.join("\n")}\n`;
}
