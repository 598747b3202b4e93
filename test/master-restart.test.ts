import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startAgent, type Agent } from "../src/agent/agent.js";
import { silentLogger } from "../src/common/logger.js";
import { startMarathon, type Marathon } from "../src/marathon/marathon.js";
import { startRoleProcess, type RoleProcess } from "./support/role-process.js";
import { TaskLauncher } from "./support/task-launcher.js";
import { until } from "./support/marathon-cluster.js";

// The master runs as its own process so that it can be killed with SIGKILL; agents and Marathon in process.
interface Task {
  id: string;
  state: string;
}
interface Framework {
  id: string;
  name: string;
  active: boolean;
  recovered: boolean;
  tasks: Task[];
  completed_tasks: Task[];
}
interface State {
  slaves: Array<{ id: string; active: boolean }>;
  recovered_slaves: Array<{ id: string }>;
  unreachable_slaves: number;
  frameworks: Framework[];
  completed_frameworks: Framework[];
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function masterState(master: RoleProcess): Promise<State> {
  return (await (await fetch(`${master.url}/master/state`)).json()) as State;
}

async function startCluster(agentCount: number, masterFlags: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), "minimesos-master-restart-"));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const flags = { work_dir: join(root, "master"), ...masterFlags };
  let master = await startRoleProcess("master", flags);
  cleanups.push(() => master.kill());
  const agents: Agent[] = [];
  for (let i = 0; i < agentCount; i++) {
    const agent = await startAgent({
      master: master.url,
      port: 0,
      workDir: join(root, `agent-${i}`),
      resources: "cpus:4;mem:4096;disk:1000;ports:[31000-31999]",
      logger: silentLogger(),
      reconnectBackoffMaxMs: 100,
    });
    cleanups.push(() => agent.stop());
    await agent.registered();
    agents.push(agent);
  }
  const restartMaster = async () => {
    await master.kill();
    master = await startRoleProcess("master", { ...flags, port: master.port });
    return master;
  };
  return { master: () => master, agents, restartMaster };
}

describe("a master restart with the same work dir", () => {
  it("keeps Marathon's 40 running tasks: same ids, no new launches, reconciled as RUNNING", async () => {
    const cluster = await startCluster(2);
    const marathon: Marathon = await startMarathon({ master: cluster.master().url, httpPort: 0 });
    cleanups.push(() => marathon.stop());
    const post = await fetch(`${marathon.url}/v2/apps`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: "/sleepy", cmd: "sleep 3600", instances: 40, cpus: 0.01, mem: 8 }),
    });
    expect(post.status).toBe(201);
    const runningIds = async () => {
      const fw = (await masterState(cluster.master())).frameworks.find((f) => f.name === "marathon");
      return (fw?.tasks ?? [])
        .filter((t) => t.state === "TASK_RUNNING")
        .map((t) => t.id)
        .sort();
    };
    await until("40 tasks running", async () => (await runningIds()).length === 40, 30_000);
    const before = await runningIds();
    const frameworkId = marathon.frameworkId();

    const master = await cluster.restartMaster();
    const after = await until(
      "both agents back and Marathon re-subscribed with its 40 tasks",
      async () => {
        const state = await masterState(master);
        const fw = state.frameworks.find((f) => f.id === frameworkId);
        return state.slaves.filter((a) => a.active).length === 2 && fw?.active ? state : undefined;
      },
      20_000,
    );
    expect(after.recovered_slaves).toEqual([]);
    expect(after.frameworks).toHaveLength(1);
    // Give Marathon time to reconcile and (wrongly) relaunch, then look again.
    await new Promise((r) => setTimeout(r, 1500));
    const state = await masterState(master);
    const fw = state.frameworks[0]!;
    expect(fw.id).toBe(frameworkId);
    expect(fw.recovered).toBe(false);
    expect(fw.tasks.map((t) => t.id).sort()).toEqual(before);
    expect(fw.tasks.every((t) => t.state === "TASK_RUNNING")).toBe(true);
    expect(fw.completed_tasks).toEqual([]);
    const marathonTasks = (await (await fetch(`${marathon.url}/v2/apps/sleepy/tasks`)).json()) as {
      tasks: Array<{ id: string; state: string }>;
    };
    expect(marathonTasks.tasks.map((t) => t.id).sort()).toEqual(before);
    expect(marathonTasks.tasks.every((t) => t.state === "TASK_RUNNING")).toBe(true);
    const executors = await Promise.all(
      cluster.agents.map(async (agent) => {
        const agentState = (await (await fetch(`${agent.url}/state`)).json()) as {
          frameworks: Array<{ executors: unknown[] }>;
        };
        return agentState.frameworks.reduce((n, f) => n + f.executors.length, 0);
      }),
    );
    expect(executors.reduce((a, b) => a + b, 0)).toBe(40);
  }, 90_000);

  it("kills the tasks of a framework that does not come back within its failover_timeout", async () => {
    const cluster = await startCluster(1);
    const launcher = await TaskLauncher.start(
      cluster.master().url,
      "leaver",
      [{ id: "orphan", name: "orphan", command: "sleep 3600" }],
      1,
    );
    cleanups.push(() => launcher.close());
    await launcher.waitForState("orphan", "TASK_RUNNING");
    const frameworkId = launcher.client.frameworkId?.value;

    await cluster.master().kill();
    await launcher.close();
    const master = await cluster.restartMaster();
    const recovered = await until("the framework recovered from the agent", async () => {
      const state = await masterState(master);
      return state.frameworks.find((f) => f.id === frameworkId);
    });
    expect(recovered.active).toBe(false);
    expect(recovered.recovered).toBe(true);
    expect(recovered.tasks.map((t) => [t.id, t.state])).toEqual([["orphan", "TASK_RUNNING"]]);

    const removed = await until("the framework removed after its failover timeout", async () => {
      const state = await masterState(master);
      return state.completed_frameworks.find((f) => f.id === frameworkId);
    });
    expect(removed.completed_tasks.map((t) => [t.id, t.state])).toEqual([["orphan", "TASK_KILLED"]]);
    await until("the agent to end the task", async () => {
      const agentState = (await (await fetch(`${cluster.agents[0]!.url}/state`)).json()) as {
        frameworks: unknown[];
      };
      return agentState.frameworks.length === 0;
    });
  }, 60_000);

  it("marks registry agents that do not re-register within --agent_reregister_timeout unreachable", async () => {
    const cluster = await startCluster(1, { agent_reregister_timeout: "1secs" });
    const agentId = (await masterState(cluster.master())).slaves[0]!.id;
    await cluster.agents[0]!.crash();
    const master = await cluster.restartMaster();
    const first = await masterState(master);
    expect(first.recovered_slaves.map((a) => a.id)).toEqual([agentId]);
    expect(first.slaves).toEqual([]);
    await until("the agent marked unreachable", async () => {
      const state = await masterState(master);
      return state.unreachable_slaves === 1 && state.recovered_slaves.length === 0;
    });
  }, 30_000);
});
