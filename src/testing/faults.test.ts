import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TaskLauncher } from "../../test/support/task-launcher.js";
import { isAlive } from "../cluster/runtime/pids.js";
import { MesosCluster } from "./index.js";

const fastPings = { master: { flags: { agent_ping_timeout: "100ms", max_agent_ping_timeouts: 2 } } };

let scratch = "";
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "minimesos-faults-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A task that writes its pid and then sleeps, so the test can see whether it still runs. */
const sleeper = (id: string) => ({ id, name: id, command: `echo $$ > ${scratch}/${id}.pid; exec sleep 60` });
const pidOf = (id: string) => Number(readFileSync(join(scratch, `${id}.pid`), "utf8"));

describe("fault injection in process", () => {
  it("killAgent: the master marks the agent unreachable; its task runs on until the cluster stops", async () => {
    const cluster = await new MesosCluster(fastPings).start();
    let taskPid = 0;
    try {
      const launcher = await TaskLauncher.start(cluster.masterUrl, "sleeper", [sleeper("s-1")]);
      try {
        await cluster.waitForTask("s-1", "TASK_RUNNING");
        taskPid = pidOf("s-1");
        const agent = cluster.agent(0);
        await cluster.killAgent(0);
        expect(cluster.agent(0).status).toBe("killed");
        await cluster.waitForAgentUnreachable(agent, { timeoutMs: 5000 });
        const state = await cluster.masterState();
        expect(state.slaves.map((s) => s.id)).not.toContain(agent.id);
        expect(state.unreachable_slaves).toBe(1);
        await cluster.waitForTask("s-1", "TASK_UNREACHABLE");
        await launcher.waitForState("s-1", "TASK_LOST", 5000);
        expect(isAlive(taskPid)).toBe(true);
      } finally {
        await launcher.close();
      }
    } finally {
      await cluster.stop();
    }
    expect(taskPid).toBeGreaterThan(0);
    expect(isAlive(taskPid)).toBe(false);
  });

  it("restartAgent after a kill: the same id, active again, on the same port", async () => {
    await using cluster = await new MesosCluster(fastPings).start();
    const before = cluster.agent(0);
    await cluster.killAgent(0);
    await cluster.waitForAgentUnreachable(0, { timeoutMs: 5000 });
    const after = await cluster.restartAgent(0);
    expect(after).toMatchObject({ id: before.id, url: before.url, status: "running" });
    const [registered] = await cluster.waitForAgents(1);
    expect(registered).toMatchObject({ id: before.id, active: true });
    expect((await cluster.agentState(0)).id).toBe(before.id);
  });

  it("stopAgent then restartAgent: the agent comes back with its id", async () => {
    await using cluster = await new MesosCluster({ agents: [{}, {}] }).start();
    const second = cluster.agent(1);
    await cluster.stopAgent(1);
    expect(cluster.agent(1).status).toBe("stopped");
    await cluster.waitForMasterState("agent-2 to be inactive", (s) =>
      s.slaves.find((a) => a.id === second.id && !a.active),
    );
    await cluster.restartAgent(second);
    expect((await cluster.waitForAgents(2)).map((a) => a.id).sort()).toEqual(
      cluster.agents.map((a) => a.id).sort(),
    );
    expect(cluster.agent(1).id).toBe(second.id);
  });

  it("restartMaster: agents re-register and a scheduler client re-subscribes", async () => {
    await using cluster = await new MesosCluster({ agents: [{}, {}] }).start();
    const masterUrl = cluster.masterUrl;
    const ids = cluster.agents.map((a) => a.id).sort();
    const launcher = await TaskLauncher.start(cluster.masterUrl, "survivor", []);
    try {
      const framework = await cluster.waitForFramework("survivor");
      await cluster.restartMaster();
      expect(cluster.masterUrl).toBe(masterUrl);
      expect((await cluster.waitForAgents(2)).map((a) => a.id).sort()).toEqual(ids);
      const again = await cluster.waitForFramework(framework.id);
      expect(again.name).toBe("survivor");
      expect(launcher.client.state).toBe("subscribed");
    } finally {
      await launcher.close();
    }
  });
});
