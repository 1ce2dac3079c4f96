// Benchmark: what sizing spills by their result costs in the emulation's engine: entering KPI_BY over a long range, editing one of its inputs, adding a key.
import { performance } from "node:perf_hooks";
import { createEmulation } from "../src/local/emulation";
import type { WritableValue } from "../src/server/apps-script-api";

const ROWS = Number(process.env.BENCH_SPILL_ROWS ?? 30_000);
const CHANNELS = Array.from({ length: 20 }, (_, i) => `Channel ${String(i + 1).padStart(2, "0")}`);

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

export async function benchSpills(): Promise<void> {
  const rows: WritableValue[][] = [["Channel", "Spend", "Customers"]];
  for (let i = 0; i < ROWS; i++) rows.push([CHANNELS[i % CHANNELS.length], 100 + (i % 13), 1 + (i % 4)]);
  const emu = createEmulation({ sheets: { Data: rows } });
  const sheet = emu.spreadsheet.getSheetByName("Data")!;
  const last = ROWS + 1;
  let start = performance.now();
  sheet.getRange("E1").setFormula(`=KPI_BY(A2:A${last}, "CAC", B2:B${last}, C2:C${last})`);
  const block = sheet.getRange("E1:E30").getValues().findIndex((r) => r[0] === "Total") + 1;
  console.log(`KPI_BY over ${ROWS.toLocaleString("en-US")} rows, ${CHANNELS.length} channels: entered in ${ms(start)}, block of ${block} rows`);
  start = performance.now();
  sheet.getRange("B2").setValue(999);
  sheet.getRange("E1").getValue();
  console.log(`one spend cell edited (same shape, no re-entry): ${ms(start)}`);
  start = performance.now();
  sheet.getRange("A3").setValue("Channel 21");
  sheet.getRange("E1").getValue();
  const grown = sheet.getRange("E1:E30").getValues().findIndex((r) => r[0] === "Total") + 1;
  console.log(`a new channel typed (the block grows to ${grown} rows: one re-entry): ${ms(start)}`);
  start = performance.now();
  sheet.getRange("E1").clearContent();
  // For scale: what the engine takes to drop any formula over ranges this long, which a re-entry includes.
  console.log(`the formula cleared (HyperFormula dropping its ${ROWS.toLocaleString("en-US")}-row ranges): ${ms(start)}`);
  emu.dispose();
}
