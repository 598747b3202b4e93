import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readEventStream } from "./event-stream.js";

function collect(source: PassThrough) {
  const events: unknown[] = [];
  const ends: Error[] = [];
  const stop = readEventStream(source, { onEvent: (e) => events.push(e), onEnd: (e) => ends.push(e) });
  return { events, ends, stop };
}

describe("readEventStream", () => {
  it("decodes JSON records and reports the end once", async () => {
    const source = new PassThrough();
    const { events, ends } = collect(source);
    source.write('12\n{"type":"A"}1');
    source.write('2\n{"type":"B"}');
    source.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([{ type: "A" }, { type: "B" }]);
    expect(ends.map((e) => e.message)).toEqual(["The event stream ended"]);
  });

  it("ends with an error on a malformed record and delivers nothing after it", async () => {
    const source = new PassThrough();
    const { events, ends } = collect(source);
    source.write('12\n{"type":"A"}');
    await new Promise((resolve) => setImmediate(resolve));
    source.write('x\n{}12\n{"type":"B"}');
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([{ type: "A" }]);
    expect(ends).toHaveLength(1);
    expect(ends[0]?.message).toMatch(/invalid record size/);
    expect(source.destroyed).toBe(true);
  });

  it("stop() ends reading without calling onEnd", async () => {
    const source = new PassThrough();
    const { ends, stop } = collect(source);
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ends).toEqual([]);
  });
});
