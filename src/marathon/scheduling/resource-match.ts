import { rangesOf, subtractResources } from "../../mesos/resources.js";
import { reservationRole, type Resource } from "../../mesos/resource.js";
import type { AppDefinition } from "../model/app-definition.js";
import { pickHostPorts, portsAsRanges, requestedHostPorts } from "./port-match.js";

export interface ResourceMatch {
  resources: Resource[];
  hostPorts: number[];
}

export type NoMatchReason =
  "InsufficientCpus" | "InsufficientMemory" | "InsufficientDisk" | "InsufficientPorts" | "UnfulfilledRole";

const scalar = (name: string, value: number, like: Resource): Resource => ({
  name,
  type: "SCALAR",
  scalar: { value: Math.round(value * 1000) / 1000 },
  ...(like.role !== undefined ? { role: like.role } : {}),
  ...(like.reservations ? { reservations: like.reservations } : {}),
  ...(like.allocation_info ? { allocation_info: like.allocation_info } : {}),
});

/** Takes `amount` of a scalar out of the usable resources, spread over roles if it must. */
function takeScalar(usable: readonly Resource[], name: string, amount: number): Resource[] | undefined {
  if (amount <= 0) return [];
  const out: Resource[] = [];
  let left = Math.round(amount * 1000) / 1000;
  for (const r of usable.filter((u) => u.name === name && u.type === "SCALAR")) {
    if (left <= 0) break;
    const take = Math.min(left, r.scalar?.value ?? 0);
    if (take > 0) out.push(scalar(name, take, r));
    left = Math.round((left - take) * 1000) / 1000;
  }
  return left <= 0 ? out : undefined;
}

/** The resources one task of the app takes from what is left of an offer, or why it does not fit. */
export function matchResources(app: AppDefinition, left: readonly Resource[]): ResourceMatch | NoMatchReason {
  const roles = app.acceptedResourceRoles;
  const usable =
    roles && roles.length > 0 ? left.filter((r) => roles.includes(reservationRole(r))) : [...left];
  if (usable.length === 0 && left.length > 0) return "UnfulfilledRole";
  const cpus = takeScalar(usable, "cpus", app.cpus);
  if (!cpus) return "InsufficientCpus";
  const mem = takeScalar(usable, "mem", app.mem);
  if (!mem) return "InsufficientMemory";
  const disk = takeScalar(usable, "disk", app.disk);
  if (!disk) return "InsufficientDisk";
  const gpus = takeScalar(usable, "gpus", app.gpus);
  if (!gpus) return "InsufficientCpus";
  const requested = requestedHostPorts(app);
  const portResource = usable.find((r) => r.name === "ports" && r.type === "RANGES");
  const hostPorts = requested.length === 0 ? [] : pickHostPorts(requested, rangesOf(usable, "ports"));
  if (!hostPorts) return "InsufficientPorts";
  const ports: Resource[] =
    hostPorts.length === 0 || !portResource
      ? []
      : [{ ...portResource, ranges: { range: portsAsRanges(hostPorts) } }];
  return { resources: [...cpus, ...mem, ...disk, ...gpus, ...ports], hostPorts };
}

export const remainingAfter = (left: readonly Resource[], used: readonly Resource[]): Resource[] =>
  subtractResources(left, used);
