import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import type { FrameworkInfo } from "../../mesos/framework.js";
import type { TaskStatus } from "../../mesos/task.js";
import { startAgent, type Agent } from "../agent.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { isSameProcessAlive } from "./process-watch.js";
import { readTaskCheckpoints } from "./task-checkpoint.js";

const CHECKPOINTING: FrameworkInfo = { ...TEST_FRAMEWORK, id: { value: "fw-ckpt" }, checkpoint: true };
const PARTITION_AWARE: FrameworkInfo = {
  ...TEST_FRAMEWORK,
  id: { value: "fw-pa" },
  capabilities: [{ type: "PARTITION_AWARE" }],
};

const pidOf = (status: TaskStatus): number => status.container_status?.executor_pid as number;

describe("agent recovery after a restart with the same work_dir", () => {
  let fixture: AgentFixture | undefined;
  let restarted: Agent | undefined;
  afterEach(async () => {
    await restarted?.stop();
    restarted = undefined;
    await fixture?.cleanup();
    fixture = undefined;
  });

  const restart = async (): Promise<Agent> => {
    if (!fixture) throw new Error("no fixture");
    await fixture.agent.stop({ leaveTasksRunning: true });
    restarted = await startAgent({
      master: fixture.master.url,
      port: 0,
      workDir: fixture.workDir,
      resources: "cpus:4;mem:4096",
      logger: silentLogger(),
    });
    await restarted.registered();
    return restarted;
  };

  it("re-adopts live tasks of checkpointing frameworks and accounts for every other task", async () => {
    fixture = await startAgentFixture();
    const { master, workDir } = fixture;
    const agentId = fixture.agent.agentId() as string;
    master.runTask(CHECKPOINTING, commandTask("keep", "sleep 30"));
    master.runTask(CHECKPOINTING, commandTask("exits", "sleep 30"));
    master.runTask(CHECKPOINTING, commandTask("dies", "sleep 30"));
    master.runTask(TEST_FRAMEWORK, commandTask("plain", "sleep 30"));
    master.runTask(PARTITION_AWARE, commandTask("aware", "sleep 30"));
    const running = new Map<string, number>();
    for (const id of ["keep", "exits", "dies", "plain", "aware"])
      running.set(id, pidOf(await master.waitForState(id, "TASK_RUNNING")));
    expect(
      readTaskCheckpoints(workDir, agentId)
        .map((c) => c.task.task_id.value)
        .sort(),
    ).toEqual(["aware", "dies", "exits", "keep", "plain"].sort());

    await fixture.agent.stop({ leaveTasksRunning: true });
    process.kill(-(running.get("dies") as number), "SIGKILL");
    await master.waitFor(() => !isSameProcessAlive(running.get("dies") as number, undefined));
    const registrationsBefore = master.registrations.length;
    const agent = await restart();
    expect(agent.agentId()).toBe(agentId);

    const report = master.registrations[registrationsBefore]?.register?.tasks ?? [];
    expect(Object.fromEntries(report.map((t) => [t.task_id.value, t.state]))).toEqual({
      keep: "TASK_RUNNING",
      exits: "TASK_RUNNING",
      dies: "TASK_FAILED",
      plain: "TASK_LOST",
      aware: "TASK_GONE",
    });
    expect(await master.waitForState("dies", "TASK_FAILED")).toMatchObject({
      source: "SOURCE_AGENT",
      reason: "REASON_EXECUTOR_TERMINATED",
      agent_id: { value: agentId },
    });
    expect(await master.waitForState("plain", "TASK_LOST")).toMatchObject({
      source: "SOURCE_AGENT",
      reason: "REASON_AGENT_RESTARTED",
    });
    expect((await master.waitForState("aware", "TASK_GONE")).reason).toBe("REASON_AGENT_RESTARTED");
    // Tasks of frameworks that do not checkpoint are killed, as Mesos kills their executors on restart.
    await master.waitFor(() => !isSameProcessAlive(running.get("plain") as number, undefined));
    await master.waitFor(() => !isSameProcessAlive(running.get("aware") as number, undefined));
    expect(isSameProcessAlive(running.get("keep") as number, undefined)).toBe(true);

    // A re-adopted task still obeys kills, and its end is reported even though the agent is not its parent.
    const killAt = master.updates("keep").length;
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: CHECKPOINTING.id!, task_id: { value: "keep" } },
    });
    await master.waitFor(() =>
      master
        .updates("keep")
        .slice(killAt)
        .find((s) => s.state === "TASK_KILLED"),
    );
    expect(isSameProcessAlive(running.get("keep") as number, undefined)).toBe(false);
    process.kill(-(running.get("exits") as number), "SIGTERM");
    expect(await master.waitForState("exits", "TASK_FAILED")).toMatchObject({
      reason: "REASON_EXECUTOR_TERMINATED",
      message: "Command exited after the agent restarted; its exit status cannot be known",
    });
    // Every terminal update was acknowledged, so nothing is left to recover.
    await master.waitFor(() => readTaskCheckpoints(workDir, agentId).length === 0);
  });

  it("resends a terminal update that was not acknowledged before the restart", async () => {
    fixture = await startAgentFixture({}, { autoAcknowledge: false });
    const { master, workDir } = fixture;
    const agentId = fixture.agent.agentId() as string;
    master.runTask(CHECKPOINTING, commandTask("quick", "exit 3"));
    const starting = await master.waitForState("quick", "TASK_STARTING");
    master.acknowledge("fw-ckpt", starting);
    const runningStatus = await master.waitForState("quick", "TASK_RUNNING");
    master.acknowledge("fw-ckpt", runningStatus);
    const failed = await master.waitForState("quick", "TASK_FAILED");
    expect(failed.message).toBe("Command exited with status 3");
    const before = master.updates("quick").length;
    await restart();
    const again = await master.waitFor(() => master.updates("quick").slice(before)[0]);
    expect(again).toMatchObject({ state: "TASK_FAILED", uuid: failed.uuid });
    expect(master.registrations.at(-1)?.register?.tasks?.map((t) => [t.task_id.value, t.state])).toEqual([
      ["quick", "TASK_FAILED"],
    ]);
    master.acknowledge("fw-ckpt", again);
    await master.waitFor(() => readTaskCheckpoints(workDir, agentId).length === 0);
  });
});
