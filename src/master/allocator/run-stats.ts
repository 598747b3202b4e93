/** How many recent run durations the metrics keep. */
const KEPT_DURATIONS = 100;

export class RunStats {
  runs = 0;
  /** Runs or offer deliveries that threw; the allocator goes on after each. */
  errors = 0;
  private readonly durations: number[] = [];

  record(durationMs: number): void {
    this.runs++;
    this.durations.push(durationMs);
    if (this.durations.length > KEPT_DURATIONS) this.durations.shift();
  }

  recentDurations(): number[] {
    return [...this.durations];
  }
}
