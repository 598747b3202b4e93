import type { ResourceEntry } from "./fields.js";
import {
  DEFAULT_AGENT_SCALARS,
  TASK_PORTS_FIRST,
  TASK_PORTS_LAST,
  TASK_PORTS_PER_AGENT,
} from "./defaults.js";

/** The default task port range of agent `index` out of `agentCount`: disjoint slices of 31000-65535. */
export function defaultAgentPortRange(index: number, agentCount: number): string {
  const span = Math.min(
    TASK_PORTS_PER_AGENT,
    Math.floor((TASK_PORTS_LAST - TASK_PORTS_FIRST + 1) / Math.max(agentCount, 1)),
  );
  const begin = TASK_PORTS_FIRST + index * span;
  return `[${begin}-${begin + span - 1}]`;
}

/**
 * The agent's full resource list: each default for role `*` stays unless the user gave that name for `*`;
 * entries for other roles are added beside them (minimesos's rule). Defaults keep their order.
 */
export function withDefaultAgentResources(
  given: readonly ResourceEntry[],
  index: number,
  agentCount: number,
): ResourceEntry[] {
  const defaults: ResourceEntry[] = [
    ...Object.entries(DEFAULT_AGENT_SCALARS).map(([name, value]) => ({ name, role: "*", value })),
    { name: "ports", role: "*", value: defaultAgentPortRange(index, agentCount) },
  ];
  const merged = defaults.map((d) => given.find((g) => g.role === "*" && g.name === d.name) ?? d);
  return [...merged, ...given.filter((g) => !merged.includes(g))];
}

/** The agent's `--resources` flag text: `cpus(*):4;mem(*):4096;...;ports(*):[31000-31999]`. */
export const agentResourcesFlag = (resources: readonly ResourceEntry[]): string =>
  resources.map((r) => `${r.name}(${r.role}):${String(r.value).replace(/\s+/g, "")}`).join(";");
