/* eslint-disable @typescript-eslint/no-explicit-any -- event payloads are read loosely in this test */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import { EventStream, postJson } from "../testing/event-stream.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

describe("operator API v1", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start();
  });
  afterEach(async () => h.close());

  const call = async (body: unknown, path = "/api/v1") => {
    const res = await postJson(`${h.url}${path}?ignored=1`, body);
    return {
      status: res.status,
      text: res.text,
      json: res.text.startsWith("{") ? (JSON.parse(res.text) as Record<string, any>) : undefined,
    };
  };

  it("answers the GET_* calls with the v1 shapes", async () => {
    const agent = await h.agent();
    const s = await h.scheduler();
    await s.stream.next("OFFERS");
    expect((await call({ type: "GET_HEALTH" })).json).toEqual({
      type: "GET_HEALTH",
      get_health: { healthy: true },
    });
    expect(
      (await call({ type: "GET_VERSION" }, "/master/api/v1")).json!.get_version.version_info.version,
    ).toBe("1.11.0");
    const flags = (await call({ type: "GET_FLAGS" })).json!.get_flags.flags as Array<{
      name: string;
      value: string;
    }>;
    expect(flags).toContainEqual({ name: "heartbeat_interval", value: "5secs" });
    const metrics = (await call({ type: "GET_METRICS", get_metrics: {} })).json!.get_metrics
      .metrics as Array<{ name: string; value: number }>;
    expect(metrics).toContainEqual({ name: "master/slaves_active", value: 1 });
    const agents = (await call({ type: "GET_AGENTS" })).json!.get_agents;
    expect(agents.agents[0]).toMatchObject({
      agent_info: { id: { value: agent.agentId } },
      active: true,
      pid: "slave(1)@127.0.0.1:5051",
    });
    expect(agents.agents[0].offered_resources.length).toBeGreaterThan(0);
    const frameworks = (await call({ type: "GET_FRAMEWORKS" })).json!.get_frameworks;
    expect(frameworks.frameworks[0]).toMatchObject({
      framework_info: { id: { value: s.frameworkId } },
      active: true,
      connected: true,
    });
    expect(frameworks.frameworks[0].offers).toHaveLength(1);
    const stateCall = (await call({ type: "GET_STATE" })).json!.get_state;
    expect(Object.keys(stateCall)).toEqual(["get_tasks", "get_executors", "get_frameworks", "get_agents"]);
    const master = (await call({ type: "GET_MASTER" })).json!.get_master;
    expect(master.master_info.id).toBe(h.master.id);
    const roles = (await call({ type: "GET_ROLES" })).json!.get_roles.roles;
    expect(roles).toEqual([{ name: "*", weight: 1, frameworks: [{ value: s.frameworkId }], resources: [] }]);
    expect(
      (await call({ type: "UPDATE_WEIGHTS", update_weights: { weight_infos: [{ role: "web", weight: 2 }] } }))
        .status,
    ).toBe(202);
    expect((await call({ type: "GET_WEIGHTS" })).json!.get_weights.weight_infos).toContainEqual({
      role: "web",
      weight: 2,
    });
    expect((await call({ type: "GET_TASKS" })).json!.get_tasks).toMatchObject({
      tasks: [],
      completed_tasks: [],
    });
    expect((await call({ type: "GET_EXECUTORS" })).json!.get_executors).toEqual({ executors: [] });
  });

  it("refuses bad calls with clear 4xx/501 answers", async () => {
    expect((await call({ type: "NOPE" })).text).toBe(
      "Failed to validate master::Call: Expecting 'type' to be present",
    );
    expect((await call("{x")).status).toBe(400);
    expect((await call({ type: "DRAIN_AGENT", drain_agent: {} })).status).toBe(501);
    expect((await call({ type: "TEARDOWN" })).status).toBe(400);
    expect(await call({ type: "TEARDOWN", teardown: { framework_id: { value: "x" } } })).toMatchObject({
      status: 400,
      text: "No framework found with specified ID",
    });
    expect(
      (await call({ type: "MARK_AGENT_GONE", mark_agent_gone: { agent_id: { value: "x" } } })).status,
    ).toBe(404);
    expect((await fetch(`${h.url}/api/v1`)).status).toBe(405);
  });

  it("streams SUBSCRIBED, FRAMEWORK_*, AGENT_*, TASK_* events", async () => {
    const events = await EventStream.open(`${h.url}/api/v1`, { type: "SUBSCRIBE" });
    const subscribed = await events.next("SUBSCRIBED");
    expect((subscribed.subscribed as Record<string, unknown>).heartbeat_interval_seconds).toBe(5);
    const agent = await h.agent();
    expect(((await events.next("AGENT_ADDED")).agent_added as any).agent.agent_info.id.value).toBe(
      agent.agentId,
    );
    const s = await h.scheduler({ capabilities: [{ type: "PARTITION_AWARE" }] });
    expect(
      ((await events.next("FRAMEWORK_ADDED")).framework_added as any).framework.framework_info.id.value,
    ).toBe(s.frameworkId);
    const offer = ((await s.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    await s.call("ACCEPT", launchCall(offer, [smallTask("t1")]));
    expect(((await events.next("TASK_ADDED")).task_added as any).task).toMatchObject({
      task_id: { value: "t1" },
      state: "TASK_STAGING",
    });
    await agent.stream.next("RUN_TASK");
    await agent.statusUpdate(s.frameworkId, "t1", "TASK_RUNNING", "AAAAAAAAAAAAAAAAAAAAAA==");
    const updated = (await events.next("TASK_UPDATED")).task_updated as any;
    expect(updated).toMatchObject({
      framework_id: { value: s.frameworkId },
      state: "TASK_RUNNING",
      status: { state: "TASK_RUNNING" },
    });

    // MARK_AGENT_GONE: the task is GONE_BY_OPERATOR, the agent is shut down and removed.
    expect(
      (await call({ type: "MARK_AGENT_GONE", mark_agent_gone: { agent_id: { value: agent.agentId } } }))
        .status,
    ).toBe(200);
    expect((await agent.stream.next("SHUTDOWN")).shutdown).toEqual({ message: "Agent has been marked gone" });
    const gone = (
      await s.stream.next((e) => e.type === "UPDATE" && JSON.stringify(e).includes("GONE_BY_OPERATOR"))
    ).update as any;
    expect(gone.status).toMatchObject({
      state: "TASK_GONE_BY_OPERATOR",
      reason: "REASON_AGENT_REMOVED_BY_OPERATOR",
    });
    expect(((await events.next("AGENT_REMOVED")).agent_removed as any).agent_id.value).toBe(agent.agentId);
    const again = await postJson(`${h.url}/master/internal/agent`, {
      type: "REGISTER",
      agent_id: { value: agent.agentId },
      register: { agent_info: { hostname: "h", resources: [] }, pid: "slave(1)@h:1" },
    });
    expect(again.text).toContain('"type":"SHUTDOWN"');

    expect(
      (await call({ type: "TEARDOWN", teardown: { framework_id: { value: s.frameworkId } } })).status,
    ).toBe(200);
    expect(((await events.next("FRAMEWORK_REMOVED")).framework_removed as any).framework_info.id.value).toBe(
      s.frameworkId,
    );
    events.close();
  });
});
