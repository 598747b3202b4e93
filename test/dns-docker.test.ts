import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { containerName, networkName } from "../src/cluster/docker/labels.js";
import { mesosDnsAddress } from "../src/cluster/mesosdns-launch.js";
import { silentProgress } from "../src/cluster/progress.js";
import { DockerRuntime } from "../src/cluster/runtime/docker-runtime.js";
import { testPreset } from "../src/cluster/spec/index.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { dockerClient } from "../src/docker/client.js";
import { describeDocker, removeTestRunObjects, testRunLabels } from "./support/docker.js";
import { digShort } from "./support/dns.js";
import { TaskLauncher } from "./support/task-launcher.js";

describeDocker("Mesos-DNS in the Docker runtime", () => {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-dns-docker-"));
  afterAll(async () => {
    await removeTestRunObjects();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers on the cluster network, and a task resolves master.mesos and fetches /state by name", async () => {
    const state = new StateDir(dir);
    const cluster = await startCluster(testPreset({ mesosdns: {} }), {
      runtime: new DockerRuntime({ labels: testRunLabels() }),
      state,
      progress: silentProgress,
      timeoutMs: 90_000,
    });
    try {
      const launch = cluster.launches.find((l) => l.role === "dns")!;
      const { port } = mesosDnsAddress(launch);
      const docker = dockerClient();
      const dnsIp = (await docker.getContainer(containerName(cluster.clusterId, "mesosdns")).inspect())
        .NetworkSettings.Networks[networkName(cluster.clusterId)]?.IPAddress;
      const agent = await docker.getContainer(containerName(cluster.clusterId, "agent-1")).inspect();
      // Every other container takes Mesos-DNS as its resolver.
      expect(agent.HostConfig.Dns).toEqual([dnsIp]);
      // From the host, through the published port.
      expect(await digShort(port, "slave.mesos")).toEqual([
        agent.NetworkSettings.Networks[networkName(cluster.clusterId)]?.IPAddress,
      ]);
      const masterPort = new URL(cluster.master.url).port;
      const launcher = await TaskLauncher.start(cluster.master.url, "dns-docker-test", [
        {
          id: "by-name",
          name: "by-name",
          command: `wget -q -O - http://master.mesos:${masterPort}/state | grep -q '"leader"'`,
        },
      ]);
      try {
        await launcher.waitForState("by-name", "TASK_FINISHED", 45_000);
      } finally {
        await launcher.close();
      }
    } finally {
      await destroyCluster(state);
    }
  }, 150_000);
});
