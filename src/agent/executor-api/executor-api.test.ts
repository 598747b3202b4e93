import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { newStatusUuid } from "../../mesos/ids.js";
import type { ExecutorInfo, TaskInfo } from "../../mesos/task.js";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";

const TINY_EXECUTOR = fileURLToPath(new URL("../testing/fixtures/tiny-executor.mjs", import.meta.url));

const customExecutor = (id: string, command = `"${process.execPath}" "${TINY_EXECUTOR}"`): ExecutorInfo => ({
  executor_id: { value: id },
  framework_id: { value: "fw-0000" },
  command: { shell: true, value: command },
  resources: [{ name: "cpus", type: "SCALAR", scalar: { value: 0.1 } }],
});

const taskOn = (id: string, executor: ExecutorInfo, data?: string): TaskInfo => {
  const { command: _command, ...task } = commandTask(id, "");
  return { ...task, executor, ...(data ? { data: Buffer.from(data).toString("base64") } : {}) };
};

describe("custom executors and the executor API", () => {
  let fixture: AgentFixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  const post = async (body: unknown, path = "/api/v1/executor") => {
    const res = await fetch(`${fixture?.agent.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };

  const executorStdout = (executorId: string): string => {
    const dir = join(
      fixture?.workDir ?? "",
      "slaves",
      fixture?.agent.agentId() ?? "",
      "frameworks",
      "fw-0000",
      "executors",
      executorId,
      "runs",
      "latest",
    );
    try {
      return readFileSync(join(dir, "stdout"), "utf8");
    } catch {
      return "";
    }
  };

  it("starts the executor, which subscribes, runs tasks, gets acks and messages, and is killed and shut down", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    const executor = customExecutor("tiny");
    master.runTask(TEST_FRAMEWORK, taskOn("a", executor, "finish"));
    const finished = await master.waitForState("a", "TASK_FINISHED");
    expect(finished.message).toBe("done");
    expect(finished.source).toBe("SOURCE_EXECUTOR");
    expect(finished.executor_id?.value).toBe("tiny");
    expect(master.states("a")).toEqual(["TASK_RUNNING", "TASK_FINISHED"]);
    await master.waitFor(() => executorStdout("tiny").includes("acked a\nacked a"));
    expect(executorStdout("tiny")).toMatch(/^subscribed host=127.0.0.1 container=[0-9a-f-]{36}\nlaunch a\n/);

    // A second task goes to the running executor at once.
    master.runTask(TEST_FRAMEWORK, taskOn("b", executor));
    await master.waitForState("b", "TASK_RUNNING");
    master.send({
      type: "FRAMEWORK_MESSAGE",
      framework_message: {
        framework_id: { value: "fw-0000" },
        executor_id: { value: "tiny" },
        data: Buffer.from("ping").toString("base64"),
      },
    });
    const echoed = await master.waitFor(() => master.calls.find((c) => c.type === "EXECUTOR_MESSAGE"));
    expect(Buffer.from(echoed.executor_message?.data ?? "", "base64").toString()).toBe("ping");
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "b" } },
    });
    await master.waitForState("b", "TASK_KILLED");

    master.send({
      type: "SHUTDOWN_EXECUTOR",
      shutdown_executor: { framework_id: { value: "fw-0000" }, executor_id: { value: "tiny" } },
    });
    const exited = await master.waitFor(() => master.calls.find((c) => c.type === "EXECUTOR_EXITED"));
    expect(exited.executor_exited).toMatchObject({ executor_id: { value: "tiny" }, status: 0 });
    expect(executorStdout("tiny")).toContain("shutdown");
  });

  it("fails queued tasks when the executor does not subscribe in time", async () => {
    fixture = await startAgentFixture({ executorRegistrationTimeoutMs: 300 });
    fixture.master.runTask(TEST_FRAMEWORK, taskOn("late", customExecutor("silent", "sleep 30")));
    const failed = await fixture.master.waitForState("late", "TASK_FAILED");
    expect(failed.reason).toBe("REASON_EXECUTOR_REGISTRATION_TIMEOUT");
    expect(failed.source).toBe("SOURCE_AGENT");
  });

  it("answers bad calls with Mesos's status codes and messages", async () => {
    fixture = await startAgentFixture();
    fixture.master.runTask(TEST_FRAMEWORK, taskOn("q", customExecutor("silent", "sleep 30")));
    await fixture.master.waitFor(async () => (await fetch(`${fixture?.agent.url}/state`)).ok);
    const ids = { framework_id: { value: "fw-0000" }, executor_id: { value: "silent" } };
    const status = {
      task_id: { value: "q" },
      state: "TASK_RUNNING",
      source: "SOURCE_EXECUTOR",
      uuid: newStatusUuid(),
    };
    expect(await post({ type: "HEARTBEAT", ...ids, framework_id: { value: "nope" } })).toEqual({
      status: 202,
      text: "",
    });
    expect(
      await post({ type: "UPDATE", ...ids, framework_id: { value: "nope" }, update: { status } }),
    ).toEqual({
      status: 400,
      text: "Framework cannot be found",
    });
    expect(
      await post({ type: "UPDATE", ...ids, executor_id: { value: "nope" }, update: { status } }),
    ).toEqual({
      status: 400,
      text: "Executor cannot be found",
    });
    expect(await post({ type: "UPDATE", ...ids, update: { status } }, "/slave(1)/api/v1/executor")).toEqual({
      status: 403,
      text: "Executor is not subscribed",
    });
    const noUuid = await post({ type: "UPDATE", ...ids, update: { status: { ...status, uuid: undefined } } });
    expect(noUuid).toEqual({
      status: 400,
      text: "Failed to validate Executor::Call: Expecting 'uuid' to be present",
    });
    const staging = await post({
      type: "UPDATE",
      ...ids,
      update: { status: { ...status, state: "TASK_STAGING" } },
    });
    expect(staging.status).toBe(400);
    expect(staging.text).toContain("TASK_STAGING");
    expect(
      (await post({ type: "UPDATE", ...ids, update: { status: { ...status, uuid: "c2hvcnQ=" } } })).status,
    ).toBe(400);
    expect((await post({ type: "BOGUS", ...ids })).status).toBe(400);
    const malformed = await fetch(`${fixture.agent.url}/api/v1/executor`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(malformed.status).toBe(400);
    const notJson = await fetch(`${fixture.agent.url}/api/v1/executor`, { method: "POST", body: "{}" });
    expect(notJson.status).toBe(415);
  });

  it("runs a task group like the default executor: one failure kills the group", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    const executor: ExecutorInfo = { ...customExecutor("group-ex"), type: "DEFAULT", command: undefined };
    master.send({
      type: "RUN_TASK",
      run_task: {
        framework: TEST_FRAMEWORK,
        executor,
        task_group: { tasks: [commandTask("g1", "sleep 0.3; exit 1"), commandTask("g2", "sleep 30")] },
      },
    });
    const failed = await master.waitForState("g1", "TASK_FAILED");
    expect(failed.message).toBe("Command exited with status 1");
    expect(failed.executor_id?.value).toBe("group-ex");
    expect(failed.container_status?.container_id?.parent).toBeDefined();
    await master.waitForState("g2", "TASK_KILLED");
    const exited = await master.waitFor(() => master.calls.find((c) => c.type === "EXECUTOR_EXITED"));
    expect(exited.executor_exited?.executor_id.value).toBe("group-ex");
  });
});
