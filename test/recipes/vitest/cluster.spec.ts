import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MesosCluster, type StartedMesosCluster } from "minimesos/testing";
import { SchedulerClient } from "minimesos";

describe("one cluster per test: await using", () => {
  it("runs a task to TASK_FINISHED and reads its output", async () => {
    await using cluster = await new MesosCluster().start();
    await using scheduler = new SchedulerClient({
      master: cluster.masterUrl,
      frameworkInfo: { user: "root", name: "recipe" },
      autoAcknowledge: true,
    });
    scheduler.on("OFFERS", ({ offers }) => {
      const offer = offers.offers[0];
      if (!offer) return;
      void scheduler.launch(offer.id, [
        {
          name: "hello",
          task_id: { value: "hello-1" },
          agent_id: offer.agent_id,
          resources: [
            { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
            { name: "mem", type: "SCALAR", scalar: { value: 32 } },
          ],
          command: { value: "echo hello" },
        },
      ]);
    });
    await scheduler.subscribe();
    await cluster.waitForTask("hello-1", "TASK_FINISHED");
    expect(await cluster.taskOutput("hello-1")).toBe("hello\n");
  });
});

describe("one cluster per file: beforeAll / afterAll", () => {
  let cluster: StartedMesosCluster;
  beforeAll(async () => {
    cluster = await new MesosCluster({
      master: { flags: { agent_ping_timeout: "100ms", max_agent_ping_timeouts: 2 } },
    }).start();
  });
  afterAll(() => cluster?.stop());

  it("sees the master mark a killed agent unreachable", async () => {
    const [agent] = cluster.agents;
    await cluster.killAgent(0);
    await cluster.waitForAgentUnreachable(0);
    expect((await cluster.masterState()).slaves.map((s) => s.id)).not.toContain(agent?.id);
  });
});

describe("one cluster for the whole run: globalSetup", () => {
  it("reaches the shared cluster's master", async () => {
    const res = await fetch(`${inject("masterUrl")}/master/state`);
    const state = (await res.json()) as { activated_slaves: number };
    expect(state.activated_slaves).toBe(2);
  });
});
