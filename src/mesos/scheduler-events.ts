import type { ID } from "./ids.js";
import type { MasterInfo } from "./master-info.js";
import type { SchedulerEvent, SchedulerEventType } from "./scheduler-protocol.js";

/** The event of one type, with its payload field (`subscribed`, `offers`, …) known to be present. */
export type SchedulerEventOf<T extends SchedulerEventType> = SchedulerEvent & { type: T } & {
  [K in Lowercase<T> & keyof SchedulerEvent]-?: NonNullable<SchedulerEvent[K]>;
};

/** What a successful (re-)subscription established. */
export interface SchedulerSubscription {
  frameworkId: ID;
  streamId: string;
  /** Origin of the leading master the stream is open to, for example `http://127.0.0.1:5050`. */
  leader: string;
  heartbeatIntervalSeconds: number;
  masterInfo?: MasterInfo;
}

export interface DisconnectedNotice {
  /** Why the stream was lost (ended, reset, heartbeat timeout, ERROR event). */
  error: Error;
  /** False when the client gives up (framework removed, torn down, or the client was closed). */
  willReconnect: boolean;
}

export interface ClosedNotice {
  /** Set when the client stopped on its own (framework removed, recovery timeout), not through `close()`. */
  error?: Error;
}

/**
 * Everything `SchedulerClient.on()` can listen to: each event type by its wire name (typed payload), `event` for
 * all of them, and the client's own lifecycle notices in lower case.
 */
export type SchedulerClientEvents = { [T in SchedulerEventType]: SchedulerEventOf<T> } & {
  event: SchedulerEvent;
  disconnected: DisconnectedNotice;
  reconnected: SchedulerSubscription;
  closed: ClosedNotice;
  /** A listener threw, or a background call (auto-acknowledge) failed. */
  clientError: Error;
};

/** ERROR messages after which re-subscribing is pointless or harmful (another instance took over). */
export const isFinalSchedulerError = (message: string): boolean =>
  /Framework has been removed|Framework failed over/i.test(message);
