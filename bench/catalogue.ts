// Benchmark: CAC, KPI_BY and TIME_TO_CONVERT over a 1,600,000-row sheet passed as Sheets passes ranges; prints time and memory.
import { resourceUsage } from "node:process";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { findEntry } from "../src/kpi/catalogue";
import { invoke } from "../src/kpi/catalogue/invoke";
import type { CellInput, CellOutput, CellValue } from "../src/kpi/cells";
import { seededRandom } from "../src/local/seeded-random";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_600_000);
const CHANNELS = Array.from({ length: 20 }, (_, i) => `Channel ${String(i + 1).padStart(2, "0")}`);
const RUNS = 3;
const MB = 1024 * 1024;

/** A collector to call between measurements; without one, heap figures include earlier garbage. */
function findGc(): (() => void) | null {
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}
const gc = findGc();

/** Deterministic pseudo-random numbers, so every run measures the same sheet. */
const random = seededRandom;

interface Sheet {
  date: CellValue[][];
  channel: CellValue[][];
  spend: CellValue[][];
  visits: CellValue[][];
  leads: CellValue[][];
  customers: CellValue[][];
  /** Not one of the six columns: the day each row's customers converted, blank when none did. */
  converted: CellValue[][];
}

/**
 * Each column as a custom function receives a range like C2:C1600001: an N × 1 array of cells, dates as
 * their own `Date` objects at local midnight. Rows are sorted by date over two years, as a daily export
 * would be. Values are drawn first and each column is then materialised on its own, as Apps Script
 * materialises each range argument separately (interleaving them would scatter every column in memory).
 */
function buildSheet(rows: number): Sheet {
  const next = random(20261122);
  const days = 730;
  const day = new Int32Array(rows);
  const channel = new Uint8Array(rows);
  const spend = new Float64Array(rows);
  const visits = new Int32Array(rows);
  const leads = new Int32Array(rows);
  const customers = new Int32Array(rows);
  const lag = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    day[r] = Math.floor((r * days) / rows);
    channel[r] = Math.floor(next() * CHANNELS.length);
    spend[r] = Math.round(next() * 50_000) / 100;
    visits[r] = Math.floor(next() * 400);
    leads[r] = Math.floor(visits[r] * next() * 0.1);
    customers[r] = Math.floor(leads[r] * next() * 0.4);
    lag[r] = Math.floor(next() * next() * 60);
  }
  const column = (cell: (r: number) => CellValue): CellValue[][] => {
    const out: CellValue[][] = new Array<CellValue[]>(rows);
    for (let r = 0; r < rows; r++) out[r] = [cell(r)];
    return out;
  };
  return {
    date: column((r) => new Date(2024, 0, 1 + day[r])),
    channel: column((r) => CHANNELS[channel[r]]),
    spend: column((r) => spend[r]),
    visits: column((r) => visits[r]),
    leads: column((r) => leads[r]),
    customers: column((r) => customers[r]),
    converted: column((r) => (customers[r] > 0 ? new Date(2024, 0, 1 + day[r] + lag[r]) : "")),
  };
}

function describeResult(result: CellOutput): string {
  if (!Array.isArray(result)) return typeof result === "number" ? result.toPrecision(8) : String(result);
  const total = result[result.length - 1];
  return `${result.length} rows spilled, last ${JSON.stringify(total)}`;
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * Times one call and reports how much memory it took: heap and typed-array growth, and any new peak RSS.
 * The collector runs once before the runs, not between them: a forced full collection also flushes
 * compiled code, which would make every run a cold one.
 */
function measure(label: string, call: () => CellOutput): void {
  const times: string[] = [];
  let result: CellOutput = "";
  let heapGrowth = 0;
  let buffersGrowth = 0;
  let peakRssGrowth = 0;
  gc?.();
  for (let run = 0; run < RUNS; run++) {
    const before = process.memoryUsage();
    const peakBefore = resourceUsage().maxRSS * 1024;
    const start = performance.now();
    result = call();
    const elapsed = performance.now() - start;
    const after = process.memoryUsage();
    times.push(`${elapsed.toFixed(0)} ms`);
    heapGrowth = Math.max(heapGrowth, after.heapUsed - before.heapUsed);
    buffersGrowth = Math.max(buffersGrowth, after.arrayBuffers - before.arrayBuffers);
    peakRssGrowth = Math.max(peakRssGrowth, resourceUsage().maxRSS * 1024 - peakBefore);
  }
  console.log(`${label.padEnd(34)} ${times.join(", ").padEnd(26)} → ${describeResult(result)}`);
  console.log(`${"".padEnd(34)} heap +${mb(heapGrowth)} (garbage included), typed arrays +${mb(buffersGrowth)}, new peak RSS +${mb(peakRssGrowth)}`);
}

function call(name: string, args: readonly CellInput[]): () => CellOutput {
  const entry = findEntry(name);
  if (!entry) throw new Error(`${name} is not in the catalogue`);
  return () => invoke(entry, args);
}

export async function benchCatalogue(): Promise<void> {
  console.log(`catalogue bench: ${ROWS.toLocaleString("en")} rows × 6 columns (date, channel, spend, visits, leads, customers), ${RUNS} runs each (the first includes JIT warm-up)`);
  if (!gc) console.log("(no collector exposed: heap figures include earlier garbage)");
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const sheet = buildSheet(ROWS);
  gc?.();
  console.log(`built the sheet in ${(performance.now() - buildStart).toFixed(0)} ms; it holds ${mb(process.memoryUsage().heapUsed - heapBefore)} of heap (7 columns: an end-date column is added for TIME_TO_CONVERT)`);

  measure("CAC(spend, customers)", call("CAC", [sheet.spend, sheet.customers]));
  if (findEntry("KPI_BY")) {
    measure("KPI_BY(channel, \"CAC\", …) 20 groups", call("KPI_BY", [sheet.channel, "CAC", sheet.spend, sheet.customers]));
  } else {
    console.log("KPI_BY: not in the catalogue on this branch yet, skipped");
  }
  measure("TIME_TO_CONVERT(date, converted)", call("TIME_TO_CONVERT", [sheet.date, sheet.converted]));
  measure("TIME_TO_CONVERT(…, \"p90\")", call("TIME_TO_CONVERT", [sheet.date, sheet.converted, "p90"]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchCatalogue();
}
