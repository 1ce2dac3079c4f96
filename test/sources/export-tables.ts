// Test helper: the export fixtures read as the CLI reads them (reading layer, header row found), for source detection and the multi-source tests.
import { join } from "node:path";
import { loadCsvTable } from "../../src/local/cli/load-csv";
import type { DataTable } from "../../src/local/cli/data-table";
import { ROOT } from "../cli/cli-harness";

export const EXPORTS = join(ROOT, "test", "fixtures", "exports");

export function exportTable(file: string, sheet: string | null = null): Promise<DataTable> {
  return loadCsvTable(join(EXPORTS, file), { sheet, headerRow: null, locale: null });
}
