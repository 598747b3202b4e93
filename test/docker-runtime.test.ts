import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { dockerClient } from "../src/docker/client.js";
import { ensureTestImage } from "../src/docker/test-image.js";
import { SchedulerClient, type Offer, type TaskInfo, type TaskStatus } from "../src/mesos/index.js";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { CLUSTER_LABEL, containerName, labelFilter, networkName } from "../src/cluster/docker/labels.js";
import { pruneClusters } from "../src/cluster/docker/prune.js";
import { silentProgress } from "../src/cluster/progress.js";
import { DockerRuntime } from "../src/cluster/runtime/docker-runtime.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { testPreset } from "../src/cluster/spec/index.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { describeDocker, removeTestRunObjects, testRunLabels } from "./support/docker.js";
import { TaskLauncher } from "./support/task-launcher.js";

/** Everything the engine holds with the cluster's label: containers (any state), networks, volumes. */
async function ownedBy(clusterId: string): Promise<number> {
  const docker = dockerClient();
  const filters = labelFilter({ [CLUSTER_LABEL]: clusterId });
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }),
  ]);
  return containers.length + networks.length + (volumes.Volumes ?? []).length;
}

/** The first offered port: the task's port is the agent's own (forwarded in its network namespace). */
function offeredPort(offer: Offer): number {
  const port = offer.resources.find((r) => r.name === "ports")?.ranges?.range?.[0]?.begin;
  if (port === undefined) throw new Error("no port in the offer");
  return port;
}

/** httpd in the busybox image on a BRIDGE network, its port 8080 mapped to `hostPort`. */
function webTask(offer: Offer, image: string, hostPort: number): TaskInfo {
  return {
    name: "web",
    task_id: { value: "web" },
    agent_id: offer.agent_id,
    resources: [
      { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
      { name: "mem", type: "SCALAR", scalar: { value: 32 } },
      { name: "ports", type: "RANGES", ranges: { range: [{ begin: hostPort, end: hostPort }] } },
    ],
    command: {
      value:
        'echo hello-from-task > "$MESOS_SANDBOX/index.html" && exec httpd -f -p 8080 -h "$MESOS_SANDBOX"',
    },
    container: {
      type: "DOCKER",
      docker: {
        image,
        network: "BRIDGE",
        port_mappings: [{ host_port: hostPort, container_port: 8080, protocol: "tcp" }],
      },
    },
  };
}

/** Launches `webTask` on the first offer; resolves with its TASK_RUNNING status and host port. */
async function runWebTask(
  client: SchedulerClient,
  image: string,
  timeoutMs: number,
): Promise<{ status: TaskStatus; hostPort: number }> {
  let hostPort: number | undefined;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("task web did not reach TASK_RUNNING")), timeoutMs);
    client.on("OFFERS", (event) => {
      for (const offer of event.offers.offers) {
        if (hostPort !== undefined) {
          void client.decline(offer.id).catch(() => undefined);
          continue;
        }
        hostPort = offeredPort(offer);
        client.launch(offer.id, [webTask(offer, image, hostPort)]).catch(reject);
      }
    });
    client.on("UPDATE", (event) => {
      const { status } = event.update;
      if (status.state === "TASK_RUNNING") {
        clearTimeout(timer);
        resolve({ status, hostPort: hostPort ?? 0 });
      } else if (status.state !== "TASK_STARTING") {
        clearTimeout(timer);
        reject(new Error(`task web: ${status.state} ${status.message ?? ""}`));
      }
    });
  });
}

