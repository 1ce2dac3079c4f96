// Has LibreOffice recalculate the CLI's --out workbooks (aggregated and record-level demo data, from a workbook and from CSVs) and prints how many formulas agree with their cached values.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../src/local/cli/main";
import { AGGREGATED_HEADERS, LEADS_HEADERS, aggregatedDemoRows, leadDemoRows } from "../src/local/demo-data";
import { createEmulation, saveXlsx } from "../src/local/emulation";
import type { WritableValue } from "../src/server/apps-script-api";
import { convertToXlsx } from "../test/compat/libreoffice";
import { csvText } from "../test/compat/export-csv";
import { errorCells, formulaCells, sameCached } from "../test/compat/xlsx-parts";

const quiet = { stdout: { write: () => true }, stderr: { isTTY: false, write: () => true } };

export async function benchLibreOffice(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-lo-bench-"));
  try {
    const today = new Date();
    const demo = join(dir, "demo.xlsx");
    const emu = createEmulation({
      sheets: {
        "Marketing data": [AGGREGATED_HEADERS, ...aggregatedDemoRows(today, 12)] as WritableValue[][],
        Leads: [LEADS_HEADERS, ...leadDemoRows(today, 2000, 12)] as WritableValue[][],
      },
    });
    await saveXlsx(emu, demo);
    emu.dispose();
    const outs = {
      aggregated: join(dir, "aggregated.xlsx"),
      "record-level": join(dir, "record-level.xlsx"),
      "aggregated CSV (streamed)": join(dir, "aggregated-csv.xlsx"),
      "record-level CSV (streamed)": join(dir, "record-level-csv.xlsx"),
    };
    await runCli(["summarize", demo, "--sheet", "Marketing data", "--out", outs.aggregated], quiet);
    await runCli(["summarize", demo, "--sheet", "Leads", "--out", outs["record-level"]], quiet);
    const aggregatedCsv = join(dir, "marketing.csv");
    const leadsCsv = join(dir, "leads.csv");
    writeFileSync(aggregatedCsv, csvText([AGGREGATED_HEADERS, ...aggregatedDemoRows(today, 12)]));
    writeFileSync(leadsCsv, csvText([LEADS_HEADERS, ...leadDemoRows(today, 2000, 12)]));
    await runCli(["summarize", aggregatedCsv, "--out", outs["aggregated CSV (streamed)"]], quiet);
    await runCli(["summarize", leadsCsv, "--out", outs["record-level CSV (streamed)"]], quiet);
    const started = performance.now();
    const converted = convertToXlsx(Object.values(outs), join(dir, "lo"));
    const seconds = (performance.now() - started) / 1000;
    const entries = Object.entries(outs);
    for (let i = 0; i < entries.length; i++) {
      const [kind, path] = entries[i];
      const mine = await formulaCells(path);
      const theirs = new Map((await formulaCells(converted[i])).map((c) => [`${c.sheet}!${c.ref}`, c.cached]));
      const agree = mine.filter((c) => sameCached(c.cached, theirs.get(`${c.sheet}!${c.ref}`))).length;
      const errors = (await errorCells(converted[i])).length;
      console.log(`LibreOffice: ${kind} --out: ${agree} of ${mine.length} formulas recalculate to their cached value, ${errors} cells show an error`);
    }
    console.log(`LibreOffice: one headless conversion of the workbooks took ${seconds.toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
