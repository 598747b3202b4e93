import { reservationRole, type Resource } from "../../mesos/resource.js";
import type { AgentState } from "./agent-state.js";
import type { FrameworkState } from "./framework-state.js";
import { quantitiesOf } from "./scalar-quantities.js";
import type { ShareLedger } from "./share-ledger.js";

/** Moving resources between an agent's free pool and a framework's holdings, keeping DRF shares in step. */

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** Returns what was actually released (nothing when the framework did not hold it). */
export function releaseHeld(
  agent: AgentState,
  ledger: ShareLedger,
  frameworkId: string,
  role: string,
  resources: readonly Resource[],
): Resource[] {
  const released = agent.release(frameworkId, role, resources);
  if (released.length > 0) ledger.release(role, frameworkId, quantitiesOf(released));
  return released;
}

/** Resources the agent reports in use: counted as held under their allocation role. */
export function holdInUse(
  agent: AgentState,
  ledger: ShareLedger,
  framework: FrameworkState | undefined,
  frameworkId: string,
  resources: readonly Resource[],
): void {
  const byRole = groupBy(resources, (r) => r.allocation_info?.role ?? defaultRole(framework, r));
  for (const [role, group] of byRole) {
    agent.hold(frameworkId, role, group);
    ledger.allocate(role, frameworkId, quantitiesOf(group));
  }
}

/** For resources given back without allocation_info: the role the framework holds them under there. */
export function roleHolding(
  agent: AgentState,
  framework: FrameworkState | undefined,
  frameworkId: string,
  r: Resource,
): string {
  const roles = [...(agent.allocations.get(frameworkId)?.keys() ?? [])];
  return roles.find((role) => role === reservationRole(r)) ?? roles[0] ?? defaultRole(framework, r);
}

function defaultRole(framework: FrameworkState | undefined, r: Resource): string {
  const reserved = reservationRole(r);
  if (reserved !== "*") return reserved;
  return framework?.roles[0] ?? "*";
}
