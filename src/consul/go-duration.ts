const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a Go duration (`10s`, `1m30s`, `500ms`, `1.5h`) into milliseconds, as Consul reads `wait`,
 * check intervals and timeouts. A bare number is taken as seconds, as Consul's check decoder does.
 */
export function parseGoDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(trimmed); match; match = pattern.exec(trimmed)) {
    total += Number(match[1]) * (UNITS[match[2] as string] as number);
    consumed = pattern.lastIndex;
  }
  if (trimmed === "" || consumed !== trimmed.length) throw new Error(`time: invalid duration "${text}"`);
  return total;
}

/** Milliseconds as Go prints a duration (`10s`, `1m30s`, `250ms`). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ""}${h || m ? `${m}m` : ""}${s}s`;
}
