// Parses the funnel-kpis command line into options, or a UsageError that names the offending word.
import { normaliseLocaleTag } from "../../reading/locale";
import { UsageError } from "./cli-errors";

export const USAGE = `Usage: funnel-kpis summarize <file.xlsx|file.csv> [options]

Reads a marketing data sheet, detects which column is which funnel stage and prints the funnel KPIs.

Options:
  --sheet NAME          the data sheet (default: the first sheet that is not "KPI Summary")
  --mapping FILE        use this saved mapping (JSON) instead of detecting one
  --save-mapping FILE   write the mapping that was used to FILE
  --header-row N        the header row (default: found below title, period and comment lines)
  --locale xx-YY        breaks ties the data cannot settle: "1.200" as 1.2 or 1200, 03/04 as 3 April or
                        4 March (default: from the headers' language, else en-US); every tie is reported
  --from YYYY-MM-DD     headline period start (default: 30 days up to the latest date in the data)
  --to YYYY-MM-DD       headline period end
  --out FILE.xlsx       write a copy of the workbook with a generated "KPI Summary" sheet
  --force               replace an existing --out or --save-mapping file (never the input)
  --json                print the report as JSON for scripts
  -h, --help            show this text

Exit codes: 0 done, 1 the file or mapping cannot be summarised, 2 wrong usage.`;

export interface SummarizeOptions {
  file: string;
  sheet: string | null;
  mapping: string | null;
  saveMapping: string | null;
  from: string | null;
  to: string | null;
  out: string | null;
  json: boolean;
  /** --header-row: 1-based, or null to find it. */
  headerRow: number | null;
  /** --locale as given ("de-DE"), checked to be a locale tag. */
  locale: string | null;
  /** Replace an existing --out / --save-mapping file; the input files are never replaced. */
  force: boolean;
}

export type Command = { kind: "help" } | { kind: "summarize"; options: SummarizeOptions };

const VALUE_FLAGS = {
  "--sheet": "sheet",
  "--mapping": "mapping",
  "--save-mapping": "saveMapping",
  "--from": "from",
  "--to": "to",
  "--out": "out",
  "--locale": "locale",
} as const satisfies Record<string, keyof SummarizeOptions>;

type ValueFlag = keyof typeof VALUE_FLAGS;

function isValueFlag(word: string): word is ValueFlag {
  return Object.prototype.hasOwnProperty.call(VALUE_FLAGS, word);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day that is on the calendar: 2025-02-30 is not rolled over into March. */
function isCalendarDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError("no command given");
  if (argv.includes("-h") || argv.includes("--help")) return { kind: "help" };
  const [command, ...rest] = argv;
  if (command !== "summarize") throw new UsageError(`unknown command "${command}"; the command is "summarize"`);
  const options: SummarizeOptions = { file: "", sheet: null, mapping: null, saveMapping: null, from: null, to: null, out: null, json: false, headerRow: null, locale: null, force: false };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    // "--flag=value" reads the same as "--flag value".
    const eq = word.startsWith("--") ? word.indexOf("=") : -1;
    const flag = eq > 0 ? word.slice(0, eq) : word;
    if (flag === "--json" || flag === "--force") {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      options[flag === "--json" ? "json" : "force"] = true;
    } else if (flag === "--header-row") {
      const value = eq > 0 ? word.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) throw new UsageError("--header-row needs a value");
      if (!/^[1-9]\d{0,6}$/.test(value)) throw new UsageError(`--header-row must be a row number (1 or more), got "${value}"`);
      options.headerRow = Number(value);
    } else if (isValueFlag(flag)) {
      const value = eq > 0 ? word.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      options[VALUE_FLAGS[flag]] = value;
    } else if (word.startsWith("-") && word !== "-") {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      files.push(word);
    }
  }
  if (files.length === 0) throw new UsageError("summarize needs a file: an .xlsx workbook or a .csv file");
  if (files.length > 1) throw new UsageError(`summarize reads one file, got ${files.length}: ${files.join(", ")}`);
  options.file = files[0];
  for (const key of ["from", "to"] as const) {
    const value = options[key];
    if (value === null) continue;
    if (!ISO_DAY.test(value)) throw new UsageError(`--${key} must be a date written YYYY-MM-DD, got "${value}"`);
    if (!isCalendarDay(value)) throw new UsageError(`--${key} ${value} is not a day on the calendar`);
  }
  // ISO days compare as text.
  if (options.from !== null && options.to !== null && options.from > options.to) {
    throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  }
  if (options.locale !== null && normaliseLocaleTag(options.locale) === null) {
    throw new UsageError(`--locale must be a locale such as de-DE, en-GB or id-ID, got "${options.locale}"`);
  }
  if (options.out !== null && !options.out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`--out writes an .xlsx workbook; "${options.out}" does not end in .xlsx`);
  return { kind: "summarize", options };
}
