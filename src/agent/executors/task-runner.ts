import { healthUpdates } from "../health-checks/health-updates.js";
import type { KillPolicy } from "../../mesos/command.js";
import { hasCapability } from "../../mesos/framework.js";
import type { ContainerStatus, TaskInfo } from "../../mesos/task.js";
import type { ExecutorRecord } from "../book.js";
import { signalDescription, type Container, type ContainerExit } from "../containerizer/containerizer.js";
import { withCommandEnvironment } from "../environment.js";
import { containerIdentity } from "../isolation/container-identity.js";
import { fetchUris } from "../fetcher.js";
import { HealthChecker } from "../health-checks/health-checker.js";
import { DEFAULT_KILL_GRACE_MS, nanosToMs, type ExecutorHost, type StatusFields } from "./executor-host.js";

export interface TaskRunnerOptions {
  host: ExecutorHost;
  executor: ExecutorRecord;
  task: TaskInfo;
  sandbox: string;
  containerId: NonNullable<ContainerStatus["container_id"]>;
  /** The executor's environment; the task's command.environment goes on top. */
  env: Record<string, string>;
  /** Called once, after the terminal update was sent. */
  onEnded: (runner: TaskRunner, exit: ContainerExit, state: StatusFields["state"]) => void;
}

/**
 * One task's command in its own container, as the command executor runs it: STARTING and RUNNING as soon
 * as the process is spawned, then FINISHED, FAILED or KILLED from how it ended. Handles kills (SIGTERM,
 * SIGKILL after the grace period), `max_completion_time` and health checks.
 */
export class TaskRunner {
  private container: Container | undefined;
  private killing = false;
  private killedByHealthCheck = false;
  private timedOut = false;
  private ended = false;
  private timers: NodeJS.Timeout[] = [];
  private health: HealthChecker | undefined;

  constructor(private readonly options: TaskRunnerOptions) {}

  get taskId(): string {
    return this.options.task.task_id.value;
  }

  get pid(): number | undefined {
    return (this.container as { pid?: number } | undefined)?.pid;
  }

  usage() {
    return this.container?.usage();
  }

  start(): void {
    const uris = this.options.task.command?.uris ?? [];
    if (uris.length === 0) return this.launch();
    fetchUris(uris, this.options.sandbox).then(
      () => this.launch(),
      (error: Error) =>
        this.finish({ code: null, signal: null, launchError: `Failed to fetch URIs: ${error.message}` }),
    );
  }

  /** Kills the task: TASK_KILLING (for frameworks that understand it), SIGTERM, SIGKILL after the grace period. */
  kill(killPolicy?: KillPolicy): void {
    if (this.ended || this.killing) return;
    this.killing = true;
    if (!this.container) return this.finish({ code: null, signal: "SIGKILL" });
    if (hasCapability(this.options.executor.framework.info, "TASK_KILLING_STATE"))
      this.send({ state: "TASK_KILLING" });
    this.health?.stop();
    const graceMs =
      nanosToMs(killPolicy?.grace_period?.nanoseconds) ??
      nanosToMs(this.options.task.kill_policy?.grace_period?.nanoseconds) ??
      DEFAULT_KILL_GRACE_MS;
    this.container.signal("SIGTERM");
    this.after(graceMs, () => this.container?.signal("SIGKILL"));
  }

  /** Ends the task at once (agent shutting down or the group failing hard). */
  destroy(): void {
    this.killing = true;
    if (this.container) this.container.signal("SIGKILL");
    else this.finish({ code: null, signal: "SIGKILL" });
  }

  private launch(): void {
    if (this.ended) return;
    if (this.killing) return this.finish({ code: null, signal: "SIGKILL" });
    const { host, task, sandbox } = this.options;
    const env = withCommandEnvironment(this.options.env, task.command);
    const container = host.containerizer.launch({
      containerId: this.options.containerId.value,
      sandbox,
      command: task.command ?? {},
      env,
      ...containerIdentity(this.options.executor, task),
    });
    this.container = container;
    container.started.then(
      (pid) => this.running(pid, env),
      () => undefined,
    );
    void container.exited.then((exit) => this.finish(exit));
    const maxMs = nanosToMs(task.max_completion_time?.nanoseconds);
    if (maxMs !== undefined)
      this.after(maxMs, () => {
        this.timedOut = true;
        this.container?.signal("SIGKILL");
      });
  }

  private running(pid: number | undefined, env: Record<string, string>): void {
    if (this.ended) return;
    this.send({ state: "TASK_STARTING" });
    this.send({
      state: "TASK_RUNNING",
      container_status: {
        network_infos: [{ ip_addresses: [{ protocol: "IPv4", ip_address: this.options.host.ip }] }],
        ...(pid !== undefined ? { executor_pid: pid } : {}),
      },
    });
    const check = this.options.task.health_check;
    if (!check || this.killing) return;
    this.health = new HealthChecker({
      check,
      sandbox: this.options.sandbox,
      env,
      ...healthUpdates(
        (status) => this.send(status),
        () => {
          this.killedByHealthCheck = true;
          this.kill();
        },
      ),
    });
    this.health.start();
  }

  private finish(exit: ContainerExit): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.health?.stop();
    const status = this.terminalStatus(exit);
    this.send(status);
    this.options.onEnded(this, exit, status.state);
  }

  private terminalStatus(exit: ContainerExit): Omit<StatusFields, "task_id"> {
    if (exit.limitation)
      return {
        state: "TASK_FAILED",
        message: exit.limitation.message,
        reason: exit.limitation.reason,
        source: "SOURCE_AGENT",
      };
    if (exit.launchError)
      return {
        state: "TASK_FAILED",
        message: `Failed to launch container: ${exit.launchError}`,
        reason: "REASON_CONTAINER_LAUNCH_FAILED",
        source: "SOURCE_AGENT",
      };
    const message =
      exit.code !== null
        ? `Command exited with status ${exit.code}`
        : `Command terminated with signal ${signalDescription(exit.signal ?? "SIGKILL")}`;
    if (this.timedOut) return { state: "TASK_FAILED", message, reason: "REASON_MAX_COMPLETION_TIME_REACHED" };
    if (this.killing)
      return { state: "TASK_KILLED", message, ...(this.killedByHealthCheck ? { healthy: false } : {}) };
    return { state: exit.code === 0 ? "TASK_FINISHED" : "TASK_FAILED", message };
  }

  private send(fields: Omit<StatusFields, "task_id">): void {
    this.options.host.update(this.options.executor, {
      task_id: this.options.task.task_id,
      ...fields,
      container_status: { container_id: this.options.containerId, ...fields.container_status },
    });
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(action, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
