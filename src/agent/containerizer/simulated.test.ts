import { afterEach, describe, expect, it } from "vitest";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";
import { parseSimulatedCommand } from "./simulated-grammar.js";

describe("the simulated containerizer's grammar", () => {
  it("reads run, exit, fail-to-start and ignore-sigterm", () => {
    expect(parseSimulatedCommand("run=200ms exit=0")).toEqual({
      runMs: 200,
      exitCode: 0,
      failToStart: false,
      ignoreSigterm: false,
    });
    expect(parseSimulatedCommand("run=2secs exit=1 ignore-sigterm")).toMatchObject({
      runMs: 2000,
      exitCode: 1,
      ignoreSigterm: true,
    });
    expect(parseSimulatedCommand("exit=3")).toMatchObject({ runMs: 0, exitCode: 3 });
    expect(parseSimulatedCommand("run=forever")).toMatchObject({ runMs: undefined });
    expect(parseSimulatedCommand("run=50")).toMatchObject({ runMs: 50, exitCode: 0 });
    expect(parseSimulatedCommand("fail-to-start").failToStart).toBe(true);
    expect(parseSimulatedCommand("sleep 100")).toEqual({
      runMs: undefined,
      exitCode: 0,
      failToStart: false,
      ignoreSigterm: false,
    });
    expect(parseSimulatedCommand(undefined).runMs).toBeUndefined();
  });
});

describe("an agent with --containerizers=simulated", () => {
  let fixture: AgentFixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  const kill = (taskId: string) =>
    fixture?.master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: taskId } },
    });

  it("sends the updates a real run would", async () => {
    fixture = await startAgentFixture({ containerizers: "simulated" });
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("ok", "run=50ms exit=0"));
    master.runTask(TEST_FRAMEWORK, commandTask("bad", "exit=3"));
    master.runTask(TEST_FRAMEWORK, commandTask("broken", "fail-to-start"));
    master.runTask(TEST_FRAMEWORK, commandTask("forever", "sleep 100"));
    master.runTask(
      TEST_FRAMEWORK,
      commandTask("stubborn", "run=forever ignore-sigterm", {
        kill_policy: { grace_period: { nanoseconds: 200_000_000 } },
      }),
    );
    expect((await master.waitForState("ok", "TASK_FINISHED")).message).toBe("Command exited with status 0");
    expect(master.states("ok")).toEqual(["TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"]);
    expect((await master.waitForState("bad", "TASK_FAILED")).message).toBe("Command exited with status 3");
    const broken = await master.waitForState("broken", "TASK_FAILED");
    expect(broken.reason).toBe("REASON_CONTAINER_LAUNCH_FAILED");
    expect(master.states("broken")).toEqual(["TASK_FAILED"]);

    await master.waitForState("forever", "TASK_RUNNING");
    await master.waitForState("stubborn", "TASK_RUNNING");
    const started = Date.now();
    kill("forever");
    kill("stubborn");
    expect((await master.waitForState("forever", "TASK_KILLED")).message).toBe(
      "Command terminated with signal Terminated",
    );
    expect((await master.waitForState("stubborn", "TASK_KILLED")).message).toBe(
      "Command terminated with signal Killed",
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("runs hundreds of tasks cheaply", async () => {
    fixture = await startAgentFixture({ containerizers: "simulated" });
    const { master } = fixture;
    const started = Date.now();
    for (let i = 0; i < 300; i++) master.runTask(TEST_FRAMEWORK, commandTask(`t${i}`, "run=forever"));
    await master.waitFor(
      () =>
        new Set(
          master
            .updates()
            .filter((s) => s.state === "TASK_RUNNING")
            .map((s) => s.task_id.value),
        ).size === 300,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const state = (await (await fetch(`${fixture.agent.url}/state`)).json()) as {
      frameworks: Array<{ executors: unknown[] }>;
    };
    expect(state.frameworks[0]?.executors.length).toBe(300);
  });
});
