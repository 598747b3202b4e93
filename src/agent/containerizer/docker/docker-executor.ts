import type Docker from "dockerode";
import { healthUpdates } from "../../health-checks/health-updates.js";
import type { KillPolicy } from "../../../mesos/command.js";
import { hasCapability } from "../../../mesos/framework.js";
import type { ID } from "../../../mesos/ids.js";
import type { TaskInfo } from "../../../mesos/task.js";
import type { ExecutorRecord, ExecutorRuntime } from "../../book.js";
import {
  DEFAULT_KILL_GRACE_MS,
  nanosToMs,
  type ExecutorHost,
  type StatusFields,
} from "../../executors/executor-host.js";
import { fetchUris } from "../../fetcher.js";
import { bridgeForwards } from "./bridge-forwards.js";
import { containerName, MAPPED_SANDBOX } from "./create-options.js";
import type { DockerContainerizer } from "./docker-containerizer.js";
import { dockerContainerSpec, DockerLaunchError, type DockerContainerSpec } from "./docker-info.js";
import type { EngineContainer } from "./engine-container.js";
import type { HealthChecker } from "../../health-checks/health-checker.js";
import { dockerHealthChecker } from "./docker-health.js";
import { containerEnvironment, reachableNetworkInfos } from "./task-view.js";

/**
 * Mesos's Docker executor, built in: runs a DOCKER task's container on the engine, reports STARTING and
 * RUNNING (with the inspect JSON as `data` and the address the task is reachable at), and FINISHED,
 * FAILED or KILLED from the container's exit code. Kill = stop with the kill policy's grace period.
 */
export class DockerExecutor implements ExecutorRuntime {
  readonly pid = undefined;
  private task: TaskInfo | undefined;
  private container: EngineContainer | undefined;
  private killing = false;
  private killGraceMs = DEFAULT_KILL_GRACE_MS;
  private started = false;
  private ended = false;
  private health: HealthChecker | undefined;
  private killedByHealthCheck = false;

  constructor(
    private readonly host: ExecutorHost,
    private readonly executor: ExecutorRecord,
    private readonly engine: DockerContainerizer | undefined,
  ) {}

  launch(tasks: TaskInfo[]): void {
    const task = tasks[0];
    if (!task || this.task) return;
    this.task = task;
    this.executor.state = "RUNNING";
    void this.run(task).catch((error: Error) => this.launchFailed(error));
  }

  /** Re-attaches to the container of a task that outlived an agent restart. */
  adopt(task: TaskInfo, container: EngineContainer): void {
    this.task = task;
    this.container = container;
    void this.follow(container, true).catch((error: Error) => this.launchFailed(error));
  }

  kill(_taskId?: ID, killPolicy?: KillPolicy): void {
    const task = this.task;
    if (!task || this.ended || this.killing) return;
    this.killing = true;
    this.killGraceMs =
      nanosToMs(killPolicy?.grace_period?.nanoseconds) ??
      nanosToMs(task.kill_policy?.grace_period?.nanoseconds) ??
      DEFAULT_KILL_GRACE_MS;
    // Before the container runs, run() and follow() see the kill and act on it.
    if (!this.started) return;
    if (hasCapability(this.executor.framework.info, "TASK_KILLING_STATE"))
      this.send({ state: "TASK_KILLING" });
    this.stopContainer();
  }

  private stopContainer(): void {
    void this.container?.stop(this.killGraceMs).catch((error: Error) => this.logFailure("stop", error));
  }

  shutdown(): void {
    this.executor.state = "TERMINATING";
    this.kill();
  }

  destroy(): void {
    this.killing = true;
    this.killGraceMs = 0;
    if (this.container) void this.container.kill().catch((error: Error) => this.logFailure("kill", error));
    else if (!this.task) this.host.executorTerminated(this.executor, { code: null, signal: "SIGKILL" });
  }

  message(): void {
    // Like Mesos's Docker executor, framework messages are ignored.
  }

  usage() {
    return this.container?.usage();
  }

  private async run(task: TaskInfo): Promise<void> {
    if (!this.engine)
      throw new DockerLaunchError("The docker containerizer is not enabled on this agent (--containerizers)");
    const spec = dockerContainerSpec(task.container ?? {});
    await fetchUris(task.command?.uris ?? [], this.executor.directory);
    const container = await this.engine.create({
      task,
      spec,
      containerId: this.executor.containerId,
      sandbox: this.executor.directory,
      agentIp: this.engine.publishIp,
      env: this.environment(task),
      labels: this.engine.labelsFor(this.executor, task.task_id.value, this.host.agentInfo().id?.value ?? ""),
      warn: (message) => this.host.logger.warn({ task: task.task_id.value }, message),
    });
    this.container = container;
    await container.streamLogs(this.executor.directory, false);
    if (this.killing) {
      await container.remove();
      return this.finish({ state: "TASK_KILLED", message: "Container killed before it started" });
    }
    await container.start();
    if (spec.forcePullImage)
      this.host.logger.warn({ image: spec.image }, "force_pull_image: using the local image");
    await this.follow(container, false, spec);
  }

