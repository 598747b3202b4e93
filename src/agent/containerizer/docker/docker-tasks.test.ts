import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDocker, removeTestRunObjects, testRunLabels } from "../../../../test/support/docker.js";
import { dockerClient } from "../../../docker/client.js";
import { LABELS, labelFilter } from "../../../docker/labels.js";
import { ensureTestImage, TEST_IMAGE } from "../../../docker/test-image.js";
import { startAgentFixture, type AgentFixture } from "../../testing/agent-fixture.js";
import { dockerTask, freeAgentPort, portResource, virtualSandbox } from "../../testing/docker-task.js";
import { TEST_FRAMEWORK } from "../../testing/fake-master.js";

const grace = (ms: number) => ({ grace_period: { nanoseconds: ms * 1e6 } });

describeDocker("the docker containerizer running DOCKER tasks", () => {
  let fixture: AgentFixture;
  const sandboxFile = (taskId: string, file: string): string =>
    readFileSync(join(sandboxDir(taskId), file), "utf8");
  const sandboxDir = (taskId: string): string =>
    join(
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

  beforeAll(async () => {
    await ensureTestImage();
    fixture = await startAgentFixture({ containerizers: "docker,mesos", dockerLabels: testRunLabels() });
  });
  afterAll(async () => {
    await fixture?.cleanup();
    await removeTestRunObjects();
  });

  it("runs the seed's alpine app on the host network, reports where it is and kills it after the grace period", async () => {
    const { master, agent } = fixture;
    master.runTask(TEST_FRAMEWORK, dockerTask("seed", "alpine", "sleep 1000"));
    master.runTask(
      TEST_FRAMEWORK,
      dockerTask(
        "trap",
        TEST_IMAGE,
        'trap "echo got TERM" TERM; echo ready; while true; do sleep 0.1; done',
        {},
        { kill_policy: grace(1500) },
      ),
    );
    const running = await master.waitForState("trap", "TASK_RUNNING");
    await master.waitForState("seed", "TASK_RUNNING");
    expect(master.states("trap").slice(0, 2)).toEqual(["TASK_STARTING", "TASK_RUNNING"]);
    expect(running.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address).toBe("127.0.0.1");
    const inspect = JSON.parse(Buffer.from(running.data ?? "", "base64").toString()) as Array<{
      Name: string;
      Config: { Labels: Record<string, string>; Env: string[] };
    }>;
    const containerId = running.container_status?.container_id?.value ?? "";
    expect(inspect[0]?.Name).toBe(`/mesos-${containerId}`);
    expect(inspect[0]?.Config.Labels).toMatchObject({
      [LABELS.agentId]: agent.agentId(),
      [LABELS.frameworkId]: "fw-0000",
      [LABELS.taskId]: "trap",
      [LABELS.containerId]: containerId,
      [LABELS.agentWorkDir]: fixture.workDir,
    });
    expect(inspect[0]?.Config.Env).toEqual(
      expect.arrayContaining([
        "MESOS_SANDBOX=/mnt/mesos/sandbox",
        `MESOS_CONTAINER_NAME=mesos-${containerId}`,
        "MESOS_TASK_ID=trap",
        "MESOS_FRAMEWORK_ID=fw-0000",
      ]),
    );

    const stats = await master.waitFor(async () => {
      const entries = (await (await fetch(`${agent.url}/monitor/statistics`)).json()) as Array<{
        executor_id: string;
        statistics: { mem_rss_bytes: number; processes: number; mem_limit_bytes: number };
      }>;
      return entries.find((e) => e.executor_id === "trap" && e.statistics.processes > 0);
    });
    expect(stats.statistics.mem_rss_bytes).toBeGreaterThan(0);
    // The task's 32 MB plus the command executor's 32 MB overhead, as for every command task.
    expect(stats.statistics.mem_limit_bytes).toBe(64 * 1024 * 1024);

    await master.waitFor(() => sandboxFile("trap", "stdout").includes("ready"));
    const killedAt = Date.now();
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "trap" } },
    });
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "seed" } },
    });
    const killed = await master.waitForState("trap", "TASK_KILLED", 15_000);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(1000);
    expect(killed.message).toBe("Container exited with status 137");
    expect(sandboxFile("trap", "stdout")).toContain("got TERM");
    await master.waitForState("seed", "TASK_KILLED", 15_000);
  });

  it("turns a non-zero exit into TASK_FAILED and writes stdout and stderr into the sandbox", async () => {
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, dockerTask("exit3", TEST_IMAGE, "echo to-out; echo to-err >&2; exit 3"));
    const failed = await master.waitForState("exit3", "TASK_FAILED");
    expect(failed.message).toBe("Container exited with status 3");
    expect(sandboxFile("exit3", "stdout")).toContain("to-out");
    expect(sandboxFile("exit3", "stderr")).toContain("to-err");
    master.runTask(TEST_FRAMEWORK, dockerTask("exit0", TEST_IMAGE, "true"));
    expect((await master.waitForState("exit0", "TASK_FINISHED")).message).toBe(
      "Container exited with status 0",
    );
  });

  it("serves HTTP from a BRIDGE container at 127.0.0.1:<hostPort>", async () => {
    const { master } = fixture;
    const hostPort = await freeAgentPort();
    const task = dockerTask(
      "web",
      TEST_IMAGE,
      'echo hello-from-bridge > "$MESOS_SANDBOX/index.html" && exec httpd -f -p 8080 -h "$MESOS_SANDBOX"',
      { network: "BRIDGE", port_mappings: [{ host_port: hostPort, container_port: 8080, protocol: "tcp" }] },
      { kill_policy: grace(0) },
    );
    task.resources = [...(task.resources ?? []), portResource(hostPort)];
    master.runTask(TEST_FRAMEWORK, task);
    const running = await master.waitForState("web", "TASK_RUNNING");
    expect(running.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address).toBe("127.0.0.1");
    const body = await master.waitFor(async () => {
      try {
        const answer = await fetch(`http://127.0.0.1:${hostPort}/index.html`);
        return answer.ok ? await answer.text() : undefined;
      } catch {
        return undefined;
      }
    });
    expect(body).toBe("hello-from-bridge\n");
    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "web" } },
    });
    await master.waitForState("web", "TASK_KILLED", 15_000);
  });

  it("runs health checks: HTTP at the mapped host port, COMMAND inside the container", async () => {
    const { master } = fixture;
    const hostPort = await freeAgentPort();
    const fast = { delay_seconds: 0, interval_seconds: 0.2, grace_period_seconds: 0, timeout_seconds: 2 };
    const web = dockerTask(
      "checked-web",
      TEST_IMAGE,
      'echo ok > "$MESOS_SANDBOX/index.html"; exec httpd -f -p 8080 -h "$MESOS_SANDBOX"',
      { network: "BRIDGE", port_mappings: [{ host_port: hostPort, container_port: 8080 }] },
      { kill_policy: grace(0), health_check: { type: "HTTP", http: { port: 8080, path: "/" }, ...fast } },
    );
    web.resources = [...(web.resources ?? []), portResource(hostPort)];
    const inside = { type: "COMMAND" as const, command: { value: "test -d /mnt/mesos/sandbox" }, ...fast };
    const sick = { type: "COMMAND" as const, command: { value: "exit 1" }, ...fast, consecutive_failures: 2 };
    master.runTask(TEST_FRAMEWORK, web);
    master.runTask(
      TEST_FRAMEWORK,
      dockerTask(
        "checked-cmd",
        TEST_IMAGE,
        "sleep 1000",
        {},
        { kill_policy: grace(0), health_check: inside },
      ),
    );
    master.runTask(
      TEST_FRAMEWORK,
      dockerTask("sick", TEST_IMAGE, "sleep 1000", {}, { kill_policy: grace(0), health_check: sick }),
    );
    for (const id of ["checked-web", "checked-cmd"])
      await master.waitFor(() =>
        master.updates(id).find((s) => s.state === "TASK_RUNNING" && s.healthy === true),
      );
    const killed = await master.waitForState("sick", "TASK_KILLED", 15_000);
    expect(killed.healthy).toBe(false);
    for (const id of ["checked-web", "checked-cmd"]) {
      master.send({
        type: "KILL_TASK",
        kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: id } },
      });
      await master.waitForState(id, "TASK_KILLED", 15_000);
    }
  });

  it("mounts the sandbox at $MESOS_SANDBOX, readable through /files", async () => {
    const { master, agent } = fixture;
    master.runTask(
      TEST_FRAMEWORK,
      dockerTask("writer", TEST_IMAGE, 'echo "written inside" > "$MESOS_SANDBOX/note.txt"'),
    );
    await master.waitForState("writer", "TASK_FINISHED");
    const path = `${virtualSandbox("fw-0000", "writer")}/note.txt`;
    const answer = await fetch(`${agent.url}/files/read?path=${encodeURIComponent(path)}&offset=0`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: string }).data).toBe("written inside\n");
  });

  it("fails a task whose image is not on the engine, saying it cannot be pulled", async () => {
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, dockerTask("noimage", "minimesos/does-not-exist:1", "true"));
    const failed = await master.waitForState("noimage", "TASK_FAILED");
    expect(failed.reason).toBe("REASON_CONTAINER_LAUNCH_FAILED");
    expect(failed.message).toMatch(/image 'minimesos\/does-not-exist:1'.*cannot pull images/);
    master.runTask(
      TEST_FRAMEWORK,
      dockerTask("badparam", TEST_IMAGE, "true", { parameters: [{ key: "gpus", value: "all" }] }),
    );
    expect((await master.waitForState("badparam", "TASK_FAILED")).message).toMatch(
      /Unsupported docker parameter 'gpus'/,
    );
  });

  it("removes each container once its task ended", async () => {
    const left = await dockerClient().listContainers({
      all: true,
      filters: JSON.stringify(labelFilter({ [LABELS.agentWorkDir]: fixture.workDir })),
    });
    expect(left.map((c) => c.Names[0])).toEqual([]);
  });
});

describe("docker tasks on an agent without the docker containerizer", () => {
  it("fail with a message naming the missing containerizer", async () => {
    const fixture = await startAgentFixture();
    try {
      fixture.master.runTask(TEST_FRAMEWORK, dockerTask("nodocker", "alpine", "true"));
      const failed = await fixture.master.waitForState("nodocker", "TASK_FAILED");
      expect(failed.message).toMatch(/docker containerizer is not enabled/);
    } finally {
      await fixture.cleanup();
    }
  });
});
