import { dockerPlan } from "../docker/container-plan.js";
import { createClusterNetwork, removeClusterResources } from "../docker/cluster-resources.js";
import { dockerEngine, type DockerEngine } from "../docker/engine.js";
import { ensureRoleImage } from "../docker/image.js";
import { roleImageTag } from "../docker/image-tag.js";
import { networkName, type Labels } from "../docker/labels.js";
import { launchRoleContainer } from "../docker/role-container.js";
import type { ClusterPlan } from "../plan.js";
import type { Progress } from "../progress.js";
import type { LaunchedRole, RoleLaunch, Runtime } from "./runtime.js";

export interface DockerRuntimeOptions {
  engine?: DockerEngine;
  /** Labels added to every container and network (tests mark what they own with `minimesos.test`). */
  labels?: Labels;
}

/**
 * Each role in its own container on a network of the cluster's own, from an image built locally out of
 * the installed package. Ports are published on 127.0.0.1 (every interface with mapPortsToHost); every
 * container and the network carry `minimesos.cluster=<id>` and `minimesos.role=<name>`, and the agents'
 * task containers the extra labels too. Agents advertise their container IPs, where their tasks are.
 */
export class DockerRuntime implements Runtime {
  readonly kind = "docker";
  private readonly engine: DockerEngine;
  private readonly labels: Labels;
  private image: string | undefined;
  private clusterId: string | undefined;
  private publishAddress = "127.0.0.1";
  /** The Mesos-DNS container's IP once it runs: every later container resolves through it. */
  private dnsIp: string | undefined;

  constructor(options: DockerRuntimeOptions = {}) {
    this.engine = options.engine ?? dockerEngine();
    this.labels = options.labels ?? {};
  }

  /** The network first: it names the image, so another build's clean-up spares it from then on. */
  async prepare(clusterId: string, progress: Progress): Promise<void> {
    this.clusterId = clusterId;
    const tag = roleImageTag();
    await progress.step(`Creating network ${networkName(clusterId)}`, () =>
      createClusterNetwork(this.engine, clusterId, this.labels, tag),
    );
    this.image = await ensureRoleImage(progress, this.engine, tag);
  }

  adaptPlan(plan: ClusterPlan): ClusterPlan {
    if (this.clusterId === undefined) throw new Error("DockerRuntime.prepare() must run before adaptPlan()");
    this.publishAddress = plan.bindAddress;
    return dockerPlan(plan, { clusterId: this.clusterId, labels: this.labels });
  }

  async launch(launch: RoleLaunch, clusterId: string): Promise<LaunchedRole> {
    if (this.image === undefined) throw new Error("DockerRuntime.prepare() must run before launch()");
    const launched = await launchRoleContainer(launch, {
      engine: this.engine,
      image: this.image,
      network: networkName(clusterId),
      clusterId,
      publishAddress: this.publishAddress,
      extraLabels: this.labels,
      ...(this.dnsIp && launch.role !== "dns" ? { dns: [this.dnsIp] } : {}),
    });
    if (launch.role === "dns" && launched.advertisedIp) this.dnsIp = launched.advertisedIp;
    return launched;
  }

  async sweep(clusterId: string): Promise<void> {
    await removeClusterResources(clusterId, this.engine);
  }
}
