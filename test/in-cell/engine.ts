// Test helper: a HyperFormula workbook with the catalogue registered, for typing formulas into real cells.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { CATALOGUE_TRANSLATIONS, CatalogueFunctionPlugin, SPILLING_FUNCTIONS } from "../../src/local/formula-engine/catalogue-plugin";
import { attachSpillSizing } from "../../src/local/formula-engine/spill-sizing";
import { toCellValue } from "../../src/local/formula-engine/cell-conversion";

let registered = false;

export function workbook(sheet: RawCellContent[][]): HyperFormula {
  if (!registered) {
    HyperFormula.registerFunctionPlugin(CatalogueFunctionPlugin, CATALOGUE_TRANSLATIONS);
    registered = true;
  }
  // Sheets shows full double precision; the engine would round results to 10 digits by default.
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", precisionRounding: 15 });
  // As the emulation's engine does: spills take the size of their results.
  attachSpillSizing(hf, SPILLING_FUNCTIONS);
  return hf;
}

/** What a user sees in a cell: a number, text, "" for blank, or the error's message for `#ERROR!`. */
export function shown(hf: HyperFormula, a1: string): number | string | boolean {
  const address = hf.simpleCellAddressFromString(a1, 0);
  if (!address) throw new Error(`bad address ${a1}`);
  const value = hf.getCellValue(address);
  if (value !== null && typeof value === "object" && "message" in value) return `${value.value} ${value.message}`;
  const cell = toCellValue(value);
  return cell instanceof Date ? cell.getTime() : (cell ?? "");
}

/** Evaluates one formula in a scratch cell of a one-sheet workbook built from `data`. */
export function evaluate(formula: string, data: RawCellContent[][] = []): number | string | boolean {
  const hf = workbook([...data, [formula]]);
  const value = shown(hf, `A${data.length + 1}`);
  hf.destroy();
  return value;
}
