import type Docker from "dockerode";
import { dockerClient, isNotFound } from "../../../docker/client.js";
import { LABELS, labelFilter } from "../../../docker/labels.js";
import type { ExecutorRecord } from "../../book.js";
import { containerName, createOptions, type DockerLaunchContext } from "./create-options.js";
import { DockerLaunchError, type DockerContainerSpec, type DockerNetwork } from "./docker-info.js";
import { EngineContainer } from "./engine-container.js";

export interface DockerContainerizerOptions {
  /** Default: the shared client (DOCKER_HOST or /var/run/docker.sock). */
  docker?: Docker;
  workDir: string;
  /** Host IP where port mappings are published; also the address reported for HOST and BRIDGE tasks. */
  publishIp: string;
  /** The agent's advertised IP: where HOST and BRIDGE tasks are reported when the options below are set. */
  advertisedIp?: string;
  /** The agent's bind address: forwarded BRIDGE ports listen there. */
  listenIp?: string;
  /** Network of BRIDGE tasks, whose port mappings the agent then forwards instead of publishing them. */
  bridgeNetwork?: string;
  /** Network mode of HOST tasks (default `host`). */
  hostNetworkMode?: string;
  /** Put on every container, e.g. a test run's label; MINIMESOS_CLUSTER_ID adds the cluster label. */
  labels?: Record<string, string>;
}

/**
 * The `docker` containerizer: runs DOCKER tasks as containers on the Docker engine (never pulling),
 * named `mesos-<containerId>` and labelled with cluster, agent, framework, executor, task and container.
 */
export class DockerContainerizer {
  readonly name = "docker";
  readonly docker: Docker;
  readonly publishIp: string;
  readonly bridgeNetwork: string | undefined;
  readonly hostNetworkMode: string | undefined;
  readonly listenIp: string;
  private readonly baseLabels: Record<string, string>;
  private readonly live = new Set<EngineContainer>();

  constructor(private readonly options: DockerContainerizerOptions) {
    this.docker = options.docker ?? dockerClient();
    this.publishIp = options.publishIp;
    this.bridgeNetwork = options.bridgeNetwork;
    this.hostNetworkMode = options.hostNetworkMode;
    this.listenIp = options.listenIp ?? options.publishIp;
    const cluster = process.env.MINIMESOS_CLUSTER_ID;
    this.baseLabels = {
      ...(cluster ? { [LABELS.cluster]: cluster } : {}),
      ...options.labels,
      [LABELS.agentWorkDir]: options.workDir,
    };
  }

  /**
   * Where a task on `network` is reported: the advertised IP when its network is the agent's own (HOST in
   * `hostNetworkMode`) or its ports are forwarded from the agent (BRIDGE on `bridgeNetwork`), otherwise
   * the publish IP.
   */
  reportedIp(network: DockerNetwork): string {
    const agentsOwn =
      (network === "HOST" && this.hostNetworkMode !== undefined) ||
      (network === "BRIDGE" && this.bridgeNetwork !== undefined);
    return agentsOwn ? (this.options.advertisedIp ?? this.publishIp) : this.publishIp;
  }

  /** The Docker network a BRIDGE or USER task's container is on (its address there is probed by checks). */
  taskNetwork(spec: DockerContainerSpec): string | undefined {
    if (spec.network === "BRIDGE") return this.bridgeNetwork ?? "bridge";
    if (spec.network === "USER") return spec.userNetwork?.name;
    return undefined;
  }

  /**
   * Whether this agent reaches a BRIDGE or USER task at its container IP: a BRIDGE task on the agent's own
   * bridge network, or a USER task whose network the agent (in a container) joins.
   */
  async sharesNetworkWith(spec: DockerContainerSpec): Promise<boolean> {
    if (spec.network === "BRIDGE") return this.bridgeNetwork !== undefined;
    const network = spec.network === "USER" ? this.taskNetwork(spec) : undefined;
    return network !== undefined && this.joinNetwork(network);
  }

  /**
   * An agent in a container (HOST tasks share its network namespace) joins a user network its task is on,
   * so that it reaches the task at its address there; true once it is on that network.
   */
  async joinNetwork(network: string): Promise<boolean> {
    const agentContainer = this.hostNetworkMode?.match(/^container:(.+)$/)?.[1];
    if (!agentContainer) return false;
    const info = (await this.docker.getContainer(agentContainer).inspect()) as Docker.ContainerInspectInfo;
    if (!info.NetworkSettings.Networks[network])
      await this.docker.getNetwork(network).connect({ Container: agentContainer });
    return true;
  }

  labelsFor(executor: ExecutorRecord, taskId: string, agentId: string): Record<string, string> {
    return {
      ...this.baseLabels,
      [LABELS.agentId]: agentId,
      [LABELS.frameworkId]: executor.info.framework_id.value,
      [LABELS.executorId]: executor.info.executor_id.value,
      [LABELS.taskId]: taskId,
      [LABELS.containerId]: executor.containerId,
    };
  }

  /** Creates the task's container; a missing image fails clearly, since this agent cannot pull. */
  async create(ctx: Omit<DockerLaunchContext, "networks">): Promise<EngineContainer> {
    const options = createOptions({
      ...ctx,
      networks: { host: this.hostNetworkMode, bridge: this.bridgeNetwork },
    });
    await this.requireImage(ctx.spec.image, ctx.spec.forcePullImage);
    return this.track(new EngineContainer(this.docker, await this.docker.createContainer(options)));
  }

  /** A container of the previous run of this agent, for adoption. */
  adopt(containerId: string): EngineContainer {
    return this.track(new EngineContainer(this.docker, this.docker.getContainer(containerName(containerId))));
  }

  /** The agent stops and leaves its containers running for a later run to adopt. */
  detachAll(): void {
    for (const container of this.live) container.detach();
    this.live.clear();
  }

  /** Forgets a container whose task ended. */
  release(container: EngineContainer): void {
    this.live.delete(container);
  }

  private track(container: EngineContainer): EngineContainer {
    this.live.add(container);
    return container;
  }

  /** Every container (running or not) this agent's work_dir created. */
  owned(): Promise<Docker.ContainerInfo[]> {
    const filters = JSON.stringify(labelFilter({ [LABELS.agentWorkDir]: this.options.workDir }));
    return this.docker.listContainers({ all: true, filters });
  }

  private async requireImage(image: string, forcePull: boolean): Promise<void> {
    try {
      await this.docker.getImage(image).inspect();
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new DockerLaunchError(
        `Failed to ${forcePull ? "force pull" : "find"} image '${image}': it is not present on the Docker ` +
          "engine and this agent cannot pull images (no registry access); build, import or load it locally",
      );
    }
  }
}
