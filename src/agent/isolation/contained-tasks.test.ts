import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FrameworkInfo } from "../../mesos/framework.js";
import type { TaskStatus } from "../../mesos/task.js";
import { isSameProcessAlive } from "../recovery/process-watch.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { agentCgroupName, clusterCgroupName } from "./agent-cgroups.js";
import { procsInTree } from "./cgroup-fs.js";
import { WATCHDOG_PID_FILE } from "./recovery-watchdog.js";
import { silentLogger } from "../../common/logger.js";
import { startAgent, type Agent } from "../agent.js";

const ROOT_FRAMEWORK: FrameworkInfo = { ...TEST_FRAMEWORK, user: "root" };
const UNIFIED = "/sys/fs/cgroup/unified";
// Agents outside a cluster share minimesos-standalone, which `prune` leaves alone.
const CLUSTER = process.env.MINIMESOS_CLUSTER_ID;

/** The cgroup of a task's container in the v2 hierarchy of this (hybrid) machine. */
const taskCgroup = (workDir: string, status: TaskStatus): string =>
  join(
    UNIFIED,
    clusterCgroupName(CLUSTER),
    agentCgroupName(workDir),
    status.container_status?.container_id?.value ?? "",
  );

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
};

const sandboxOf = (fixture: AgentFixture, taskId: string, frameworkId = "fw-0000"): string =>
  join(
    fixture.workDir,
    "slaves",
    fixture.agent.agentId() ?? "",
    "frameworks",
    frameworkId,
    "executors",
    taskId,
    "runs",
    "latest",
  );

