import { copyJson } from "../common/copy-json.js";
import { normalizeRanges, rangesContain, subtractRanges, unionRanges } from "./ranges.js";
import { reservationRole, type Resource } from "./resource.js";

/** Scalars have three decimal digits of precision in Mesos. */
const round = (n: number): number => Math.round(n * 1000) / 1000;

const keyOf = (r: Resource): string =>
  [r.name, r.type, reservationRole(r), r.allocation_info?.role ?? "", r.revocable ? "rev" : ""].join(
    "\u0000",
  );

/** Resources with the same key combine into one entry in `addResources`. */
export const resourceKey = keyOf;

const clone = (r: Resource): Resource => copyJson(r);

function isEmpty(r: Resource): boolean {
  switch (r.type) {
    case "SCALAR":
      return round(r.scalar?.value ?? 0) <= 0;
    case "RANGES":
      return (r.ranges?.range.length ?? 0) === 0;
    case "SET":
      return (r.set?.item.length ?? 0) === 0;
    default:
      return false;
  }
}

function merge(into: Resource, add: Resource): void {
  if (into.type === "SCALAR")
    into.scalar = { value: round((into.scalar?.value ?? 0) + (add.scalar?.value ?? 0)) };
  else if (into.type === "RANGES")
    into.ranges = { range: unionRanges(into.ranges?.range ?? [], add.ranges?.range ?? []) };
  else if (into.type === "SET")
    into.set = { item: [...new Set([...(into.set?.item ?? []), ...(add.set?.item ?? [])])] };
}

function remove(from: Resource, cut: Resource): void {
  if (from.type === "SCALAR")
    from.scalar = { value: round((from.scalar?.value ?? 0) - (cut.scalar?.value ?? 0)) };
  else if (from.type === "RANGES")
    from.ranges = { range: subtractRanges(from.ranges?.range ?? [], cut.ranges?.range ?? []) };
  else if (from.type === "SET") {
    const drop = new Set(cut.set?.item ?? []);
    from.set = { item: (from.set?.item ?? []).filter((i) => !drop.has(i)) };
  }
}

function holds(outer: Resource, inner: Resource): boolean {
  if (outer.type === "SCALAR") return round(outer.scalar?.value ?? 0) >= round(inner.scalar?.value ?? 0);
  if (outer.type === "RANGES") return rangesContain(outer.ranges?.range ?? [], inner.ranges?.range ?? []);
  if (outer.type === "SET") return (inner.set?.item ?? []).every((i) => outer.set?.item.includes(i));
  return true;
}

/** Combines resources of the same name, type, reservation and allocation role. */
export function addResources(a: readonly Resource[], b: readonly Resource[] = []): Resource[] {
  const out: Resource[] = [];
  const index = new Map<string, Resource>();
  for (const r of [...a, ...b]) {
    if (isEmpty(r)) continue;
    const existing = index.get(keyOf(r));
    if (existing) merge(existing, r);
    else {
      const copy = clone(r);
      if (copy.type === "RANGES") copy.ranges = { range: normalizeRanges(copy.ranges?.range ?? []) };
      index.set(keyOf(copy), copy);
      out.push(copy);
    }
  }
  return out;
}

export function subtractResources(a: readonly Resource[], b: readonly Resource[]): Resource[] {
  const out = addResources(a);
  for (const cut of b) {
    const match = out.find((r) => keyOf(r) === keyOf(cut));
    if (match) remove(match, cut);
  }
  return out.filter((r) => !isEmpty(r));
}

/** True when `outer` holds every resource in `inner`. */
export function containsResources(outer: readonly Resource[], inner: readonly Resource[]): boolean {
  const have = addResources(outer);
  return addResources(inner).every((want) => {
    const match = have.find((r) => keyOf(r) === keyOf(want));
    return match !== undefined && holds(match, want);
  });
}

export function scalarOf(resources: readonly Resource[], name: string): number {
  return round(
    resources
      .filter((r) => r.name === name && r.type === "SCALAR")
      .reduce((n, r) => n + (r.scalar?.value ?? 0), 0),
  );
}

export const rangesOf = (resources: readonly Resource[], name: string) =>
  normalizeRanges(
    resources.filter((r) => r.name === name && r.type === "RANGES").flatMap((r) => r.ranges?.range ?? []),
  );

/** Marks resources as allocated to a role (MULTI_ROLE frameworks see `allocation_info`). */
export const allocateTo = (resources: readonly Resource[], role: string): Resource[] =>
  resources.map((r) => ({ ...clone(r), allocation_info: { role } }));

export const unallocate = (resources: readonly Resource[]): Resource[] =>
  resources.map((r) => {
    const copy = clone(r);
    delete copy.allocation_info;
    return copy;
  });

export const isEmptyResources = (resources: readonly Resource[]): boolean =>
  addResources(resources).length === 0;
