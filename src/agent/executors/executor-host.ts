import type { Logger } from "../../common/logger.js";
import type { AgentInfo } from "../../mesos/agent-info.js";
import type { ExecutorInfo, TaskStatus } from "../../mesos/task.js";
import type { ExecutorRecord } from "../book.js";
import type { ContainerExit, Containerizer } from "../containerizer/containerizer.js";

/** The fields an executor sets on an update; the agent fills in uuid, ids, timestamp and container. */
export type StatusFields = Pick<TaskStatus, "task_id" | "state"> &
  Partial<
    Pick<TaskStatus, "message" | "reason" | "healthy" | "source" | "data" | "container_status" | "labels">
  >;

/** What executors need from the agent. */
export interface ExecutorHost {
  readonly logger: Logger;
  readonly containerizer: Containerizer;
  /** The IP tasks are reachable on (reported in container_status.network_infos). */
  readonly ip: string;
  readonly shutdownGracePeriodMs: number;
  readonly registrationTimeoutMs: number;
  /** Records a status of one of the executor's tasks and forwards it through the status update manager. */
  update(executor: ExecutorRecord, status: StatusFields): void;
  /** The executor's container is gone. */
  executorTerminated(executor: ExecutorRecord, exit: ContainerExit): void;
  /** The executor's environment (MESOS_* variables), for a process running in `directory`. */
  environment(executor: ExecutorRecord, directory: string): Record<string, string>;
  /** The executor's shutdown grace period: its own, else the agent's flag. */
  gracePeriodOf(info: ExecutorInfo): number;
  /** AgentInfo as executors see it in SUBSCRIBED. */
  agentInfo(): AgentInfo;
}

/** Three seconds: the command executor's default kill grace period. */
export const DEFAULT_KILL_GRACE_MS = 3000;

export const nanosToMs = (nanoseconds: number | undefined): number | undefined =>
  nanoseconds === undefined ? undefined : Number(nanoseconds) / 1e6;
