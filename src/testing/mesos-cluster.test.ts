import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MesosCluster } from "./index.js";
import { WaitTimeoutError } from "./wait.js";

const answers = async (url: string): Promise<boolean> => {
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
};

describe("MesosCluster in process", () => {
  it("starts a master and an agent on free ports and stops them", async () => {
    const cluster = await new MesosCluster().start();
    try {
      expect(cluster.runtime).toBe("inproc");
      expect(cluster.masterUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cluster.agents).toHaveLength(1);
      const [agent] = cluster.agents;
      expect(agent).toMatchObject({ index: 0, name: "agent-1", hostname: "127.0.0.1", status: "running" });
      const state = await cluster.masterState();
      expect(state.activated_slaves).toBe(1);
      expect(state.slaves[0]?.id).toBe(agent?.id);
      const agentState = await cluster.agentState(0);
      expect(agentState.id).toBe(agent?.id);
      expect(agentState.pid).toBe(agent?.pid);
    } finally {
      await cluster.stop();
    }
    expect(await answers(cluster.masterUrl)).toBe(false);
    expect(await answers(cluster.agents[0]!.url)).toBe(false);
    await cluster.stop();
  });

  it("cleans up at the end of an `await using` scope, also when the block throws", async () => {
    let masterUrl = "";
    let agentWorkDir = "";
    const failing = async () => {
      await using cluster = await new MesosCluster({ agents: [{}, {}] }).start();
      masterUrl = cluster.masterUrl;
      agentWorkDir = (await cluster.agentState(1)).flags.work_dir ?? "";
      expect(cluster.agents.map((a) => a.name)).toEqual(["agent-1", "agent-2"]);
      throw new Error("the test failed");
    };
    await expect(failing()).rejects.toThrow("the test failed");
    expect(await answers(masterUrl)).toBe(false);
    expect(agentWorkDir).not.toBe("");
    expect(existsSync(agentWorkDir)).toBe(false);
  });

  it("starts from minimesosFile text", async () => {
    const text = `minimesos {
      clusterName = "from-text"
      agent { resources { cpu { role = "*"; value = 2 } } }
      agent { }
    }`;
    await using cluster = await MesosCluster.fromText(text).start();
    const agents = await cluster.waitForAgents(2);
    expect(agents.map((a) => a.resources.cpus)).toContain(2);
  });

  it("takes a hand-written spec: resource roles default to *, hostnames, extra master flags", async () => {
    await using cluster = await new MesosCluster({
      master: { flags: { agent_ping_timeout: "100ms", max_agent_ping_timeouts: 2 } },
      agents: [{ resources: [{ name: "cpus", value: 2 }] }, { hostname: "node-2" }],
    }).start();
    expect(cluster.agents.map((a) => a.hostname)).toEqual(["127.0.0.1", "node-2"]);
    const state = await cluster.masterState();
    expect(state.flags.agent_ping_timeout).toBe("100ms");
    expect(state.slaves.find((a) => a.id === cluster.agents[0]?.id)?.resources.cpus).toBe(2);
  });

  it("starts from a minimesosFile on disk, with overrides", async () => {
    const dir = mkdtempSync(join(tmpdir(), "minimesos-file-"));
    try {
      const path = join(dir, "minimesosFile");
      writeFileSync(path, 'minimesos {\n  clusterName = "on-disk"\n  agent { }\n  agent { }\n}\n');
      await using cluster = await MesosCluster.fromFile(path, { agents: [{}] }).start();
      expect(cluster.agents).toHaveLength(1);
      await expect(MesosCluster.fromFile(join(dir, "missing")).start()).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("waiters time out with what they waited for and what they saw", async () => {
    await using cluster = await new MesosCluster().start();
    await expect(cluster.waitForAgents(3, { timeoutMs: 100 })).rejects.toThrow(
      /Timed out after 100 ms waiting for 3 active agent\(s\); last seen: 1 active of 1 registered agent\(s\)/,
    );
    await expect(cluster.waitForFramework("nobody", { timeoutMs: 50 })).rejects.toThrow(
      /framework nobody to be active; last seen: no framework registered/,
    );
    const error = await cluster
      .waitForTask("t-1", "TASK_RUNNING", { timeoutMs: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toMatch(
      /task t-1 to reach TASK_RUNNING; last seen: no task t-1 at the master/,
    );
  });

  it("refuses an agent index it does not have", async () => {
    await using cluster = await new MesosCluster().start();
    expect(() => cluster.agent(3)).toThrow(RangeError);
    await expect(cluster.killAgent(5)).rejects.toThrow(/No agent at index 5/);
  });
});
