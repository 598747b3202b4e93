import { describe, expect, it } from "vitest";
import { encodeRecord, RecordIODecoder } from "./recordio.js";

describe("RecordIO", () => {
  it("frames a record with its byte length and no trailing newline", () => {
    expect(encodeRecord('{"type":"HEARTBEAT"}').toString()).toBe('20\n{"type":"HEARTBEAT"}');
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(encodeRecord("é").toString("latin1").startsWith("2\n")).toBe(true);
  });

  it("decodes records split at any byte boundary", () => {
    const stream = Buffer.concat([encodeRecord("hello"), encodeRecord("wörld"), encodeRecord("x")]);
    for (let split = 1; split < stream.length; split++) {
      const decoder = new RecordIODecoder();
      const out = [...decoder.push(stream.subarray(0, split)), ...decoder.push(stream.subarray(split))];
      expect(out.map((b) => b.toString())).toEqual(["hello", "wörld", "x"]);
      expect(decoder.idle).toBe(true);
    }
  });

  it("rejects a malformed size header", () => {
    expect(() => new RecordIODecoder().push(Buffer.from("abc\n"))).toThrow(/invalid record size/);
  });
});
