/**
 * The contract between the master and its allocator. The allocator owns the bookkeeping of who holds
 * what (DRF over roles, then over frameworks within a role), refuse filters, suppression and weights; the
 * master owns offers, tasks and the wire. Offers are made through `onOffer` as soon as resources are free:
 * any change that can free or add resources schedules a batched allocation run `allocationIntervalMs`
 * later (a short window, default 5 ms), never a fixed one-second tick.
 */
import type { Attribute } from "../../mesos/attributes.js";
import type { Resource } from "../../mesos/resource.js";

export interface AllocatorOptions {
  /** Batching window after an event before an allocation run, in ms. */
  allocationIntervalMs: number;
  /** Called once per (framework, agent, role) with everything allocatable there; resources carry allocation_info.role. */
  onOffer: (offer: AllocatedOffer) => void;
  /** Minimum allocatable resources (Mesos default cpus:0.01 or mem:32). */
  minAllocatable?: { cpus: number; mem: number };
  now?: () => number;
  /** A run or an offer delivery threw: the allocator goes on; the master logs it (default: a process warning). */
  onError?: (error: unknown) => void;
}

export interface AllocatedOffer {
  frameworkId: string;
  agentId: string;
  role: string;
  resources: Resource[];
}

export interface AllocatorAgent {
  agentId: string;
  hostname: string;
  total: Resource[];
  attributes: Attribute[];
  /** Resources already in use on the agent (tasks it reported when re-registering). */
  used?: Array<{ frameworkId: string; resources: Resource[] }>;
}

export interface AllocatorFramework {
  frameworkId: string;
  roles: string[];
  suppressedRoles?: string[];
}

export interface AllocatorMetrics {
  allocationRuns: number;
  /** Runs or offer deliveries that failed. */
  allocationErrors: number;
  allocationRunMs: number[];
  /** role -> dominant share */
  dominantShares: Record<string, number>;
  /** role -> number of active refuse filters */
  activeFilters: Record<string, number>;
  totals: Record<string, number>;
  offeredOrAllocated: Record<string, number>;
}

export interface Allocator {
  addAgent(agent: AllocatorAgent): void;
  removeAgent(agentId: string): void;
  /** Deactivated agents keep their allocations but get no offers. */
  setAgentActive(agentId: string, active: boolean): void;
  /** Changes an agent's total (re-registration with other resources). */
  updateAgent(agentId: string, total: Resource[]): void;

  addFramework(framework: AllocatorFramework): void;
  removeFramework(frameworkId: string): void;
  /** Inactive (disconnected) frameworks keep their allocations but get no offers. */
  setFrameworkActive(frameworkId: string, active: boolean): void;
  updateFramework(framework: AllocatorFramework): void;

  /**
   * Gives resources that were offered or allocated to a framework back to the pool: declined or unused
   * offer resources (with the refuse filter), rescinded offers, finished tasks.
   */
  recoverResources(frameworkId: string, agentId: string, resources: Resource[], refuseSeconds?: number): void;

  suppress(frameworkId: string, roles?: string[]): void;
  /** Un-suppresses and clears refuse filters for the roles (all when empty or absent). */
  revive(frameworkId: string, roles?: string[]): void;

  setWeights(weights: Record<string, number>): void;
  weights(): Record<string, number>;

  /** Runs an allocation at once (tests and benchmarks); normally runs are scheduled by events. */
  allocateNow(): void;
  metrics(): AllocatorMetrics;
  /** Cancels pending timers. */
  close(): void;
}
