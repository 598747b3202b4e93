import type { SchedulerClient } from "../../mesos/scheduler-client.js";

/** The scheduler calls Marathon makes; a SchedulerClient satisfies it. */
export type SchedulerDriver = Pick<
  SchedulerClient,
  "launch" | "decline" | "kill" | "revive" | "suppress" | "reconcile" | "acknowledge"
>;
