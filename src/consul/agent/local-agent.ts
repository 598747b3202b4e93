import type { ConsulConfig } from "../consul-config.js";
import { SERVER_PORT } from "../consul-config.js";
import { checkType, initialStatus, type CheckDefinition } from "../model/check-definition.js";
import type { ServiceDefinition } from "../model/service-definition.js";
import type { Catalog } from "../state/catalog.js";
import type { CheckStatus } from "../state/records.js";
import { HttpError, unknownCheck, unknownService } from "./http-errors.js";

export const SERF_CHECK_ID = "serfHealth";

/**
 * The agent side of a one-server Consul: what `/v1/agent/*` registers goes straight into the catalog
 * under the agent's own node (there is no anti-entropy delay to emulate).
 */
export class LocalAgent {
  constructor(
    private readonly catalog: Catalog,
    private readonly config: ConsulConfig,
  ) {}

  get node(): string {
    return this.config.nodeName;
  }

  /** Registers the agent's node, its serfHealth check and the `consul` service, as a server does at start. */
  joinSelf(): void {
    const address = this.config.advertiseAddr;
    this.catalog.putNode({
      id: this.config.nodeId,
      node: this.node,
      address,
      taggedAddresses: { lan: address, wan: address },
      meta: { "consul-network-segment": "" },
    });
    this.catalog.putService({
      node: this.node,
      id: "consul",
      service: "consul",
      tags: [],
      address: "",
      port: SERVER_PORT,
      meta: {},
      enableTagOverride: false,
    });
    if (this.catalog.check(this.node, SERF_CHECK_ID)?.status !== "passing")
      this.catalog.putCheck({
        node: this.node,
        checkId: SERF_CHECK_ID,
        name: "Serf Health Status",
        status: "passing",
        notes: "",
        output: "Agent alive and reachable",
        serviceId: "",
        serviceName: "",
        serviceTags: [],
        type: "",
      });
  }

  registerService(def: ServiceDefinition): void {
    this.catalog.putService({
      node: this.node,
      id: def.id,
      service: def.name,
      tags: def.tags,
      address: def.address,
      port: def.port,
      meta: def.meta,
      enableTagOverride: def.enableTagOverride,
    });
    const ids = def.checks.map(
      (check, i) =>
        check.id || (def.checks.length === 1 ? `service:${def.id}` : `service:${def.id}:${i + 1}`),
    );
    for (const old of this.catalog.checksOfNode(this.node))
      if (old.serviceId === def.id && !ids.includes(old.checkId))
        this.catalog.deleteCheck(this.node, old.checkId);
    def.checks.forEach((check, i) =>
      this.putCheck(
        {
          ...check,
          id: ids[i] as string,
          name: check.name || `Service '${def.name}' check`,
          serviceId: def.id,
        },
        def.tags,
      ),
    );
  }

  deregisterService(id: string): void {
    if (!this.catalog.deleteService(this.node, id)) throw unknownService(id);
  }

  registerCheck(def: CheckDefinition): void {
    let tags: string[] = [];
    if (def.serviceId) {
      const service = this.catalog.service(this.node, def.serviceId);
      if (!service) throw new HttpError(500, `ServiceID "${def.serviceId}" does not exist`);
      tags = service.tags;
    }
    this.putCheck({ ...def, id: def.id || def.name }, tags);
  }

  deregisterCheck(id: string): void {
    if (!this.catalog.deleteCheck(this.node, id)) throw unknownCheck(id);
  }

  /** `/v1/agent/check/pass|warn|fail|update`: only TTL checks take updates. */
  updateTtl(id: string, status: CheckStatus, output: string): void {
    const check = this.catalog.check(this.node, id);
    if (!check) throw unknownCheck(id);
    if (!check.run?.ttlMs) throw new HttpError(500, `CheckID "${id}" does not have associated TTL`);
    this.catalog.updateCheck(this.node, id, status, output);
  }

  private putCheck(def: CheckDefinition, serviceTags: string[]): void {
    const existing = this.catalog.check(this.node, def.id);
    const service = def.serviceId ? this.catalog.service(this.node, def.serviceId) : undefined;
    this.catalog.putCheck({
      node: this.node,
      checkId: def.id,
      name: def.name,
      // Re-registering keeps what the check last found, as Consul does.
      status: existing && !def.status ? existing.status : initialStatus(def),
      notes: def.notes,
      output: existing && !def.status ? existing.output : "",
      serviceId: def.serviceId,
      serviceName: service?.service ?? "",
      serviceTags: def.serviceId ? serviceTags : [],
      type: checkType(def.run),
      run: def.run,
    });
  }
}
