import type { Resource } from "../../mesos/resource.js";
import { resourceKey } from "../../mesos/resources.js";

const keys = new WeakMap<Resource, string>();

/**
 * `resourceKey`, remembered per object. Only for resources the allocator owns: it never changes one once
 * made (arithmetic always builds new objects), so the key stays right.
 */
export function ownedResourceKey(r: Resource): string {
  let key = keys.get(r);
  if (key === undefined) {
    key = resourceKey(r);
    keys.set(r, key);
  }
  return key;
}

/** The resource as it is when not allocated to a role; shares everything else with the input. */
export function withoutAllocationInfo(r: Resource): Resource {
  if (!r.allocation_info) return r;
  const { allocation_info: _dropped, ...rest } = r;
  return rest;
}

/** Whether two combined lists have no key in common, so that concatenating them keeps them combined. */
export function disjointKeys(a: readonly Resource[], b: readonly Resource[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const seen = new Set(a.map(ownedResourceKey));
  return b.every((r) => !seen.has(ownedResourceKey(r)));
}
