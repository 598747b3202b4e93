import { rangesContain, type Range } from "../../mesos/ranges.js";
import type { AppDefinition } from "../model/app-definition.js";

/**
 * The host ports an app asks for, in port order: a fixed number, or 0 for "any". Host-mode apps ask for one
 * per portDefinition (the given numbers when requirePorts); container apps for each mapping with a hostPort.
 */
export function requestedHostPorts(app: AppDefinition): number[] {
  if (app.container?.portMappings)
    return app.container.portMappings.flatMap((m) => (m.hostPort === undefined ? [] : [m.hostPort]));
  return app.portDefinitions.map((p) => (app.requirePorts ? p.port : 0));
}

/** Picks host ports out of the offered ranges (fixed ones must be free, dynamic ones take the lowest). */
export function pickHostPorts(requested: readonly number[], offered: readonly Range[]): number[] | undefined {
  const fixed = new Set(requested.filter((p) => p !== 0));
  for (const p of fixed) if (!rangesContain(offered, [{ begin: p, end: p }])) return undefined;
  const picked: number[] = [];
  const taken = new Set(fixed);
  const free = function* (): Generator<number> {
    for (const r of offered) for (let p = r.begin; p <= r.end; p++) if (!taken.has(p)) yield p;
  };
  const pool = free();
  for (const want of requested) {
    if (want !== 0) {
      picked.push(want);
      continue;
    }
    const next = pool.next();
    if (next.done) return undefined;
    taken.add(next.value);
    picked.push(next.value);
  }
  return picked;
}

export const portsAsRanges = (ports: readonly number[]): Range[] =>
  [...ports].sort((a, b) => a - b).map((p) => ({ begin: p, end: p }));
