import type { ConsulConfig } from "../consul-config.js";
import type { CheckRecord, NodeRecord, ServiceRecord } from "../state/records.js";

const WEIGHTS = { Passing: 1, Warning: 1 };

/** A node as /v1/catalog/nodes and /v1/health/* show it. */
export const nodeJson = (n: NodeRecord, config: ConsulConfig) => ({
  ID: n.id,
  Node: n.node,
  Address: n.address,
  Datacenter: config.datacenter,
  TaggedAddresses: n.taggedAddresses,
  Meta: n.meta,
  CreateIndex: n.createIndex,
  ModifyIndex: n.modifyIndex,
});

/** A service as the agent and /v1/health/service show it (`Service`, not `ServiceName`). */
export const agentServiceJson = (s: ServiceRecord) => ({
  ID: s.id,
  Service: s.service,
  Tags: s.tags,
  Meta: s.meta,
  Port: s.port,
  Address: s.address,
  Weights: WEIGHTS,
  EnableTagOverride: s.enableTagOverride,
  CreateIndex: s.createIndex,
  ModifyIndex: s.modifyIndex,
});

/** One instance in /v1/catalog/service/{name}: node fields and Service* fields side by side. */
export const catalogServiceJson = (s: ServiceRecord, n: NodeRecord, config: ConsulConfig) => ({
  ID: n.id,
  Node: n.node,
  Address: n.address,
  Datacenter: config.datacenter,
  TaggedAddresses: n.taggedAddresses,
  NodeMeta: n.meta,
  ServiceKind: "",
  ServiceID: s.id,
  ServiceName: s.service,
  ServiceTags: s.tags,
  ServiceAddress: s.address,
  ServiceWeights: WEIGHTS,
  ServiceMeta: s.meta,
  ServicePort: s.port,
  ServiceEnableTagOverride: s.enableTagOverride,
  CreateIndex: s.createIndex,
  ModifyIndex: s.modifyIndex,
});

export const checkJson = (c: CheckRecord) => ({
  Node: c.node,
  CheckID: c.checkId,
  Name: c.name,
  Status: c.status,
  Notes: c.notes,
  Output: c.output,
  ServiceID: c.serviceId,
  ServiceName: c.serviceName,
  ServiceTags: c.serviceTags,
  Type: c.type,
  CreateIndex: c.createIndex,
  ModifyIndex: c.modifyIndex,
});
