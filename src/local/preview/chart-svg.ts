// Draws chart data as a small self-contained SVG: horizontal bars, vertical columns or lines, with axis labels and a title.
import { escapeHtml } from "../../server/html-escape";
import type { ChartData } from "./chart-data";

const WIDTH = 520;
const HEIGHT = 300;
const COLOURS = ["#4285f4", "#db4437", "#f4b400", "#0f9d58", "#ab47bc", "#00acc1"];

function compact(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

function cut(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** A scale from 0 (or the smallest negative value) to a rounded maximum. */
function scaleOf(data: ChartData): { min: number; max: number } {
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  return { min, max: max === min ? min + 1 : max };
}

function bars(data: ChartData, plot: Box): string[] {
  const { min, max } = scaleOf(data);
  const x = (v: number) => plot.x + ((v - min) / (max - min)) * plot.w;
  const band = plot.h / Math.max(1, data.labels.length);
  const thickness = (band * 0.7) / data.series.length;
  const out: string[] = [];
  data.labels.forEach((label, i) => {
    const top = plot.y + i * band + band * 0.15;
    out.push(`<text x="${plot.x - 6}" y="${top + (band * 0.7) / 2 + 4}" text-anchor="end" class="label">${escapeHtml(cut(label, 18))}</text>`);
    data.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null) return;
      const from = x(Math.min(0, v));
      out.push(`<rect class="bar" x="${from.toFixed(1)}" y="${(top + k * thickness).toFixed(1)}" width="${Math.max(1, Math.abs(x(v) - x(0))).toFixed(1)}" height="${thickness.toFixed(1)}" fill="${COLOURS[k % COLOURS.length]}"><title>${escapeHtml(`${label}: ${v}`)}</title></rect>`);
      out.push(`<text x="${(x(Math.max(0, v)) + 4).toFixed(1)}" y="${(top + k * thickness + thickness / 2 + 4).toFixed(1)}" class="value">${compact(v)}</text>`);
    });
  });
  return out;
}

function columnsOrLine(data: ChartData, plot: Box, line: boolean): string[] {
  const { min, max } = scaleOf(data);
  const y = (v: number) => plot.y + plot.h - ((v - min) / (max - min)) * plot.h;
  const n = Math.max(1, data.labels.length);
  const band = plot.w / n;
  const out: string[] = [];
  for (const tick of [min, (min + max) / 2, max]) {
    out.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" class="grid"/>`);
    out.push(`<text x="${plot.x - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" class="value">${compact(tick)}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 8));
  data.labels.forEach((label, i) => {
    if (i % every !== 0) return;
    out.push(`<text x="${(plot.x + band * (i + 0.5)).toFixed(1)}" y="${plot.y + plot.h + 16}" text-anchor="middle" class="label">${escapeHtml(cut(label, 10))}</text>`);
  });
  data.series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length];
    if (line) {
      const points = s.values
        .map((v, i) => (v === null ? null : `${(plot.x + band * (i + 0.5)).toFixed(1)},${y(v).toFixed(1)}`))
        .filter((p): p is string => p !== null);
      out.push(`<polyline class="line" fill="none" stroke="${colour}" stroke-width="2" points="${points.join(" ")}"/>`);
      return;
    }
    const width = (band * 0.7) / data.series.length;
    s.values.forEach((v, i) => {
      if (v === null) return;
      const left = plot.x + band * i + band * 0.15 + k * width;
      out.push(`<rect class="bar" x="${left.toFixed(1)}" y="${y(Math.max(0, v)).toFixed(1)}" width="${width.toFixed(1)}" height="${Math.max(1, Math.abs(y(v) - y(0))).toFixed(1)}" fill="${colour}"><title>${escapeHtml(`${data.labels[i]}: ${v}`)}</title></rect>`);
    });
  });
  return out;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function chartSvg(data: ChartData): string {
  const left = data.kind === "bar" ? 130 : 56;
  const plot: Box = { x: left, y: 40, w: WIDTH - left - 40, h: HEIGHT - 40 - 44 };
  const body = data.kind === "bar" ? bars(data, plot) : columnsOrLine(data, plot, data.kind === "line");
  const legend = data.series.length > 1 || data.kind === "line"
    ? data.series.map((s, k) => `<text x="${left + k * 140}" y="${HEIGHT - 6}" class="label" fill="${COLOURS[k % COLOURS.length]}">■ ${escapeHtml(cut(s.name, 20))}</text>`)
    : [];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" class="chart chart-${data.kind}" role="img" aria-label="${escapeHtml(data.title)}">`,
    "<style>.label{font:11px sans-serif;fill:#444}.value{font:10px sans-serif;fill:#666}.title{font:bold 13px sans-serif;fill:#222}.grid{stroke:#e0e0e0}</style>",
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff" stroke="#dadce0"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" class="title">${escapeHtml(data.title)}</text>`,
    `<line x1="${plot.x}" x2="${plot.x}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#9aa0a6"/>`,
    ...body,
    ...legend,
    "</svg>",
  ].join("");
}
