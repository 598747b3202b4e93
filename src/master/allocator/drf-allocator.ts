import type { Resource } from "../../mesos/resource.js";
import { addResources } from "../../mesos/resources.js";
import { AgentState } from "./agent-state.js";
import { AllocationBatcher } from "./allocation-batcher.js";
import { runAllocation } from "./allocation-run.js";
import { collectMetrics } from "./allocator-metrics.js";
import type {
  Allocator,
  AllocatorAgent,
  AllocatorFramework,
  AllocatorMetrics,
  AllocatorOptions,
} from "./allocator.js";
import { groupBy, holdInUse, releaseHeld, roleHolding } from "./held-resources.js";
import { deliverOffers } from "./offer-delivery.js";
import { withoutAllocationInfo } from "./resource-keys.js";
import { frameworkStateOf, rolesNamed, type FrameworkState } from "./framework-state.js";
import { DEFAULT_MIN_ALLOCATABLE } from "./min-allocatable.js";
import { refuseFilterMs } from "./refuse-duration.js";
import { RefuseFilters } from "./refuse-filters.js";
import { RunStats } from "./run-stats.js";
import { quantitiesOf } from "./scalar-quantities.js";
import { ShareLedger } from "./share-ledger.js";

/** The hierarchical DRF allocator (Mesos's `--allocator=hierarchical` with DRF role and framework sorters). */
export function createDrfAllocator(options: AllocatorOptions): Allocator {
  return new DrfAllocator(options);
}

class DrfAllocator implements Allocator {
  private readonly agents = new Map<string, AgentState>();
  private readonly frameworks = new Map<string, FrameworkState>();
  private readonly ledger = new ShareLedger();
  private readonly roleWeights = new Map<string, number>();
  private readonly stats = new RunStats();
  private readonly filters: RefuseFilters;
  private readonly batcher: AllocationBatcher;
  private readonly weightOf = (role: string): number => this.roleWeights.get(role) ?? 1;

  constructor(private readonly options: AllocatorOptions) {
    this.batcher = new AllocationBatcher(options.allocationIntervalMs, () => this.run());
    this.filters = new RefuseFilters({
      now: options.now ?? Date.now,
      onExpire: () => this.batcher.schedule(),
    });
  }

  addAgent(agent: AllocatorAgent): void {
    this.removeAgent(agent.agentId);
    const state = new AgentState(agent.agentId, agent.hostname, agent.total);
    this.agents.set(state.id, state);
    this.ledger.addTotal(quantitiesOf(state.total));
    for (const use of agent.used ?? [])
      holdInUse(state, this.ledger, this.frameworks.get(use.frameworkId), use.frameworkId, use.resources);
    this.batcher.schedule();
  }

