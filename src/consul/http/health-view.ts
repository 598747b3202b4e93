import { byteCompare } from "../state/compare.js";
import type { ConsulContext } from "./context.js";
import type { CheckRecord, ServiceRecord } from "../state/records.js";

/** One instance of a service with its node and every check that bears on it. */
export interface InstanceHealth {
  service: ServiceRecord;
  checks: CheckRecord[];
}

/** The instances of a service (optionally with a tag), each with its node's and its own checks. */
export function instancesWithChecks(ctx: ConsulContext, name: string, tag?: string): InstanceHealth[] {
  return ctx.catalog
    .instancesOf(name)
    .filter((s) => tag === undefined || s.tags.includes(tag))
    .map((service) => ({
      service,
      checks: ctx.catalog
        .checksOfInstance(service.node, service.id)
        .sort(
          (a, b) =>
            Number(a.serviceId !== "") - Number(b.serviceId !== "") || byteCompare(a.checkId, b.checkId),
        ),
    }));
}

export const allPassing = (h: InstanceHealth) => h.checks.every((c) => c.status === "passing");
export const noneCritical = (h: InstanceHealth) => h.checks.every((c) => c.status !== "critical");

/** The index a read of one service's health reports. */
export const healthIndexOf = (ctx: ConsulContext, name: string): number =>
  Math.max(ctx.catalog.indexOfName(name), ctx.feed.indexOf("nodes")) || ctx.feed.indexOf("services");
