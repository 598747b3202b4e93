import { basicAuthorization } from "../mesos/credentials.js";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpApp, listen } from "../common/http-server.js";
import { createLogger } from "../common/logger.js";
import type { RunningRole } from "../common/role.js";
import { AGENT_CAPABILITIES, type AgentInfo } from "../mesos/agent-info.js";
import type { AgentLinkEvent } from "../mesos/agent-link-protocol.js";
import type { MasterInfo } from "../mesos/master-info.js";
import { advertisedIp } from "./advertised-address.js";
import { AgentRuntime, type AgentRuntimeSettings } from "./agent-runtime.js";
import { checkpointAgentId, forgetCheckpointedAgentId, readCheckpointedAgentId } from "./checkpoint.js";
import type { Containerizer } from "./containerizer/containerizer.js";
import { MesosContainerizer } from "./containerizer/mesos.js";
import { SimulatedContainerizer } from "./containerizer/simulated.js";
import { FilesRegistry } from "./endpoints/files-registry.js";
import { registerAgentEndpoints } from "./endpoints/register.js";
import type { AgentIdentity } from "./endpoints/state-json.js";
import { HttpExecutor } from "./executor-api/http-executor.js";
import { registrationBody } from "./registration.js";
import { agentAttributes, agentResources } from "./machine.js";
import { MasterLink } from "./master-link.js";
import { AgentCounters } from "./metrics.js";
import { chooseContainerizer, masterBaseUrl, type AgentOptions } from "./options.js";
import { StatusUpdateManager } from "./status-update-manager.js";
import { flagsFromOptions } from "./role-flags.js";
import { recoverTasks } from "./recovery/recover.js";
import { containmentSettings, setUpContainment } from "./isolation/containment.js";
import { readTaskCheckpoints } from "./recovery/task-checkpoint.js";
import { TaskCheckpointer } from "./recovery/task-checkpointer.js";
import { DockerContainerizer } from "./containerizer/docker/docker-containerizer.js";
import { recoverDockerTasks } from "./containerizer/docker/recovery.js";

export type { AgentOptions } from "./options.js";

export interface Agent extends RunningRole {
  /** `http://ip:port` */
  readonly url: string;
  /** `slave(1)@ip:port` */
  readonly pid: string;
  readonly workDir: string;
  /** The id the master gave (undefined until the first registration). */
  agentId(): string | undefined;
  /** Resolves with the agent id once the master has (re-)registered the agent. */
  registered(): Promise<string>;
  /** Ends every task's process group (unless `leaveTasksRunning`), the master link and the server. */
  stop(options?: { leaveTasksRunning?: boolean }): Promise<void>;
  /**
   * Test hook, SIGKILL in process: drops the master link, the server with its connections and the status
   * update timers at once, telling the master nothing and leaving task processes running. Resolves with
   * the process groups of those tasks, which the caller must end.
   */
  crash(): Promise<number[]>;
}

const DEFAULT_PORT = 5051;

