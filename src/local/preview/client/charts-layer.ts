// The sheet's embedded charts, drawn with Chart.js where Sheets would place them: over the grid at their anchor cell and offset.
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Filler, Legend, LinearScale, LineController,
  LineElement, LogarithmicScale, PieController, PointElement, RadarController, RadialLinearScale, ScatterController, Title, Tooltip,
} from "chart.js";
import { escapeHtml } from "../../../server/html-escape";
import type { ChartView } from "../chart-data";
import { chartConfig, dataLabelsPlugin, formatterFor } from "./chart-config";

Chart.register(
  BarController, LineController, PieController, DoughnutController, ScatterController, RadarController,
  BarElement, LineElement, PointElement, ArcElement, CategoryScale, LinearScale, LogarithmicScale, RadialLinearScale,
  Legend, Title, Tooltip, Filler, dataLabelsPlugin,
);
Chart.defaults.font.family = "Arial, Helvetica, sans-serif";

interface Drawn {
  key: string;
  card: HTMLElement;
  chart: Chart | null;
}

/** The values as a table inside the canvas: what a screen reader reads, and what the chart is drawn from. */
function fallbackTable(view: ChartView): string {
  const head = `<tr><th></th>${view.series.map((s) => `<th>${escapeHtml(s.name)}</th>`).join("")}</tr>`;
  const rows = view.labels.map((label, i) =>
    `<tr><th>${escapeHtml(label)}</th>${view.series.map((s) => `<td>${s.values[i] === null ? "" : escapeHtml(formatterFor(undefined, s.format)(s.values[i] as number))}</td>`).join("")}</tr>`);
  return `<table class="chart-data">${head}${rows.join("")}</table>`;
}

/**
 * How long each bar of the first series was drawn, in pixels, for bar and column charts: what a reader sees
 * of a stage or a channel (a linear axis would draw 4,100 conversions under 3.9 million impressions as 0 px).
 */
function barLengths(chart: Chart): number[] | null {
  const meta = chart.getDatasetMeta(0);
  if (meta.type !== "bar") return null;
  const horizontal = (chart.options as { indexAxis?: string }).indexAxis === "y";
  return meta.data.map((element) => {
    const { x, y, base } = element.getProps(["x", "y", "base"], true) as { x: number; y: number; base: number };
    return Math.round(Math.abs(horizontal ? x - base : base - y));
  });
}

export class ChartsLayer {
  private drawn = new Map<number, Drawn>();

  constructor(private readonly layer: HTMLElement) {}

  /** Draws the charts of the sheet on screen; a chart whose data did not change is left as it is. */
  show(views: readonly ChartView[], place: (view: ChartView) => { left: number; top: number }): void {
    const wanted = new Set(views.map((v) => v.chartId));
    for (const [id, drawn] of this.drawn) {
      if (wanted.has(id)) continue;
      drawn.chart?.destroy();
      drawn.card.remove();
      this.drawn.delete(id);
    }
    for (const view of views) {
      const key = JSON.stringify(view);
      let drawn = this.drawn.get(view.chartId);
      if (drawn && drawn.key !== key) {
        drawn.chart?.destroy();
        drawn.card.remove();
        drawn = undefined;
      }
      if (!drawn) drawn = this.draw(view, key);
      const { left, top } = place(view);
      drawn.card.style.left = `${left}px`;
      drawn.card.style.top = `${top}px`;
    }
  }

  clear(): void {
    this.show([], () => ({ left: 0, top: 0 }));
  }

  private draw(view: ChartView, key: string): Drawn {
    const card = document.createElement("figure");
    card.className = "chart-card";
    card.dataset.chartType = view.chartType;
    card.dataset.kind = view.kind ?? "none";
    card.style.width = `${view.width}px`;
    card.style.height = `${view.height}px`;
    let chart: Chart | null = null;
    if (view.kind === null) {
      card.classList.add("not-drawn");
      card.innerHTML = `<figcaption>${escapeHtml(view.title || "Chart")}</figcaption><p>The preview does not draw ${escapeHtml(view.chartType.toLowerCase().replace(/_/g, " "))} charts; Sheets shows this chart here.</p>`;
    } else {
      const label = `${view.title || "Chart"} (${view.chartType.toLowerCase().replace(/_/g, " ")} chart)`;
      card.innerHTML = `<canvas width="${view.width}" height="${view.height}" role="img" aria-label="${escapeHtml(label)}">${fallbackTable(view)}</canvas>`;
      const canvas = card.querySelector("canvas") as HTMLCanvasElement;
      this.layer.appendChild(card);
      chart = new Chart(canvas, chartConfig(view));
      card.dataset.rendered = "true";
      const lengths = barLengths(chart);
      if (lengths !== null) card.dataset.barLengths = JSON.stringify(lengths);
    }
    if (!card.isConnected) this.layer.appendChild(card);
    const drawn = { key, card, chart };
    this.drawn.set(view.chartId, drawn);
    return drawn;
  }
}
