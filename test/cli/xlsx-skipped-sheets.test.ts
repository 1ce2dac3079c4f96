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
  it("reads the last sheet with every stream's error handled, even when a skipped sheet's copy is deleted before its stream opens", async () => {
    const path = join(tempDir(), "three-sheets.xlsx");
    const rows = (label: string) => [["Date", "Channel", "Spend"], ...Array.from({ length: 50 }, (_, i) => [new Date(2026, 0, 1 + i), `${label} ${i % 3}`, i])];
    const emu = createEmulation({ sheets: { First: rows("a"), Second: rows("b"), Data: rows("c") } });
    await saveXlsx(emu, path);
    emu.dispose();

    // exceljs writes sheets before the shared strings, so the reader copies each to a temporary file and, once
    // the next sheet is asked for, deletes the copy of one nobody read: possibly before that sheet's stream has
    // opened it. Here the copies of the two skipped sheets are gone before their streams open, every time; an
    // error nobody else listens for is one that would have escaped.
    const real = fs.createReadStream;
    const escaped: Error[] = [];
    let copies = 0;
    vi.spyOn(fs, "createReadStream").mockImplementation(((file: fs.PathLike, options?: unknown) => {
      // Only the reader's temporary copies (tmp's "tmp-<pid>-<random>"), not the workbook itself.
      if (!/^tmp-/.test(String(file).split("/").pop() ?? "")) return real(file, options as never);
      if (++copies <= 2) fs.rmSync(file, { force: true });
      const stream = real(file, options as never);
      stream.on("error", (error) => {
        if (stream.listenerCount("error") < 2) escaped.push(error);
      });
      return stream;
    }) as typeof fs.createReadStream);

    const read = await streamWorkbookTable(path, { sheet: "Data", headerRow: null, locale: null }, () => ({ sheet: null, headerRow: null }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(copies).toBe(3);
    expect(read.table?.headers).toEqual(["Date", "Channel", "Spend"]);
    expect(read.table === null ? 0 : asGrid(read.table.rows).rowCount).toBe(50);
    expect(escaped.map((e) => e.message)).toEqual([]);
  });
});
