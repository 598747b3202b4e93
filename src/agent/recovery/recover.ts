import type { ID } from "../../mesos/ids.js";
import { newStatusUuid } from "../../mesos/ids.js";
import { hasCapability } from "../../mesos/framework.js";
import type { Task, TaskStatus } from "../../mesos/task.js";
import { nowSeconds } from "../../mesos/task.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { AgentBook } from "../book.js";
import type { FilesRegistry } from "../endpoints/files-registry.js";
import type { ExecutorHost } from "../executors/executor-host.js";
import type { StatusUpdateManager } from "../status-update-manager.js";
import type { AgentCgroups } from "../isolation/agent-cgroups.js";
import { AdoptedCommandExecutor } from "./adopted-executor.js";
import { adoptIntoBook } from "./adopt-into-book.js";
import { isSameProcessAlive, signalGroup } from "./process-watch.js";
import type { TaskCheckpoint } from "./task-checkpoint.js";
import type { TaskCheckpointer } from "./task-checkpointer.js";

export interface RecoveryDeps {
  agentId: string;
  host: ExecutorHost;
  book: AgentBook;
  files: FilesRegistry;
  statusUpdates: StatusUpdateManager;
  checkpointer: TaskCheckpointer;
  pollMs?: number;
  /** The agent's cgroups: an adopted task is killed through its container's cgroup too. */
  cgroups?: AgentCgroups;
}

/**
 * What a restarted agent does with the tasks its previous run checkpointed (Mesos `--recover=reconnect`):
 * - a command task of a checkpointing framework whose process still runs is re-adopted and stays RUNNING;
 * - a checkpointed terminal update that was never acknowledged is sent again;
 * - a checkpointing framework's task whose process died meanwhile, or whose executor cannot be
 *   re-attached, is TASK_FAILED (REASON_EXECUTOR_TERMINATED, or _REREGISTRATION_TIMEOUT after a kill);
 * - a task of a framework that does not checkpoint is killed, as Mesos kills such executors on restart,
 *   and reported TASK_LOST (TASK_GONE for partition-aware frameworks; TASK_DROPPED if it never
 *   started) with REASON_AGENT_RESTARTED.
 * Ended tasks are reported in REGISTER with their terminal state until the update is acknowledged.
 */
export function recoverTasks(checkpoints: TaskCheckpoint[], deps: RecoveryDeps): void {
  for (const checkpoint of checkpoints) {
    const { latest } = checkpoint;
    if (isTerminalState(latest.state)) {
      resend(checkpoint, latest, deps);
      continue;
    }
    const alive =
      checkpoint.pid !== undefined && isSameProcessAlive(checkpoint.pid, checkpoint.pidStartTicks);
    const checkpointing = checkpoint.framework.checkpoint === true;
    if (alive && checkpointing && checkpoint.kind === "command") {
      adopt(checkpoint, deps);
      continue;
    }
    if (alive && checkpoint.pid !== undefined) signalGroup(checkpoint.pid, "SIGKILL");
    resend(checkpoint, endStatus(checkpoint, alive, deps.agentId), deps);
  }
}

function endStatus(checkpoint: TaskCheckpoint, wasAlive: boolean, agentId: string): TaskStatus {
  const started = checkpoint.latest.state !== "TASK_STAGING";
  const partitionAware = hasCapability(checkpoint.framework, "PARTITION_AWARE");
  const ended = ((): Pick<TaskStatus, "state" | "reason" | "message"> => {
    if (checkpoint.framework.checkpoint === true && started)
      return wasAlive
        ? {
            state: "TASK_FAILED",
            reason: "REASON_EXECUTOR_REREGISTRATION_TIMEOUT",
            message: "Executor could not be reattached after the agent restarted",
          }
        : {
            state: "TASK_FAILED",
            reason: "REASON_EXECUTOR_TERMINATED",
            message: "Abnormal executor termination",
          };
    return {
      state: partitionAware ? (started ? "TASK_GONE" : "TASK_DROPPED") : "TASK_LOST",
      reason: "REASON_AGENT_RESTARTED",
      message: started ? "Agent restarted" : "Task launched during agent restart",
    };
  })();
  return {
    task_id: checkpoint.task.task_id,
    ...ended,
    source: "SOURCE_AGENT",
    agent_id: { value: agentId },
    executor_id: checkpoint.executor.executor_id,
    timestamp: nowSeconds(),
    uuid: newStatusUuid(),
  };
}

/** Queues a terminal update (kept on disk until acknowledged) and reports the task in REGISTER. */
function resend(checkpoint: TaskCheckpoint, status: TaskStatus, deps: RecoveryDeps): void {
  const frameworkId: ID = checkpoint.framework.id;
  if (status !== checkpoint.latest) deps.checkpointer.write({ ...checkpoint, latest: status });
  deps.checkpointer.addRecoveredReport(reportedTask(checkpoint, status, deps.agentId));
  deps.statusUpdates.enqueue(frameworkId, status);
}

function reportedTask(checkpoint: TaskCheckpoint, status: TaskStatus, agentId: string): Task {
  const { task } = checkpoint;
  return {
    name: task.name,
    task_id: task.task_id,
    framework_id: checkpoint.framework.id,
    ...(checkpoint.kind !== "command" ? { executor_id: checkpoint.executor.executor_id } : {}),
    agent_id: { value: agentId },
    state: status.state,
    resources: task.resources ?? [],
    statuses: [status],
    status_update_state: status.state,
    ...(status.uuid ? { status_update_uuid: status.uuid } : {}),
  };
}

function adopt(checkpoint: TaskCheckpoint, deps: RecoveryDeps): void {
  const runtime = adoptIntoBook(
    checkpoint,
    deps.book,
    deps.files,
    "command",
    (executor) =>
      new AdoptedCommandExecutor(
        deps.host,
        executor,
        checkpoint.pid as number,
        checkpoint.pidStartTicks,
        deps.pollMs,
        deps.cgroups,
      ),
  );
  runtime.start();
}