  private async follow(
    container: EngineContainer,
    adopted: boolean,
    known?: DockerContainerSpec,
  ): Promise<void> {
    if (adopted) await container.streamLogs(this.executor.directory, true);
    const inspect = await container.inspect();
    const spec = known ?? dockerContainerSpec(this.task?.container ?? {});
    const engine = this.engine;
    if (engine) await container.forward(bridgeForwards(spec, inspect, engine.bridgeNetwork, engine.listenIp));
    // The agent stopped meanwhile: a later run adopts the container; nothing more to start here.
    if (container.detached) return;
    if (!adopted) {
      this.send({ state: "TASK_STARTING" });
      this.send({
        state: "TASK_RUNNING",
        data: Buffer.from(JSON.stringify([inspect])).toString("base64"),
        container_status: {
          network_infos: reachableNetworkInfos(
            spec,
            inspect,
            engine?.reportedIp(spec.network) ?? this.host.ip,
          ),
        },
      });
    }
    this.started = true;
    void container.sampleStats().catch(() => undefined);
    if (this.killing) this.stopContainer();
    else await this.startHealthChecks(container, spec, inspect);
    const code = await container.wait();
    this.engine?.release(container);
    await container.remove().catch((error: Error) => this.logFailure("remove", error));
    const message = `Container exited with status ${code}`;
    if (this.killing)
      return this.finish({
        state: "TASK_KILLED",
        message,
        ...(this.killedByHealthCheck ? { healthy: false } : {}),
      });
    this.finish({ state: code === 0 ? "TASK_FINISHED" : "TASK_FAILED", message });
  }

  private async startHealthChecks(
    container: EngineContainer,
    spec: DockerContainerSpec,
    inspect: Docker.ContainerInspectInfo,
  ): Promise<void> {
    const task = this.task;
    if (!task?.health_check) return;
    const engine = this.engine;
    const network = engine?.taskNetwork(spec);
    const sharesNetwork = engine
      ? await engine.sharesNetworkWith(spec).catch((error: Error) => {
          this.logFailure("join network", error);
          return false;
        })
      : false;
    if (container.detached) return;
    const networks = inspect.NetworkSettings.Networks;
    const onNetwork = network ? networks[network] : undefined;
    this.health = dockerHealthChecker({
      check: task.health_check,
      spec,
      container: container.container,
      reach: {
        containerIp: (onNetwork ?? Object.values(networks)[0])?.IPAddress || undefined,
        sharesNetwork,
        publishIp: engine?.publishIp ?? this.host.ip,
      },
      env: this.environment(task),
      sandbox: this.executor.directory,
      ...healthUpdates(
        (status) => this.send(status),
        () => {
          this.killedByHealthCheck = true;
          this.kill();
        },
      ),
    });
  }

  private environment(task: TaskInfo): Record<string, string> {
    const executorEnv = this.host.environment(this.executor, MAPPED_SANDBOX);
    return containerEnvironment(executorEnv, this.executor.containerId, task);
  }

  private launchFailed(error: Error): void {
    if (this.ended || this.container?.detached) return;
    const known = error instanceof DockerLaunchError;
    if (!known) this.host.logger.warn({ err: error }, "docker task failed to launch");
    if (this.container) {
      this.engine?.release(this.container);
      void this.container.remove().catch(() => undefined);
    }
    this.finish(
      {
        state: "TASK_FAILED",
        source: "SOURCE_AGENT",
        reason: "REASON_CONTAINER_LAUNCH_FAILED",
        message: `Failed to launch container: ${error.message}`,
      },
      error.message,
    );
  }

  private finish(fields: Omit<StatusFields, "task_id">, launchError?: string): void {
    if (this.ended) return;
    this.ended = true;
    this.health?.stop();
    this.send(fields);
    this.host.executorTerminated(this.executor, {
      code: 0,
      signal: null,
      ...(launchError ? { launchError } : {}),
    });
  }

  private send(fields: Omit<StatusFields, "task_id">): void {
    if (this.task) this.host.update(this.executor, { task_id: this.task.task_id, ...fields });
  }

  private logFailure(action: string, error: Error): void {
    this.host.logger.warn(
      { err: error, container: containerName(this.executor.containerId) },
      `docker ${action} failed`,
    );
  }
}
