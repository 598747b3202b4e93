import { describe, expect, it } from "vitest";
import { agentLoopbackAddress, loopbackAliasesUsable } from "./agent-addresses.js";

describe("agentLoopbackAddress", () => {
  it("keeps the first agent on 127.0.0.1 and numbers the others after their names", () => {
    expect([0, 1, 2, 253].map((i) => agentLoopbackAddress(i, true))).toEqual([
      "127.0.0.1",
      "127.0.1.2",
      "127.0.1.3",
      "127.0.1.254",
    ]);
    expect(() => agentLoopbackAddress(254, true)).toThrow(/At most 254 agents/);
  });

  it("puts every agent on 127.0.0.1 where loopback aliases cannot be bound", () => {
    expect([0, 1, 2].map((i) => agentLoopbackAddress(i, false))).toEqual([
      "127.0.0.1",
      "127.0.0.1",
      "127.0.0.1",
    ]);
  });

  it("finds loopback aliases usable on Linux", async () => {
    expect(await loopbackAliasesUsable()).toBe(process.platform === "linux");
  });
});
