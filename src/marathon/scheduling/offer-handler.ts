import { randomUUID } from "node:crypto";
import type { Offer } from "../../mesos/offer.js";
import type { Resource } from "../../mesos/resource.js";
import type { TaskInfo } from "../../mesos/task.js";
import { servicePortsOf, type AppDefinition } from "../model/app-definition.js";
import { safePathId } from "../model/path-id.js";
import { isoTime } from "../model/timestamp.js";
import type { TaskRecord } from "../state/task-record.js";
import { meetsConstraints, placementOf } from "./constraints.js";
import { matchResources, remainingAfter, type NoMatchReason } from "./resource-match.js";
import { buildTaskInfo } from "./task-builder.js";

/** An app with tasks still to launch, and where its tasks run now. */
export interface LaunchDemand {
  app: AppDefinition;
  count: number;
  placed: Array<Record<string, string>>;
}

export interface OfferOutcome {
  tasks: TaskInfo[];
  records: TaskRecord[];
  /** Why an app that still needed tasks got none from this offer, and what was left of the offer for it. */
  rejections: Array<{
    appId: string;
    reason: NoMatchReason | "UnfulfilledConstraint";
    resources: Resource[];
  }>;
}

/** The task id form every parser accepts (§3.2): `<safeAppId>.<uuid>`. */
export const newTaskId = (appId: string): string => `${safePathId(appId)}.${randomUUID()}`;

/** Fits as many demanded tasks as one offer holds, honouring resources, ports and constraints. */
export function useOffer(offer: Offer, demands: LaunchDemand[]): OfferOutcome {
  const candidate = placementOf(offer.hostname, offer.attributes);
  let left: Resource[] = offer.resources;
  const outcome: OfferOutcome = { tasks: [], records: [], rejections: [] };
  for (const demand of demands) {
    const before = demand.count;
    while (demand.count > 0) {
      if (!meetsConstraints(demand.app.constraints, candidate, demand.placed)) {
        if (demand.count === before)
          outcome.rejections.push({
            appId: demand.app.id,
            reason: "UnfulfilledConstraint",
            resources: left,
          });
        break;
      }
      const match = matchResources(demand.app, left);
      if (typeof match === "string") {
        if (demand.count === before)
          outcome.rejections.push({ appId: demand.app.id, reason: match, resources: left });
        break;
      }
      const id = newTaskId(demand.app.id);
      outcome.tasks.push(buildTaskInfo(demand.app, offer, id, match.resources, match.hostPorts));
      outcome.records.push(newRecord(demand.app, offer, id, candidate, match.hostPorts));
      left = remainingAfter(left, match.resources);
      demand.placed.push(candidate);
      demand.count--;
    }
  }
  return outcome;
}

function newRecord(
  app: AppDefinition,
  offer: Offer,
  id: string,
  placement: Record<string, string>,
  hostPorts: number[],
): TaskRecord {
  return {
    id,
    appId: app.id,
    agentId: offer.agent_id.value,
    host: offer.hostname,
    state: "TASK_STAGING",
    stagedAt: isoTime(),
    version: app.version,
    configVersion: app.versionInfo.lastConfigChangeAt,
    placement,
    ports: hostPorts,
    servicePorts: servicePortsOf(app),
    ipAddresses: [],
    healthResults: [],
    ...(app.readinessChecks.length > 0 ? { ready: false } : {}),
  };
}
