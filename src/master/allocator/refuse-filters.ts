import type { Resource } from "../../mesos/resource.js";
import { containsResources } from "../../mesos/resources.js";
import { LongTimer } from "./long-timer.js";

interface RefuseFilter {
  key: string;
  frameworkId: string;
  role: string;
  agentId: string;
  refused: Resource[];
  expiresAt: number;
  timer: LongTimer;
  /** The agent version the cached verdict `covers` was computed for. */
  checkedVersion: number;
  covers: boolean;
}

export interface RefuseFiltersOptions {
  now: () => number;
  /** Called after a filter has expired on its own (not when cleared). */
  onExpire: () => void;
}

const keyOf = (frameworkId: string, role: string, agentId: string): string =>
  `${frameworkId}\u0000${role}\u0000${agentId}`;

/**
 * Refuse filters per (framework, role, agent): while one is active, that agent is not offered to that
 * framework under that role unless what is available goes beyond what was refused.
 */
export class RefuseFilters {
  private readonly byKey = new Map<string, RefuseFilter[]>();
  private closed = false;

  constructor(private readonly options: RefuseFiltersOptions) {}

  add(frameworkId: string, role: string, agentId: string, refused: Resource[], durationMs: number): void {
    if (this.closed || durationMs <= 0 || refused.length === 0) return;
    const key = keyOf(frameworkId, role, agentId);
    const expiresAt = this.options.now() + durationMs;
    const filter: RefuseFilter = {
      key,
      frameworkId,
      role,
      agentId,
      refused,
      expiresAt,
      timer: new LongTimer(durationMs, () => {
        this.remove(filter);
        this.options.onExpire();
      }),
      checkedVersion: -1,
      covers: false,
    };
    const list = this.byKey.get(key);
    if (list) list.push(filter);
    else this.byKey.set(key, [filter]);
  }

  /** Whether `offerable` (the agent's resources for the role, at `agentVersion`) is held back. */
  isFiltered(frameworkId: string, role: string, agentId: string, offerable: Resource[], agentVersion: number): boolean {
    const list = this.byKey.get(keyOf(frameworkId, role, agentId));
    if (!list) return false;
    const now = this.options.now();
    return list.some((filter) => {
      if (now >= filter.expiresAt) return false;
      if (filter.checkedVersion !== agentVersion) {
        filter.covers = containsResources(filter.refused, offerable);
        filter.checkedVersion = agentVersion;
      }
      return filter.covers;
    });
  }

  /** Removes the framework's filters for `roles` (all its filters when absent). */
  clearFramework(frameworkId: string, roles?: ReadonlySet<string>): void {
    this.removeWhere((f) => f.frameworkId === frameworkId && (!roles || roles.has(f.role)));
  }

  clearAgent(agentId: string): void {
    this.removeWhere((f) => f.agentId === agentId);
  }

  /** role -> number of filters in force. */
  activeByRole(): Record<string, number> {
    const now = this.options.now();
    const out: Record<string, number> = {};
    for (const list of this.byKey.values())
      for (const f of list) if (now < f.expiresAt) out[f.role] = (out[f.role] ?? 0) + 1;
    return out;
  }

  close(): void {
    this.closed = true;
    this.removeWhere(() => true);
  }

  private removeWhere(match: (filter: RefuseFilter) => boolean): void {
    for (const list of [...this.byKey.values()]) for (const f of list.filter(match)) this.remove(f);
  }

  private remove(filter: RefuseFilter): void {
    filter.timer.cancel();
    const list = this.byKey.get(filter.key);
    if (!list) return;
    const left = list.filter((f) => f !== filter);
    if (left.length > 0) this.byKey.set(filter.key, left);
    else this.byKey.delete(filter.key);
  }
}
