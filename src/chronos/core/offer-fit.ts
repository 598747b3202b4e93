import type { Attribute } from "../../mesos/attributes.js";
import type { Offer } from "../../mesos/offer.js";
import { reservationRole, type Resource } from "../../mesos/resource.js";
import { subtractResources } from "../../mesos/resources.js";
import { javaDouble } from "../model/job-json.js";

export interface Needs {
  cpus: number;
  mem: number;
  disk: number;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** `amount` of a scalar out of `usable`, reserved resources first (as Chronos prefers them), or undefined. */
function take(usable: readonly Resource[], name: string, amount: number): Resource[] | undefined {
  const candidates = usable
    .filter((r) => r.name === name && r.type === "SCALAR")
    .sort((a, b) => Number(reservationRole(a) === "*") - Number(reservationRole(b) === "*"));
  const out: Resource[] = [];
  let left = round(amount);
  for (const r of candidates) {
    if (left <= 0) break;
    const value = Math.min(left, r.scalar?.value ?? 0);
    if (value <= 0) continue;
    const { ranges: _r, set: _s, ...like } = r;
    out.push({ ...like, scalar: { value: round(value) } });
    left = round(left - value);
  }
  return left <= 0 ? out : undefined;
}

/** The cpus, mem and disk a task takes from what is left of an offer (unreserved or the framework's role). */
export function fitResources(left: readonly Resource[], needs: Needs, role: string): Resource[] | undefined {
  const usable = left.filter((r) => ["*", role].includes(reservationRole(r)));
  const parts = [
    take(usable, "cpus", needs.cpus),
    take(usable, "mem", needs.mem),
    take(usable, "disk", needs.disk),
  ];
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.flat() as Resource[];
}

export const remaining = (left: readonly Resource[], used: readonly Resource[]): Resource[] =>
  subtractResources(left, used);

function attributeValues(a: Attribute): string[] {
  if (a.type === "SET") return a.set?.item ?? [];
  if (a.type === "SCALAR") return [javaDouble(a.scalar?.value ?? 0)];
  if (a.type === "TEXT") return [a.text?.value ?? ""];
  return [];
}

/**
 * Chronos's constraints on an offer's attributes (plus `hostname`): EQUALS compares text, LIKE matches
 * the whole value against a regular expression (any item of a set), UNLIKE holds when LIKE does not.
 */
export function meetsConstraints(offer: Offer, constraints: readonly string[][]): boolean {
  const attributes = [...(offer.attributes ?? [])];
  if (!attributes.some((a) => a.name === "hostname"))
    attributes.push({ name: "hostname", type: "TEXT", text: { value: offer.hostname } });
  return constraints.every(([name = "", operator = "", value = ""]) => {
    const found = attributes.filter((a) => a.name === name);
    if (operator === "EQUALS") return found.some((a) => a.type === "TEXT" && a.text?.value === value);
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${value})$`);
    } catch {
      return false;
    }
    const like = found.some((a) => attributeValues(a).some((v) => pattern.test(v)));
    return operator === "LIKE" ? like : !like;
  });
}
