import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;

beforeAll(async () => {
  cluster = await startMarathonCluster();
});
afterAll(async () => {
  await cluster?.close();
});

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads server-sent events from /v2/events into `into` until aborted. */
async function listen(query: string, into: SseEvent[], signal: AbortSignal): Promise<void> {
  const response = await fetch(`${cluster.marathon.url}/v2/events${query}`, {
    headers: { Accept: "text/event-stream" },
    signal,
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body?.getReader();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += Buffer.from(chunk.value).toString("utf8");
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) into.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // aborted
    }
  })();
}

describe("/v2/events", () => {
  it("streams the real event types, and filters by event_type", async () => {
    const all: SseEvent[] = [];
    const filtered: SseEvent[] = [];
    const abort = new AbortController();
    try {
      await listen("", all, abort.signal);
      await listen("?event_type=deployment_success&event_type=app_terminated_event", filtered, abort.signal);
      await until("attached", () => all.some((e) => e.event === "event_stream_attached"));
      const created = await cluster.api("/v2/apps", {
        method: "POST",
        body: { id: "/ev", cmd: "run=forever", cpus: 0.1, mem: 16 },
      });
      const deploymentId = created.headers.get("marathon-deployment-id");
      await until("deployment_success", () => filtered.some((e) => e.data.id === deploymentId));
      const types = all.map((e) => e.event);
      expect(types).toEqual(
        expect.arrayContaining([
          "api_post_event",
          "group_change_success",
          "deployment_info",
          "deployment_step_success",
          "status_update_event",
          "instance_changed_event",
          "deployment_success",
        ]),
      );
      const running = all.find(
        (e) => e.event === "status_update_event" && e.data.taskStatus === "TASK_RUNNING",
      );
      expect(running?.data).toMatchObject({
        eventType: "status_update_event",
        appId: "/ev",
        host: "127.0.0.1",
        message: "",
      });
      expect(running?.data.timestamp).toMatch(/\.\d{3}Z$/);
      const success = all.find((e) => e.event === "deployment_success");
      expect(success?.data.plan).toMatchObject({
        id: deploymentId,
        steps: [
          { actions: [{ action: "StartApplication", app: "/ev" }] },
          { actions: [{ action: "ScaleApplication", app: "/ev" }] },
        ],
      });
      await cluster.api("/v2/apps/ev", { method: "DELETE" });
      await until("app_terminated_event", () =>
        filtered.some((e) => e.event === "app_terminated_event" && e.data.appId === "/ev"),
      );
      expect(new Set(filtered.map((e) => e.event))).toEqual(
        new Set(["deployment_success", "app_terminated_event"]),
      );
      expect((await cluster.api("/v2/events")).status).toBe(405);
    } finally {
      abort.abort();
    }
  });
});
