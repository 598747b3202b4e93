import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { MesosCluster } from "minimesos/testing";
import { SchedulerClient } from "minimesos";

describe("a Mesos cluster per test file", () => {
  /** @type {import("minimesos/testing").StartedMesosCluster} */
  let cluster;

  beforeAll(async () => {
    cluster = await new MesosCluster({ agents: [{}, {}] }).start();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  test("both agents are registered and active", async () => {
    const agents = await cluster.waitForAgents(2);
    expect(agents.map((a) => a.id).sort()).toEqual(cluster.agents.map((a) => a.id).sort());
  });

  test("a framework registers and runs a task", async () => {
    const scheduler = new SchedulerClient({
      master: cluster.masterUrl,
      frameworkInfo: { user: "root", name: "jest-recipe" },
      autoAcknowledge: true,
    });
    try {
      let launched = false;
      scheduler.on("OFFERS", ({ offers }) => {
        const offer = offers.offers[0];
        if (!offer || launched) return;
        launched = true;
        void scheduler.launch(offer.id, [
          {
            name: "greet",
            task_id: { value: "greet-1" },
            agent_id: offer.agent_id,
            resources: [
              { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
              { name: "mem", type: "SCALAR", scalar: { value: 32 } },
            ],
            command: { value: "echo hi from jest" },
          },
        ]);
      });
      await scheduler.subscribe();
      await cluster.waitForFramework("jest-recipe");
      await cluster.waitForTask("greet-1", "TASK_FINISHED");
      expect(await cluster.taskOutput("greet-1")).toBe("hi from jest\n");
    } finally {
      await scheduler.close();
    }
  });

  test("an agent restarted after a kill keeps its id", async () => {
    const before = cluster.agent(1);
    await cluster.killAgent(1);
    const after = await cluster.restartAgent(1);
    expect(after.id).toBe(before.id);
  });
});