  removeAgent(agentId: string): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    this.ledger.removeTotal(quantitiesOf(agent.total));
    for (const [frameworkId, byRole] of agent.allocations)
      for (const [role, held] of byRole) this.ledger.release(role, frameworkId, quantitiesOf(held));
    this.filters.clearAgent(agentId);
    this.agents.delete(agentId);
  }

  setAgentActive(agentId: string, active: boolean): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    agent.active = active;
    if (active) this.batcher.schedule();
  }

  updateAgent(agentId: string, total: Resource[]): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    this.ledger.removeTotal(quantitiesOf(agent.total));
    agent.setTotal(total);
    this.ledger.addTotal(quantitiesOf(agent.total));
    this.batcher.schedule();
  }

  addFramework(framework: AllocatorFramework): void {
    if (this.frameworks.has(framework.frameworkId)) {
      this.updateFramework(framework);
      this.setFrameworkActive(framework.frameworkId, true);
      return;
    }
    this.frameworks.set(framework.frameworkId, frameworkStateOf(framework));
    this.batcher.schedule();
  }

  removeFramework(frameworkId: string): void {
    this.frameworks.delete(frameworkId);
    this.filters.clearFramework(frameworkId);
    let released = false;
    for (const agent of this.agents.values())
      for (const [role, held] of agent.allocations.get(frameworkId) ?? [])
        released = releaseHeld(agent, this.ledger, frameworkId, role, held).length > 0 || released;
    if (released) this.batcher.schedule();
  }

  setFrameworkActive(frameworkId: string, active: boolean): void {
    const framework = this.frameworks.get(frameworkId);
    if (!framework) return;
    framework.active = active;
    // Like Mesos, a deactivated framework loses its filters; it starts afresh when it comes back.
    if (!active) this.filters.clearFramework(frameworkId);
    else this.batcher.schedule();
  }

  updateFramework(framework: AllocatorFramework): void {
    const existing = this.frameworks.get(framework.frameworkId);
    if (!existing) return this.addFramework(framework);
    const next = frameworkStateOf(framework, existing.active);
    const dropped = existing.roles.filter((r) => !next.roles.includes(r));
    if (dropped.length > 0) this.filters.clearFramework(existing.id, new Set(dropped));
    existing.roles = next.roles;
    existing.suppressed = next.suppressed;
    this.batcher.schedule();
  }

  recoverResources(
    frameworkId: string,
    agentId: string,
    resources: Resource[],
    refuseSeconds?: number,
  ): void {
    const agent = this.agents.get(agentId);
    if (!agent) return;
    const framework = this.frameworks.get(frameworkId);
    const byRole = groupBy(
      resources,
      (r) => r.allocation_info?.role ?? roleHolding(agent, framework, frameworkId, r),
    );
    const filterMs = refuseFilterMs(refuseSeconds, this.options.allocationIntervalMs);
    let released = false;
    for (const [role, group] of byRole) {
      const back = releaseHeld(agent, this.ledger, frameworkId, role, group);
      released ||= back.length > 0;
      if (filterMs > 0 && framework) {
        const refused = back.length > 0 ? back : addResources(group.map(withoutAllocationInfo));
        this.filters.add(frameworkId, role, agentId, refused, filterMs);
      }
    }
    if (released) this.batcher.schedule();
  }

  suppress(frameworkId: string, roles?: string[]): void {
    const framework = this.frameworks.get(frameworkId);
    if (!framework) return;
    for (const role of rolesNamed(framework, roles)) framework.suppressed.add(role);
  }

  revive(frameworkId: string, roles?: string[]): void {
    const framework = this.frameworks.get(frameworkId);
    if (!framework) return;
    const named = rolesNamed(framework, roles);
    for (const role of named) framework.suppressed.delete(role);
    this.filters.clearFramework(frameworkId, new Set(named));
    this.batcher.schedule();
  }

  setWeights(weights: Record<string, number>): void {
    for (const [role, weight] of Object.entries(weights))
      if (Number.isFinite(weight) && weight > 0) this.roleWeights.set(role, weight);
    this.batcher.schedule();
  }

  weights(): Record<string, number> {
    return Object.fromEntries(this.roleWeights);
  }

  allocateNow(): void {
    this.batcher.cancel();
    this.run();
  }

  metrics(): AllocatorMetrics {
    return collectMetrics({
      stats: this.stats,
      ledger: this.ledger,
      filters: this.filters,
      subscribedRoles: [...this.frameworks.values()].flatMap((f) => f.roles),
      weightOf: this.weightOf,
    });
  }

  close(): void {
    this.batcher.close();
    this.filters.close();
  }

  /** Never throws: a failing run or delivery is counted and reported, and the next event runs again. */
  private run(): void {
    try {
      const started = performance.now();
      const offers = runAllocation({
        agents: this.agents.values(),
        frameworks: this.frameworks.values(),
        ledger: this.ledger,
        filters: this.filters,
        weightOf: this.weightOf,
        minAllocatable: this.options.minAllocatable ?? DEFAULT_MIN_ALLOCATABLE,
      });
      this.stats.record(performance.now() - started);
      deliverOffers(offers, this.options.onOffer, this.reportError);
    } catch (error) {
      this.reportError(error);
    }
  }

  private readonly reportError = (error: unknown): void => {
    this.stats.errors++;
    if (this.options.onError) this.options.onError(error);
    else process.emitWarning(`allocation failed: ${(error as Error)?.stack ?? String(error)}`);
  };
}