describe("tasks contained in cgroups", () => {
  let fixture: AgentFixture | undefined;
  let restarted: Agent | undefined;
  afterEach(async () => {
    await restarted?.stop();
    restarted = undefined;
    await fixture?.cleanup();
    fixture = undefined;
  });

  it("a restarted agent destroys the containers it does not adopt, descendants included, and the old watchdog", async () => {
    fixture = await startAgentFixture();
    const { master, workDir } = fixture;
    master.runTask(ROOT_FRAMEWORK, commandTask("left", "setsid sh -c 'exec sleep 3621' & exec sleep 3622"));
    const running = await master.waitForState("left", "TASK_RUNNING");
    const cgroup = taskCgroup(workDir, running);
    const pids = await master.waitFor(() => {
      const found = procsInTree(cgroup);
      return found.length >= 2 && found;
    });
    const watchdogPid = Number(readFileSync(join(workDir, WATCHDOG_PID_FILE), "utf8").split(" ")[0]);
    expect(isSameProcessAlive(watchdogPid, undefined)).toBe(true);
    await fixture.agent.stop({ leaveTasksRunning: true });
    expect(pids.every((pid) => isSameProcessAlive(pid, undefined))).toBe(true);
    restarted = await startAgent({ master: fixture.master.url, port: 0, workDir, logger: silentLogger() });
    await restarted.registered();
    await master.waitFor(() => pids.every((pid) => !isSameProcessAlive(pid, undefined)));
    expect(existsSync(cgroup)).toBe(false);
    await master.waitFor(() => !isSameProcessAlive(watchdogPid, undefined));
    expect(Number(readFileSync(join(workDir, WATCHDOG_PID_FILE), "utf8").split(" ")[0])).not.toBe(
      watchdogPid,
    );
  });

  it("kills descendants that left the session and cleared their environment", async () => {
    fixture = await startAgentFixture();
    const { master, workDir } = fixture;
    master.runTask(
      ROOT_FRAMEWORK,
      commandTask("escape", "setsid sh -c 'exec sleep 3601' & (sleep 3603 &) ; exec env -i sleep 3602"),
    );
    const running = await master.waitForState("escape", "TASK_RUNNING");
    const cgroup = taskCgroup(workDir, running);
    const pids = await master.waitFor(() => {
      const found = procsInTree(cgroup);
      // Settled: the three sleeps, after every shell exec'd or exited.
      return found.length === 3 && found.every((pid) => commandOf(pid).startsWith("sleep")) && found;
    });
    // Usage counts every process of the container, also those that left its process group.
    await master.waitFor(async () => {
      const statistics = (await (await fetch(`${fixture?.agent.url}/monitor/statistics`)).json()) as Array<{
        statistics: { processes: number };
      }>;
      return statistics[0]?.statistics.processes === 3;
    });
    const ticks = pids.map(
      (pid) => [pid, Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[21])] as const,
    );
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: ROOT_FRAMEWORK.id!, task_id: { value: "escape" } },
    });
    const killed = await master.waitForState("escape", "TASK_KILLED");
    expect(killed.message).toMatch(/Command terminated with signal/);
    await master.waitFor(() => ticks.every(([pid, t]) => !isSameProcessAlive(pid, t)));
    expect(existsSync(cgroup)).toBe(false);
  });

  it("agent shutdown ends every descendant of its tasks and removes the agent's cgroup", async () => {
    fixture = await startAgentFixture();
    const { master, workDir } = fixture;
    master.runTask(
      ROOT_FRAMEWORK,
      commandTask("stopped", "setsid sh -c 'exec sleep 3631' & exec sleep 3632"),
    );
    const running = await master.waitForState("stopped", "TASK_RUNNING");
    const cgroup = taskCgroup(workDir, running);
    const pids = await master.waitFor(() => {
      const found = procsInTree(cgroup);
      return found.length === 2 && found;
    });
    await fixture.agent.stop();
    expect(pids.filter((pid) => isSameProcessAlive(pid, undefined))).toEqual([]);
    expect(existsSync(join(cgroup, ".."))).toBe(false);
  });

  it("fails a task over its memory limit with Mesos's reason and message", async () => {
    fixture = await startAgentFixture({ isolation: "cgroups/cpu,cgroups/mem" });
    const { master } = fixture;
    // 32 MB for the task plus the command executor's 32 MB.
    master.runTask(ROOT_FRAMEWORK, commandTask("hog", "tail /dev/zero"));
    const failed = await master.waitForState("hog", "TASK_FAILED", 20_000);
    expect(failed).toMatchObject({ source: "SOURCE_AGENT", reason: "REASON_CONTAINER_LIMITATION_MEMORY" });
    expect(failed.message).toMatch(
      /^Memory limit exceeded: Requested: 64MB Maximum Used: \d+\w*B\n\nMEMORY STATISTICS: \n/,
    );
  });

  it("applies cpus as CPU shares", async () => {
    fixture = await startAgentFixture({ isolation: "cgroups/cpu" });
    const { master, workDir } = fixture;
    master.runTask(ROOT_FRAMEWORK, commandTask("shares", "sleep 30"));
    const running = await master.waitForState("shares", "TASK_RUNNING");
    const id = running.container_status?.container_id?.value ?? "";
    const dir = join("/sys/fs/cgroup/cpu", clusterCgroupName(CLUSTER), agentCgroupName(workDir), id);
    // 0.1 task cpus plus the command executor's 0.1.
    expect(readFileSync(join(dir, "cpu.shares"), "utf8").trim()).toBe("204");
    expect(
      existsSync(join("/sys/fs/cgroup/memory", clusterCgroupName(CLUSTER), agentCgroupName(workDir), id)),
    ).toBe(false);
  });

  it("runs a task as its user and refuses an unknown one", async () => {
    fixture = await startAgentFixture({ switchUser: true });
    const { master } = fixture;
    master.runTask(
      ROOT_FRAMEWORK,
      commandTask("as-nobody", "id -u; id -g; touch mine", {
        command: { value: "id -u; id -g; touch mine", user: "nobody" },
      }),
    );
    await master.waitForState("as-nobody", "TASK_FINISHED");
    expect(
      readFileSync(join(sandboxOf(fixture, "as-nobody", ROOT_FRAMEWORK.id!.value), "stdout"), "utf8"),
    ).toBe("65534\n65534\n");
    master.runTask({ ...ROOT_FRAMEWORK, user: "nobody" }, commandTask("fw-user", "id -un"));
    await master.waitForState("fw-user", "TASK_FINISHED");
    expect(
      readFileSync(join(sandboxOf(fixture, "fw-user", ROOT_FRAMEWORK.id!.value), "stdout"), "utf8"),
    ).toBe("nobody\n");
    master.runTask({ ...ROOT_FRAMEWORK, user: "no-such-user-xyz" }, commandTask("ghost", "true"));
    const failed = await master.waitForState("ghost", "TASK_FAILED");
    expect(failed).toMatchObject({
      source: "SOURCE_AGENT",
      reason: "REASON_CONTAINER_LAUNCH_FAILED",
      message:
        "Failed to launch container: Failed to change user to 'no-such-user-xyz': Failed to getgid: unknown user",
    });
  });
});
