export interface Summary {
  count: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles over millisecond samples, rounded to 0.01 ms. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    min: r(sorted[0] as number),
    p50: r(at(0.5)),
    p99: r(at(0.99)),
    max: r(sorted[sorted.length - 1] as number),
    mean: r(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

export interface BenchResult {
  name: string;
  unit: "ms";
  summary: Summary;
  /** The target for the figure named, if any, e.g. { p50: 20 }. */
  target?: Partial<Record<keyof Summary, number>>;
}

export function printTable(results: readonly BenchResult[]): void {
  const header = ["benchmark", "n", "min", "p50", "p99", "max", "target", "met"];
  const rows = results.map((r) => {
    const target = Object.entries(r.target ?? {});
    const met = target.every(([k, v]) => r.summary[k as keyof Summary] <= (v as number));
    return [
      r.name,
      String(r.summary.count),
      ...[r.summary.min, r.summary.p50, r.summary.p99, r.summary.max].map((n) => n.toFixed(2)),
      target.map(([k, v]) => `${k}<=${v}`).join(" ") || "-",
      target.length ? (met ? "yes" : "NO") : "-",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
  process.stdout.write(`${line(header)}\n${rows.map(line).join("\n")}\n`);
}
