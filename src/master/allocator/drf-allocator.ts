import { reservationRole, type Resource } from "../../mesos/resource.js";
import { addResources, unallocate } from "../../mesos/resources.js";
import { AgentState } from "./agent-state.js";
import { AllocationBatcher } from "./allocation-batcher.js";
import { runAllocation } from "./allocation-run.js";
import { collectMetrics } from "./allocator-metrics.js";
import type {
  AllocatedOffer,
  Allocator,
  AllocatorAgent,
  AllocatorFramework,
  AllocatorMetrics,
  AllocatorOptions,
} from "./allocator.js";
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
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
    for (const use of agent.used ?? []) this.holdInUse(state, use.frameworkId, use.resources);
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
        released = this.release(agent, frameworkId, role, held) || released;
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
    const byRole = groupBy(
      resources,
      (r) => r.allocation_info?.role ?? this.roleHolding(agent, frameworkId, r),
    );
    const filterMs = refuseFilterMs(refuseSeconds, this.options.allocationIntervalMs);
    let released = false;
    for (const [role, group] of byRole) {
      released = this.release(agent, frameworkId, role, group) || released;
      if (filterMs > 0 && this.frameworks.has(frameworkId))
        this.filters.add(frameworkId, role, agentId, addResources(unallocate(group)), filterMs);
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

  private run(): void {
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
    this.deliver(offers);
  }

  /** Delivers every offer even if a callback throws (the bookkeeping already counts them as offered). */
  private deliver(offers: AllocatedOffer[]): void {
    const failures: unknown[] = [];
    for (const offer of offers) {
      try {
        this.options.onOffer(offer);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, "onOffer failed");
  }

  private release(agent: AgentState, frameworkId: string, role: string, resources: Resource[]): boolean {
    const released = agent.release(frameworkId, role, resources);
    if (released.length === 0) return false;
    this.ledger.release(role, frameworkId, quantitiesOf(released));
    return true;
  }

  private holdInUse(agent: AgentState, frameworkId: string, resources: Resource[]): void {
    const byRole = groupBy(resources, (r) => r.allocation_info?.role ?? this.defaultRole(frameworkId, r));
    for (const [role, group] of byRole) {
      agent.hold(frameworkId, role, group);
      this.ledger.allocate(role, frameworkId, quantitiesOf(group));
    }
  }

  /** For resources that came back without allocation_info: the role the framework holds them under there. */
  private roleHolding(agent: AgentState, frameworkId: string, resource: Resource): string {
    const roles = [...(agent.allocations.get(frameworkId)?.keys() ?? [])];
    return (
      roles.find((role) => role === reservationRole(resource)) ??
      roles[0] ??
      this.defaultRole(frameworkId, resource)
    );
  }

  private defaultRole(frameworkId: string, resource: Resource): string {
    const reserved = reservationRole(resource);
    if (reserved !== "*") return reserved;
    return this.frameworks.get(frameworkId)?.roles[0] ?? "*";
  }
}
