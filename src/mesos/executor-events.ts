import type { AgentInfo } from "./agent-info.js";
import type { ExecutorEvent, ExecutorEventType } from "./executor-protocol.js";
import type { FrameworkInfo } from "./framework.js";
import type { ClosedNotice, DisconnectedNotice } from "./scheduler-events.js";
import type { ExecutorInfo } from "./task.js";

/** The event of one type, with its payload field (`launch`, `acknowledged`, …) known to be present. */
export type ExecutorEventOf<T extends ExecutorEventType> = ExecutorEvent & { type: T } & {
  [K in Lowercase<T> & keyof ExecutorEvent]-?: NonNullable<ExecutorEvent[K]>;
};

/** What the agent said in SUBSCRIBED. */
export interface ExecutorSubscription {
  executorInfo: ExecutorInfo;
  frameworkInfo: FrameworkInfo;
  agentInfo: AgentInfo;
  containerId?: { value: string };
}

/** Everything `ExecutorClient.on()` can listen to (see SchedulerClientEvents for the scheme). */
export type ExecutorClientEvents = { [T in ExecutorEventType]: ExecutorEventOf<T> } & {
  event: ExecutorEvent;
  disconnected: DisconnectedNotice;
  reconnected: ExecutorSubscription;
  closed: ClosedNotice;
  clientError: Error;
};
