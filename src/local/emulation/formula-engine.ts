// Builds the HyperFormula instance behind an emulated workbook, configured to compute like Google Sheets.
import { HyperFormula, type ConfigParams, type FunctionPluginDefinition } from "hyperformula";
import { attachSpillSizing } from "../formula-engine/spill-sizing";
import { SPARKLINE_TRANSLATIONS, SparklinePlugin } from "../formula-engine/sparkline-plugin";

export type FunctionTranslations = NonNullable<Parameters<typeof HyperFormula.registerFunctionPlugin>[1]>;

/** A custom-function plugin (such as the project's KPI catalogue) and the names it answers to. */
export interface FunctionPluginRegistration {
  plugin: FunctionPluginDefinition;
  translations?: FunctionTranslations;
  /** Its functions whose results spill; their blocks follow their results' size (see spill-sizing.ts). */
  spillingFunctions?: readonly string[];
}

/** Google Sheets allows 10 million cells; one tall column of a data sheet must fit. */
export const DEFAULT_ENGINE_MAX_ROWS = 2_000_000;

export const SHEETS_LIKE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Serial 0 is 1899-12-30 and 1900 is not a leap year, as in Sheets.
  nullDate: { year: 1899, month: 12, day: 30 },
  leapYear1900: false,
  // Sheets shows 0 for `=A5` when A5 is blank.
  evaluateNullToZero: true,
  // SUMPRODUCT((A2:A="x")*B2:B) is evaluated element-wise in Sheets; HyperFormula needs array arithmetic for that.
  useArrayArithmetic: true,
  localeLang: "en-US",
  currencySymbol: ["$", "USD"],
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
  timeFormats: ["hh:mm", "hh:mm:ss.sss"],
  functionArgSeparator: ",",
  decimalSeparator: ".",
  thousandSeparator: "",
  caseSensitive: false,
  // "Café" = "Cafe" is FALSE in Sheets, Excel and LibreOffice; HyperFormula ignores accents unless told.
  accentSensitive: true,
  matchWholeCell: true,
  useWildcards: true,
  useRegularExpressions: false,
  smartRounding: true,
  // Sheets keeps 15 significant digits: a 13-digit ID or order number must read back as typed.
  precisionRounding: 15,
};

// HyperFormula keeps function plugins in a process-wide registry; register each once.
const registered = new Set<FunctionPluginDefinition>();

export function registerFunctionPlugins(plugins: readonly FunctionPluginRegistration[]): void {
  for (const { plugin, translations } of plugins) {
    // Another module (the in-cell tests) may have registered the same plugin already.
    const ids = Object.keys(plugin.implementedFunctions);
    if (registered.has(plugin) || (ids.length > 0 && ids.every((id) => HyperFormula.getFunctionPlugin(id) === plugin))) continue;
    HyperFormula.registerFunctionPlugin(plugin, translations);
    registered.add(plugin);
  }
}

/** Google Sheets functions the engine lacks, always there as they are in Sheets. */
const SHEETS_BUILT_INS: readonly FunctionPluginRegistration[] = [{ plugin: SparklinePlugin, translations: SPARKLINE_TRANSLATIONS }];

export function createFormulaEngine(options: { maxRows?: number; plugins?: readonly FunctionPluginRegistration[] }): HyperFormula {
  registerFunctionPlugins([...SHEETS_BUILT_INS, ...(options.plugins ?? [])]);
  const hf = HyperFormula.buildEmpty({ ...SHEETS_LIKE_CONFIG, maxRows: options.maxRows ?? DEFAULT_ENGINE_MAX_ROWS });
  // Sheets has TRUE and FALSE as constants, not only as functions.
  hf.addNamedExpression("TRUE", "=TRUE()");
  hf.addNamedExpression("FALSE", "=FALSE()");
  attachSpillSizing(hf, (options.plugins ?? []).flatMap((p) => p.spillingFunctions ?? []));
  return hf;
}

/** Names the engine reserves for itself, hidden from getNamedRanges. */
export const ENGINE_NAMES = new Set(["TRUE", "FALSE"]);
