/** The most run times kept per job, as Dropwizard's uniform reservoir keeps. */
const RESERVOIR = 1028;

/** A value at quantile q of sorted values, as Dropwizard's snapshot interpolates it. */
export function quantile(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = q * (n + 1);
  if (pos < 1) return sorted[0] as number;
  if (pos >= n) return sorted[n - 1] as number;
  const lower = sorted[Math.floor(pos) - 1] as number;
  const upper = sorted[Math.floor(pos)] as number;
  return lower + (pos - Math.floor(pos)) * (upper - lower);
}

/** Run times of one job in milliseconds, and the histogram Chronos reports for them. */
export class Histogram {
  private readonly values: number[] = [];
  private seen = 0;

  update(value: number): void {
    this.seen++;
    if (this.values.length < RESERVOIR) this.values.push(value);
    else {
      const i = Math.floor(Math.random() * this.seen);
      if (i < RESERVOIR) this.values[i] = value;
    }
  }

  /** Chronos's histogram fields; its `mean` is the snapshot's value at 0.5 (its median), as Chronos writes it. */
  view(): Record<string, number> {
    const sorted = [...this.values].sort((a, b) => a - b);
    return {
      "75thPercentile": quantile(sorted, 0.75),
      "95thPercentile": quantile(sorted, 0.95),
      "98thPercentile": quantile(sorted, 0.98),
      "99thPercentile": quantile(sorted, 0.99),
      median: quantile(sorted, 0.5),
      mean: quantile(sorted, 0.5),
      count: sorted.length,
    };
  }
}
