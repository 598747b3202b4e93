import type { ID } from "../../mesos/ids.js";
import type { Filters, OfferOperation } from "../../mesos/offer.js";
import { addResources } from "../../mesos/resources.js";
import type { MasterContext } from "../context.js";
import type { FrameworkRecord } from "../state/framework-record.js";
import { launchGroup, launchTask, type LaunchScope } from "./launch.js";
import { invalidOffersReason } from "./offer-validation.js";
import { removeOffer } from "./offers.js";
import { masterStatus, sendStatusUpdate } from "./status.js";

export const DEFAULT_REFUSE_SECONDS = 5;
const MAX_REFUSE_SECONDS = 31_536_000;

export function refuseSecondsOf(filters: Filters | undefined): number {
  const value = Number(filters?.refuse_seconds ?? DEFAULT_REFUSE_SECONDS);
  if (!Number.isFinite(value) || value < 0) return DEFAULT_REFUSE_SECONDS;
  return Math.min(value, MAX_REFUSE_SECONDS);
}

const launchedTasks = (operations: readonly OfferOperation[]) =>
  operations.flatMap((op) =>
    op.type === "LAUNCH"
      ? (op.launch?.task_infos ?? [])
      : op.type === "LAUNCH_GROUP"
        ? (op.launch_group?.task_group.tasks ?? [])
        : [],
  );

export interface AcceptCall {
  offer_ids?: ID[];
  operations?: OfferOperation[];
  filters?: Filters;
}

/** ACCEPT: launches what is valid and gives back whatever is left of the offers under the call's filters. */
export function acceptOffers(ctx: MasterContext, framework: FrameworkRecord, accept: AcceptCall): void {
  const offerIds = accept.offer_ids ?? [];
  const operations = accept.operations ?? [];
  const problem =
    offerIds.length === 0 ? "No offers specified" : invalidOffersReason(ctx, framework, offerIds);
  if (problem) {
    for (const { value } of offerIds)
      if (ctx.offers.get(value)?.frameworkId === framework.id) removeOffer(ctx, value, 0);
    for (const task of launchedTasks(operations)) {
      const status = masterStatus(
        task,
        "TASK_DROPPED",
        "REASON_INVALID_OFFERS",
        `Task launched with invalid offers: ${problem}`,
      );
      sendStatusUpdate(framework, status);
    }
    return;
  }
  const records = offerIds.map(({ value }) => removeOffer(ctx, value)!);
  const first = records[0]!;
  const scope: LaunchScope = {
    ctx,
    framework,
    agent: ctx.agents.get(first.agentId)!,
    role: first.role,
    remaining: addResources(records.flatMap((r) => r.resources)),
  };
  const seen = new Set<string>();
  for (const op of operations) {
    if (op.type === "LAUNCH") for (const task of op.launch?.task_infos ?? []) launchTask(scope, task, seen);
    else if (op.type === "LAUNCH_GROUP" && op.launch_group)
      launchGroup(scope, op.launch_group.executor, op.launch_group.task_group, seen);
    else ctx.logger.warn({ type: op.type }, "ignoring an offer operation minimesos does not support");
  }
  if (scope.remaining.length > 0)
    ctx.allocator.recoverResources(
      framework.id,
      scope.agent.id,
      scope.remaining,
      refuseSecondsOf(accept.filters),
    );
}
