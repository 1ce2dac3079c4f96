// A one-line progress bar on stderr for long files; silent unless stderr is a terminal, so pipes and scripts see nothing.

export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const WIDTH = 30;
/** Redrawing more often than this only costs time on a million-row file. */
const MIN_INTERVAL_MS = 100;

export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly sink: ProgressSink | null, private readonly label: string) {}

  static forStream(sink: ProgressSink, label: string, enabled: boolean): ProgressBar {
    return new ProgressBar(enabled && sink.isTTY === true ? sink : null, label);
  }

  /** A bar for the next step, on the same line and under the same conditions. */
  then(label: string): ProgressBar {
    this.finish();
    return new ProgressBar(this.sink, label);
  }

  update(fraction: number): void {
    if (this.sink === null) return;
    const now = Date.now();
    if (now - this.lastDraw < MIN_INTERVAL_MS && fraction < 1) return;
    this.lastDraw = now;
    const done = Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    const percent = Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    this.sink.write(`\r[${"#".repeat(done)}${" ".repeat(WIDTH - done)}] ${String(percent).padStart(3)}% ${this.label}`);
    this.drawn = true;
  }

  /** Clears the line, so the report starts on a clean one. */
  finish(): void {
    if (this.sink === null || !this.drawn) return;
    this.sink.write(`\r${" ".repeat(WIDTH + 8 + this.label.length)}\r`);
    this.drawn = false;
  }
}
