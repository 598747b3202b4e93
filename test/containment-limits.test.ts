import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterCgroupProcesses, destroyClusterCgroups } from "../src/agent/isolation/cluster-cgroups.js";
import { CLUSTER_ID_ENV } from "../src/cluster/cluster-id.js";
import { isAlive, processesWithEnv, terminate } from "../src/cluster/runtime/pids.js";
import { SchedulerClient, type Offer, type TaskInfo, type TaskStatus } from "../src/mesos/index.js";
import { startRoleProcess, type RoleProcess } from "./support/role-process.js";

// A master and an agent as OS processes (the agent with cgroups/cpu,cgroups/mem, --switch_user as by
// default, and a 2 s --recovery_timeout), driven by a scheduler.
const clusterId = `limits-${randomUUID().slice(0, 8)}`;
const workRoot = mkdtempSync(join(tmpdir(), "minimesos-containment-"));
let master: RoleProcess;
let agent: RoleProcess;
let scheduler: SchedulerClient;
const updates: TaskStatus[] = [];
const offers: Offer[] = [];

async function until<T>(what: string, check: () => T | undefined | false, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const statusOf = (taskId: string, state: string) =>
  until(`${taskId} ${state}`, () => updates.find((u) => u.task_id.value === taskId && u.state === state));

async function launch(id: string, command: TaskInfo["command"], mem = 32): Promise<void> {
  const offer = await until("an offer", () => offers.shift());
  await scheduler.launch(
    [offer],
    [
      {
        name: id,
        task_id: { value: id },
        agent_id: offer.agent_id,
        resources: [
          { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
          { name: "mem", type: "SCALAR", scalar: { value: mem } },
        ],
        ...(command ? { command } : {}),
      },
    ],
  );
}

const statusLine = (pid: number, key: string): string | undefined =>
  new RegExp(`^${key}:\\s*(.*)$`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];

beforeAll(async () => {
  const env = { [CLUSTER_ID_ENV]: clusterId };
  master = await startRoleProcess("master", { work_dir: join(workRoot, "master") }, { env });
  agent = await startRoleProcess(
    "agent",
    {
      master: master.url,
      work_dir: join(workRoot, "agent"),
      resources: "cpus:2;mem:1024;disk:1024;ports:[31000-31099]",
      isolation: "cgroups/cpu,cgroups/mem",
      recovery_timeout: "2secs",
    },
    { env },
  );
  scheduler = new SchedulerClient({
    master: master.url,
    frameworkInfo: { user: "root", name: "containment" },
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
  await Promise.all([agent, master].filter(Boolean).map((p) => p.stop()));
  await terminate(processesWithEnv(CLUSTER_ID_ENV, clusterId), 1000);
  await destroyClusterCgroups(clusterId);
  rmSync(workRoot, { recursive: true, force: true });
});

describe("an agent with cgroups/cpu,cgroups/mem and --switch_user", { timeout: 60_000 }, () => {
  it("fails a task over its memory limit with REASON_CONTAINER_LIMITATION_MEMORY", async () => {
    await launch("hog", { value: "tail /dev/zero" });
    const failed = await statusOf("hog", "TASK_FAILED");
    expect(failed.source).toBe("SOURCE_AGENT");
    expect(failed.reason).toBe("REASON_CONTAINER_LIMITATION_MEMORY");
    // 32 MB for the task and the command executor's 32 MB.
    expect(failed.message).toMatch(
      /^Memory limit exceeded: Requested: 64MB Maximum Used: \d+\w*B\n\nMEMORY STATISTICS: \n/,
    );
    expect(failed.message).toContain("total_rss");
  });

  it('runs a task with "user":"nobody" as nobody, and fails one of an unknown user', async () => {
    await launch("as-nobody", { value: "exec sleep 120", user: "nobody" });
    const running = await statusOf("as-nobody", "TASK_RUNNING");
    const pid = running.container_status?.executor_pid as number;
    await until("the command running", () =>
      readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("sleep"),
    );
    expect(statusLine(pid, "Uid")?.split(/\s+/)).toEqual(["65534", "65534", "65534", "65534"]);
    expect(statusLine(pid, "Gid")?.split(/\s+/)[0]).toBe("65534");
    expect(statusLine(pid, "Groups")).not.toMatch(/\b0\b/);

    await launch("ghost", { value: "true", user: "no-such-user-42" });
    const failed = await statusOf("ghost", "TASK_FAILED");
    expect(failed).toMatchObject({
      source: "SOURCE_AGENT",
      reason: "REASON_CONTAINER_LAUNCH_FAILED",
      message:
        "Failed to launch container: Failed to change user to 'no-such-user-42': Failed to getgid: unknown user",
    });
  });

  it("kills the tasks of an agent gone for good after --recovery_timeout, not before", async () => {
    await launch("orphan", { value: "setsid sh -c 'exec sleep 3611' & exec env -i sleep 3612" });
    const running = await statusOf("orphan", "TASK_RUNNING");
    const pid = running.container_status?.executor_pid as number;
    const all = await until("the task and its setsid child in the cluster's cgroups", () => {
      const found = clusterCgroupProcesses(clusterId);
      return found.length >= 2 && found;
    });
    expect(all).toContain(pid);
    await agent.kill();
    await new Promise((r) => setTimeout(r, 1000));
    expect(isAlive(pid), "the task outlives its agent for the recovery timeout").toBe(true);
    await until("every process of the task gone", () => all.every((p) => !isAlive(p)), 10_000);
    expect(clusterCgroupProcesses(clusterId)).toEqual([]);
  });
});
