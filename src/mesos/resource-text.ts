import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatRanges, parseRanges } from "./ranges.js";
import { reservationRole, type Resource } from "./resource.js";
import { addResources } from "./resources.js";

function parseOne(name: string, role: string, valueText: string): Resource {
  const base =
    role === "*" ? { name, role } : { name, role, reservations: [{ type: "STATIC" as const, role }] };
  if (valueText.startsWith("["))
    return { ...base, type: "RANGES", ranges: { range: parseRanges(valueText) } };
  if (valueText.startsWith("{")) {
    if (!valueText.endsWith("}")) throw new Error(`Invalid set '${valueText}'`);
    const items = valueText
      .slice(1, -1)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return { ...base, type: "SET", set: { item: items } };
  }
  const value = Number(valueText);
  if (valueText === "" || !Number.isFinite(value) || value < 0)
    throw new Error(`Invalid scalar value '${valueText}' for resource '${name}'`);
  return { ...base, type: "SCALAR", scalar: { value } };
}

/**
 * Parses Mesos's `--resources` flag: `name(role):value;...` with scalars, `[a-b,c-d]` ranges and `{a,b}` sets,
 * a JSON array of Resource objects, or `file:///path` holding either.
 */
export function parseResourcesFlag(text: string, defaultRole = "*"): Resource[] {
  let body = text.trim();
  if (body.startsWith("file://")) body = readFileSync(fileURLToPath(body), "utf8").trim();
  if (body.startsWith("[")) {
    const parsed: unknown = JSON.parse(body);
    if (!Array.isArray(parsed)) throw new Error("Resources JSON must be an array");
    return addResources(parsed as Resource[]);
  }
  const compact = body.replace(/\s+/g, "");
  const out: Resource[] = [];
  for (const part of compact.split(";")) {
    if (part === "") continue;
    const m = /^([^:()]+)(?:\(([^)]*)\))?:(.*)$/.exec(part);
    if (!m) throw new Error(`Invalid resource '${part}': expected name[(role)]:value`);
    out.push(parseOne(m[1] as string, m[2] || defaultRole, m[3] as string));
  }
  return addResources(out);
}

export interface HostFacts {
  cpus: number;
  memBytes: number;
  diskBytes: number | undefined;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** Fills in the resources Mesos derives from the machine when the flag leaves them out. */
export function withDefaultResources(
  given: readonly Resource[],
  host: HostFacts,
  defaultRole = "*",
): Resource[] {
  const has = (name: string) => given.some((r) => r.name === name);
  const defaults: Resource[] = [];
  const scalar = (name: string, value: number): Resource => ({
    name,
    type: "SCALAR",
    scalar: { value },
    role: defaultRole,
  });
  if (!has("cpus")) defaults.push(scalar("cpus", host.cpus > 0 ? host.cpus : 1));
  if (!has("mem")) {
    const mem = host.memBytes >= 2 * GB ? host.memBytes - GB : host.memBytes > 0 ? host.memBytes / 2 : GB;
    defaults.push(scalar("mem", Math.floor(mem / MB)));
  }
  if (!has("disk")) {
    const d = host.diskBytes;
    const disk = d === undefined ? 10 * GB : d >= 10 * GB ? d - 5 * GB : d / 2;
    defaults.push(scalar("disk", Math.floor(disk / MB)));
  }
  if (!has("ports"))
    defaults.push({
      name: "ports",
      type: "RANGES",
      ranges: { range: [{ begin: 31000, end: 32000 }] },
      role: defaultRole,
    });
  return addResources(given, defaults);
}

export type ResourceSummary = Record<string, number | string>;

/** The legacy `/state` summary: `{"cpus":2.5,"gpus":0,"mem":1024,"disk":0,"ports":"[31000-31000]"}`. */
export function summarizeResources(resources: readonly Resource[]): ResourceSummary {
  const out: ResourceSummary = { cpus: 0, gpus: 0, mem: 0, disk: 0 };
  for (const r of addResources(
    resources.map((x) => ({ ...x, allocation_info: undefined, reservations: undefined, role: undefined })),
  )) {
    const name = r.revocable ? `${r.name}_revocable` : r.name;
    if (r.type === "SCALAR") out[name] = Number(out[name] ?? 0) + (r.scalar?.value ?? 0);
    else if (r.type === "RANGES") out[name] = formatRanges(r.ranges?.range ?? []);
    else if (r.type === "SET") out[name] = `{${(r.set?.item ?? []).join(", ")}}`;
  }
  return out;
}

/** `{role: summary}` for the resources reserved to a role other than `*`. */
export function summarizeReserved(resources: readonly Resource[]): Record<string, ResourceSummary> {
  const byRole = new Map<string, Resource[]>();
  for (const r of resources) {
    const role = reservationRole(r);
    if (role === "*") continue;
    byRole.set(role, [...(byRole.get(role) ?? []), r]);
  }
  return Object.fromEntries([...byRole].map(([role, rs]) => [role, summarizeResources(rs)]));
}

export const unreservedOf = (resources: readonly Resource[]): Resource[] =>
  resources.filter((r) => reservationRole(r) === "*");
