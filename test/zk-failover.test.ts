import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { allocatePort } from "../src/common/ports.js";
import { LeaderDetector } from "../src/mesos/zk/leader-detector.js";
import { waitUntil } from "../src/testing/wait.js";
import { startRoleProcess, type RoleProcess } from "./support/role-process.js";
import { SchedulerClient, type Offer } from "../src/mesos/index.js";
import { useZooKeeper } from "./support/zookeeper.js";

// Three masters, two agents (processes, --master=zk://) and a framework on the project's SchedulerClient with a
// zk:// master: kill -9 of the leading master, three times in a row, must lose nothing.
interface State {
  id: string;
  elected_time?: number;
  leader?: string;
  slaves: Array<{ id: string; active: boolean }>;
  frameworks: Array<{ id: string; active: boolean; tasks: Array<{ id: string; state: string }> }>;
}

const zk = useZooKeeper();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TASKS = 20;
const PATH = "/mesos";

const stateOf = async (master: RoleProcess): Promise<State | undefined> => {
  try {
    return (await (await fetch(`${master.url}/master/state`)).json()) as State;
  } catch {
    return undefined;
  }
};

/** A framework (failover_timeout 1 h) that packs the 20 tasks into the first offers and records their states. */
async function startFramework(master: string) {
  const client = new SchedulerClient({
    master,
    frameworkInfo: { user: "root", name: "zk-failover", failover_timeout: 3600 },
    autoAcknowledge: true,
  });
  const states = new Map<string, string>();
  const pending = Array.from({ length: TASKS }, (_, i) => `t${i}`);
  const scalar = (name: string, value: number) => ({ name, type: "SCALAR" as const, scalar: { value } });
  client.on("UPDATE", (event) => states.set(event.update.status.task_id.value, event.update.status.state));
  client.on("OFFERS", (event) => {
    for (const offer of event.offers.offers as Offer[]) {
      const ids = pending.splice(0, TASKS / 2);
      if (ids.length === 0) void client.decline(offer.id).catch(() => undefined);
      else
        void client.launch(
          offer.id,
          ids.map((id) => ({
            name: id,
            task_id: { value: id },
            agent_id: offer.agent_id,
            resources: [scalar("cpus", 0.1), scalar("mem", 32)],
            command: { value: "sleep 3600" },
          })),
        );
    }
  });
  await client.subscribe();
  return { client, states };
}

