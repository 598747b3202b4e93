import { afterEach, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

interface TaskJson {
  id: string;
  slaveId: string;
  state: string;
}

/** Two simulated agents; the master declares a silent agent unreachable after ~0.2 s. */
async function startPartitionable(): Promise<MarathonCluster> {
  cluster = await startMarathonCluster({
    agents: [{}, {}],
    master: { agentPingTimeoutMs: 100, maxAgentPingTimeouts: 2 },
  });
  return cluster;
}

async function crashAgentOf(c: MarathonCluster, task: TaskJson): Promise<void> {
  const victim = c.agents.find((a) => a.agentId() === task.slaveId);
  expect(victim).toBeDefined();
  await victim?.crash();
}

const tasksOf = async (c: MarathonCluster, id: string): Promise<TaskJson[]> =>
  (await c.api(`/v2/apps/${id}/tasks`)).json.tasks;

describe("unreachableStrategy (inactiveAfterSeconds, expungeAfterSeconds)", () => {
  it("replaces an unreachable task only after inactiveAfter and forgets it after expungeAfter", async () => {
    const c = await startPartitionable();
    const created = await c.api("/v2/apps", {
      method: "POST",
      body: {
        id: "/partitioned",
        cmd: "run=forever",
        instances: 1,
        cpus: 0.1,
        mem: 16,
        unreachableStrategy: { inactiveAfterSeconds: 2, expungeAfterSeconds: 4 },
      },
    });
    expect(created.status).toBe(201);
    const [first] = await until("the task running", async () => {
      const tasks = await tasksOf(c, "partitioned");
      return tasks.length === 1 && tasks[0]?.state === "TASK_RUNNING" && tasks;
    });
    await crashAgentOf(c, first as TaskJson);
    await until("the task unreachable", async () =>
      (await tasksOf(c, "partitioned")).some((t) => t.id === first?.id && t.state === "TASK_UNREACHABLE"),
    );
    const unreachableAt = Date.now();
    const app = (await c.api("/v2/apps/partitioned")).json.app;
    expect(app.tasks).toHaveLength(1);

    const replacement = await until("a replacement task", async () =>
      (await tasksOf(c, "partitioned")).find((t) => t.id !== first?.id && t.state === "TASK_RUNNING"),
    );
    expect(Date.now() - unreachableAt).toBeGreaterThanOrEqual(1500);
    expect(replacement.slaveId).not.toBe(first?.slaveId);
    const both = await tasksOf(c, "partitioned");
    expect(both.map((t) => t.id).sort()).toEqual([first?.id, replacement.id].sort());

    await until("the unreachable task expunged", async () => {
      const tasks = await tasksOf(c, "partitioned");
      return tasks.length === 1 && tasks[0]?.id === replacement.id;
    });
    expect(Date.now() - unreachableAt).toBeGreaterThanOrEqual(3500);
  }, 20_000);

  it("with 'disabled' keeps the unreachable task and launches no replacement", async () => {
    const c = await startPartitionable();
    await c.api("/v2/apps", {
      method: "POST",
      body: {
        id: "/kept",
        cmd: "run=forever",
        instances: 1,
        cpus: 0.1,
        mem: 16,
        unreachableStrategy: "disabled",
      },
    });
    const [first] = await until("the task running", async () => {
      const tasks = await tasksOf(c, "kept");
      return tasks.length === 1 && tasks[0]?.state === "TASK_RUNNING" && tasks;
    });
    await crashAgentOf(c, first as TaskJson);
    await until("the task unreachable", async () =>
      (await tasksOf(c, "kept")).some((t) => t.state === "TASK_UNREACHABLE"),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await tasksOf(c, "kept")).map((t) => [t.id, t.state])).toEqual([[first?.id, "TASK_UNREACHABLE"]]);
  }, 20_000);
});
