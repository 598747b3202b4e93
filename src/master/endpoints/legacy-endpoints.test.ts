import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

describe("legacy JSON endpoints", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start({ cluster: "test-cluster", maxCompletedTasksPerFramework: 2 });
  });
  afterEach(async () => h.close());

  it("serves /master/state with every top-level field and all aliases", async () => {
    const state = await h.get("/master/state");
    expect(state.status).toBe(200);
    for (const key of [
      "version",
      "build_date",
      "build_time",
      "build_user",
      "start_time",
      "elected_time",
      "id",
      "pid",
      "hostname",
      "capabilities",
      "activated_slaves",
      "deactivated_slaves",
      "unreachable_slaves",
      "leader",
      "leader_info",
      "cluster",
      "flags",
      "slaves",
      "recovered_slaves",
      "frameworks",
      "completed_frameworks",
      "orphan_tasks",
      "unregistered_frameworks",
    ])
      expect(state.json, key).toHaveProperty(key);
    expect(state.json).toMatchObject({
      version: "1.11.0",
      id: h.master.id,
      cluster: "test-cluster",
      leader: state.json.pid,
    });
    expect(state.json.leader_info).toEqual({
      id: h.master.id,
      pid: state.json.pid,
      port: h.master.port,
      hostname: "127.0.0.1",
    });
    for (const alias of ["/state", "/state.json", "/master/state.json"])
      expect((await h.get(alias)).json.id).toBe(h.master.id);
    const jsonp = await fetch(`${h.url}/master/state?jsonp=cb`);
    expect((await jsonp.text()).startsWith("cb({")).toBe(true);
  });

  it("shows frameworks, agents, tasks and roles as a task runs and completes", async () => {
    const agent = await h.agent();
    const s = await h.scheduler({ labels: { labels: [{ key: "k", value: "v" }] } });
    const offer = ((await s.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    const state0 = (await h.get("/master/state")).json;
    const fw0 = (state0.frameworks as Array<Record<string, unknown>>)[0]!;
    expect(fw0).toMatchObject({
      id: s.frameworkId,
      name: "test-framework",
      user: "tester",
      role: "*",
      active: true,
      connected: true,
      recovered: false,
      failover_timeout: 0,
      checkpoint: false,
      labels: [{ key: "k", value: "v" }],
    });
    expect((fw0.offers as Array<Record<string, unknown>>)[0]).toMatchObject({
      id: offer.id.value,
      slave_id: agent.agentId,
      allocation_info: { role: "*" },
    });
    expect(fw0.offered_resources).toMatchObject({
      cpus: 4,
      mem: 4096,
      disk: 10000,
      gpus: 0,
      ports: "[31000-32000]",
    });

    await s.call("ACCEPT", launchCall(offer, [smallTask("a"), smallTask("b"), smallTask("c")]));
    for (const id of ["a", "b", "c"]) await agent.statusUpdate(s.frameworkId, id, "TASK_FINISHED");
    await s.stream.next((e) => e.type === "UPDATE" && JSON.stringify(e).includes('"c"'));
    const tasks = (await h.get("/master/tasks?limit=1&order=asc")).json.tasks as Array<
      Record<string, unknown>
    >;
    expect(tasks.map((t) => t.id)).toEqual(["b"]);
    const newest = (await h.get("/master/tasks")).json.tasks as Array<{ id: string }>;
    expect(newest.map((t) => t.id)).toEqual(["c", "b"]);
    expect(
      (await h.get(`/master/tasks.json?task_id=c&framework_id=${s.frameworkId}`)).json.tasks,
    ).toHaveLength(1);

    const summary = (await h.get("/master/state-summary")).json;
    const slaveSummary = (summary.slaves as Array<Record<string, unknown>>)[0]!;
    expect(slaveSummary).toMatchObject({
      id: agent.agentId,
      TASK_FINISHED: 2,
      TASK_RUNNING: 0,
      framework_ids: [s.frameworkId],
    });
    expect((summary.frameworks as Array<Record<string, unknown>>)[0]).toMatchObject({
      id: s.frameworkId,
      TASK_FINISHED: 2,
      slave_ids: [agent.agentId],
    });

    const slaves = (await h.get(`/master/slaves?slave_id=${agent.agentId}`)).json;
    const slave = (slaves.slaves as Array<Record<string, unknown>>)[0]!;
    expect(slave).toHaveProperty("unreserved_resources_full");
    expect(slave.used_resources).toMatchObject({ cpus: 0, mem: 0 });
    expect((await h.get("/master/slaves?slave_id=nope")).json.slaves).toEqual([]);

    const frameworks = (await h.get("/master/frameworks")).json;
    expect(frameworks).toHaveProperty("unregistered_frameworks", []);
    const roles = (await h.get("/master/roles")).json.roles as Array<Record<string, unknown>>;
    expect(roles[0]).toMatchObject({ name: "*", weight: 1, frameworks: [s.frameworkId] });

    // Terminal updates without a uuid complete the task at once; max_completed_tasks_per_framework=2 keeps the newest two.
    const fw = ((await h.get("/master/state")).json.frameworks as Array<Record<string, unknown>>)[0]!;
    expect(fw.tasks).toEqual([]);
    expect((fw.completed_tasks as Array<{ id: string }>).map((t) => t.id)).toEqual(["b", "c"]);
    const metrics = (await h.get("/metrics/snapshot")).json;
    expect(metrics["master/tasks_finished"]).toBe(3);
    expect(metrics["master/cpus_total"]).toBe(4);
    for (const key of [
      "master/elected",
      "master/uptime_secs",
      "allocator/mesos/allocation_runs",
      "system/cpus_total",
      "master/messages_launch_tasks",
    ])
      expect(metrics, key).toHaveProperty(key);
  });

  it("answers health, redirect, version, flags and teardown", async () => {
    for (const path of ["/health", "/master/health"]) {
      const res = await fetch(h.url + path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
    }
    const redirect = await fetch(`${h.url}/master/redirect`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe(`//127.0.0.1:${h.master.port}`);
    const version = (await h.get("/version")).json;
    expect(version).toMatchObject({ version: "1.11.0", build_user: "minimesos" });
    expect(typeof version.minimesos_version).toBe("string");
    expect((await h.get("/master/flags")).json.flags).toMatchObject({
      cluster: "test-cluster",
      max_completed_tasks_per_framework: "2",
    });

    const s = await h.scheduler();
    const missing = await fetch(`${h.url}/master/teardown`, { method: "POST", body: "" });
    expect(missing.status).toBe(400);
    const ok = await fetch(`${h.url}/master/teardown`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `frameworkId=${s.frameworkId}`,
    });
    expect(ok.status).toBe(200);
    expect(((await h.get("/master/frameworks")).json.completed_frameworks as unknown[]).length).toBe(1);
  });
});
