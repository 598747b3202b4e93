import type { Resource } from "../../mesos/resource.js";
import { scalarOf } from "../../mesos/resources.js";

export interface MinAllocatable {
  cpus: number;
  mem: number;
}

/** Mesos's default `--min_allocatable_resources=cpus:0.01|mem:32`. */
export const DEFAULT_MIN_ALLOCATABLE: MinAllocatable = { cpus: 0.01, mem: 32 };

/** Offerable when either alternative is met: enough cpus, or enough memory. */
export function isAllocatable(resources: readonly Resource[], min: MinAllocatable): boolean {
  if (resources.length === 0) return false;
  return scalarOf(resources, "cpus") >= min.cpus || scalarOf(resources, "mem") >= min.mem;
}
