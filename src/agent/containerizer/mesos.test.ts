import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { processGroupUsage } from "./proc-stats.js";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";

const stdoutOf = (fixture: AgentFixture, taskId: string): string => {
  const sandbox = join(
    fixture.workDir,
    "slaves",
    fixture.agent.agentId() ?? "",
    "frameworks",
    "fw-0000",
    "executors",
    taskId,
    "runs",
    "latest",
  );
  return readFileSync(join(sandbox, "stdout"), "utf8");
};

describe("the mesos containerizer running command tasks", () => {
  let fixture: AgentFixture | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
    server?.close();
    server = undefined;
  });

  it("runs a shell command with the Mesos environment and reports STARTING, RUNNING, FINISHED", async () => {
    fixture = await startAgentFixture();
    const { master, agent } = fixture;
    master.runTask(
      TEST_FRAMEWORK,
      commandTask(
        "env-task",
        'echo "sandbox=$MESOS_SANDBOX fw=$MESOS_FRAMEWORK_ID ex=$MESOS_EXECUTOR_ID agent=$MESOS_AGENT_ENDPOINT slave=$MESOS_SLAVE_ID foo=$FOO"',
        {
          command: {
            shell: true,
            value:
              'echo "sandbox=$MESOS_SANDBOX fw=$MESOS_FRAMEWORK_ID ex=$MESOS_EXECUTOR_ID agent=$MESOS_AGENT_ENDPOINT slave=$MESOS_SLAVE_ID foo=$FOO"; pwd',
            environment: { variables: [{ name: "FOO", value: "bar" }] },
          },
        },
      ),
    );
    const finished = await master.waitForState("env-task", "TASK_FINISHED");
    expect(finished.message).toBe("Command exited with status 0");
    expect(master.states("env-task")).toEqual(["TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"]);
    const running = master.updates("env-task").find((s) => s.state === "TASK_RUNNING");
    expect(running?.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address).toBe("127.0.0.1");
    expect(running?.container_status?.executor_pid).toBeGreaterThan(0);
    const out = stdoutOf(fixture, "env-task");
    const port = new URL(agent.url).port;
    expect(out).toContain(`fw=fw-0000 ex=env-task agent=127.0.0.1:${port} slave=${agent.agentId()} foo=bar`);
    const sandbox = /sandbox=(\S+)/.exec(out)?.[1] ?? "";
    expect(sandbox).toMatch(
      /\/slaves\/fake-master-S0\/frameworks\/fw-0000\/executors\/env-task\/runs\/[0-9a-f-]{36}$/,
    );
    expect(out.trim().split("\n").at(-1)).toBe(sandbox);
  });

  it("runs the argv form with arguments[0] as argv[0]", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    master.runTask(
      TEST_FRAMEWORK,
      commandTask("argv-task", "", {
        command: {
          shell: false,
          value: process.execPath,
          arguments: ["my-name", "-e", "console.log(process.argv0, process.argv[1])", "x1"],
        },
      }),
    );
    await master.waitForState("argv-task", "TASK_FINISHED");
    expect(stdoutOf(fixture, "argv-task").trim()).toBe("my-name x1");
  });

  it("reports a non-zero exit as TASK_FAILED with the status in the message", async () => {
    fixture = await startAgentFixture();
    fixture.master.runTask(TEST_FRAMEWORK, commandTask("fails", "exit 3"));
    const failed = await fixture.master.waitForState("fails", "TASK_FAILED");
    expect(failed.message).toBe("Command exited with status 3");
  });

  it("kills with SIGTERM, then SIGKILL after the kill policy's grace period", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("polite", "sleep 30"));
    master.runTask(
      TEST_FRAMEWORK,
      commandTask("stubborn", "trap '' TERM; while true; do sleep 0.05; done", {
        kill_policy: { grace_period: { nanoseconds: 400_000_000 } },
      }),
    );
    await master.waitForState("polite", "TASK_RUNNING");
    await master.waitForState("stubborn", "TASK_RUNNING");
    const started = Date.now();
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "polite" } },
    });
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "stubborn" } },
    });
    const polite = await master.waitForState("polite", "TASK_KILLED");
    expect(polite.message).toBe("Command terminated with signal Terminated");
    const stubborn = await master.waitForState("stubborn", "TASK_KILLED");
    expect(stubborn.message).toBe("Command terminated with signal Killed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(master.states("stubborn")).not.toContain("TASK_KILLING");
  });

  it("sends TASK_KILLING first to frameworks with TASK_KILLING_STATE", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    master.runTask(
      { ...TEST_FRAMEWORK, capabilities: [{ type: "TASK_KILLING_STATE" }] },
      commandTask("k", "sleep 30"),
    );
    await master.waitForState("k", "TASK_RUNNING");
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "k" } },
    });
    await master.waitForState("k", "TASK_KILLED");
    expect(master.states("k")).toEqual(["TASK_STARTING", "TASK_RUNNING", "TASK_KILLING", "TASK_KILLED"]);
  });

  it("fails a task that exceeds max_completion_time", async () => {
    fixture = await startAgentFixture();
    fixture.master.runTask(
      TEST_FRAMEWORK,
      commandTask("slow", "sleep 30", { max_completion_time: { nanoseconds: 200_000_000 } }),
    );
    const failed = await fixture.master.waitForState("slow", "TASK_FAILED");
    expect(failed.reason).toBe("REASON_MAX_COMPLETION_TIME_REACHED");
  });

  it("fetches uris (local path, file:// and http) into the sandbox, executable and extracted", async () => {
    const source = mkdtempSync(join(tmpdir(), "fetch-src-"));
    try {
      writeFileSync(join(source, "script.sh"), "#!/bin/sh\necho from-script\n");
      writeFileSync(join(source, "plain.txt"), "plain-file\n");
      writeFileSync(join(source, "inner.txt"), "from-archive\n");
      const { execFileSync } = await import("node:child_process");
      execFileSync("tar", ["-C", source, "-czf", join(source, "bundle.tgz"), "inner.txt"]);
      server = createServer((_req, res) => res.end("over-http\n"));
      await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
      const httpPort = (server.address() as { port: number }).port;
      fixture = await startAgentFixture();
      fixture.master.runTask(
        TEST_FRAMEWORK,
        commandTask("fetch", "./script.sh && cat plain.txt inner.txt web.txt", {
          command: {
            shell: true,
            value: "./script.sh && cat plain.txt inner.txt web.txt",
            uris: [
              { value: join(source, "script.sh"), executable: true },
              { value: `file://${join(source, "plain.txt")}` },
              { value: join(source, "bundle.tgz"), extract: true },
              { value: `http://127.0.0.1:${httpPort}/any`, output_file: "web.txt" },
            ],
          },
        }),
      );
      await fixture.master.waitForState("fetch", "TASK_FINISHED");
      expect(stdoutOf(fixture, "fetch")).toBe("from-script\nplain-file\nfrom-archive\nover-http\n");
    } finally {
      rmSync(source, { recursive: true, force: true });
    }
  });

  it("kills every task's process group when the agent stops", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("orphan", "sleep 30 & sleep 30"));
    const running = await master.waitForState("orphan", "TASK_RUNNING");
    const pgid = running.container_status?.executor_pid ?? 0;
    await fixture.master.waitFor(() => (processGroupUsage(pgid)?.processes ?? 0) >= 2);
    await fixture.agent.stop();
    expect(processGroupUsage(pgid)).toBeUndefined();
  });
});
