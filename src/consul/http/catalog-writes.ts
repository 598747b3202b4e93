import { randomUUID } from "node:crypto";
import { HttpError } from "../agent/http-errors.js";
import { checkType, parseCheckDefinition } from "../model/check-definition.js";
import {
  DecodeError,
  field,
  intField,
  isObject,
  stringField,
  stringListField,
  stringMapField,
  type JsonObject,
} from "../model/go-json.js";
import { isCheckStatus } from "../state/records.js";
import type { ConsulContext } from "./context.js";

const WHERE = "structs.RegisterRequest";

function requestObject(raw: unknown, type: string): JsonObject {
  if (!isObject(raw))
    throw new DecodeError(
      `json: cannot unmarshal ${Array.isArray(raw) ? "array" : typeof raw} into Go value of type ${type}`,
    );
  return raw;
}

/** `PUT /v1/catalog/register`: a node, and optionally a service and checks on it. Answers `true`. */
export function registerInCatalog(ctx: ConsulContext, raw: unknown): boolean {
  const body = requestObject(raw, WHERE);
  const dc = stringField(body, "Datacenter", WHERE);
  if (dc && dc !== ctx.config.datacenter) throw new HttpError(500, "No path to datacenter");
  const node = stringField(body, "Node", WHERE);
  const address = stringField(body, "Address", WHERE);
  if (!node) throw new HttpError(400, "Invalid request: Must provide node");
  if (!address) throw new HttpError(400, "Invalid request: Must provide address");
  const existing = ctx.catalog.node(node);
  ctx.catalog.putNode({
    id: stringField(body, "ID", WHERE) || existing?.id || randomUUID(),
    node,
    address,
    taggedAddresses: { ...stringMapField(body, "TaggedAddresses", WHERE) },
    meta: stringMapField(body, "NodeMeta", WHERE),
  });
  const service = field(body, "Service");
  let serviceId = "";
  let serviceName = "";
  let serviceTags: string[] = [];
  if (isObject(service)) {
    const where = "structs.NodeService";
    serviceName = stringField(service, "Service", where);
    if (!serviceName) throw new HttpError(400, "Invalid request: Must provide service name");
    serviceId = stringField(service, "ID", where) || serviceName;
    serviceTags = stringListField(service, "Tags", where);
    ctx.catalog.putService({
      node,
      id: serviceId,
      service: serviceName,
      tags: serviceTags,
      address: stringField(service, "Address", where),
      port: intField(service, "Port", where),
      meta: stringMapField(service, "Meta", where),
      enableTagOverride: Boolean(field(service, "EnableTagOverride")),
    });
  }
  const checks: unknown[] = [];
  const one = field(body, "Check");
  if (isObject(one)) checks.push(one);
  const many = field(body, "Checks");
  if (Array.isArray(many)) checks.push(...many);
  for (const c of checks) {
    const check = parseCheckDefinition(c, "structs.HealthCheck");
    const checkObject = c as JsonObject;
    const status = stringField(checkObject, "Status", "structs.HealthCheck") || "critical";
    if (!isCheckStatus(status)) throw new HttpError(400, "Invalid request: Bad check status");
    const sid = check.serviceId || (isObject(service) ? serviceId : "");
    const owner = sid ? ctx.catalog.service(node, sid) : undefined;
    if (sid && !owner) throw new HttpError(500, `Unknown service '${sid}' for check '${check.id}'`);
    const checkId = check.id || check.name;
    if (!checkId) throw new HttpError(400, "Invalid request: Must provide check ID");
    ctx.catalog.putCheck({
      node,
      checkId,
      name: check.name || checkId,
      status,
      notes: check.notes,
      output: stringField(checkObject, "Output", "structs.HealthCheck"),
      serviceId: sid,
      serviceName: owner?.service ?? "",
      serviceTags: owner?.tags ?? [],
      type: checkType(check.run),
    });
  }
  return true;
}

/** `PUT /v1/catalog/deregister`: a check, a service, or the whole node. Answers `true`. */
export function deregisterFromCatalog(ctx: ConsulContext, raw: unknown): boolean {
  const where = "structs.DeregisterRequest";
  const body = requestObject(raw, where);
  const node = stringField(body, "Node", where);
  if (!node) throw new HttpError(400, "Invalid request: Must provide node");
  const serviceId = stringField(body, "ServiceID", where);
  const checkId = stringField(body, "CheckID", where);
  if (serviceId) ctx.catalog.deleteService(node, serviceId);
  if (checkId) ctx.catalog.deleteCheck(node, checkId);
  if (!serviceId && !checkId) ctx.catalog.deleteNode(node);
  return true;
}
