import { appendStatus } from "../mesos/task.js";
import { randomUUID } from "node:crypto";
import type { Logger } from "../common/logger.js";
import type { AgentLinkEvent } from "../mesos/agent-link-protocol.js";
import type { FrameworkInfo } from "../mesos/framework.js";
import { newStatusUuid, type ID } from "../mesos/ids.js";
import type { ExecutorInfo, TaskInfo, TaskStatus } from "../mesos/task.js";
import { nowSeconds } from "../mesos/task.js";
import { isTerminalState } from "../mesos/task-state.js";
import {
  AgentBook,
  MAX_COMPLETED_TASKS,
  trim,
  type ExecutorKind,
  type ExecutorRecord,
  type TaskRecord,
} from "./book.js";
import { commandExecutorInfo } from "./command-executor-info.js";
import { waitStatus, type ContainerExit, type Containerizer } from "./containerizer/containerizer.js";
import { executorEnvironment } from "./environment.js";
import { CommandExecutor } from "./executors/command-executor.js";
import { DefaultExecutor } from "./executors/default-executor.js";
import type { ExecutorHost, StatusFields } from "./executors/executor-host.js";
import { HttpExecutor } from "./executor-api/http-executor.js";
import type { FilesRegistry } from "./endpoints/files-registry.js";
import { createRunSandbox, runDir, virtualLatestRun } from "./sandbox.js";
import type { StatusUpdateManager } from "./status-update-manager.js";
import type { AgentCounters } from "./metrics.js";
import type { AgentInfo } from "../mesos/agent-info.js";
import type { TaskCheckpointer } from "./recovery/task-checkpointer.js";
import type { DockerContainerizer } from "./containerizer/docker/docker-containerizer.js";
import { DockerExecutor } from "./containerizer/docker/docker-executor.js";
import { isDockerTask } from "./containerizer/docker/docker-info.js";

export interface AgentRuntimeSettings {
  logger: Logger;
  containerizer: Containerizer;
  /** Runs tasks whose ContainerInfo is DOCKER (`--containerizers=docker,...`). */
  docker?: DockerContainerizer;
  ip: string;
  port: number;
  workDir: string;
  launcherDir: string | undefined;
  shutdownGracePeriodMs: number;
  registrationTimeoutMs: number;
  reregistrationTimeoutMs: number;
  /** --recovery_timeout, passed to checkpointing executors as MESOS_RECOVERY_TIMEOUT. */
  recoveryTimeoutMs?: number;
  statusUpdates: StatusUpdateManager;
  counters: AgentCounters;
  agentInfo: () => AgentInfo;
  files: FilesRegistry;
  agentId: () => string | undefined;
  /** Writes `<work_dir>/meta` task checkpoints for recovery after a restart. */
  checkpointer?: TaskCheckpointer;
  /** Tells the master an executor ended (link EXECUTOR_EXITED). */
  executorExited: (frameworkId: ID, executorId: ID, status: number) => void;
}

/**
 * The agent's task-running core: turns the master's RUN_TASK, KILL_TASK, SHUTDOWN_* and messages into
 * executors, and every executor update into a recorded, acknowledged-until-delivered status update.
 */
export class AgentRuntime implements ExecutorHost {
  readonly book = new AgentBook();
  readonly logger: Logger;
  readonly containerizer: Containerizer;
  readonly ip: string;
  readonly shutdownGracePeriodMs: number;
  readonly registrationTimeoutMs: number;

  constructor(private readonly settings: AgentRuntimeSettings) {
    this.logger = settings.logger;
    this.containerizer = settings.containerizer;
    this.ip = settings.ip;
    this.shutdownGracePeriodMs = settings.shutdownGracePeriodMs;
    this.registrationTimeoutMs = settings.registrationTimeoutMs;
  }

  get agentId(): string {
    return this.settings.agentId() ?? "";
  }

  runTask(run: NonNullable<AgentLinkEvent["run_task"]>): void {
    const frameworkId = run.framework.id;
    if (!frameworkId) return this.logger.warn("RUN_TASK without a framework id dropped");
    const framework = this.book.ensureFramework({ ...run.framework, id: frameworkId });
    if (run.task_group && run.executor) {
      const executor = this.executorFor(
        framework.info,
        { ...run.executor, framework_id: frameworkId },
        "default",
      );
      return this.launchOn(executor, run.task_group.tasks, true);
    }
    const task = run.task;
    if (!task) return this.logger.warn("RUN_TASK without a task dropped");
    if (task.executor && !(task.executor.type === "DEFAULT" && task.command)) {
      const executor = this.executorFor(
        framework.info,
        { ...task.executor, framework_id: frameworkId },
        "custom",
      );
      return this.launchOn(executor, [task], false);
    }
    const info = commandExecutorInfo(task, frameworkId, this.settings.launcherDir);
    this.launchOn(
      this.executorFor(framework.info, info, "command", isDockerTask(task.container)),
      [task],
      false,
    );
  }

