import { describe, expect, it } from "vitest";
import { agentUrlFromPid, matchAgents } from "./agents.js";

describe("agentUrlFromPid", () => {
  it("turns a libprocess pid into the agent's URL", () => {
    expect(agentUrlFromPid("slave(1)@127.0.0.1:5051")).toBe("http://127.0.0.1:5051");
    expect(agentUrlFromPid("no-at-sign")).toBeUndefined();
  });
});

describe("matchAgents", () => {
  const agents = [
    { id: "abc-S0", pid: "slave(1)@127.0.0.1:5051" },
    { id: "abc-S1", pid: "slave(1)@127.0.0.1:5052" },
    { id: "abc-S10", pid: "slave(1)@127.0.0.1:5053" },
  ];

  it("prefers an exact id over prefixes", () => {
    expect(matchAgents(agents, "abc-S1").map((a) => a.id)).toEqual(["abc-S1"]);
  });

  it("matches by prefix, possibly several", () => {
    expect(matchAgents(agents, "abc-S").map((a) => a.id)).toEqual(["abc-S0", "abc-S1", "abc-S10"]);
    expect(matchAgents(agents, "zzz")).toEqual([]);
  });
});
