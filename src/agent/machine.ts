import { statfsSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { Attribute } from "../mesos/attributes.js";
import { parseAttributesFlag } from "../mesos/attributes.js";
import type { Resource } from "../mesos/resource.js";
import { parseResourcesFlag, withDefaultResources, type HostFacts } from "../mesos/resource-text.js";

/** The facts Mesos derives default resources from: CPUs, RAM and the size of the work_dir filesystem. */
export function hostFacts(workDir: string): HostFacts {
  let diskBytes: number | undefined;
  try {
    const fs = statfsSync(workDir);
    diskBytes = fs.blocks * fs.bsize;
  } catch {
    diskBytes = undefined;
  }
  return { cpus: cpus().length, memBytes: totalmem(), diskBytes };
}

export function agentResources(text: string | undefined, workDir: string, defaultRole = "*"): Resource[] {
  const given = text ? parseResourcesFlag(text, defaultRole) : [];
  return withDefaultResources(given, hostFacts(workDir), defaultRole);
}

export const agentAttributes = (text: string | undefined): Attribute[] =>
  text ? parseAttributesFlag(text) : [];
