// Draws a SPARKLINE cell as Sheets does, inside the cell's box: a line, columns, win/loss marks or one bar, with Sheets' options (colours, min/max, axis).
import type { SparklineData } from "../../formula-engine/sparkline-plugin";

const DEFAULT_COLOR = "#4285f4";
const PAD = 3;

function option(data: SparklineData, name: string): string | number | boolean | undefined {
  return data.options[name];
}

function color(data: SparklineData, name: string, fallback: string): string {
  const value = option(data, name);
  // Only a colour reaches the attribute: a name or a hex code.
  return typeof value === "string" && /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(value.trim()) ? value.trim() : fallback;
}

function numberOption(data: SparklineData, name: string): number | undefined {
  const value = option(data, name);
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Blanks count as gaps, or as zero with empty "zero". */
function valuesOf(data: SparklineData): (number | null)[] {
  const zero = option(data, "empty") === "zero";
  return data.values.map((v) => (v === null && zero ? 0 : v));
}

function line(data: SparklineData, width: number, height: number): string {
  const values = valuesOf(data);
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length === 0) return "";
  const min = numberOption(data, "ymin") ?? Math.min(...numbers);
  const max = numberOption(data, "ymax") ?? Math.max(...numbers);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * PAD) / (values.length - 1) : 0;
  const y = (v: number) => PAD + (height - 2 * PAD) * (1 - (v - min) / span);
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
      return;
    }
    current.push(`${(PAD + step * i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(" "));
  const stroke = color(data, "color", DEFAULT_COLOR);
  const lineWidth = numberOption(data, "linewidth") ?? 1;
  return segments.map((points) => `<polyline points="${points}" fill="none" stroke="${stroke}" stroke-width="${lineWidth}"/>`).join("");
}

function columns(data: SparklineData, width: number, height: number, winLoss: boolean): string {
  const values = valuesOf(data);
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length === 0) return "";
  const max = winLoss ? 1 : numberOption(data, "ymax") ?? Math.max(0, ...numbers);
  const min = winLoss ? -1 : numberOption(data, "ymin") ?? Math.min(0, ...numbers);
  const span = max - min || 1;
  const zero = PAD + (height - 2 * PAD) * (max / span);
  const band = (width - 2 * PAD) / values.length;
  const high = Math.max(...numbers);
  const low = Math.min(...numbers);
  const out: string[] = [];
  values.forEach((raw, i) => {
    if (raw === null) return;
    const v = winLoss ? Math.sign(raw) : raw;
    let fill = color(data, "color", DEFAULT_COLOR);
    if (raw < 0) fill = color(data, "negcolor", fill);
    if (raw === high) fill = color(data, "highcolor", fill);
    if (raw === low) fill = color(data, "lowcolor", fill);
    if (i === 0) fill = color(data, "firstcolor", fill);
    if (i === values.length - 1) fill = color(data, "lastcolor", fill);
    const h = (Math.abs(v) / span) * (height - 2 * PAD);
    const top = v >= 0 ? zero - h : zero;
    out.push(`<rect x="${(PAD + band * i + band * 0.1).toFixed(1)}" y="${top.toFixed(1)}" width="${(band * 0.8).toFixed(1)}" height="${Math.max(1, h).toFixed(1)}" fill="${fill}"/>`);
  });
  if (option(data, "axis") === true) out.push(`<line x1="${PAD}" x2="${width - PAD}" y1="${zero.toFixed(1)}" y2="${zero.toFixed(1)}" stroke="${color(data, "axiscolor", "#000")}"/>`);
  return out.join("");
}

/** A one-bar sparkline: the first value (and the second, stacked) against `max`. */
function bar(data: SparklineData, width: number, height: number): string {
  const [first = 0, second = 0] = valuesOf(data).map((v) => v ?? 0);
  const max = numberOption(data, "max") ?? Math.max(first + second, 1);
  const inner = width - 2 * PAD;
  const a = Math.max(0, Math.min(1, first / max)) * inner;
  const b = Math.max(0, Math.min(1, second / max)) * inner;
  const rtl = option(data, "rtl") === true;
  const x = (from: number, w: number) => (rtl ? width - PAD - from - w : PAD + from);
  return `<rect x="${x(0, a).toFixed(1)}" y="${PAD}" width="${a.toFixed(1)}" height="${height - 2 * PAD}" fill="${color(data, "color1", DEFAULT_COLOR)}"/>` +
    `<rect x="${x(a, b).toFixed(1)}" y="${PAD}" width="${b.toFixed(1)}" height="${height - 2 * PAD}" fill="${color(data, "color2", "#db4437")}"/>`;
}

export function sparklineSvg(data: SparklineData, width: number, height: number): string {
  const type = String(option(data, "charttype") ?? "line").toLowerCase();
  const body =
    type === "column" ? columns(data, width, height, false)
      : type === "winloss" ? columns(data, width, height, true)
        : type === "bar" ? bar(data, width, height)
          : line(data, width, height);
  return `<svg class="sparkline sparkline-${type === "column" || type === "winloss" || type === "bar" ? type : "line"}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true">${body}</svg>`;
}
