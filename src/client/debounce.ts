// Runs a job once typing pauses, and tells a late answer from the latest one.

export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest = 0;

  constructor(private readonly delayMs: number) {}

  /** `job` receives a check that says whether its answer is still the newest one asked for. */
  schedule(job: (isLatest: () => boolean) => void): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const ticket = ++this.latest;
    this.timer = setTimeout(() => {
      this.timer = null;
      job(() => ticket === this.latest);
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.latest++;
  }
}
