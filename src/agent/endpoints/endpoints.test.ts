import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commandTask, TEST_FRAMEWORK } from "../testing/fake-master.js";
import { startAgentFixture, type AgentFixture } from "../testing/agent-fixture.js";

type Json = Record<string, unknown>;

describe("agent endpoints", () => {
  let fixture: AgentFixture | undefined;
  afterEach(async () => {
    await fixture?.cleanup();
    fixture = undefined;
  });

  const get = async (path: string) => {
    const res = await fetch(`${fixture?.agent.url}${path}`);
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  const getJson = async <T = Json>(path: string) => JSON.parse((await get(path)).text) as T;

  it("/state shows the agent, its framework, executor and task with resources and statuses", async () => {
    fixture = await startAgentFixture({ attributes: "rack:r1;level:10" });
    const { master, agent } = fixture;
    master.runTask(
      TEST_FRAMEWORK,
      commandTask("web", "sleep 30", { labels: { labels: [{ key: "a", value: "b" }] } }),
    );
    await master.waitForState("web", "TASK_RUNNING");
    for (const path of ["/state", "/state.json", "/slave(1)/state", "/slave(1)/state.json"])
      expect((await get(path)).status).toBe(200);
    const state = await getJson("/slave(1)/state");
    expect(state).toMatchObject({
      version: "1.11.0",
      id: agent.agentId(),
      pid: agent.pid,
      hostname: "127.0.0.1",
      attributes: { rack: "r1", level: 10 },
      resources: { cpus: 4, mem: 4096, disk: 10000, gpus: 0, ports: "[31000-32000]" },
      master_hostname: "localhost",
    });
    expect((state.flags as Json).work_dir).toBe(fixture.workDir);
    const framework = (state.frameworks as Json[])[0] as Json;
    expect(framework).toMatchObject({
      id: "fw-0000",
      name: "agent-test",
      user: "tester",
      role: "*",
      checkpoint: false,
    });
    const executor = (framework.executors as Json[])[0] as Json;
    expect(executor).toMatchObject({
      id: "web",
      name: "Command Executor (Task: web) (Command: sh -c 'sleep 30')",
      source: "web",
      resources: { cpus: 0.2, mem: 64 },
    });
    expect(executor.directory).toContain(`/runs/${executor.container as string}`);
    const task = (executor.tasks as Json[])[0] as Json;
    expect(task).toMatchObject({
      id: "web",
      executor_id: "",
      framework_id: "fw-0000",
      slave_id: agent.agentId(),
      state: "TASK_RUNNING",
      resources: { cpus: 0.1, mem: 32 },
      labels: [{ key: "a", value: "b" }],
    });
    expect((task.statuses as Json[]).map((s) => s.state)).toEqual(["TASK_STARTING", "TASK_RUNNING"]);
    expect(state.unreserved_resources_allocated).toMatchObject({ cpus: 0.2, mem: 64 });

    master.send({
      type: "KILL_TASK",
      kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: "web" } },
    });
    await master.waitForState("web", "TASK_KILLED");
    const after = await getJson("/state");
    const done = (after.completed_frameworks as Json[])[0] as Json;
    const completedExecutor = (done.completed_executors as Json[])[0] as Json;
    expect(((completedExecutor.completed_tasks as Json[])[0] as Json).state).toBe("TASK_KILLED");
  });

  it("/files serves sandboxes only: browse, read with offsets, download, debug", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("files", "printf 0123456789; sleep 30"));
    await master.waitForState("files", "TASK_RUNNING");
    const debug = await getJson<Record<string, string>>("/files/debug");
    const virtual = "/frameworks/fw-0000/executors/files/runs/latest";
    const sandbox = debug[virtual] ?? "";
    expect(sandbox).toMatch(/runs\/[0-9a-f-]{36}$/);
    await master.waitFor(
      async () => (await getJson(`/files/read?path=${virtual}/stdout&offset=-1`)).offset === 10,
    );

    const listing = await getJson<Json[]>(`/files/browse?path=${virtual}`);
    expect(listing.map((f) => f.path)).toEqual([`${virtual}/stderr`, `${virtual}/stdout`]);
    expect(listing[1]).toMatchObject({ size: 10, nlink: 1, mode: "-rw-r--r--" });
    expect(await getJson(`/files/read?path=${virtual}/stdout&offset=-1`)).toEqual({ offset: 10, data: "" });
    expect(await getJson(`/files/read?path=${virtual}/stdout&offset=2&length=3`)).toEqual({
      offset: 2,
      data: "234",
    });
    expect(await getJson(`/files/read.json?path=${virtual}/stdout&offset=4&length=-1`)).toEqual({
      offset: 4,
      data: "456789",
    });
    expect(await getJson(`/files/read?path=${sandbox}/stdout&offset=20`)).toEqual({ offset: 10, data: "" });
    expect(await get(`/files/read?path=${virtual}`)).toMatchObject({
      status: 400,
      text: "Cannot read a directory.\n",
    });
    expect((await get(`/files/read?path=${virtual}/stdout&offset=-5`)).status).toBe(400);
    expect((await get("/files/read")).status).toBe(400);
    const download = await get(`/files/download?path=${virtual}/stdout`);
    expect(download.text).toBe("0123456789");
    expect(download.headers.get("content-disposition")).toBe("attachment; filename=stdout");

    // Nothing outside the sandboxes: unknown paths, `..` and symlinks out are refused.
    expect((await get("/files/read?path=/etc/passwd&offset=0")).status).toBe(404);
    expect((await get(`/files/read?path=${virtual}${"/..".repeat(30)}/etc/passwd&offset=0`)).status).toBe(
      400,
    );
    writeFileSync(join(sandbox, "..", "..", "secret.txt"), "secret");
    symlinkSync("/etc", join(sandbox, "escape"));
    expect((await get(`/files/read?path=${virtual}/escape/passwd&offset=0`)).status).toBe(400);
    expect((await get(`/files/download?path=${virtual}/escape/passwd`)).status).toBe(400);
    expect((await get(`/files/browse?path=${virtual}/escape`)).status).toBe(500);
    expect((await get(`/files/read?path=${virtual}/../../secret.txt&offset=0`)).status).toBe(400);
  });

  it("/monitor/statistics reports the CPU time of a busy task", async () => {
    fixture = await startAgentFixture();
    const { master } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("busy", "while true; do :; done"));
    await master.waitForState("busy", "TASK_RUNNING");
    const entry = await master.waitFor(async () => {
      const stats = await getJson<Json[]>("/monitor/statistics.json");
      const s = stats[0]?.statistics as Json | undefined;
      return s && (s.cpus_user_time_secs as number) + (s.cpus_system_time_secs as number) >= 0.3
        ? stats[0]
        : undefined;
    });
    expect(entry).toMatchObject({ framework_id: "fw-0000", executor_id: "busy", source: "busy" });
    const stats = entry?.statistics as Json;
    expect(stats).toMatchObject({
      processes: 1,
      threads: 1,
      cpus_limit: 0.2,
      mem_limit_bytes: 64 * 1024 * 1024,
    });
    expect(stats.mem_rss_bytes as number).toBeGreaterThan(0);
  });

  it("serves /health, /version, /flags, /metrics/snapshot and the operator API", async () => {
    fixture = await startAgentFixture();
    const { master, agent } = fixture;
    master.runTask(TEST_FRAMEWORK, commandTask("m", "sleep 30"));
    await master.waitForState("m", "TASK_RUNNING");
    expect(await get("/health")).toMatchObject({ status: 200, text: "" });
    expect((await get("/slave(1)/health")).status).toBe(200);
    expect(await getJson("/version")).toMatchObject({ version: "1.11.0" });
    expect(((await getJson("/slave(1)/flags")).flags as Json).master).toBe(`127.0.0.1:${master.port}`);
    expect((await get("/flags?jsonp=cb")).text).toMatch(/^cb\(/);
    const metrics = await getJson<Record<string, number>>("/metrics/snapshot");
    expect(metrics).toMatchObject({
      "slave/registered": 1,
      "slave/tasks_running": 1,
      "slave/cpus_total": 4,
      "slave/cpus_used": 0.2,
    });

    const call = async (type: string) => {
      const res = await fetch(`${agent.url}/api/v1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type }),
      });
      return {
        status: res.status,
        body: res.status === 200 ? ((await res.json()) as Json) : await res.text(),
      };
    };
    expect((await call("GET_HEALTH")).body).toEqual({ type: "GET_HEALTH", get_health: { healthy: true } });
    const tasks = (await call("GET_TASKS")).body as Json;
    const launched = (tasks.get_tasks as Json).launched_tasks as Json[];
    expect(launched.map((t) => t.state)).toEqual(["TASK_RUNNING"]);
    const agentInfo = ((await call("GET_AGENT")).body as Json).get_agent as Json;
    expect((agentInfo.agent_info as Json).id).toEqual({ value: agent.agentId() });
    expect((await call("LAUNCH_CONTAINER")).status).toBe(501);
  });
});
