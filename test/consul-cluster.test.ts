import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MesosCluster, type StartedMesosCluster } from "../src/testing/index.js";
import { TaskLauncher } from "./support/task-launcher.js";

// The test library with `consul` and `registrator` in the spec: both start with the cluster (in process),
// a task's port shows up in Consul, and `waitForConsulService` waits for it.
let cluster: StartedMesosCluster;
let launcher: TaskLauncher | undefined;

beforeAll(async () => {
  cluster = await new MesosCluster({ consul: {}, registrator: {} }).start();
}, 30_000);
afterAll(async () => {
  await launcher?.close();
  await cluster?.stop();
});

describe("a cluster with consul and registrator", () => {
  it("registers a running task's port and removes it when the task ends", async () => {
    expect(cluster.consulUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    launcher = await TaskLauncher.start(cluster.masterUrl, "pinger-framework", [
      { id: "pinger-1", name: "pinger", command: "sleep 60" },
    ]);
    await launcher.waitForState("pinger-1", "TASK_RUNNING");
    const [entry] = await cluster.waitForConsulService("pinger", 1);
    const task = (await cluster.masterState()).frameworks
      .flatMap((f) => f.tasks)
      .find((t) => t.id === "pinger-1");
    const port = /\[(\d+)-/.exec(String(task?.resources.ports))?.[1];
    expect(entry?.Service).toMatchObject({
      ID: `minimesos:pinger-1:${port}`,
      Service: "pinger",
      Port: Number(port),
    });
    expect(entry?.Node.Node).toBe("consul");
    await launcher.close();
    launcher = undefined;
    await cluster.waitForConsulService("pinger", 0, { timeoutMs: 15_000 });
  }, 30_000);

  it("serves the KV store at consulUrl", async () => {
    const put = await fetch(`${cluster.consulUrl}/v1/kv/config/db?cas=0`, {
      method: "PUT",
      body: "postgres://db",
    });
    expect(await put.json()).toBe(true);
    expect(await (await fetch(`${cluster.consulUrl}/v1/kv/config/db?raw`)).text()).toBe("postgres://db");
  });

  it("follows the master through a restart: keeps live tasks, drops what it no longer sees, registers new ones", async () => {
    const keeper = await TaskLauncher.start(
      cluster.masterUrl,
      "keeper-framework",
      [{ id: "keeper-1", name: "keeper", command: "sleep 120" }],
      3600,
    );
    try {
      await keeper.waitForState("keeper-1", "TASK_RUNNING");
      await cluster.waitForConsulService("keeper", 1);
      // Left by a registrator that lost track of it (a task that ended while nobody watched the master).
      await fetch(`${cluster.consulUrl}/v1/agent/service/register`, {
        method: "PUT",
        body: JSON.stringify({ ID: "minimesos:ended-task:31999", Name: "ended", Port: 31999 }),
      });
      await cluster.restartMaster();
      await cluster.waitForConsulService("ended", 0, { timeoutMs: 15_000 });
      await cluster.waitForConsulService("keeper", 1);
      const after = await TaskLauncher.start(cluster.masterUrl, "after-framework", [
        { id: "after-1", name: "after", command: "sleep 60" },
      ]);
      try {
        await after.waitForState("after-1", "TASK_RUNNING");
        await cluster.waitForConsulService("after", 1);
      } finally {
        await after.close();
      }
    } finally {
      await keeper.close();
    }
  }, 60_000);

  it("fails fast when asked for consul on a cluster without it", async () => {
    await using plain = await new MesosCluster({}).start();
    expect(() => plain.consulUrl).toThrow(/has no consul/);
  }, 30_000);
});
