// What a file given to summarize is: an .xlsx workbook or a CSV, told by its extension, with a one-line reason for anything else.
import { existsSync, statSync } from "node:fs";
import { extname } from "node:path";
import { InputError } from "./cli-errors";

export type FileKind = "csv" | "xlsx";

export function fileKind(path: string): FileKind {
  if (!existsSync(path)) throw new InputError(`${path}: no such file`);
  if (!statSync(path).isFile()) throw new InputError(`${path} is not a file`);
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv" || ext === ".txt") return "csv";
  throw new InputError(`${path} is not a spreadsheet funnel-kpis can read: expected an .xlsx workbook or a .csv file, got "${ext || "no extension"}"`);
}
