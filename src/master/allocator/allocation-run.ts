import type { AgentState } from "./agent-state.js";
import type { AllocatedOffer } from "./allocator.js";
import { orderRoles } from "./drf-sorter.js";
import { wantedRoles, type FrameworkState } from "./framework-state.js";
import { isAllocatable, type MinAllocatable } from "./min-allocatable.js";
import { allocateTo } from "../../mesos/resources.js";
import type { RefuseFilters } from "./refuse-filters.js";
import { quantitiesOf } from "./scalar-quantities.js";
import { ShareQueue } from "./share-queue.js";
import type { ShareLedger } from "./share-ledger.js";

export interface AllocationInputs {
  /** In the order agents were added: the walk over agents is deterministic. */
  agents: Iterable<AgentState>;
  frameworks: Iterable<FrameworkState>;
  ledger: ShareLedger;
  filters: RefuseFilters;
  weightOf: (role: string) => number;
  minAllocatable: MinAllocatable;
}

function frameworksByRole(frameworks: Iterable<FrameworkState>): Map<string, FrameworkState[]> {
  const out = new Map<string, FrameworkState[]>();
  for (const framework of frameworks)
    for (const role of wantedRoles(framework)) {
      const list = out.get(role);
      if (list) list.push(framework);
      else out.set(role, [framework]);
    }
  return out;
}

/**
 * One allocation run. For each active agent with something free, roles are taken in DRF order and,
 * within a role, frameworks in DRF order; the first framework not held back by a refuse filter gets
 * everything the agent has for that role. Bookkeeping is updated as offers are made; the offers are
 * returned for the caller to deliver.
 */
export function runAllocation(inputs: AllocationInputs): AllocatedOffer[] {
  const { ledger, filters } = inputs;
  const wanting = frameworksByRole(inputs.frameworks);
  if (wanting.size === 0) return [];
  const candidates = new Set(wanting.keys());
  const roleOrder = () =>
    orderRoles({ candidates, allocations: ledger.byRole, totals: ledger.totals, weightOf: inputs.weightOf });
  let roles: string[] | undefined;
  const frameworkQueues = new Map<string, ShareQueue<FrameworkState>>();
  const offers: AllocatedOffer[] = [];

  for (const agent of inputs.agents) {
    if (!agent.active || agent.available.length === 0) continue;
    roles ??= roleOrder();
    for (const role of roles) {
      const offerable = agent.offerableFor(role);
      if (!isAllocatable(offerable, inputs.minAllocatable)) continue;
      let queue = frameworkQueues.get(role);
      if (!queue) {
        queue = new ShareQueue(
          wanting.get(role) ?? [],
          (f) => ledger.frameworkShare(role, f.id),
          (f) => f.id,
        );
        frameworkQueues.set(role, queue);
      }
      const filtered = filters.filteredFrameworks(agent.id, role, offerable, agent.version);
      const chosen = queue.find((f) => !filtered.has(f.id));
      if (!chosen) continue;
      agent.take(chosen.id, role, offerable);
      ledger.allocate(role, chosen.id, quantitiesOf(offerable));
      offers.push({
        frameworkId: chosen.id,
        agentId: agent.id,
        role,
        resources: allocateTo(offerable, role),
      });
      roles = undefined;
      queue.update(chosen, ledger.frameworkShare(role, chosen.id));
      if (agent.available.length === 0) break;
    }
  }
  return offers;
}
