import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChronosCluster, type ChronosCluster } from "./support/chronos-cluster.js";
import { until } from "./support/marathon-cluster.js";

let cluster: ChronosCluster;

beforeAll(async () => {
  cluster = await startChronosCluster();
});
afterAll(async () => {
  await cluster?.close();
});

const lines = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
const post = (path: string, body: unknown) => cluster.api(path, { method: "POST", body });
const masterTasks = async (): Promise<Array<{ id: string; name: string; state: string }>> =>
  ((await (await fetch(`${cluster.master.url}/master/tasks`)).json()) as { tasks: [] }).tasks;

describe("Chronos on a real cluster", () => {
  it("subscribes as 'chronos' and answers leader and ping", async () => {
    const id = await until("framework id", () => cluster.chronos.frameworkId());
    const state = (await (await fetch(`${cluster.master.url}/master/state`)).json()) as {
      frameworks: Array<{ id: string; name: string; failover_timeout: number; checkpoint: boolean }>;
    };
    expect(state.frameworks.find((f) => f.id === id)).toMatchObject({
      name: "chronos",
      failover_timeout: 604800,
      checkpoint: true,
    });
    const leader = { leader: `127.0.0.1:${cluster.chronos.port}` };
    expect((await cluster.api("/leader")).json).toEqual(leader);
    expect((await cluster.api("/v1/scheduler/leader")).json).toEqual(leader);
    expect((await cluster.api("/ping")).text).toBe("pong");
  });

  it("runs a datastrophic-style job at its slots, rewriting its schedule and counting successes", async () => {
    const file = join(cluster.workRoot, "dump.txt");
    const start = new Date(Date.now() + 1000);
    const answer = await post("/v1/scheduler/iso8601", {
      name: "dump",
      command: `echo "$CHRONOS_JOB_NAME $mesos_task_id $CHRONOS_RESOURCE_MEM $GREETING" >> ${file}`,
      schedule: `R/${start.toISOString()}/PT2S`,
      environmentVariables: [{ name: "GREETING", value: "hi" }],
      owner: "ops@example.com",
      unknownField: "ignored",
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
    await until("two runs", () => lines(file).length >= 2, 10_000);
    const [first, second] = lines(file);
    const due = start.getTime();
    expect(first).toBe(`dump ct:${due}:0:dump: 128.0 hi`);
    expect(second).toBe(`dump ct:${due + 2000}:0:dump: 128.0 hi`);
    const job = await until("two successes", async () => {
      const j = await cluster.job("dump");
      return j.successCount >= 2 && j;
    });
    expect(job).toMatchObject({
      errorCount: 0,
      errorsSinceLastSuccess: 0,
      lastError: "",
      owner: "ops@example.com",
    });
    expect(job.lastSuccess).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Chronos rewrites the schedule as each run starts: the start moves past now, R stays R.
    expect(job.schedule).toMatch(/^R\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\/PT2S$/);
    expect(Date.parse(job.schedule.split("/")[1])).toBeGreaterThan(due + 2000);
    const raw = (await cluster.api("/v1/scheduler/jobs")).text;
    expect(raw).toContain('"cpus":0.1,"disk":256.0,"mem":128.0');
    const task = (await masterTasks()).find((t) => t.id === `ct:${due}:0:dump:`);
    expect(task).toMatchObject({ name: "ChronosTask:dump", state: "TASK_FINISHED" });
    expect((await cluster.api("/v1/scheduler/job/dump", { method: "DELETE" })).status).toBe(204);
  });

  it("runs a job with two parents once, after both succeed", async () => {
    const file = join(cluster.workRoot, "child.txt");
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await post("/v1/scheduler/iso8601", { name: "p1", command: "true", schedule: `R1/${later}/PT1H` }))
        .status,
    ).toBe(204);
    expect(
      (await post("/v1/scheduler/iso8601", { name: "p2", command: "true", schedule: `R1/${later}/PT1H` }))
        .status,
    ).toBe(204);
    const child = { name: "child", command: `echo ran >> ${file}`, parents: ["p1", "p2"] };
    expect((await post("/v1/scheduler/dependency", child)).status).toBe(204);
    expect((await cluster.api("/v1/scheduler/job/p1", { method: "PUT" })).status).toBe(204);
    await until("p1 success", async () => (await cluster.job("p1")).successCount === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(lines(file)).toEqual([]);
    expect((await cluster.api("/v1/scheduler/job/p2", { method: "PUT" })).status).toBe(204);
    await until("child success", async () => (await cluster.job("child")).successCount === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(lines(file)).toEqual(["ran"]);
    expect((await cluster.job("child")).parents).toEqual(["p1", "p2"]);
    const csv = (await cluster.api("/v1/scheduler/graph/csv")).text;
    expect(csv).toContain("node,child,success,idle\n");
    expect(csv).toContain("link,p1,child\nlink,p2,child\n");
    const dot = (await cluster.api("/scheduler/graph/dot")).text;
    expect(dot).toMatch(/^digraph G \{\n/);
    expect(dot).toContain('[ label="child" ];');
    const summary = (await cluster.api("/v1/scheduler/jobs/summary")).json.jobs;
    expect(summary).toContainEqual({
      name: "child",
      status: "success",
      state: "idle",
      schedule: "",
      parents: ["p1", "p2"],
      disabled: false,
    });
    expect(summary).toContainEqual(expect.objectContaining({ name: "p1", status: "success", parents: [] }));
    // Deleting a scheduled parent hands its schedule to its children.
    expect((await cluster.api("/v1/scheduler/job/p1", { method: "DELETE" })).status).toBe(204);
    const orphan = await cluster.job("child");
    expect(orphan.parents).toBeUndefined();
    expect(orphan.schedule).toMatch(/^R0\//);
  });

  it("retries a failing job `retries` times, then counts one error", async () => {
    const file = join(cluster.workRoot, "fail.txt");
    const body = {
      name: "flaky",
      command: `echo "$CHRONOS_JOB_RUN_ATTEMPT" >> ${file}; exit 3`,
      schedule: "R1//PT1H",
      retries: 2,
    };
    expect((await post("/v1/scheduler/iso8601", body)).status).toBe(204);
    const job = await until("an error", async () => {
      const j = await cluster.job("flaky");
      return j.errorCount === 1 && j;
    });
    expect(lines(file)).toEqual(["0", "1", "2"]);
    expect(job).toMatchObject({ successCount: 0, errorsSinceLastSuccess: 1, disabled: false });
    expect(job.lastError).not.toBe("");
    const summary = (await cluster.api("/v1/scheduler/jobs/summary")).json.jobs;
    expect(summary).toContainEqual(
      expect.objectContaining({ name: "flaky", status: "failure", state: "idle" }),
    );
  });

  it("runs now with arguments appended to the command", async () => {
    const file = join(cluster.workRoot, "args.txt");
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const command = `cd ${cluster.workRoot}; echo start >> args.txt; echo`;
    await post("/v1/scheduler/iso8601", { name: "echoer", command, schedule: `R/${later}/PT1H` });
    // Mesos refuses task ids with a '/', so the arguments name the file relative to the directory.
    const args = encodeURIComponent("one two >> args.txt");
    expect((await cluster.api(`/v1/scheduler/job/echoer?arguments=${args}`, { method: "PUT" })).status).toBe(
      204,
    );
    await until("the run", async () => (await cluster.job("echoer")).successCount === 1);
    expect(lines(file)).toEqual(["start", "one two"]);
    const task = (await masterTasks()).find((t) => t.name === "ChronosTask:echoer");
    expect(task?.id).toMatch(/^ct:\d+:0:echoer:one two >> args\.txt$/);
  });

  it("kills the running task of a job it deletes", async () => {
    await post("/v1/scheduler/iso8601", { name: "sleeper", command: "sleep 30", schedule: "R1//PT1H" });
    const running = await until("running", async () => {
      const t = (await masterTasks()).find(
        (x) => x.name === "ChronosTask:sleeper" && x.state === "TASK_RUNNING",
      );
      return t;
    });
    expect((await cluster.api("/v1/scheduler/jobs/summary")).json.jobs).toContainEqual(
      expect.objectContaining({ name: "sleeper", state: "1 running" }),
    );
    expect((await cluster.api("/v1/scheduler/job/sleeper", { method: "DELETE" })).status).toBe(204);
    await until(
      "killed",
      async () => (await masterTasks()).find((t) => t.id === running.id)?.state === "TASK_KILLED",
    );
    expect((await cluster.api("/v1/scheduler/job/sleeper")).status).toBe(400);
  });

  it("counts an async (2.x) job only when it reports its end, and kills a job's tasks on request", async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await post("/scheduler/iso8601", {
      name: "async",
      command: "true",
      async: true,
      schedule: `R/${later}/PT1H`,
    });
    expect((await cluster.api("/scheduler/job/async", { method: "PUT" })).status).toBe(204);
    const task = await until("the async task finished", async () =>
      (await masterTasks()).find((t) => t.name === "ChronosTask:async" && t.state === "TASK_FINISHED"),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect((await cluster.job("async")).successCount).toBe(0);
    const reported = await cluster.api(`/scheduler/task/${encodeURIComponent(task.id)}`, {
      method: "PUT",
      body: { statusCode: 0 },
    });
    expect(reported.status).toBe(204);
    expect((await cluster.job("async")).successCount).toBe(1);

    await post("/v1/scheduler/iso8601", {
      name: "longrun",
      command: "sleep 30",
      schedule: `R/${later}/PT1H`,
    });
    await cluster.api("/v1/scheduler/job/longrun", { method: "PUT" });
    const running = await until("longrun running", async () =>
      (await masterTasks()).find((t) => t.name === "ChronosTask:longrun" && t.state === "TASK_RUNNING"),
    );
    expect((await cluster.api("/v1/scheduler/task/kill/longrun", { method: "DELETE" })).status).toBe(204);
    await until(
      "killed",
      async () => (await masterTasks()).find((t) => t.id === running.id)?.state === "TASK_KILLED",
    );
    expect(await cluster.job("longrun")).toMatchObject({ successCount: 0, errorCount: 0 });
  });

  it("marks a job successful by hand and serves its stats", async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await post("/scheduler/iso8601", { name: "manual", command: "true", schedule: `R/${later}/PT1H` });
    const answer = await cluster.api("/scheduler/job/success/manual", { method: "PUT" });
    expect(answer).toMatchObject({ status: 200, text: "marked job manual as successful: true" });
    expect((await cluster.api("/scheduler/job/success/nobody", { method: "PUT" })).text).toBe(
      "marked job nobody as successful: false",
    );
    expect((await cluster.job("manual")).successCount).toBe(1);
    const stat = (await cluster.api("/v1/scheduler/job/stat/flaky")).json;
    expect(Object.keys(stat.histogram)).toEqual([
      "75thPercentile",
      "95thPercentile",
      "98thPercentile",
      "99thPercentile",
      "median",
      "mean",
      "count",
    ]);
    expect(stat.taskStatHistory[0]).toMatchObject({ jobName: "flaky", status: "Fail" });
    const stats = (await cluster.api("/v1/scheduler/stats/99thPercentile")).json as Array<{
      jobNameLabel: string;
      time: number;
    }>;
    expect(stats.map((s) => s.jobNameLabel)).toContain("manual");
    expect(stats.map((s) => s.time)).toEqual([...stats.map((s) => s.time)].sort((a, b) => b - a));
    const search = async (q: string) =>
      ((await cluster.api(`/v1/scheduler/jobs/search?${q}`)).json as Array<{ name: string }>).map(
        (j) => j.name,
      );
    expect(await search("name=MANU")).toEqual(["manual"]);
    expect(await search("command=SLEEP")).toEqual(["longrun"]);
    expect(await search("name=nomatch&any=manual")).toEqual(["manual"]);
    expect(await search("limit=2&offset=1")).toHaveLength(2);
  });
});
