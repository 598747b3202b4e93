import { addQuantities, dominantShare, subtractQuantities, type Quantities } from "./scalar-quantities.js";

/**
 * Scalar bookkeeping for DRF: cluster totals, what each role holds and what each framework holds under
 * each role. Offered and in-use resources count alike.
 */
export class ShareLedger {
  readonly totals: Quantities = new Map();
  readonly byRole = new Map<string, Quantities>();
  private readonly byRoleAndFramework = new Map<string, Map<string, Quantities>>();

  addTotal(quantities: Quantities): void {
    addQuantities(this.totals, quantities);
  }

  removeTotal(quantities: Quantities): void {
    subtractQuantities(this.totals, quantities);
  }

  allocate(role: string, frameworkId: string, quantities: Quantities): void {
    addQuantities(
      getOrCreate(this.byRole, role, () => new Map()),
      quantities,
    );
    const frameworks = getOrCreate(this.byRoleAndFramework, role, () => new Map<string, Quantities>());
    addQuantities(
      getOrCreate(frameworks, frameworkId, () => new Map()),
      quantities,
    );
  }

  release(role: string, frameworkId: string, quantities: Quantities): void {
    const held = this.byRole.get(role);
    if (held) {
      subtractQuantities(held, quantities);
      if (held.size === 0) this.byRole.delete(role);
    }
    const frameworks = this.byRoleAndFramework.get(role);
    const own = frameworks?.get(frameworkId);
    if (!frameworks || !own) return;
    subtractQuantities(own, quantities);
    if (own.size === 0) frameworks.delete(frameworkId);
    if (frameworks.size === 0) this.byRoleAndFramework.delete(role);
  }

  frameworkShare(role: string, frameworkId: string): number {
    return dominantShare(this.byRoleAndFramework.get(role)?.get(frameworkId), this.totals);
  }

  /** Everything offered or allocated, over all roles. */
  allocated(): Quantities {
    const sum: Quantities = new Map();
    for (const held of this.byRole.values()) addQuantities(sum, held);
    return sum;
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
