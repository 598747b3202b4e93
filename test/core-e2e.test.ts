import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLUSTER_ID_ENV } from "../src/cluster/cluster-id.js";
import { processesWithEnv, terminate } from "../src/cluster/runtime/pids.js";
import { SchedulerClient, type Offer, type TaskInfo, type TaskStatus } from "../src/mesos/index.js";
import { startRoleProcess, type RoleProcess } from "./support/role-process.js";

interface StateTask {
  id: string;
  state: string;
  slave_id: string;
}
interface StateFramework {
  id: string;
  name: string;
  active: boolean;
  tasks: StateTask[];
  completed_tasks: StateTask[];
  unreachable_tasks: StateTask[];
  used_resources: Record<string, number | string>;
}
interface MasterState {
  frameworks: StateFramework[];
  completed_frameworks: StateFramework[];
  slaves: Array<{ id: string; active: boolean; used_resources: Record<string, number | string> }>;
  unreachable_slaves: number;
}

const marker = `e2e-${randomUUID()}`;
const workRoot = mkdtempSync(join(tmpdir(), "minimesos-e2e-"));
let master: RoleProcess;
const agents: RoleProcess[] = [];
let scheduler: SchedulerClient;
const updates: TaskStatus[] = [];
const offers: Offer[] = [];

async function masterState(): Promise<MasterState> {
  return (await (await fetch(`${master.url}/master/state`)).json()) as MasterState;
}

async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const latest = (taskId: string) => [...updates].reverse().find((u) => u.task_id.value === taskId);
const seen = (taskId: string, state: string) =>
  updates.some((u) => u.task_id.value === taskId && u.state === state);

