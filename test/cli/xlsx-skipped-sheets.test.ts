// Streaming a workbook past sheets it does not read: exceljs deletes the temporary copy of a skipped sheet at once, and the error of a stream that opens it too late must not escape.
import fs from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asGrid } from "../../src/kpi/cell-grid";
import { createEmulation, saveXlsx } from "../../src/local/emulation";
import { streamWorkbookTable } from "../../src/local/cli/load-xlsx";
import { tempDir } from "./cli-harness";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("streaming an .xlsx past the sheets it skips", () => {
  it("reads the last sheet with every stream's error handled, even when each open is slower than the deletion", async () => {
    const path = join(tempDir(), "three-sheets.xlsx");
    const rows = (label: string) => [["Date", "Channel", "Spend"], ...Array.from({ length: 50 }, (_, i) => [new Date(2026, 0, 1 + i), `${label} ${i % 3}`, i])];
    const emu = createEmulation({ sheets: { First: rows("a"), Second: rows("b"), Data: rows("c") } });
    await saveXlsx(emu, path);
    emu.dispose();

    // exceljs writes sheets before the shared strings, so the reader copies each to a temporary file. Each
    // open is delayed past the deletion that follows a skipped sheet; an error nobody else listens for is one
    // that would have escaped.
    const real = fs.createReadStream;
    const escaped: Error[] = [];
    let opened = 0;
    vi.spyOn(fs, "createReadStream").mockImplementation(((file: fs.PathLike, options?: unknown) => {
      // Only the reader's temporary copies (tmp's "tmp-<pid>-<random>"), not the workbook itself.
      if (!/^tmp-/.test(String(file).split("/").pop() ?? "")) return real(file, options as never);
      const slow = { ...fs, open: (...args: Parameters<typeof fs.open>) => setTimeout(() => (fs.open as (...a: unknown[]) => void)(...args), 40) };
      const stream = real(file, { ...(typeof options === "object" && options !== null ? options : {}), fs: slow } as never);
      opened++;
      stream.on("error", (error) => {
        if (stream.listenerCount("error") < 2) escaped.push(error);
      });
      return stream;
    }) as typeof fs.createReadStream);

    const read = await streamWorkbookTable(path, { sheet: "Data", headerRow: null, locale: null }, () => ({ sheet: null, headerRow: null }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(opened).toBeGreaterThanOrEqual(3);
    expect(read.table?.headers).toEqual(["Date", "Channel", "Spend"]);
    expect(read.table === null ? 0 : asGrid(read.table.rows).rowCount).toBe(50);
    expect(escaped.map((e) => e.message)).toEqual([]);
  });
});
