import { describe, expect, it } from "vitest";
import { parseFlags, type FlagSpecs } from "./flags.js";

const specs: FlagSpecs = {
  port: { kind: "number", help: "port", default: "5050" },
  work_dir: { kind: "string", help: "dir" },
  hostname_lookup: { kind: "boolean", help: "lookup", default: "true" },
  agent_ping_timeout: { kind: "duration", help: "ping", default: "15secs" },
};

describe("flags", () => {
  it("applies defaults, then MESOS_* variables, then the command line", () => {
    const { values, asStrings } = parseFlags(specs, ["--work_dir=/tmp/x"], { MESOS_PORT: "6000" });
    expect(values).toEqual({
      port: 6000,
      work_dir: "/tmp/x",
      hostname_lookup: true,
      agent_ping_timeout: 15000,
    });
    expect(asStrings.agent_ping_timeout).toBe("15secs");
    expect(parseFlags(specs, ["--port", "7000"], { MESOS_PORT: "6000" }).values.port).toBe(7000);
  });

  it("reads booleans as Mesos does", () => {
    expect(parseFlags(specs, ["--no-hostname_lookup"]).values.hostname_lookup).toBe(false);
    expect(parseFlags(specs, ["--hostname_lookup=false"]).values.hostname_lookup).toBe(false);
    expect(parseFlags(specs, ["--hostname_lookup"]).values.hostname_lookup).toBe(true);
  });

  it("names the flag that is wrong", () => {
    expect(() => parseFlags(specs, ["--port=abc"])).toThrow(/flag 'port'.*not a number/);
    expect(() => parseFlags(specs, ["--colour=red"])).toThrow(/unknown flag 'colour'/);
    expect(() => parseFlags(specs, ["--agent_ping_timeout=soon"])).toThrow(/invalid duration/);
  });
});