function task(name: string, offer: Offer, command: string): TaskInfo {
  return {
    name,
    task_id: { value: name },
    agent_id: offer.agent_id,
    resources: [
      { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
      { name: "mem", type: "SCALAR", scalar: { value: 16 } },
    ],
    command: { value: command },
  };
}

beforeAll(async () => {
  const env = { [CLUSTER_ID_ENV]: marker };
  master = await startRoleProcess(
    "master",
    { work_dir: join(workRoot, "master"), agent_ping_timeout: "100ms", max_agent_ping_timeouts: 3 },
    { env },
  );
  for (const n of [1, 2])
    agents.push(
      await startRoleProcess(
        "agent",
        {
          master: master.url,
          work_dir: join(workRoot, `agent-${n}`),
          resources: `cpus:2;mem:512;disk:1024;ports:[${31000 + n * 100}-${31099 + n * 100}]`,
        },
        { env },
      ),
    );
  await until("both agents active", async () => {
    const state = await masterState();
    return state.slaves.filter((s) => s.active).length === 2 || undefined;
  });
  scheduler = new SchedulerClient({
    master: master.url,
    frameworkInfo: { user: "root", name: "e2e", capabilities: [{ type: "PARTITION_AWARE" }] },
  });
  scheduler.on("OFFERS", (event) => offers.push(...event.offers.offers));
  scheduler.on("UPDATE", (event) => {
    updates.push(event.update.status);
    void scheduler.acknowledge(event.update.status).catch(() => undefined);
  });
  await scheduler.subscribe();
}, 30_000);

afterAll(async () => {
  await scheduler?.close();
  await Promise.all([...agents, master].filter(Boolean).map((p) => p.stop()));
  await terminate(processesWithEnv(CLUSTER_ID_ENV, marker), 1000);
  rmSync(workRoot, { recursive: true, force: true });
});

describe("a master and two agents as OS processes, driven by a scheduler", () => {
  it("launches 10 tasks across both agents and shows them in /master/state", async () => {
    await until(
      "offers from both agents",
      () => new Set(offers.map((o) => o.agent_id.value)).size === 2 || undefined,
    );
    const byAgent = new Map(offers.map((o) => [o.agent_id.value, o]));
    const [first, second] = [...byAgent.values()] as [Offer, Offer];
    offers.length = 0;
    await scheduler.launch(
      [first],
      [0, 1, 2, 3, 4].map((i) => task(`t${i}`, first, "sleep 60")),
    );
    await scheduler.launch(
      [second],
      [5, 6, 7, 8, 9].map((i) => task(`t${i}`, second, "sleep 60")),
    );
    for (let i = 0; i < 10; i++)
      await until(`t${i} running`, () => seen(`t${i}`, "TASK_RUNNING") || undefined);
    expect(updates.filter((u) => u.state === "TASK_RUNNING").every((u) => typeof u.uuid === "string")).toBe(
      true,
    );
    for (let i = 0; i < 10; i++) {
      const states = updates.filter((u) => u.task_id.value === `t${i}`).map((u) => u.state);
      expect(states).toEqual(["TASK_STARTING", "TASK_RUNNING"]);
    }

    const state = await masterState();
    const framework = state.frameworks.find((f) => f.name === "e2e");
    expect(framework?.tasks).toHaveLength(10);
    expect(framework?.tasks.every((t) => t.state === "TASK_RUNNING")).toBe(true);
    expect(new Set(framework?.tasks.map((t) => t.slave_id)).size).toBe(2);
    expect(framework?.used_resources.cpus).toBeCloseTo(1.0, 5);
    expect(state.slaves.map((s) => s.used_resources.cpus)).toEqual([0.5, 0.5]);
  });

  it("kills one task and moves it to completed_tasks", async () => {
    await scheduler.kill("t0");
    await until("t0 killed", () => seen("t0", "TASK_KILLED") || undefined);
    const framework = await until("t0 completed", async () => {
      const fw = (await masterState()).frameworks.find((f) => f.name === "e2e");
      return fw?.completed_tasks.some((t) => t.id === "t0") ? fw : undefined;
    });
    expect(framework.tasks).toHaveLength(9);
    expect(framework.completed_tasks.find((t) => t.id === "t0")?.state).toBe("TASK_KILLED");
  });

  it("answers implicit reconciliation once per task, without uuid", async () => {
    const before = updates.length;
    await scheduler.reconcile();
    await until("9 reconciliation answers", () => updates.length - before >= 9 || undefined);
    const answers = updates.slice(before);
    expect(answers.every((u) => u.reason === "REASON_RECONCILIATION" && u.uuid === undefined)).toBe(true);
    expect(new Set(answers.map((u) => u.task_id.value))).toEqual(
      new Set(["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"]),
    );
  });

  it("reports the tasks of a SIGKILLed agent as TASK_UNREACHABLE", async () => {
    const state = await masterState();
    const victimId = state.frameworks[0]?.tasks.find((t) => t.id === "t9")?.slave_id;
    const agentIds = await Promise.all(
      agents.map(async (a) => ((await (await fetch(`${a.url}/state`)).json()) as { id: string }).id),
    );
    const victim = agents[agentIds.indexOf(victimId as string)];
    expect(victim).toBeDefined();
    await victim?.kill();
    const lostTasks =
      state.frameworks[0]?.tasks.filter((t) => t.slave_id === victimId).map((t) => t.id) ?? [];
    for (const id of lostTasks)
      await until(`${id} unreachable`, () => latest(id)?.state === "TASK_UNREACHABLE" || undefined);
    const status = latest(lostTasks[0] as string);
    expect(status?.reason).toBe("REASON_AGENT_REMOVED");
    expect(status?.source).toBe("SOURCE_MASTER");
    expect(status?.uuid).toBeUndefined();
    const after = await masterState();
    expect(after.unreachable_slaves).toBe(1);
    expect(after.frameworks[0]?.unreachable_tasks.map((t) => t.id).sort()).toEqual([...lostTasks].sort());
  });

  it("tears down: every remaining task ends and the framework is completed", async () => {
    await scheduler.teardown();
    const state = await until("framework completed", async () => {
      const s = await masterState();
      return s.completed_frameworks.some((f) => f.name === "e2e") ? s : undefined;
    });
    expect(state.frameworks).toHaveLength(0);
    expect(state.slaves.filter((s) => s.active).every((s) => s.used_resources.cpus === 0)).toBe(true);
  });
});
