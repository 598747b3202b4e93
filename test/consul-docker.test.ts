import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { lookup } from "../src/common/dns/client.js";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { containerName, networkName } from "../src/cluster/docker/labels.js";
import { silentProgress } from "../src/cluster/progress.js";
import { DockerRuntime } from "../src/cluster/runtime/docker-runtime.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { testPreset } from "../src/cluster/spec/index.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { dockerClient } from "../src/docker/client.js";
import { describeDocker, removeTestRunObjects, testRunLabels } from "./support/docker.js";
import { until } from "./support/marathon-cluster.js";
import { TaskLauncher } from "./support/task-launcher.js";

// consul and registrator in the Docker runtime: each in its own container, Consul's HTTP and DNS ports
// published on the host, registrator following the master by its alias and writing to Consul by its alias.
describeDocker("consul and registrator in the Docker runtime", () => {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-consul-docker-"));
  afterAll(async () => {
    await removeTestRunObjects();
    rmSync(dir, { recursive: true, force: true });
  });

  it("registers a task of an agent container at the agent's IP, answers DNS on the published port", async () => {
    const state = new StateDir(dir);
    const cluster = await startCluster(testPreset({ consul: {}, registrator: {} }), {
      runtime: new DockerRuntime({ labels: testRunLabels() }),
      state,
      progress: silentProgress,
      timeoutMs: 90_000,
    });
    try {
      const consul = cluster.extraRole("consul");
      expect(consul?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const self = (await (await fetch(`${consul?.url}/v1/agent/self`)).json()) as {
        Config: { Ports: { DNS: number } };
      };
      const launcher = await TaskLauncher.start(cluster.master.url, "consul-docker-test", [
        { id: "pinger", name: "pinger", command: "sleep 60" },
      ]);
      try {
        await launcher.waitForState("pinger", "TASK_RUNNING", 30_000);
        const [entry] = await until("pinger in Consul", async () => {
          const res = await fetch(`${consul?.url}/v1/health/service/pinger?passing`);
          const entries = (await res.json()) as Array<{ Service: { Address: string; Port: number } }>;
          return entries.length === 1 ? entries : undefined;
        });
        const agent = await dockerClient()
          .getContainer(containerName(cluster.clusterId, "agent-1"))
          .inspect();
        expect(entry?.Service.Address).toBe(
          agent.NetworkSettings.Networks[networkName(cluster.clusterId)]?.IPAddress,
        );
        const answer = (await lookup(
          { host: "127.0.0.1", port: self.Config.Ports.DNS },
          "pinger.service.consul",
          "SRV",
        )) as unknown as {
          answers: Array<{ data: { port: number } }>;
        };
        expect(answer.answers.map((a) => a.data.port)).toEqual([entry?.Service.Port]);
      } finally {
        await launcher.close();
      }
    } finally {
      expect(await destroyCluster(state)).toBe(cluster.clusterId);
    }
  }, 180_000);
});
