import { reservationRole, type Resource } from "../../mesos/resource.js";
import { addResources, resourceKey, subtractResources, unallocate } from "../../mesos/resources.js";
import { ResourceCover } from "./resource-cover.js";
import { disjointKeys, withoutAllocationInfo } from "./resource-keys.js";
import { reservationServes } from "./role-names.js";

let nextVersion = 1;

/**
 * One agent's resources: its total, what is allocated (offered or in use) to which framework under which
 * role, and what is still available. Held resources are stored without `allocation_info`.
 */
export class AgentState {
  active = true;
  total: Resource[];
  available: Resource[];
  /** Changes whenever `available` does, so refuse filters can cache their verdicts. */
  version = nextVersion++;
  /** frameworkId -> role -> resources. */
  readonly allocations = new Map<string, Map<string, Resource[]>>();

  constructor(
    readonly id: string,
    readonly hostname: string,
    total: readonly Resource[],
  ) {
    this.total = addResources(unallocate(total));
    this.available = this.total;
  }

  /** What a framework under `role` could be offered here: unreserved resources and the role's reservations. */
  offerableFor(role: string): Resource[] {
    return this.available.filter((r) => reservationServes(reservationRole(r), role));
  }

  /** Allocates entries taken from `offerableFor` as they are (no arithmetic needed). */
  take(frameworkId: string, role: string, taken: readonly Resource[]): void {
    const gone = new Set(taken);
    this.setAvailable(this.available.filter((r) => !gone.has(r)));
    this.record(frameworkId, role, taken);
  }

  /** Allocates resources already in use (reported by the agent), whatever is currently available. */
  hold(frameworkId: string, role: string, resources: readonly Resource[]): void {
    const held = addResources(unallocate(resources));
    this.setAvailable(subtractResources(this.available, held));
    this.record(frameworkId, role, held);
  }

  /** Gives back what of `resources` the framework holds under `role`; returns what was actually released. */
  release(frameworkId: string, role: string, resources: readonly Resource[]): Resource[] {
    const byRole = this.allocations.get(frameworkId);
    const held = byRole?.get(role);
    if (!byRole || !held) return [];
    const given = resources.map(withoutAllocationInfo);
    // The usual case, a whole offer declined or rescinded, needs no arithmetic.
    const everything = new ResourceCover(given, resourceKey).covers(held);
    const kept = everything ? [] : subtractResources(held, given);
    const released = everything ? held : subtractResources(held, kept);
    if (released.length === 0) return [];
    if (kept.length > 0) byRole.set(role, kept);
    else byRole.delete(role);
    if (byRole.size === 0) this.allocations.delete(frameworkId);
    this.setAvailable(
      disjointKeys(this.available, released)
        ? [...this.available, ...released]
        : addResources(this.available, released),
    );
    return released;
  }

  setTotal(total: readonly Resource[]): void {
    this.total = addResources(unallocate(total));
    const held = [...this.allocations.values()].flatMap((byRole) => [...byRole.values()].flat());
    this.setAvailable(subtractResources(this.total, held));
  }

  private record(frameworkId: string, role: string, resources: readonly Resource[]): void {
    if (resources.length === 0) return;
    let byRole = this.allocations.get(frameworkId);
    if (!byRole) {
      byRole = new Map();
      this.allocations.set(frameworkId, byRole);
    }
    const existing = byRole.get(role);
    byRole.set(role, existing ? addResources(existing, resources) : [...resources]);
  }

  private setAvailable(available: Resource[]): void {
    this.available = available;
    this.version = nextVersion++;
  }
}
