import type { Resource } from "../../mesos/resource.js";

/** Deep copy of plain JSON data: several times cheaper than structuredClone on objects as small as resources. */
function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copyJson((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** Fresh copies of `resources` marked as allocated to `role`, for the receiver to own. */
export const copyAllocatedTo = (resources: readonly Resource[], role: string): Resource[] =>
  resources.map((r) => ({ ...copyJson(r), allocation_info: { role } }));
