import type { ExecutorInfo, TaskGroupInfo, TaskInfo, TaskStatus } from "./task.js";
import type { Filters, Offer, OfferOperation } from "./offer.js";
import type { FrameworkInfo } from "./framework.js";
import type { ID } from "./ids.js";
import type { KillPolicy } from "./command.js";
import type { Resource } from "./resource.js";
import type { SchedulerCall } from "./scheduler-protocol.js";

/** IDs may be given as `{value}` or as the bare string. */
export type IdLike = ID | string;
/** An offer or its ID. */
export type OfferRef = Offer | IdLike;

export const toId = (ref: IdLike): ID => (typeof ref === "string" ? { value: ref } : { value: ref.value });
const offerId = (ref: OfferRef): ID => (typeof ref === "object" && "id" in ref ? toId(ref.id) : toId(ref));
const offerIds = (refs: OfferRef | OfferRef[]): ID[] => (Array.isArray(refs) ? refs : [refs]).map(offerId);
const withFilters = <T extends object>(body: T, filters: Filters | undefined): T =>
  filters ? { ...body, filters } : body;

/** Mesos `bytes` fields travel as base64; strings are taken as UTF-8 text. */
export const toBase64 = (data: Uint8Array | string): string =>
  (typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data)).toString("base64");

export interface SubscribeOptions {
  suppressedRoles?: string[];
  offerConstraints?: unknown;
}

/** Builds the body of each scheduler call; `framework_id` is filled in by the client when it sends. */
export const schedulerCalls = {
  subscribe(info: FrameworkInfo, options: SubscribeOptions = {}): SchedulerCall {
    return {
      type: "SUBSCRIBE",
      ...(info.id ? { framework_id: toId(info.id) } : {}),
      subscribe: {
        framework_info: info,
        ...(options.suppressedRoles ? { suppressed_roles: options.suppressedRoles } : {}),
        ...(options.offerConstraints !== undefined ? { offer_constraints: options.offerConstraints } : {}),
      },
    };
  },
  accept: (
    offers: OfferRef | OfferRef[],
    operations: OfferOperation[],
    filters?: Filters,
  ): SchedulerCall => ({
    type: "ACCEPT",
    accept: withFilters({ offer_ids: offerIds(offers), operations }, filters),
  }),
  launch: (offers: OfferRef | OfferRef[], tasks: TaskInfo[], filters?: Filters): SchedulerCall =>
    schedulerCalls.accept(offers, [{ type: "LAUNCH", launch: { task_infos: tasks } }], filters),
  launchGroup: (
    offers: OfferRef | OfferRef[],
    executor: ExecutorInfo,
    tasks: TaskInfo[] | TaskGroupInfo,
    filters?: Filters,
  ): SchedulerCall =>
    schedulerCalls.accept(
      offers,
      [
        {
          type: "LAUNCH_GROUP",
          launch_group: { executor, task_group: Array.isArray(tasks) ? { tasks } : tasks },
        },
      ],
      filters,
    ),
  decline: (offers: OfferRef | OfferRef[], filters?: Filters): SchedulerCall => ({
    type: "DECLINE",
    decline: withFilters({ offer_ids: offerIds(offers) }, filters),
  }),
  revive: (roles?: string[]): SchedulerCall =>
    roles ? { type: "REVIVE", revive: { roles } } : { type: "REVIVE" },
  suppress: (roles?: string[]): SchedulerCall =>
    roles ? { type: "SUPPRESS", suppress: { roles } } : { type: "SUPPRESS" },
  kill: (taskId: IdLike, agentId?: IdLike, killPolicy?: KillPolicy): SchedulerCall => ({
    type: "KILL",
    kill: {
      task_id: toId(taskId),
      ...(agentId !== undefined ? { agent_id: toId(agentId) } : {}),
      ...(killPolicy ? { kill_policy: killPolicy } : {}),
    },
  }),
  shutdown: (executorId: IdLike, agentId: IdLike): SchedulerCall => ({
    type: "SHUTDOWN",
    shutdown: { executor_id: toId(executorId), agent_id: toId(agentId) },
  }),
  /** Undefined when the update carries no uuid: such updates must not be acknowledged. */
  acknowledge(status: TaskStatus): SchedulerCall | undefined {
    if (status.uuid === undefined) return undefined;
    if (!status.agent_id) throw new Error("Cannot acknowledge a status update without agent_id");
    return {
      type: "ACKNOWLEDGE",
      acknowledge: { agent_id: toId(status.agent_id), task_id: toId(status.task_id), uuid: status.uuid },
    };
  },
  reconcile: (tasks: Array<{ task_id: IdLike; agent_id?: IdLike }> = []): SchedulerCall => ({
    type: "RECONCILE",
    reconcile: {
      tasks: tasks.map((t) => ({
        task_id: toId(t.task_id),
        ...(t.agent_id !== undefined ? { agent_id: toId(t.agent_id) } : {}),
      })),
    },
  }),
  message: (agentId: IdLike, executorId: IdLike, data: Uint8Array | string): SchedulerCall => ({
    type: "MESSAGE",
    message: { agent_id: toId(agentId), executor_id: toId(executorId), data: toBase64(data) },
  }),
  request: (requests: Array<{ agent_id?: ID; resources?: Resource[] }>): SchedulerCall => ({
    type: "REQUEST",
    request: { requests },
  }),
  updateFramework: (info: FrameworkInfo, options: SubscribeOptions = {}): SchedulerCall => ({
    type: "UPDATE_FRAMEWORK",
    update_framework: {
      framework_info: info,
      ...(options.suppressedRoles ? { suppressed_roles: options.suppressedRoles } : {}),
      ...(options.offerConstraints !== undefined ? { offer_constraints: options.offerConstraints } : {}),
    },
  }),
  teardown: (): SchedulerCall => ({ type: "TEARDOWN" }),
};
