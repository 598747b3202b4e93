const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  secs: 1000,
  sec: 1000,
  s: 1000,
  mins: 60_000,
  min: 60_000,
  hrs: 3_600_000,
  hr: 3_600_000,
  days: 86_400_000,
  day: 86_400_000,
  weeks: 604_800_000,
  week: 604_800_000,
};

/** Parses a Mesos duration string (`5secs`, `250ms`, `1mins`, `6hrs`, `1weeks`) into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/.exec(text);
  const unit = match?.[2];
  const factor = unit === undefined ? undefined : UNITS[unit];
  if (!match || factor === undefined) throw new Error(`Invalid duration '${text}'`);
  return Number(match[1]) * factor;
}

/** Formats milliseconds the way Mesos prints durations (`5secs`, `250ms`, `15mins`). */
export function formatDuration(ms: number): string {
  const units: Array<[string, number]> = [
    ["weeks", 604_800_000],
    ["days", 86_400_000],
    ["hrs", 3_600_000],
    ["mins", 60_000],
    ["secs", 1000],
    ["ms", 1],
  ];
  for (const [name, size] of units) {
    if (ms >= size) return `${Number((ms / size).toFixed(3))}${name}`;
  }
  return `${ms}ms`;
}

export const NANOS_PER_MS = 1_000_000;
