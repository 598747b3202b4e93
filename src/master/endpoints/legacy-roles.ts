import { summarizeResources } from "../../mesos/resource-text.js";
import { addResources } from "../../mesos/resources.js";
import type { MasterContext } from "../context.js";
import { roleSummaries } from "../operator-api/roles.js";

/** `/master/roles` */
export function legacyRoles(ctx: MasterContext): { roles: Record<string, unknown>[] } {
  return {
    roles: roleSummaries(ctx).map((r) => ({
      name: r.name,
      weight: r.weight,
      quota: { role: r.name, guarantee: {}, limit: {}, consumed: summarizeResources(r.allocated) },
      resources: summarizeResources(addResources(r.allocated, r.offered)),
      allocated: summarizeResources(r.allocated),
      offered: summarizeResources(r.offered),
      reserved: {},
      frameworks: r.frameworks,
    })),
  };
}
