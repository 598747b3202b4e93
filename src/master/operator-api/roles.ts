import { frameworkRoles } from "../../mesos/framework.js";
import type { Resource } from "../../mesos/resource.js";
import { addResources } from "../../mesos/resources.js";
import type { MasterContext } from "../context.js";
import { frameworkOffered, frameworkUsed } from "../state/usage.js";

export interface RoleSummary {
  name: string;
  weight: number;
  frameworks: string[];
  allocated: Resource[];
  offered: Resource[];
}

const ofRole = (resources: Resource[], role: string) =>
  resources.filter((r) => (r.allocation_info?.role ?? "*") === role);

/** Every role with a framework, a weight or resources allocated, `*` first. */
export function roleSummaries(ctx: MasterContext): RoleSummary[] {
  const weights = ctx.allocator.weights();
  const names = new Set<string>(Object.keys(weights));
  for (const f of ctx.frameworks.all()) frameworkRoles(f.info).forEach((r) => names.add(r));
  return [...names].sort().map((name) => {
    const frameworks = ctx.frameworks.all().filter((f) => f.roles.includes(name));
    return {
      name,
      weight: weights[name] ?? 1,
      frameworks: frameworks.map((f) => f.id),
      allocated: addResources(frameworks.flatMap((f) => ofRole(frameworkUsed(f), name))),
      offered: addResources(frameworks.flatMap((f) => ofRole(frameworkOffered(ctx, f), name))),
    };
  });
}
