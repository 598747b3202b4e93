import { formatDuration } from "../../common/duration.js";
import type { RecordIOStream } from "../../common/http-server.js";
import type { KillPolicy } from "../../mesos/command.js";
import type { ExecutorEvent } from "../../mesos/executor-protocol.js";
import type { ID } from "../../mesos/ids.js";
import type { TaskInfo } from "../../mesos/task.js";
import type { ExecutorRecord, ExecutorRuntime } from "../book.js";
import type { Container, ContainerExit } from "../containerizer/containerizer.js";
import { withCommandEnvironment } from "../environment.js";
import type { ExecutorHost } from "../executors/executor-host.js";
import { containerIdentity } from "../isolation/container-identity.js";
import { fetchUris } from "../fetcher.js";

const HEARTBEAT_INTERVAL_MS = 30_000;

/**
 * A framework's own executor: its command runs in its sandbox with the executor environment, and it
 * talks the executor API v1 back to this agent. Tasks wait in `queued` until it subscribes.
 */
export class HttpExecutor implements ExecutorRuntime {
  private container: Container | undefined;
  private stream: RecordIOStream | undefined;
  private starting = false;
  private timers: NodeJS.Timeout[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly host: ExecutorHost,
    private readonly executor: ExecutorRecord,
  ) {}

  get subscribed(): boolean {
    return this.stream !== undefined && !this.stream.isClosed;
  }

  get pid(): number | undefined {
    return (this.container as { pid?: number } | undefined)?.pid;
  }

  usage() {
    return this.container?.usage();
  }

  /** Starts the executor's process (once) and the registration timeout. */
  start(): void {
    if (this.starting) return;
    this.starting = true;
    const command = this.executor.info.command ?? {};
    const launch = () => {
      if (this.ended) return;
      const env = withCommandEnvironment(
        this.host.environment(this.executor, this.executor.directory),
        command,
      );
      this.container = this.host.containerizer.launch({
        containerId: this.executor.containerId,
        sandbox: this.executor.directory,
        command,
        env,
        ...containerIdentity(this.executor),
      });
      void this.container.exited.then((exit) => this.exited(exit));
    };
    const uris = command.uris ?? [];
    if (uris.length === 0) launch();
    else
      fetchUris(uris, this.executor.directory).then(launch, (error: Error) =>
        this.exited({ code: null, signal: null, launchError: `Failed to fetch URIs: ${error.message}` }),
      );
    this.after(this.host.registrationTimeoutMs, () => this.registrationTimedOut());
  }

  /** SUBSCRIBE: the stream becomes the executor's event stream; queued tasks are launched on it. */
  subscribe(stream: RecordIOStream): void {
    this.stream?.close();
    this.stream = stream;
    this.executor.state = "RUNNING";
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    stream.onClose(() => {
      if (this.stream === stream) this.stream = undefined;
    });
    this.send({
      type: "SUBSCRIBED",
      subscribed: {
        executor_info: this.executor.info,
        framework_info: this.executor.framework.info,
        agent_info: this.host.agentInfo(),
        container_id: { value: this.executor.containerId },
      },
    });
    const queued = [...this.executor.queued.values()];
    this.executor.queued.clear();
    for (const task of queued) {
      this.executor.tasks.set(task.task_id.value, {
        info: task,
        frameworkId: this.executor.info.framework_id,
        state: "TASK_STAGING",
        statuses: [],
      });
    }
    this.launch(queued);
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => this.send({ type: "HEARTBEAT" }), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  launch(tasks: TaskInfo[]): void {
    for (const task of tasks) this.send({ type: "LAUNCH", launch: { task } });
  }

  kill(taskId: ID, killPolicy?: KillPolicy): void {
    this.send({
      type: "KILL",
      kill: { task_id: taskId, ...(killPolicy ? { kill_policy: killPolicy } : {}) },
    });
  }

  acknowledged(taskId: ID, uuid: string): void {
    this.send({ type: "ACKNOWLEDGED", acknowledged: { task_id: taskId, uuid } });
  }

  message(data: string): void {
    this.send({ type: "MESSAGE", message: { data } });
  }

  /** SHUTDOWN event, then the container is destroyed after the grace period. */
  shutdown(): void {
    if (this.ended || this.executor.state === "TERMINATING") return;
    this.executor.state = "TERMINATING";
    this.send({ type: "SHUTDOWN" });
    if (!this.container) return this.exited({ code: null, signal: "SIGKILL" });
    this.after(this.host.gracePeriodOf(this.executor.info), () => this.container?.signal("SIGKILL"));
  }

  destroy(): void {
    if (this.container) this.container.signal("SIGKILL");
    else this.exited({ code: null, signal: "SIGKILL" });
  }

  private registrationTimedOut(): void {
    if (this.subscribed || this.ended) return;
    const timeout = formatDuration(this.host.registrationTimeoutMs);
    for (const task of this.executor.queued.values()) {
      this.executor.tasks.set(task.task_id.value, {
        info: task,
        frameworkId: this.executor.info.framework_id,
        state: "TASK_STAGING",
        statuses: [],
      });
      this.host.update(this.executor, {
        task_id: task.task_id,
        state: "TASK_FAILED",
        source: "SOURCE_AGENT",
        reason: "REASON_EXECUTOR_REGISTRATION_TIMEOUT",
        message: `Executor did not register within ${timeout}`,
      });
    }
    this.executor.queued.clear();
    this.destroy();
  }

  private exited(exit: ContainerExit): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    clearInterval(this.heartbeat);
    this.stream?.close();
    this.host.executorTerminated(this.executor, exit);
  }

  private send(event: ExecutorEvent): void {
    this.stream?.send(event);
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(action, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
