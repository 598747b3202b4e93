export interface Range {
  begin: number;
  end: number;
}

/** Sorts and merges overlapping or adjacent ranges. */
export function normalizeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges
    .map((r) => ({ begin: Number(r.begin), end: Number(r.end) }))
    .sort((a, b) => a.begin - b.begin);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.begin <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push(r);
  }
  return out;
}

export const unionRanges = (a: readonly Range[], b: readonly Range[]): Range[] =>
  normalizeRanges([...a, ...b]);

export function subtractRanges(from: readonly Range[], remove: readonly Range[]): Range[] {
  let result = normalizeRanges(from);
  for (const cut of normalizeRanges(remove)) {
    const next: Range[] = [];
    for (const r of result) {
      if (cut.end < r.begin || cut.begin > r.end) {
        next.push(r);
        continue;
      }
      if (cut.begin > r.begin) next.push({ begin: r.begin, end: cut.begin - 1 });
      if (cut.end < r.end) next.push({ begin: cut.end + 1, end: r.end });
    }
    result = next;
  }
  return result;
}

export function rangesContain(outer: readonly Range[], inner: readonly Range[]): boolean {
  const merged = normalizeRanges(outer);
  return normalizeRanges(inner).every((r) => merged.some((o) => o.begin <= r.begin && r.end <= o.end));
}

export const rangesSize = (ranges: readonly Range[]): number =>
  ranges.reduce((n, r) => n + (r.end - r.begin + 1), 0);

/** `[31000-31000, 31005-31010]`, as Mesos's legacy JSON prints ranges. */
export const formatRanges = (ranges: readonly Range[]): string =>
  `[${normalizeRanges(ranges)
    .map((r) => `${r.begin}-${r.end}`)
    .join(", ")}]`;

/** Parses `[a-b,c-d]` (spaces allowed). */
export function parseRanges(text: string): Range[] {
  const body = text.trim();
  if (!body.startsWith("[") || !body.endsWith("]")) throw new Error(`Invalid ranges '${text}'`);
  const inner = body.slice(1, -1).trim();
  if (inner === "") return [];
  return inner.split(",").map((part) => {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
    if (!m) throw new Error(`Invalid range '${part.trim()}' in '${text}'`);
    const range = { begin: Number(m[1]), end: Number(m[2]) };
    if (range.end < range.begin) throw new Error(`Invalid range '${part.trim()}': end before begin`);
    return range;
  });
}

/** Takes the lowest `count` values out of the ranges, or undefined when there are not that many. */
export function takeFromRanges(ranges: readonly Range[], count: number): Range[] | undefined {
  const taken: Range[] = [];
  let left = count;
  for (const r of normalizeRanges(ranges)) {
    if (left === 0) break;
    const n = Math.min(left, r.end - r.begin + 1);
    for (let p = r.begin; p < r.begin + n; p++) taken.push({ begin: p, end: p });
    left -= n;
  }
  return left === 0 ? taken : undefined;
}
