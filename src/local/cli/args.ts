// Parses the funnel-kpis command line into options, or a UsageError that names the offending word.
import { normaliseLocaleTag } from "../../reading/locale";
import { UsageError } from "./cli-errors";

export const USAGE = `Usage: funnel-kpis summarize <file.xlsx|file.csv> [more files...] [options]

Reads marketing data, detects which column is which funnel stage and prints the funnel KPIs. Each file,
and each sheet of an .xlsx, is a source; several sources are joined by channel and period (spend from the
ad platforms, traffic from analytics, stages from the CRM) through a channel table.

Options:
  --sheet NAME          a sheet of the .xlsx to read; repeat it to combine several (default: one sheet
                        is read as it is; several are each a source)
  --mapping FILE        use this saved mapping (JSON) instead of detecting one
  --save-mapping FILE   write the mapping that was used to FILE
  --channels FILE.csv   the channel table for several sources: columns Source,Value,Channel (Source is the
                        file name, or the sheet name for a sheet of an .xlsx; a blank Value covers every
                        other value of that source); default: the workbook's "Channel map", else proposed
  --save-channels FILE.csv  write the channel table that was used to FILE.csv, for editing
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
  /** The first file; `files` holds them all. */
  file: string;
  files: string[];
  /** The one --sheet given, or null when none or several were (then `sheets` holds them). */
  sheet: string | null;
  sheets: string[];
  /** --channels and --save-channels: the channel table read and written as Source,Value,Channel CSV. */
  channels: string | null;
  saveChannels: string | null;
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
  "--mapping": "mapping",
  "--channels": "channels",
  "--save-channels": "saveChannels",
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
  const options: SummarizeOptions = {
    file: "", files: [], sheet: null, sheets: [], channels: null, saveChannels: null,
    mapping: null, saveMapping: null, from: null, to: null, out: null, json: false, headerRow: null, locale: null, force: false,
  };
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
    } else if (flag === "--sheet") {
      const value = eq > 0 ? word.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) throw new UsageError("--sheet needs a value");
      if (options.sheets.some((s) => s.toLowerCase() === value.toLowerCase())) throw new UsageError(`--sheet ${value} is given twice`);
      options.sheets.push(value);
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
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw new UsageError(`${twice} is given twice; each file is one source`);
  options.files = files;
  options.file = files[0];
  options.sheet = options.sheets.length === 1 ? options.sheets[0] : null;
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
  if (options.saveChannels !== null && !options.saveChannels.toLowerCase().endsWith(".csv")) {
    throw new UsageError(`--save-channels writes a .csv file; "${options.saveChannels}" does not end in .csv`);
  }
  return { kind: "summarize", options };
}
