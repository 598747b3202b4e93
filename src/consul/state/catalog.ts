import { byteCompare } from "./compare.js";
import type { ChangeFeed } from "./change-feed.js";
import type { CheckRecord, CheckStatus, NodeRecord, ServiceRecord } from "./records.js";

type NewNode = Omit<NodeRecord, "createIndex" | "modifyIndex">;
type NewService = Omit<ServiceRecord, "createIndex" | "modifyIndex">;
type NewCheck = Omit<CheckRecord, "createIndex" | "modifyIndex">;

const key = (node: string, id: string) => `${node}\u0000${id}`;

/**
 * The catalog of a one-server datacenter: nodes, their services and checks, each write under the next
 * Raft index. `nameIndex` remembers, per service name, the index of the last change that touched it.
 */
export class Catalog {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly services = new Map<string, ServiceRecord>();
  private readonly checks = new Map<string, CheckRecord>();
  private readonly nameIndex = new Map<string, number>();

  constructor(private readonly feed: ChangeFeed) {}

  node(name: string): NodeRecord | undefined {
    return this.nodes.get(name);
  }

  allNodes(): NodeRecord[] {
    return [...this.nodes.values()].sort((a, b) => byteCompare(a.node, b.node));
  }

  service(node: string, id: string): ServiceRecord | undefined {
    return this.services.get(key(node, id));
  }

  allServices(): ServiceRecord[] {
    return [...this.services.values()];
  }

  servicesOf(node: string): ServiceRecord[] {
    return this.allServices().filter((s) => s.node === node);
  }

  /** The instances of a service, by node then id. */
  instancesOf(name: string): ServiceRecord[] {
    return this.allServices()
      .filter((s) => s.service === name)
      .sort((a, b) => byteCompare(a.node, b.node) || byteCompare(a.id, b.id));
  }

  check(node: string, checkId: string): CheckRecord | undefined {
    return this.checks.get(key(node, checkId));
  }

  allChecks(): CheckRecord[] {
    return [...this.checks.values()];
  }

  checksOfNode(node: string): CheckRecord[] {
    return this.allChecks().filter((c) => c.node === node);
  }

  /** The node's own checks (no ServiceID) and the checks of one of its services. */
  checksOfInstance(node: string, serviceId: string): CheckRecord[] {
    return this.checksOfNode(node).filter((c) => c.serviceId === "" || c.serviceId === serviceId);
  }

  /** The index a read of one service name reports (0 when nothing ever touched it). */
  indexOfName(name: string): number {
    return this.nameIndex.get(name) ?? 0;
  }

  putNode(input: NewNode): void {
    const existing = this.nodes.get(input.node);
    if (existing && sameNode(existing, input)) return;
    const index = this.feed.next();
    this.nodes.set(input.node, {
      ...input,
      createIndex: existing?.createIndex ?? index,
      modifyIndex: index,
    });
    if (existing) for (const s of this.servicesOf(input.node)) this.touch(s.service, index);
    this.feed.commit(index, "nodes");
  }

  /** Removes a node and everything registered on it. */
  deleteNode(name: string): void {
    if (!this.nodes.has(name)) return;
    const index = this.feed.next();
    for (const s of this.servicesOf(name)) {
      this.services.delete(key(name, s.id));
      this.touch(s.service, index);
    }
    for (const c of this.checksOfNode(name)) this.checks.delete(key(name, c.checkId));
    this.nodes.delete(name);
    this.feed.commit(index, "nodes", "services", "checks");
  }

  putService(input: NewService): void {
    const existing = this.services.get(key(input.node, input.id));
    if (existing && sameService(existing, input)) return;
    const index = this.feed.next();
    this.services.set(key(input.node, input.id), {
      ...input,
      createIndex: existing?.createIndex ?? index,
      modifyIndex: index,
    });
    if (existing && existing.service !== input.service) this.touch(existing.service, index);
    this.touch(input.service, index);
    this.feed.commit(index, "services");
  }

  /** Removes a service and its checks; false when it was not there. */
  deleteService(node: string, id: string): boolean {
    const existing = this.services.get(key(node, id));
    if (!existing) return false;
    const index = this.feed.next();
    this.services.delete(key(node, id));
    for (const c of this.checksOfNode(node)) if (c.serviceId === id) this.checks.delete(key(node, c.checkId));
    this.touch(existing.service, index);
    this.feed.commit(index, "services", "checks");
    return true;
  }

  putCheck(input: NewCheck): void {
    const existing = this.checks.get(key(input.node, input.checkId));
    const index = this.feed.next();
    this.checks.set(key(input.node, input.checkId), {
      ...input,
      createIndex: existing?.createIndex ?? index,
      modifyIndex: index,
    });
    this.touchCheck(input, index);
    this.feed.commit(index, "checks");
  }

  /** Sets a check's status and output; no write (and no index) when nothing changed. */
  updateCheck(node: string, checkId: string, status: CheckStatus, output: string): boolean {
    const existing = this.checks.get(key(node, checkId));
    if (!existing) return false;
    if (existing.status === status && existing.output === output) return true;
    const index = this.feed.next();
    this.checks.set(key(node, checkId), { ...existing, status, output, modifyIndex: index });
    this.touchCheck(existing, index);
    this.feed.commit(index, "checks");
    return true;
  }

  deleteCheck(node: string, checkId: string): boolean {
    const existing = this.checks.get(key(node, checkId));
    if (!existing) return false;
    const index = this.feed.next();
    this.checks.delete(key(node, checkId));
    this.touchCheck(existing, index);
    this.feed.commit(index, "checks");
    return true;
  }

  snapshot(): { nodes: NodeRecord[]; services: ServiceRecord[]; checks: CheckRecord[] } {
    return { nodes: this.allNodes(), services: this.allServices(), checks: this.allChecks() };
  }

  restore(state: { nodes: NodeRecord[]; services: ServiceRecord[]; checks: CheckRecord[] }): void {
    for (const n of state.nodes) this.nodes.set(n.node, n);
    for (const s of state.services) {
      this.services.set(key(s.node, s.id), s);
      this.nameIndex.set(s.service, Math.max(this.indexOfName(s.service), s.modifyIndex));
    }
    for (const c of state.checks) this.checks.set(key(c.node, c.checkId), c);
  }

  private touch(name: string, index: number): void {
    this.nameIndex.set(name, index);
  }

  private touchCheck(check: CheckRecord | NewCheck, index: number): void {
    if (check.serviceName) this.touch(check.serviceName, index);
    else for (const s of this.servicesOf(check.node)) this.touch(s.service, index);
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sameNode(a: NodeRecord, b: NewNode): boolean {
  return (
    a.id === b.id &&
    a.address === b.address &&
    sameJson(a.taggedAddresses, b.taggedAddresses) &&
    sameJson(a.meta, b.meta)
  );
}

function sameService(a: ServiceRecord, b: NewService): boolean {
  return (
    a.service === b.service &&
    a.address === b.address &&
    a.port === b.port &&
    a.enableTagOverride === b.enableTagOverride &&
    sameJson(a.tags, b.tags) &&
    sameJson(a.meta, b.meta)
  );
}
