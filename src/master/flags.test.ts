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

  it("takes --zk with --quorum and --zk_session_timeout, and refuses --zk without a quorum", () => {
    const { values } = parseFlags(MASTER_FLAGS, [
      "--zk=zk://127.0.0.1:2181,127.0.0.1:2182/mesos",
      "--quorum=2",
      "--zk_session_timeout=2secs",
    ]);
    const zk = masterOptionsFromFlags(values).zk;
    expect(zk?.zk.connectionString).toBe("127.0.0.1:2181,127.0.0.1:2182");
    expect(zk?.zk.path).toBe("/mesos");
    expect(zk?.quorum).toBe(2);
    expect(zk?.sessionTimeoutMs).toBe(2000);
    const alone = parseFlags(MASTER_FLAGS, ["--zk=zk://127.0.0.1:2181/mesos"]).values;
    expect(() => masterOptionsFromFlags(alone)).toThrow(UnsupportedFlagError);
    expect(() => masterOptionsFromFlags(alone)).toThrow(/Need to specify --quorum/);
    const bad = parseFlags(MASTER_FLAGS, ["--zk=zk://127.0.0.1:2181", "--quorum=1"]).values;
    expect(() => masterOptionsFromFlags(bad)).toThrow(/Malformed ZooKeeper URL/);
    expect(masterOptionsFromFlags(parseFlags(MASTER_FLAGS, []).values).zk).toBeUndefined();
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
