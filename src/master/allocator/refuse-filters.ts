import type { Resource } from "../../mesos/resource.js";
import { LongTimer } from "../../common/long-timer.js";
import { ResourceCover } from "./resource-cover.js";

interface RefuseFilter {
  frameworkId: string;
  refused: ResourceCover;
  expiresAt: number;
  timer: LongTimer;
}

/** The filters on one (agent, role) and, cached, which frameworks they hold back at an agent version. */
interface AgentRoleFilters {
  byFramework: Map<string, RefuseFilter[]>;
  verdict?: { version: number; validUntil: number; filtered: Set<string> };
}

export interface RefuseFiltersOptions {
  now: () => number;
  /** Called after a filter has expired on its own (not when cleared). */
  onExpire: () => void;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Refuse filters per (framework, role, agent): while one is in force, that agent is not offered to that
 * framework under that role unless what is available goes beyond what was refused (Mesos's semantics).
 */
export class RefuseFilters {
  private readonly byAgent = new Map<string, Map<string, AgentRoleFilters>>();
  private closed = false;

  constructor(private readonly options: RefuseFiltersOptions) {}

  add(frameworkId: string, role: string, agentId: string, refused: Resource[], durationMs: number): void {
    if (this.closed || durationMs <= 0 || refused.length === 0) return;
    let byRole = this.byAgent.get(agentId);
    if (!byRole) this.byAgent.set(agentId, (byRole = new Map()));
    let entry = byRole.get(role);
    if (!entry) byRole.set(role, (entry = { byFramework: new Map() }));
    const filters = entry.byFramework.get(frameworkId) ?? [];
    entry.byFramework.set(frameworkId, filters);
    const filter: RefuseFilter = {
      frameworkId,
      refused: new ResourceCover(refused),
      expiresAt: this.options.now() + durationMs,
      timer: new LongTimer(durationMs, () => {
        this.remove(agentId, role, filter);
        this.options.onExpire();
      }),
    };
    filters.push(filter);
    entry.verdict = undefined;
  }

  /** The frameworks held back from `offerable`, the agent's resources for `role` at `agentVersion`. */
  filteredFrameworks(
    agentId: string,
    role: string,
    offerable: Resource[],
    agentVersion: number,
  ): ReadonlySet<string> {
    const entry = this.byAgent.get(agentId)?.get(role);
    if (!entry) return NONE;
    const now = this.options.now();
    const cached = entry.verdict;
    if (cached && cached.version === agentVersion && now < cached.validUntil) return cached.filtered;
    const filtered = new Set<string>();
    let validUntil = Infinity;
    for (const [frameworkId, filters] of entry.byFramework)
      for (const filter of filters)
        if (now < filter.expiresAt && filter.refused.covers(offerable)) {
          filtered.add(frameworkId);
          validUntil = Math.min(validUntil, filter.expiresAt);
        }
    entry.verdict = { version: agentVersion, validUntil, filtered };
    return filtered;
  }

  /** Removes the framework's filters for `roles` (all its filters when absent). */
  clearFramework(frameworkId: string, roles?: ReadonlySet<string>): void {
    for (const byRole of this.byAgent.values())
      for (const [role, entry] of byRole) {
        if (roles && !roles.has(role)) continue;
        for (const filter of entry.byFramework.get(frameworkId) ?? []) filter.timer.cancel();
        if (entry.byFramework.delete(frameworkId)) entry.verdict = undefined;
      }
    this.prune();
  }

  clearAgent(agentId: string): void {
    for (const entry of this.byAgent.get(agentId)?.values() ?? [])
      for (const filters of entry.byFramework.values()) for (const f of filters) f.timer.cancel();
    this.byAgent.delete(agentId);
  }

  /** role -> number of filters in force. */
  activeByRole(): Record<string, number> {
    const now = this.options.now();
    const out: Record<string, number> = {};
    for (const byRole of this.byAgent.values())
      for (const [role, entry] of byRole)
        for (const filters of entry.byFramework.values())
          for (const f of filters) if (now < f.expiresAt) out[role] = (out[role] ?? 0) + 1;
    return out;
  }

  close(): void {
    this.closed = true;
    for (const agentId of [...this.byAgent.keys()]) this.clearAgent(agentId);
  }

  private remove(agentId: string, role: string, filter: RefuseFilter): void {
    filter.timer.cancel();
    const entry = this.byAgent.get(agentId)?.get(role);
    const filters = entry?.byFramework.get(filter.frameworkId);
    if (!entry || !filters) return;
    const left = filters.filter((f) => f !== filter);
    if (left.length > 0) entry.byFramework.set(filter.frameworkId, left);
    else entry.byFramework.delete(filter.frameworkId);
    entry.verdict = undefined;
    if (entry.byFramework.size > 0) return;
    const byRole = this.byAgent.get(agentId);
    byRole?.delete(role);
    if (byRole?.size === 0) this.byAgent.delete(agentId);
  }

  private prune(): void {
    for (const [agentId, byRole] of this.byAgent) {
      for (const [role, entry] of byRole) if (entry.byFramework.size === 0) byRole.delete(role);
      if (byRole.size === 0) this.byAgent.delete(agentId);
    }
  }
}
