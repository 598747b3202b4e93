import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { dockerClient } from "../src/docker/client.js";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { CLUSTER_LABEL, labelFilter } from "../src/cluster/docker/labels.js";
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
    expect(
      slaves.slaves
        .filter((s) => s.active)
        .map((s) => s.hostname)
        .sort(),
    ).toEqual(["agent-1", "agent-2"]);

    const record = state.readCluster();
    expect(record?.runtime).toBe("docker");
    expect(record?.roles.map((r) => r.containerId).every((id) => typeof id === "string")).toBe(true);
    const docker = dockerClient();
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
