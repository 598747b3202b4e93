import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AGENT_LINK_PATH } from "../mesos/agent-link-protocol.js";
import type { Offer } from "../mesos/offer.js";
import type { Agent } from "../agent/agent.js";
import { startRealAgent } from "./testing/real-agent.js";
import { launchCall, MasterHarness, smallTask } from "./testing/harness.js";

interface Probe {
  url: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

const json = { "Content-Type": "application/json" };

describe("a burst of bad requests on every endpoint", () => {
  let h: MasterHarness;
  let agent: Agent;
  let stopAgent: () => Promise<void>;
  beforeEach(async () => {
    h = await MasterHarness.start({ bodyLimit: 64 * 1024 });
    const started = await startRealAgent(h.url);
    agent = started.agent;
    stopAgent = started.stop;
  });
  afterEach(async () => {
    await h.close();
    await stopAgent();
  });

  it("answers each with a 4xx and a message, and loses nothing the master had accepted", async () => {
    const scheduler = await h.scheduler({ name: "survivor" });
    const offer = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers[0]!;
    expect((await scheduler.call("ACCEPT", launchCall(offer, [smallTask("keep")]))).status).toBe(202);
    await scheduler.stream.next((e) => e.type === "UPDATE");
    const before = await h.get("/master/state");

    const fw = { value: scheduler.frameworkId };
    const huge = JSON.stringify({ type: "SUBSCRIBE", padding: "x".repeat(100 * 1024) });
    const posts = (path: string, base: string): Probe[] => [
      { url: base + path, method: "POST", body: "{nope", headers: json },
      { url: base + path, method: "POST", body: "[1,2]", headers: json },
      { url: base + path, method: "POST", body: JSON.stringify({ type: 7 }), headers: json },
      { url: base + path, method: "POST", body: JSON.stringify({ type: "FLY_TO_THE_MOON" }), headers: json },
      { url: base + path, method: "POST", body: huge, headers: json },
      { url: base + path, method: "POST", body: "{}", headers: { "Content-Type": "text/plain" } },
      { url: base + path, method: "GET" },
    ];
    const probes: Probe[] = [
      ...posts("/api/v1/scheduler", h.url),
      ...posts("/master/api/v1/scheduler", h.url),
      // Non-subscribe calls without the stream id, with a wrong one, for unknown frameworks.
      {
        url: `${h.url}/api/v1/scheduler`,
        method: "POST",
        body: JSON.stringify({ type: "REVIVE", framework_id: fw }),
        headers: json,
      },
      {
        url: `${h.url}/api/v1/scheduler`,
        method: "POST",
        body: JSON.stringify({ type: "REVIVE", framework_id: fw }),
        headers: { ...json, "Mesos-Stream-Id": "not-the-stream" },
      },
      {
        url: `${h.url}/api/v1/scheduler`,
        method: "POST",
        body: JSON.stringify({ type: "TEARDOWN", framework_id: { value: "nobody" } }),
        headers: { ...json, "Mesos-Stream-Id": scheduler.streamId },
      },
      {
        url: `${h.url}/api/v1/scheduler`,
        method: "POST",
        body: JSON.stringify({ type: "ACCEPT", framework_id: fw, accept: { offer_ids: "all" } }),
        headers: { ...json, "Mesos-Stream-Id": scheduler.streamId },
      },
      ...posts("/api/v1", h.url),
      {
        url: `${h.url}/api/v1`,
        method: "POST",
        body: JSON.stringify({ type: "TEARDOWN", teardown: {} }),
        headers: json,
      },
      {
        url: `${h.url}/api/v1`,
        method: "POST",
        body: JSON.stringify({ type: "MARK_AGENT_GONE", mark_agent_gone: { agent_id: 5 } }),
        headers: json,
      },
      ...posts(AGENT_LINK_PATH, h.url),
      {
        url: h.url + AGENT_LINK_PATH,
        method: "POST",
        body: JSON.stringify({
          type: "STATUS_UPDATE",
          agent_id: { value: "no-such-agent" },
          status_update: {},
        }),
        headers: json,
      },
      ...posts("/api/v1/executor", agent.url),
      ...posts("/slave(1)/api/v1/executor", agent.url),
      {
        url: `${agent.url}/api/v1/executor`,
        method: "POST",
        body: JSON.stringify({
          type: "UPDATE",
          framework_id: fw,
          executor_id: { value: "ghost" },
          update: {},
        }),
        headers: json,
      },
      ...posts("/api/v1", agent.url),
      { url: `${agent.url}/files/browse` },
      { url: `${agent.url}/files/read?path=/etc/passwd&offset=0` },
      { url: `${agent.url}/files/read?path=${encodeURIComponent(agent.workDir)}&offset=abc` },
      { url: `${agent.url}/files/read?path=${encodeURIComponent(agent.workDir)}&offset=0&length=-7` },
      { url: `${agent.url}/files/download?path=../../etc/shadow` },
      { url: `${h.url}/master/tasks?limit=abc&offset=-1&order=sideways` },
      { url: `${h.url}/master/tasks?limit=-5` },
      { url: `${h.url}/master/redirect/deeper` },
      { url: `${h.url}/metrics/snapshot?timeout=never` },
      {
        url: `${h.url}/master/teardown`,
        method: "POST",
        body: "frameworkId=nobody",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
      {
        url: `${h.url}/master/teardown`,
        method: "POST",
        body: "",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
    ];

    const answers = await Promise.all(
      probes.map(async (probe) => {
        const res = await fetch(probe.url, {
          method: probe.method ?? "GET",
          ...(probe.headers ? { headers: probe.headers } : {}),
          ...(probe.body !== undefined ? { body: probe.body } : {}),
        });
        return {
          probe: `${probe.method ?? "GET"} ${probe.url.replace(/^http:\/\/[^/]+/, "")}`,
          status: res.status,
          text: await res.text(),
        };
      }),
    );
    // Bad query values on read-only legacy GETs may fall back to defaults (200), as Mesos's do.
    const lenient = new Set(["limit=abc", "limit=-5", "timeout=never"]);
    for (const answer of answers) {
      if ([...lenient].some((q) => answer.probe.includes(q))) {
        expect(answer.status, answer.probe).toBeLessThan(500);
        continue;
      }
      expect(answer.status, `${answer.probe} -> ${answer.status} ${answer.text}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${answer.probe} -> ${answer.status} ${answer.text}`).toBeLessThan(500);
      if (answer.status !== 404 && answer.status !== 405)
        expect(answer.text.length, `${answer.probe} has a message`).toBeGreaterThan(0);
    }

    // Nothing accepted before the burst was lost.
    const after = await h.get("/master/state");
    const summary = (state: Record<string, unknown>) => ({
      frameworks: (
        state.frameworks as Array<{
          id: string;
          active: boolean;
          tasks: Array<{ id: string; state: string }>;
        }>
      ).map((f) => ({ id: f.id, active: f.active, tasks: f.tasks.map((t) => [t.id, t.state]) })),
      slaves: (state.slaves as Array<{ id: string; active: boolean }>).map((s) => [s.id, s.active]),
    });
    expect(summary(after.json)).toEqual(summary(before.json));
    expect(summary(after.json).frameworks[0]?.tasks.map(([id]) => id)).toEqual(["keep"]);
    // The existing scheduler can still call, and a new framework still gets offers.
    expect((await scheduler.call("REVIVE")).status).toBe(202);
    // After REVIVE the free resources go to the survivor (alone at that moment): it declines them for an
    // hour, so the newcomer's offer does not depend on how fast it subscribes.
    let held: unknown[] = [];
    for (const deadline = Date.now() + 5000; held.length === 0 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 10));
      const frameworks = (await h.get("/master/state")).json.frameworks as Array<{
        offers: Array<{ id: string }>;
      }>;
      held = frameworks[0]?.offers.map((o) => ({ value: o.id })) ?? [];
    }
    expect(held.length).toBeGreaterThan(0);
    const decline = { decline: { offer_ids: held, filters: { refuse_seconds: 3600 } } };
    expect((await scheduler.call("DECLINE", decline)).status).toBe(202);
    const newcomer = await h.scheduler({ name: "newcomer" });
    const offers = await newcomer.stream.next("OFFERS");
    expect((offers.offers as { offers: Offer[] }).offers[0]?.agent_id.value).toBe(agent.agentId());
  });
});
