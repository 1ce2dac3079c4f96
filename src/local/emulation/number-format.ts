// Renders a cell value through a Sheets number format, as getDisplayValues shows it to a user.
import { serialParts } from "./dates";

/** What Apps Script reports for a cell whose format was never set ("Automatic"). */
export const AUTOMATIC_FORMAT = "0.###############";
/** Sheets' en_US defaults when a date or date-time lands in an unformatted cell. */
export const DEFAULT_DATE_FORMAT = "M/d/yyyy";
export const DEFAULT_DATETIME_FORMAT = "M/d/yyyy H:mm:ss";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Removes quoted literals and escapes so the tests below only see format codes. */
function codesOnly(format: string): string {
  return format.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const codes = codesOnly(format.split(";")[0] ?? "");
  return /[dyhs]/i.test(codes) || (/m/i.test(codes) && !/[0#?]/.test(codes));
}

function isGeneral(format: string | undefined): boolean {
  return !format || format === AUTOMATIC_FORMAT || /^general$/i.test(format.trim());
}

/** "General": at most ten significant digits, no trailing zeros, as Sheets' automatic format. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-9)) {
    const [mantissa = "", exponent = ""] = value.toExponential().split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    return `${Number(Number(mantissa).toPrecision(10))}E${sign}${exponent.replace(/^[-+]/, "").padStart(2, "0")}`;
  }
  return String(Number(value.toPrecision(10)));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, format: string): string {
  const p = serialParts(serial);
  const tokens = format.match(/"[^"]*"|\\.|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const lower = tokens.map((t) => t.toLowerCase());
  let out = "";
  lower.forEach((t, i) => {
    const raw = tokens[i]!;
    // "m" means minutes right after an hour or right before a second, months elsewhere.
    const prev = lower.slice(0, i).reverse().find((x) => /^[a-z]/.test(x));
    const next = lower.slice(i + 1).find((x) => /^[a-z]/.test(x));
    const minutes = (t === "m" || t === "mm") && (prev?.startsWith("h") || next?.startsWith("s"));
    const hours12 = hasAmPm ? ((p.hours + 11) % 12) + 1 : p.hours;
    switch (t) {
      case "yyyy": out += pad(p.year, 4); break;
      case "yy": out += pad(p.year % 100, 2); break;
      case "mmmmm": out += MONTHS[p.month - 1]!.charAt(0); break;
      case "mmmm": out += MONTHS[p.month - 1]; break;
      case "mmm": out += MONTHS[p.month - 1]!.slice(0, 3); break;
      case "mm": out += minutes ? pad(p.minutes, 2) : pad(p.month, 2); break;
      case "m": out += minutes ? String(p.minutes) : String(p.month); break;
      case "dddd": out += WEEKDAYS[p.weekday]; break;
      case "ddd": out += WEEKDAYS[p.weekday]!.slice(0, 3); break;
      case "dd": out += pad(p.day, 2); break;
      case "d": out += String(p.day); break;
      case "hh": out += pad(hours12, 2); break;
      case "h": out += String(hours12); break;
      case "ss": out += pad(p.seconds, 2); break;
      case "s": out += String(p.seconds); break;
      case "am/pm": out += p.hours < 12 ? "AM" : "PM"; break;
      case "a/p": out += p.hours < 12 ? "A" : "P"; break;
      default:
        out += raw.startsWith('"') ? raw.slice(1, -1) : raw.startsWith("\\") ? raw.slice(1) : raw;
    }
  });
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Renders a non-negative number through one section of a numeric format such as `$#,##0.00` or `0.0%`. */
function formatNumberSection(value: number, section: string): string {
  // Literal text around the digit placeholders is kept; "[$€]" contributes its symbol.
  const literal = (text: string) =>
    text
      .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, "$1")
      .replace(/\[[^\]]*\]/g, "")
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/_./g, " ")
      .replace(/\*./g, "");
  const codes = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => "\u0000".repeat(m.length));
  const first = codes.search(/[0#?]/);
  if (first < 0) return literal(section);
  let last = first;
  for (let i = first; i < codes.length; i++) if (/[0#?.,]/.test(codes[i]!)) last = i;
  const prefix = section.slice(0, first);
  const suffix = section.slice(last + 1);
  const pattern = section.slice(first, last + 1);
  const percent = (codes.match(/%/g) ?? []).length;
  let scaled = value * 100 ** percent;
  // Trailing commas divide by a thousand each ("#,##0," shows thousands).
  const trailingCommas = /,+$/.exec(pattern)?.[0].length ?? 0;
  scaled /= 1000 ** trailingCommas;
  const core = pattern.slice(0, pattern.length - trailingCommas);
  const [intPattern = "", decPattern = ""] = core.split(".");
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  let fixed = scaled.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    const [i, d = ""] = fixed.split(".");
    let trimmed = d;
    while (trimmed.length > minDecimals && trimmed.endsWith("0")) trimmed = trimmed.slice(0, -1);
    fixed = trimmed ? `${i}.${trimmed}` : i!;
  }
  let [intDigits = "", decDigits] = fixed.split(".");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  if (intDigits === "0" && minInt === 0) intDigits = "";
  intDigits = intDigits.padStart(minInt, "0");
  if (intPattern.includes(",")) intDigits = groupThousands(intDigits);
  const number = decDigits !== undefined ? `${intDigits}.${decDigits}` : core.includes(".") && minDecimals === 0 && maxDecimals === 0 ? `${intDigits}.` : intDigits;
  return literal(prefix) + number + literal(suffix);
}

/** The text a user sees for one cell. `value` is what the engine holds: a number (dates are serials), text, a boolean, or an error's text. */
export function formatDisplay(value: number | string | boolean | null, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const textSection = format?.split(";")[3];
    return textSection ? textSection.replace(/@/g, value).replace(/"/g, "") : value;
  }
  if (!Number.isFinite(value)) return "#NUM!";
  if (isGeneral(format)) return formatGeneral(value);
  const sections = format!.split(";");
  if (isDateFormat(format)) return formatDate(value, sections[0]!);
  if (/^@$/.test(sections[0]!.trim())) return formatGeneral(value);
  if (value < 0 && sections[1] !== undefined) return formatNumberSection(-value, sections[1]);
  if (value === 0 && sections[2] !== undefined) return formatNumberSection(0, sections[2]);
  const body = formatNumberSection(Math.abs(value), sections[0]!);
  // A value that rounds to zero shows no minus sign, as in Sheets.
  return value < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/** The colours a format section may name, as Sheets draws them. */
const SECTION_COLOURS: Record<string, string> = {
  black: "#000000", blue: "#0000ff", cyan: "#00ffff", green: "#00ff00", magenta: "#ff00ff", red: "#ff0000", white: "#ffffff", yellow: "#ffff00",
};

/** The colour the section that formats `value` names (`$#,##0;[Red]-$#,##0` shows a loss in red), if any. */
export function formatColor(value: number | string | boolean | null, format: string | undefined): string | undefined {
  if (!format || isGeneral(format)) return undefined;
  const sections = format.split(";");
  let section = sections[0];
  if (typeof value === "string") section = sections[3];
  else if (typeof value === "number" && value < 0 && sections[1] !== undefined) section = sections[1];
  else if (value === 0 && sections[2] !== undefined) section = sections[2];
  else if (typeof value !== "number") return undefined;
  const name = /\[(black|blue|cyan|green|magenta|red|white|yellow)\]/i.exec(section ?? "")?.[1];
  return name ? SECTION_COLOURS[name.toLowerCase()] : undefined;
}
