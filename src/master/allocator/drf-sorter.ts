import { ancestorsOf, parentOf } from "./role-names.js";
import { addQuantities, dominantShare, type Quantities } from "./scalar-quantities.js";

interface Ranked<T> {
  item: T;
  key: number;
  name: string;
}

const byKeyThenName = <T>(a: Ranked<T>, b: Ranked<T>): number =>
  a.key - b.key || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface RoleNode {
  children: string[];
  subtree: Quantities;
}

export interface RoleOrderInputs {
  /** Roles that want offers now. */
  candidates: ReadonlySet<string>;
  /** What each role holds itself (not counting nested roles). */
  allocations: ReadonlyMap<string, Quantities>;
  totals: Quantities;
  weightOf: (role: string) => number;
}

function buildTree(inputs: RoleOrderInputs): { roots: string[]; nodes: Map<string, RoleNode> } {
  const nodes = new Map<string, RoleNode>();
  const roots: string[] = [];
  const ensure = (role: string): RoleNode => {
    let node = nodes.get(role);
    if (node) return node;
    node = { children: [], subtree: new Map() };
    nodes.set(role, node);
    const parent = parentOf(role);
    if (parent === undefined) roots.push(role);
    else ensure(parent).children.push(role);
    return node;
  };
  for (const role of inputs.candidates) ensure(role);
  for (const [role, held] of inputs.allocations) {
    addQuantities(ensure(role).subtree, held);
    for (const ancestor of ancestorsOf(role)) addQuantities(ensure(ancestor).subtree, held);
  }
  return { roots, nodes };
}

/**
 * Hierarchical DRF over roles: siblings are ordered by the dominant share of everything their subtree
 * holds divided by their weight; a role that has nested roles and wants offers itself competes with its
 * children through its own allocation (Mesos's virtual `.` leaf). Returns the candidates in offer order.
 */
export function orderRoles(inputs: RoleOrderInputs): string[] {
  const { roots, nodes } = buildTree(inputs);
  const share = (held: Quantities | undefined, role: string): number =>
    dominantShare(held, inputs.totals) / inputs.weightOf(role);
  const out: string[] = [];
  const visit = (level: readonly string[], self?: string): void => {
    const entries: Ranked<{ role: string; self: boolean }>[] = level.map((role) => ({
      item: { role, self: false },
      key: share(nodes.get(role)?.subtree, role),
      name: role,
    }));
    if (self !== undefined)
      entries.push({
        item: { role: self, self: true },
        key: share(inputs.allocations.get(self), self),
        name: self,
      });
    for (const { item } of entries.sort(byKeyThenName)) {
      const node = nodes.get(item.role);
      if (item.self || !node || node.children.length === 0) {
        if (inputs.candidates.has(item.role)) out.push(item.role);
      } else visit(node.children, inputs.candidates.has(item.role) ? item.role : undefined);
    }
  };
  visit(roots);
  return out;
}

/** Dominant share of each role's subtree (unweighted), for metrics. */
export function roleShares(inputs: RoleOrderInputs): Map<string, number> {
  const { nodes } = buildTree(inputs);
  const out = new Map<string, number>();
  for (const [role, node] of nodes) out.set(role, dominantShare(node.subtree, inputs.totals));
  return out;
}
