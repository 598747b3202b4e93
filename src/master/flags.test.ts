import { describe, expect, it } from "vitest";
import { parseFlags } from "../common/flags.js";
import { silentLogger } from "../common/logger.js";
import { MASTER_FLAGS, masterOptionsFromFlags, UnsupportedFlagError } from "./flags.js";
import { masterRole } from "./role.js";

describe("master flags", () => {
  it("maps Mesos's flag names (and MESOS_* variables) to options", () => {
    const { values } = parseFlags(
      MASTER_FLAGS,
      ["--port=0", "--allocation_interval=10ms", "--agent_ping_timeout=2secs", "--offer_timeout=1mins"],
      { MESOS_CLUSTER: "c1", MESOS_HEARTBEAT_INTERVAL: "3secs" },
    );
    const options = masterOptionsFromFlags(values);
    expect(options).toMatchObject({
      port: 0,
      ip: "127.0.0.1",
      allocationIntervalMs: 10,
      agentPingTimeoutMs: 2000,
      maxAgentPingTimeouts: 5,
      offerTimeoutMs: 60_000,
      heartbeatIntervalSeconds: 3,
      cluster: "c1",
    });
    expect(options.flags).toMatchObject({
      allocation_interval: "10ms",
      heartbeat_interval: "3secs",
      cluster: "c1",
    });
  });

  it("refuses --zk with a clear message", () => {
    const { values } = parseFlags(MASTER_FLAGS, ["--zk=zk://127.0.0.1:2181/mesos"]);
    expect(() => masterOptionsFromFlags(values)).toThrow(UnsupportedFlagError);
    expect(() => masterOptionsFromFlags(values)).toThrow(/--zk is not yet supported/);
  });

  it("starts and stops through the role definition", async () => {
    const { values } = parseFlags(MASTER_FLAGS, ["--port=0"]);
    const running = await masterRole.start(values, silentLogger());
    try {
      const res = await fetch(`${running.url}/master/flags`);
      expect(((await res.json()) as { flags: Record<string, string> }).flags.port).toBe("0");
    } finally {
      await running.stop();
    }
  });
});