  killTask(kill: NonNullable<AgentLinkEvent["kill_task"]>): void {
    const executor = this.book.executorOfTask(kill.framework_id.value, kill.task_id.value);
    if (!executor) return this.logger.info({ task: kill.task_id.value }, "kill of an unknown task ignored");
    const queued = executor.queued.get(kill.task_id.value);
    if (queued) {
      executor.queued.delete(kill.task_id.value);
      this.recordLaunched(executor, queued);
      this.update(executor, {
        task_id: kill.task_id,
        state: "TASK_KILLED",
        source: "SOURCE_AGENT",
        reason: "REASON_TASK_KILLED_DURING_LAUNCH",
        message: "Killed before delivery to the executor",
      });
      if (executor.tasks.size === 0 && executor.queued.size === 0) executor.runtime?.shutdown();
      return;
    }
    executor.runtime?.kill(kill.task_id, kill.kill_policy);
  }

  shutdownFramework(frameworkId: ID): void {
    const framework = this.book.framework(frameworkId.value);
    for (const executor of framework?.executors.values() ?? []) this.shutdownExecutor(executor);
    this.settings.statusUpdates.dropFramework(frameworkId);
  }

  shutdownExecutorById(frameworkId: ID, executorId: ID): void {
    const executor = this.book.executor(frameworkId.value, executorId.value);
    if (executor) this.shutdownExecutor(executor);
  }

  frameworkMessage(message: NonNullable<AgentLinkEvent["framework_message"]>): void {
    this.book.executor(message.framework_id.value, message.executor_id.value)?.runtime?.message(message.data);
  }

  updateFramework(info: FrameworkInfo): void {
    const record = info.id && this.book.framework(info.id.value);
    if (record) record.info = { ...info, id: record.info.id };
  }

  /** Kills every container at once (the agent is stopping). */
  destroyAll(): void {
    for (const executor of [...this.book.allExecutors()]) executor.runtime?.destroy();
  }

  update(executor: ExecutorRecord, fields: StatusFields): void {
    const status: TaskStatus = {
      source: "SOURCE_EXECUTOR",
      ...fields,
      agent_id: { value: this.agentId },
      executor_id: executor.info.executor_id,
      timestamp: nowSeconds(),
      uuid: fields.source === "SOURCE_MASTER" ? undefined : newStatusUuid(),
      container_status: { container_id: { value: executor.containerId }, ...fields.container_status },
    };
    this.deliver(executor, status);
  }

  /** Records a complete status (from an HTTP executor, uuid included) and queues it for the master. */
  deliver(executor: ExecutorRecord, status: TaskStatus): void {
    const task = executor.tasks.get(status.task_id.value);
    this.settings.counters.validStatusUpdates++;
    if (isTerminalState(status.state)) this.settings.counters.countTerminal(status.state);
    if (task) {
      task.state = status.state;
      appendStatus(task.statuses, status);
      this.settings.checkpointer?.record(executor, task, status);
      if (isTerminalState(status.state)) {
        executor.tasks.delete(status.task_id.value);
        executor.completed.push(task);
        trim(executor.completed, MAX_COMPLETED_TASKS);
      }
    }
    this.settings.statusUpdates.enqueue(executor.info.framework_id, status);
  }

  executorTerminated(executor: ExecutorRecord, exit: ContainerExit): void {
    if (executor.state === "TERMINATED") return;
    executor.state = "TERMINATED";
    this.settings.counters.executorsTerminated++;
    if (exit.launchError) this.settings.counters.containerLaunchErrors++;
    for (const info of executor.queued.values()) this.recordLaunched(executor, info);
    executor.queued.clear();
    for (const task of [...executor.tasks.values()])
      this.update(executor, {
        task_id: task.info.task_id,
        state: "TASK_FAILED",
        source: "SOURCE_AGENT",
        reason:
          exit.limitation?.reason ??
          (exit.launchError ? "REASON_CONTAINER_LAUNCH_FAILED" : "REASON_EXECUTOR_TERMINATED"),
        message:
          exit.limitation?.message ??
          (exit.launchError ? `Failed to launch container: ${exit.launchError}` : "Executor terminated"),
      });
    this.book.retireExecutor(executor);
    // As in Mesos, the end of a command executor is not an executor failure the scheduler hears of.
    if (executor.kind !== "command")
      this.settings.executorExited(executor.info.framework_id, executor.info.executor_id, waitStatus(exit));
  }

