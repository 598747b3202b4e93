// The Mesos client SDK and wire model, as the public API re-exports it.
export {
  SchedulerClient,
  type SchedulerClientOptions,
  type SchedulerClientState,
} from "./scheduler-client.js";
export type {
  SchedulerClientEvents,
  SchedulerEventOf,
  SchedulerSubscription,
  DisconnectedNotice,
  ClosedNotice,
} from "./scheduler-events.js";
export {
  schedulerCalls,
  toId,
  type IdLike,
  type OfferRef,
  type SubscribeOptions,
} from "./scheduler-calls.js";
export { ExecutorClient, type ExecutorClientState, type ExecutorStatusInput } from "./executor-client.js";
export { resolveExecutorOptions, executorApiUrl, type ExecutorClientOptions } from "./executor-config.js";
export type { ExecutorClientEvents, ExecutorEventOf, ExecutorSubscription } from "./executor-events.js";
export { MesosHttpError, MesosErrorEvent, ClientClosedError } from "./client-errors.js";
export { findLeadingMaster, masterOrigin } from "./master-address.js";
export {
  OperatorSubscription,
  type OperatorSubscriptionOptions,
  type OperatorSubscriptionEvents,
} from "./operator-subscription.js";
export { OperatorMirror } from "./operator-mirror.js";
export type * from "./operator-events.js";
export { LeaderDetector, type LeaderDetectorEvents } from "./zk/leader-detector.js";
export type { LeaderInfo } from "./zk/members.js";
export { parseZkUrl, isZkUrl, ZkUrlError, type ZkUrl } from "./zk/zk-url.js";

export { id, newStatusUuid, isStatusUuid, invalidIdReason } from "./ids.js";
export { TASK_STATES, isTerminalState } from "./task-state.js";
export { MESOS_VERSION } from "./version.js";
export { hasCapability } from "./framework.js";
export type * from "./ids.js";
export type * from "./task-state.js";
export type * from "./resource.js";
export type * from "./ranges.js";
export type * from "./attributes.js";
export type * from "./labels.js";
export type * from "./framework.js";
export type * from "./command.js";
export type * from "./health-check.js";
export type * from "./task.js";
export type * from "./offer.js";
export type * from "./master-info.js";
export type * from "./agent-info.js";
export type * from "./scheduler-protocol.js";
export type * from "./executor-protocol.js";
