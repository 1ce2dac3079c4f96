// Sizes of what clasp pushes (Sidebar.html, Code.js) and how long the wizard takes from navigation to a usable first step in Chromium.
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium, openSidebar, SIDEBAR_PATH } from "../test/sidebar/harness";
import { aggregatedWorkbook } from "../test/sidebar/workbooks";

const RUNS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function kib(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} bytes (${(bytes / 1024).toFixed(1)} KiB)`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function benchSidebar(): Promise<void> {
  console.log(`Sidebar.html: ${kib(statSync(SIDEBAR_PATH).size)}`);
  console.log(`Code.js: ${kib(statSync(join(root, "build", "Code.js")).size)}`);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh workbook and page each run: wizardStart reads the sheet list and the saved setup over the emulation.
      const session = await openSidebar(browser, aggregatedWorkbook());
      const ms = await session.page.evaluate(() => performance.getEntriesByName("wizard-ready")[0]?.startTime ?? Number.NaN);
      times.push(ms);
      await session.close();
    }
    console.log(
      `Sidebar: navigation to first step interactive, median of ${RUNS}: ${median(times).toFixed(0)} ms ` +
        `(runs ${times.map((t) => t.toFixed(0)).join(", ")} ms; includes the wizardStart call over the emulation)`,
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchSidebar();
}