/** Starts a Mesos-compatible agent: serves its endpoints, registers with the master and runs tasks. */
export async function startAgent(options: AgentOptions): Promise<Agent> {
  const logger = options.logger ?? createLogger("agent");
  const choice = chooseContainerizer(options.containerizers);
  const masterUrl = masterBaseUrl(options.master);
  const ip = options.ip ?? "127.0.0.1";
  const advertised = advertisedIp(ip, options.advertiseIp);
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), "minimesos-agent-"));
  mkdirSync(workDir, { recursive: true });
  const containment = containmentSettings(options);
  const contained = choice.base === "mesos" ? setUpContainment(containment, workDir, logger) : undefined;
  const containerizer: Containerizer =
    choice.base === "simulated"
      ? new SimulatedContainerizer()
      : new MesosContainerizer({
          ...(contained?.cgroups ? { cgroups: contained.cgroups } : {}),
          ...(contained?.groupsFile ? { groupsFile: contained.groupsFile } : {}),
          switchUser: containment.switchUser,
          cfsQuota: containment.cfsQuota,
        });
  const docker = choice.docker
    ? new DockerContainerizer({
        workDir,
        publishIp: options.dockerPublishIp ?? ip,
        advertisedIp: advertised,
        listenIp: ip,
        ...(options.dockerBridgeNetwork ? { bridgeNetwork: options.dockerBridgeNetwork } : {}),
        ...(options.dockerHostNetwork ? { hostNetworkMode: options.dockerHostNetwork } : {}),
        ...(options.dockerLabels ? { labels: options.dockerLabels } : {}),
      })
    : undefined;
  const defaultRole = options.defaultRole ?? "*";
  const resources = agentResources(options.resources, workDir, defaultRole);
  const attributes = agentAttributes(options.attributes);
  const startTime = Date.now() / 1000;
  let agentId = readCheckpointedAgentId(workDir);
  let masterInfo: MasterInfo | undefined;
  let registeredNow = false;
  const waiters: Array<(id: string) => void> = [];
  const counters = new AgentCounters();
  const files = new FilesRegistry();
  const app = createHttpApp(logger);
  // Routes go in before listening; what depends on the bound port is filled in right after.
  let port = 0;
  let pid = "";
  const hostname = options.hostname ?? advertised;
  const flags: Record<string, string> = {};
  const agentInfo = (): AgentInfo => ({
    hostname,
    port,
    resources,
    attributes,
    ...(agentId ? { id: { value: agentId } } : {}),
  });

  const checkpointer = new TaskCheckpointer(workDir, () => agentId, containerizer.name !== "simulated");
  const statusUpdates = new StatusUpdateManager(
    (frameworkId, status, latestState) =>
      link.send({
        type: "STATUS_UPDATE",
        status_update: { framework_id: frameworkId, status, latest_state: latestState },
      }) ?? Promise.resolve(false),
    options.statusUpdateRetryIntervalMs ?? 10_000,
    (frameworkId, status) => {
      checkpointer.acknowledged(frameworkId, status);
      if (status.source !== "SOURCE_EXECUTOR" || !status.executor_id) return;
      const runtime = runtimeCore.book.executor(frameworkId.value, status.executor_id.value)?.runtime;
      if (runtime instanceof HttpExecutor) runtime.acknowledged(status.task_id, status.uuid ?? "");
    },
  );
  const runtimeSettings: AgentRuntimeSettings = {
    logger,
    containerizer,
    ...(docker ? { docker } : {}),
    ip,
    port,
    workDir,
    launcherDir: options.flags?.launcher_dir,
    shutdownGracePeriodMs: options.executorShutdownGracePeriodMs ?? 5000,
    registrationTimeoutMs: options.executorRegistrationTimeoutMs ?? 60_000,
    reregistrationTimeoutMs: options.executorReregistrationTimeoutMs ?? 2000,
    recoveryTimeoutMs: containment.recoveryTimeoutMs,
    statusUpdates,
    files,
    counters,
    agentInfo,
    agentId: () => agentId,
    checkpointer,
    executorExited: (frameworkId, executorId, status) =>
      void link.send({
        type: "EXECUTOR_EXITED",
        executor_exited: { framework_id: frameworkId, executor_id: executorId, status },
      }),
  };
  const runtimeCore = new AgentRuntime(runtimeSettings);
  const book = runtimeCore.book;
  const identity: AgentIdentity = {
    id: () => agentId,
    pid,
    hostname,
    port,
    startTime,
    resources,
    attributes,
    flags,
    capabilities: AGENT_CAPABILITIES,
    masterHostname: () => masterInfo?.hostname,
  };
  registerAgentEndpoints(app, {
    book,
    files,
    counters,
    statusUpdates,
    identity,
    registered: () => registeredNow,
    deliver: (executor, status) =>
      runtimeCore.deliver(executor, {
        ...status,
        agent_id: { value: agentId ?? "" },
        timestamp: status.timestamp ?? Date.now() / 1000,
      }),
    forwardMessage: (executor, data) => {
      counters.validFrameworkMessages++;
      void link.send({
        type: "EXECUTOR_MESSAGE",
        executor_message: {
          framework_id: executor.info.framework_id,
          executor_id: executor.info.executor_id,
          data,
        },
      });
    },
    agentInfo,
  });

  try {
    port = (await listen(app, ip, options.port ?? DEFAULT_PORT)).port;
  } catch (error) {
    await app.close();
    throw error;
  }
  pid = `slave(1)@${advertised}:${port}`;
  runtimeSettings.port = port;
  identity.pid = pid;
  identity.port = port;
  Object.assign(flags, flagsFromOptions(options, { ip, port, workDir, hostname }), options.flags, {
    work_dir: workDir,
  });

  let stopped = false;
  const stop = async (stopOptions: { leaveTasksRunning?: boolean } = {}): Promise<void> => {
    if (stopped) return;
    stopped = true;
    checkpointer.close();
    await link.stop();
    statusUpdates.stop();
    if (!stopOptions.leaveTasksRunning) await destroyAndWait(runtimeCore);
    contained?.stop({ tasksLeft: stopOptions.leaveTasksRunning === true });
    docker?.detachAll();
    await app.close();
  };

  const crash = async (): Promise<number[]> => {
    const groups = containerizer instanceof MesosContainerizer ? containerizer.runningGroups() : [];
    if (stopped) return groups;
    stopped = true;
    checkpointer.close();
    statusUpdates.stop();
    await link.stop();
    // Pretend containers have no process to outlive the agent.
    if (!(containerizer instanceof MesosContainerizer)) runtimeCore.destroyAll();
    // The caller ends the task groups it gets; a real SIGKILL would leave the watchdog to do it.
    contained?.stop({ tasksLeft: false });
    docker?.detachAll();
    await app.close();
    return groups;
  };

  const onEvent = (event: AgentLinkEvent): void => {
    switch (event.type) {
      case "REGISTERED": {
        const registered = event.registered;
        if (!registered) return;
        agentId = registered.agent_id.value;
        masterInfo = registered.master_info;
        registeredNow = true;
        checkpointAgentId(workDir, agentId);
        logger.info({ agentId, master: masterUrl }, "registered with master");
        statusUpdates.resume();
        for (const resolve of waiters.splice(0)) resolve(agentId);
        return;
      }
      case "RUN_TASK":
        if (event.run_task) runtimeCore.runTask(event.run_task);
        return;
      case "KILL_TASK":
        if (event.kill_task) runtimeCore.killTask(event.kill_task);
        return;
      case "ACKNOWLEDGE":
        if (event.acknowledge)
          statusUpdates.acknowledge(
            event.acknowledge.framework_id,
            event.acknowledge.task_id,
            event.acknowledge.uuid,
          );
        return;
      case "SHUTDOWN_FRAMEWORK":
        if (event.shutdown_framework) runtimeCore.shutdownFramework(event.shutdown_framework.framework_id);
        return;
      case "SHUTDOWN_EXECUTOR":
        if (event.shutdown_executor)
          runtimeCore.shutdownExecutorById(
            event.shutdown_executor.framework_id,
            event.shutdown_executor.executor_id,
          );
        return;
      case "FRAMEWORK_MESSAGE":
        if (event.framework_message) runtimeCore.frameworkMessage(event.framework_message);
        return;
      case "UPDATE_FRAMEWORK":
        if (event.update_framework) runtimeCore.updateFramework(event.update_framework.framework_info);
        return;
      case "SHUTDOWN":
        logger.warn({ message: event.shutdown?.message }, "master asked this agent to shut down");
        forgetCheckpointedAgentId(workDir);
        agentId = undefined;
        void stop().then(() => options.onShutdown?.(event.shutdown?.message ?? ""));
        return;
      default:
        return;
    }
  };

  const link: MasterLink = new MasterLink({
    masterUrl,
    logger,
    agentId: () => agentId,
    registration: () =>
      registrationBody({
        agentInfo: agentInfo(),
        pid,
        book,
        statusUpdates,
        agentId,
        recoveredTasks: checkpointer.recoveredTasks(),
      }),
    onEvent,
    onDisconnected: () => {
      registeredNow = false;
      statusUpdates.pause();
      logger.warn({ master: masterUrl }, "lost the master; re-registering");
    },
    backoffMaxMs: options.reconnectBackoffMaxMs ?? 1000,
    ...(options.credential ? { authorization: basicAuthorization(options.credential) } : {}),
  });
  let checkpoints = agentId ? readTaskCheckpoints(workDir, agentId) : [];
  if (docker)
    checkpoints = await recoverDockerTasks(checkpoints, {
      docker,
      host: runtimeCore,
      book,
      files,
      logger,
    });
  if (agentId)
    recoverTasks(checkpoints, {
      agentId,
      host: runtimeCore,
      book,
      files,
      statusUpdates,
      checkpointer,
      ...(contained?.cgroups ? { cgroups: contained.cgroups } : {}),
    });
  await contained?.recovered(
    new Set([...book.allExecutors()].filter((e) => e.state !== "TERMINATED").map((e) => e.containerId)),
  );
  link.start();

  return {
    url: `http://${ip}:${port}`,
    pid,
    workDir,
    agentId: () => agentId,
    registered: () =>
      registeredNow && agentId ? Promise.resolve(agentId) : new Promise((resolve) => waiters.push(resolve)),
    stop,
    crash,
  };
}

/** SIGKILLs every container and waits (bounded) until their exits were handled. */
async function destroyAndWait(runtime: AgentRuntime): Promise<void> {
  runtime.destroyAll();
  const deadline = Date.now() + 3000;
  while ([...runtime.book.allExecutors()].some((e) => e.state !== "TERMINATED") && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
