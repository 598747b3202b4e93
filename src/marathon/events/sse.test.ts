import { describe, expect, it } from "vitest";
import { EventBus, type MarathonEvent } from "./event-bus.js";
import { passesFilter, sseFrame } from "./sse.js";

describe("SSE framing", () => {
  it("writes event and one-line data, and filters by type", () => {
    const seen: MarathonEvent[] = [];
    const bus = new EventBus();
    bus.subscribe((e) => seen.push(e));
    bus.publish("app_terminated_event", { appId: "/a\nb" });
    const event = seen[0] as MarathonEvent;
    expect(event.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const frame = sseFrame(event);
    expect(frame.startsWith("event: app_terminated_event\ndata: {")).toBe(true);
    expect(frame.endsWith("}\n\n")).toBe(true);
    expect(frame.split("\n")).toHaveLength(4);
    expect(passesFilter(event, [])).toBe(true);
    expect(passesFilter(event, ["status_update_event"])).toBe(false);
  });
});