/** The body at `url`, retried while the server is not answering yet (bounded). */
async function fetchText(url: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await fetch(url);
      if (answer.ok) return await answer.text();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeDocker("the Docker runtime", () => {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-docker-runtime-"));
  afterAll(async () => {
    await removeTestRunObjects();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a 2-agent cluster in labelled containers, runs a task, and destroy leaves nothing", async () => {
    const state = new StateDir(dir);
    const cluster = await startCluster(testPreset({ agents: [{}, {}] }), {
      runtime: new DockerRuntime({ labels: testRunLabels() }),
      state,
      progress: silentProgress,
      timeoutMs: 60_000,
    });
    const { clusterId } = cluster;
    expect(new URL(cluster.master.url).hostname).toBe("127.0.0.1");
    const slaves = (await (await fetch(`${cluster.master.url}/master/slaves`)).json()) as {
      slaves: Array<{ active: boolean; hostname: string }>;
    };
    // Each agent advertises its container's IP on the cluster network.
    const docker = dockerClient();
    const agentIps = await Promise.all(
      ["agent-1", "agent-2"].map(async (name) => {
        const agent = await docker.getContainer(containerName(clusterId, name)).inspect();
        return agent.NetworkSettings.Networks[networkName(clusterId)]?.IPAddress;
      }),
    );
    expect(
      slaves.slaves
        .filter((s) => s.active)
        .map((s) => s.hostname)
        .sort(),
    ).toEqual([...agentIps].sort());

    const record = state.readCluster();
    expect(record?.runtime).toBe("docker");
    expect(record?.roles.map((r) => r.containerId).every((id) => typeof id === "string")).toBe(true);
    const master = await docker.getContainer(record?.roles[0]?.containerId ?? "").inspect();
    expect(master.Config.Labels).toMatchObject({ [CLUSTER_LABEL]: clusterId, "minimesos.role": "master" });

    const launcher = await TaskLauncher.start(cluster.master.url, "docker-runtime-test", [
      { id: "sleeper", name: "sleeper", command: "sleep 30" },
    ]);
    try {
      await launcher.waitForState("sleeper", "TASK_RUNNING", 30_000);
    } finally {
      await launcher.close();
    }

    expect(await ownedBy(clusterId)).toBeGreaterThan(0);
    expect(await destroyCluster(state)).toBe(clusterId);
    expect(await ownedBy(clusterId)).toBe(0);
    expect(await destroyCluster(state)).toBeUndefined();
  }, 120_000);

  it("runs a BRIDGE DOCKER task as a sibling container reachable at the agent's IP, and destroy removes it", async () => {
    const image = await ensureTestImage();
    const state = new StateDir(join(dir, "web"));
    const cluster = await startCluster(testPreset({}), {
      runtime: new DockerRuntime({ labels: testRunLabels() }),
      state,
      progress: silentProgress,
      timeoutMs: 60_000,
    });
    const { clusterId } = cluster;
    let destroyed = false;
    try {
      const client = new SchedulerClient({
        master: cluster.master.url,
        frameworkInfo: { user: "root", name: "docker-runtime-web", failover_timeout: 0 },
        autoAcknowledge: true,
      });
      try {
        const running = runWebTask(client, image, 45_000);
        await client.subscribe();
        const { status, hostPort } = await running;
        const address = status.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address;
        const agent = await dockerClient().getContainer(containerName(clusterId, "agent-1")).inspect();
        expect(address).toBe(agent.NetworkSettings.Networks[networkName(clusterId)]?.IPAddress);
        const [inspected] = JSON.parse(Buffer.from(status.data ?? "", "base64").toString()) as Array<{
          Id: string;
          Config: { Labels: Record<string, string> };
          HostConfig: { NetworkMode: string };
        }>;
        expect(inspected?.Config.Labels[CLUSTER_LABEL]).toBe(clusterId);
        expect(inspected?.HostConfig.NetworkMode).toBe(networkName(clusterId));
        const body = await fetchText(`http://${address}:${hostPort}/index.html`, 15_000);
        expect(body.trim()).toBe("hello-from-task");
        // The task container's sandbox bind names the agent's work_dir, which is the host's at the same path.
        const workDir = inspected?.Config.Labels["minimesos.agent_work_dir"] ?? "";
        expect(workDir).toBe(state.workDir("agent-1"));
        expect(agent.HostConfig.Binds).toContain(`${workDir}:${workDir}:rw`);
        expect(existsSync(join(workDir, "slaves"))).toBe(true);
        // Destroy while the task still runs: its container is a sibling labelled with the cluster id.
        const tasks = await dockerClient().listContainers({
          filters: labelFilter({ [CLUSTER_LABEL]: clusterId, "minimesos.task_id": "web" }),
        });
        expect(tasks.map((t) => t.Id)).toEqual([inspected?.Id]);
        expect(await destroyCluster(state)).toBe(clusterId);
        destroyed = true;
      } finally {
        await client.close().catch(() => undefined);
      }
      expect(await ownedBy(clusterId)).toBe(0);
      expect(existsSync(state.path)).toBe(false);
    } finally {
      if (!destroyed) await destroyCluster(state).catch(() => undefined);
    }
  }, 120_000);

  it("prune removes what a crashed run left (no running master) and is idempotent", async () => {
    const docker = dockerClient();
    const leftover = "9999000001";
    const labels = { ...testRunLabels(), [CLUSTER_LABEL]: leftover, "minimesos.role": "network" };
    await docker.createNetwork({ Name: `minimesos-test-${leftover}-${Date.now()}`, Labels: labels });
    await docker.createVolume({ Name: `minimesos-test-${leftover}-${Date.now()}`, Labels: labels });
    const young = await pruneClusters({ labels: testRunLabels() });
    expect(young.clusters).toEqual([]);
    const first = await pruneClusters({ labels: testRunLabels(), minAgeMs: 0 });
    expect(first.clusters).toContain(leftover);
    expect(first.networks + first.volumes).toBe(2);
    expect(await ownedBy(leftover)).toBe(0);
    const second = await pruneClusters({ labels: testRunLabels(), minAgeMs: 0 });
    expect(second.clusters).toEqual([]);
  }, 30_000);
});