  environment(executor: ExecutorRecord, directory: string): Record<string, string> {
    return executorEnvironment({
      agentId: this.agentId,
      ip: this.settings.ip,
      port: this.settings.port,
      framework: executor.framework.info,
      executorId: executor.info.executor_id.value,
      directory,
      shutdownGracePeriodMs: this.gracePeriodOf(executor.info),
      reregistrationTimeoutMs: this.settings.reregistrationTimeoutMs,
      ...(this.settings.recoveryTimeoutMs !== undefined
        ? { recoveryTimeoutMs: this.settings.recoveryTimeoutMs }
        : {}),
      ...(executor.kind !== "custom" ? { allocationRole: allocationRole(executor) } : {}),
    });
  }

  agentInfo(): AgentInfo {
    return this.settings.agentInfo();
  }

  gracePeriodOf(info: ExecutorInfo): number {
    const nanos = info.shutdown_grace_period?.nanoseconds;
    return nanos !== undefined ? Number(nanos) / 1e6 : this.shutdownGracePeriodMs;
  }

  private shutdownExecutor(executor: ExecutorRecord): void {
    if (executor.state === "TERMINATED") return;
    executor.runtime?.shutdown();
  }

  private executorFor(
    framework: FrameworkInfo & { id: ID },
    info: ExecutorInfo & { framework_id: ID },
    kind: ExecutorKind,
    dockerTask = false,
  ): ExecutorRecord {
    const record = this.book.framework(framework.id.value) ?? this.book.ensureFramework(framework);
    const existing = record.executors.get(info.executor_id.value);
    if (existing && existing.state !== "TERMINATED" && existing.state !== "TERMINATING") return existing;
    const containerId = randomUUID();
    // Simulated containers write nothing, so their sandboxes are named but not made (1000 tasks stay cheap).
    const simulated = this.containerizer.name === "simulated" && !dockerTask;
    const directory = (simulated ? runDir : createRunSandbox)(
      this.settings.workDir,
      this.agentId,
      framework.id.value,
      info.executor_id.value,
      containerId,
    );
    const executor: ExecutorRecord = {
      info,
      kind,
      framework: record,
      containerId,
      directory,
      state: "REGISTERING",
      tasks: new Map(),
      queued: new Map(),
      completed: [],
      runtime: undefined,
    };
    // Simulated containers cannot run a real executor: its tasks run as the default executor runs them.
    executor.runtime = dockerTask
      ? new DockerExecutor(this, executor, this.settings.docker)
      : kind === "command"
        ? new CommandExecutor(this, executor)
        : kind === "default" || this.containerizer.name === "simulated"
          ? new DefaultExecutor(this, executor)
          : new HttpExecutor(this, executor);
    record.executors.set(info.executor_id.value, executor);
    if (!simulated)
      this.settings.files.attachRun(executor, virtualLatestRun(framework.id.value, info.executor_id.value));
    return executor;
  }

  private launchOn(executor: ExecutorRecord, tasks: TaskInfo[], asGroup: boolean): void {
    if (executor.runtime instanceof HttpExecutor && !executor.runtime.subscribed) {
      for (const task of tasks) executor.queued.set(task.task_id.value, task);
      executor.runtime.start();
      return;
    }
    for (const task of tasks) this.recordLaunched(executor, task);
    executor.runtime?.launch(tasks, asGroup);
  }

  recordLaunched(executor: ExecutorRecord, info: TaskInfo): TaskRecord {
    const record: TaskRecord = {
      info,
      frameworkId: executor.info.framework_id,
      state: "TASK_STAGING",
      statuses: [],
    };
    executor.tasks.set(info.task_id.value, record);
    this.settings.checkpointer?.record(executor, record);
    return record;
  }
}

function allocationRole(executor: ExecutorRecord): string {
  const resources = executor.info.resources ?? [];
  const withRole = resources.find((r) => r.allocation_info?.role);
  if (withRole?.allocation_info) return withRole.allocation_info.role;
  const roles = executor.framework.info.roles ?? [];
  return roles[0] ?? executor.framework.info.role ?? "*";
}