describe("failover of the leading master through ZooKeeper", () => {
  it("keeps agents, framework and 20 running tasks across three kill -9 of the leader in a row", async () => {
    const root = mkdtempSync(join(tmpdir(), "minimesos-zk-failover-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const url = zk.url(PATH);
    const masterFlags = async (i: number) => ({
      zk: url,
      quorum: 2,
      zk_session_timeout: "2secs",
      work_dir: join(root, `master-${i}`),
      port: await allocatePort(),
    });
    const flags = await Promise.all([0, 1, 2].map(masterFlags));
    const masters: RoleProcess[] = [];
    for (const f of flags) masters.push(await startRoleProcess("master", f));
    cleanups.push(() => Promise.all(masters.map((m) => m.kill())).then(() => undefined));
    const agents: RoleProcess[] = [];
    for (const i of [0, 1])
      agents.push(
        await startRoleProcess("agent", {
          master: url,
          port: await allocatePort(),
          work_dir: join(root, `agent-${i}`),
          containerizers: "simulated",
          resources: "cpus:4;mem:4096;disk:1000;ports:[31000-31999]",
          registration_backoff_factor: "200ms",
        }),
      );
    cleanups.push(() => Promise.all(agents.map((a) => a.kill())).then(() => undefined));

    const reader = new LeaderDetector(url).start();
    cleanups.push(() => reader.close());
    /** The master process ZooKeeper names as leader, once it acts as one with both agents and all tasks. */
    const settledLeader = (tasksRunning: number, notPort?: number) =>
      waitUntil<{ leader: RoleProcess; state: State }>(
        "a leader with both agents and the tasks",
        async () => {
          const named = reader.leader;
          const leader = masters.find((m) => m.port === named?.port);
          if (!named || !leader || leader.port === notPort)
            return { seen: `ZooKeeper names ${named?.address}` };
          const state = await stateOf(leader);
          const running =
            state?.frameworks.flatMap((f) => f.tasks).filter((t) => t.state === "TASK_RUNNING").length ?? 0;
          const agentsActive = state?.slaves.filter((a) => a.active).length ?? 0;
          const frameworkActive = state?.frameworks.some((f) => f.active) ?? false;
          const ok =
            state?.id === named.id &&
            state.elected_time !== undefined &&
            agentsActive === 2 &&
            running === tasksRunning &&
            (tasksRunning === 0 || frameworkActive);
          return ok && state
            ? { value: { leader, state } }
            : { seen: `agents ${agentsActive}, running ${running}, framework active ${frameworkActive}` };
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );

    const t0 = Date.now();
    const settled = await settledLeader(0);
    let leader = settled.leader;
    const agentIds = settled.state.slaves.map((a) => a.id).sort();
    console.log(`3 masters and 2 agents up; leader settled after ${Date.now() - t0} ms`);
    const launcher = await startFramework(url);
    cleanups.push(() => launcher.client.close());
    await waitUntil(
      "20 tasks running",
      async () => {
        const running = [...launcher.states.values()].filter((s) => s === "TASK_RUNNING").length;
        return running === TASKS ? { value: true } : { seen: `${running} running` };
      },
      { timeoutMs: 20_000 },
    );
    const frameworkId = launcher.client.frameworkId?.value;
    expect(frameworkId).toBeDefined();
    ({ leader } = await settledLeader(TASKS));
    console.log(`20 tasks running after ${Date.now() - t0} ms`);

    for (const round of [1, 2, 3]) {
      const old = leader;
      const oldIndex = masters.indexOf(old);
      const killedAt = Date.now();
      await old.kill();
      const next = await settledLeader(TASKS, old.port);
      leader = next.leader;
      const failoverMs = Date.now() - killedAt;
      expect(next.state.slaves.map((a) => a.id).sort()).toEqual(agentIds);
      expect(next.state.frameworks.map((f) => f.id)).toEqual([frameworkId]);
      expect(next.state.frameworks[0]?.tasks.map((t) => t.id).sort()).toEqual(
        Array.from({ length: TASKS }, (_, i) => `t${i}`).sort(),
      );
      // The framework re-subscribed with its id to the new leader.
      await waitUntil("the framework follows the new leader", async () =>
        launcher.client.state === "subscribed" && launcher.client.leader === leader.url
          ? { value: true }
          : { seen: `${launcher.client.state} at ${launcher.client.leader}` },
      );
      const subscribedMs = Date.now() - killedAt;
      expect(launcher.client.frameworkId?.value).toBe(frameworkId);
      // A ZooKeeper reader sees the new leader's MasterInfo JSON.
      expect(reader.leader?.info.id).toBe(next.state.id);
      expect(reader.leader?.info.address.port).toBe(leader.port);
      expect(reader.leader?.znode).toMatch(/^json\.info_\d{10}$/);
      // Every task reconciles as RUNNING.
      const reconciled = new Map<string, string>();
      const off = launcher.client.on("UPDATE", (event) => {
        const status = event.update.status;
        if (status.reason === "REASON_RECONCILIATION") reconciled.set(status.task_id.value, status.state);
      });
      await launcher.client.reconcile([]);
      await waitUntil("all tasks reconciled", async () =>
        reconciled.size === TASKS ? { value: true } : { seen: `${reconciled.size} reconciled` },
      );
      off();
      expect([...reconciled.values()].every((s) => s === "TASK_RUNNING")).toBe(true);
      console.log(
        `round ${round}: kill -9 to new leader with agents and tasks ${failoverMs} ms, framework re-subscribed after ${subscribedMs} ms`,
      );
      // The killed master comes back (as the runtime would restart it), so that a quorum stays for the next kill.
      masters[oldIndex] = await startRoleProcess("master", flags[oldIndex]!);
    }
    expect(masters.every((m) => m.child.exitCode === null)).toBe(true);
  }, 120_000);

  it("a leading master process whose ZooKeeper session ends exits with status 1, saying why", async () => {
    const root = mkdtempSync(join(tmpdir(), "minimesos-zk-fatal-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const master = await startRoleProcess("master", {
      zk: zk.url("/fatal"),
      quorum: 1,
      zk_session_timeout: "2secs",
      work_dir: root,
    });
    cleanups.push(() => master.kill());
    await waitUntil("elected", async () => {
      const metrics = (await (await fetch(`${master.url}/metrics/snapshot`)).json()) as Record<
        string,
        number
      >;
      return metrics["master/elected"] === 1 ? { value: true } : { seen: "not elected" };
    });
    const exited = once(master.child, "exit");
    await zk.stop();
    try {
      const [code] = (await exited) as [number | null];
      expect(code).toBe(1);
      expect(master.log()).toMatch(/master must end: Lost leadership in ZooKeeper/);
    } finally {
      await zk.start();
    }
  }, 30_000);
});
