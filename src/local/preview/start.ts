// `npm start`: opens the demo workbook (made on first run in data/demo.xlsx) or the .xlsx given, and serves the preview.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureDemoWorkbook } from "./demo-workbook";
import { startPreview } from "./preview-server";

const root = join(import.meta.dirname, "..", "..", "..");

async function main(): Promise<void> {
  const argument = process.argv[2];
  let workbookPath: string;
  if (argument === undefined) {
    workbookPath = join(root, "data", "demo.xlsx");
    if (await ensureDemoWorkbook(workbookPath)) console.log(`preview: created the demo workbook ${workbookPath}`);
  } else {
    // npm runs scripts from the package root; INIT_CWD is where `npm start -- file.xlsx` was typed.
    workbookPath = resolve(process.env.INIT_CWD ?? process.cwd(), argument);
    if (!existsSync(workbookPath)) throw new Error(`${argument}: no such file`);
    if (!/\.xlsx$/i.test(workbookPath)) throw new Error(`${argument}: the preview opens .xlsx workbooks`);
  }
  const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  const preview = await startPreview({ workbookPath, buildDir: join(root, "build"), port });
  console.log(`preview: ${workbookPath}\npreview: open ${preview.url} (edits are saved to the file; Ctrl+C stops)`);
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
