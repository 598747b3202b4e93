import { readlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../common/logger.js";
import { isStatusUuid } from "../mesos/ids.js";
import { startAgent } from "./agent.js";
import { commandTask, TEST_FRAMEWORK } from "./testing/fake-master.js";
import { startAgentFixture, type AgentFixture } from "./testing/agent-fixture.js";

describe("agent registration and status updates", () => {
  let fixture: AgentFixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  it("registers, checkpoints its id and re-registers with it after the stream drops", async () => {
    fixture = await startAgentFixture();
    const { master, agent, workDir } = fixture;
    const first = master.registrations[0];
    expect(first?.agent_id).toBeUndefined();
    expect(first?.register?.pid).toBe(agent.pid);
    expect(first?.register?.version).toBe("1.11.0");
    expect(first?.register?.agent_info.resources.find((r) => r.name === "cpus")?.scalar?.value).toBe(4);
    const id = agent.agentId();
    expect(id).toBe("fake-master-S0");
    expect(readlinkSync(join(workDir, "meta", "slaves", "latest"))).toBe(id);

    master.runTask(TEST_FRAMEWORK, commandTask("long", "sleep 30"));
    await master.waitForState("long", "TASK_RUNNING");
    master.dropStream();
    await master.waitFor(() => master.registrations.length === 2);
    const again = master.registrations[1];
    expect(again?.agent_id?.value).toBe(id);
    expect(again?.register?.tasks?.map((t) => [t.task_id.value, t.state])).toEqual([
      ["long", "TASK_RUNNING"],
    ]);
    expect(again?.register?.frameworks?.[0]?.id?.value).toBe("fw-0000");
  });

  it("a restarted agent re-registers with the checkpointed id", async () => {
    fixture = await startAgentFixture();
    const { master, agent, workDir } = fixture;
    const id = agent.agentId();
    await agent.stop();
    const restarted = await startAgent({
      master: master.url,
      port: 0,
      workDir,
      logger: silentLogger(),
      resources: "cpus:1;mem:512",
    });
    try {
      expect(await restarted.registered()).toBe(id);
      expect(master.registrations.at(-1)?.agent_id?.value).toBe(id);
    } finally {
      await restarted.stop();
    }
  });

  it("resends the head update until it is acknowledged, then sends the next", async () => {
    fixture = await startAgentFixture({ statusUpdateRetryIntervalMs: 50 }, { autoAcknowledge: false });
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("t1", "true"));
    await master.waitFor(() => master.updates("t1").length >= 3);
    const sent = master.updates("t1");
    expect(new Set(sent.map((s) => s.state))).toEqual(new Set(["TASK_STARTING"]));
    expect(new Set(sent.map((s) => s.uuid)).size).toBe(1);
    const starting = sent[0];
    expect(isStatusUuid(starting?.uuid)).toBe(true);
    expect(starting?.source).toBe("SOURCE_EXECUTOR");
    // Retries of the head tell the master how far the task really got.
    await master.waitFor(
      () =>
        master.calls.filter((c) => c.type === "STATUS_UPDATE").at(-1)?.status_update?.latest_state ===
        "TASK_FINISHED",
    );

    master.acknowledge("fw-0000", starting!);
    const running = await master.waitForState("t1", "TASK_RUNNING");
    expect(running.uuid).not.toBe(starting?.uuid);
    master.acknowledge("fw-0000", running);
    const finished = await master.waitForState("t1", "TASK_FINISHED");
    expect(finished.message).toBe("Command exited with status 0");
    master.acknowledge("fw-0000", finished);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(master.updates("t1").filter((s) => s.state === "TASK_FINISHED").length).toBeLessThanOrEqual(2);
    // The command executor's end is no executor failure: Mesos sends ExitedExecutorMessage only for others.
    expect(master.calls.some((c) => c.type === "EXECUTOR_EXITED")).toBe(false);
  });

  it("refuses an unknown containerizer with a clear message", async () => {
    await expect(
      startAgent({ master: "127.0.0.1:1", port: 0, containerizers: "docker,lxc", logger: silentLogger() }),
    ).rejects.toThrow(/Unknown containerizer 'lxc'; use mesos, docker or simulated/);
  });
});
