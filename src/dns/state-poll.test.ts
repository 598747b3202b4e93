import { afterEach, describe, expect, it } from "vitest";
import { MasterHarness } from "../master/testing/harness.js";
import { fetchMasterState, portsFromText, stateFromLegacy } from "./state-poll.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("the /master/state fallback", () => {
  it("reads port ranges as Mesos-DNS does", () => {
    expect(portsFromText("[31000-31000, 31005-31006]")).toEqual([31000, 31005, 31006]);
    expect(portsFromText("[]")).toEqual([]);
    expect(portsFromText(undefined)).toEqual([]);
    expect(portsFromText("[x-y, 5-5]")).toEqual([5]);
  });

  it("reads tasks, statuses, discovery, agents and the leader from the legacy JSON", () => {
    const state = stateFromLegacy({
      leader: "master@10.0.0.1:5050",
      hostname: "m1",
      slaves: [{ id: "a-S0", hostname: "h", pid: "slave(1)@10.0.0.2:5051" }],
      frameworks: [
        {
          name: "marathon",
          pid: "",
          hostname: "10.0.0.9",
          tasks: [
            {
              id: "t1",
              name: "web.group",
              slave_id: "a-S0",
              state: "TASK_RUNNING",
              resources: { ports: "[31000-31001]" },
              statuses: [
                {
                  state: "TASK_RUNNING",
                  timestamp: 5,
                  container_status: { network_infos: [{ ip_address: "10.0.0.5" }] },
                },
              ],
              discovery: {
                name: "web.group",
                ports: { ports: [{ number: 31000, protocol: "tcp", name: "http" }] },
              },
            },
          ],
        },
      ],
    });
    expect(state.leader).toBe("master@10.0.0.1:5050");
    expect(state.leaderHostname).toBe("m1");
    expect(state.agents).toEqual([{ id: "a-S0", hostname: "h", pid: "slave(1)@10.0.0.2:5051" }]);
    expect(state.frameworks[0]?.pid).toBeUndefined();
    expect(state.frameworks[0]?.tasks[0]).toMatchObject({
      id: "t1",
      agentId: "a-S0",
      ports: [31000, 31001],
      statuses: [{ state: "TASK_RUNNING", timestamp: 5, networkIps: ["10.0.0.5"] }],
      discovery: { name: "web.group", ports: [{ number: 31000, protocol: "tcp", name: "http" }] },
    });
  });

  it("fetches a real master's state", async () => {
    const h = await MasterHarness.start();
    cleanups.push(() => h.close());
    const agent = await h.agent();
    const state = await fetchMasterState(new URL(h.url).host, 5000);
    expect(state.leader).toMatch(/^master@127\.0\.0\.1:\d+$/);
    expect(state.agents.map((a) => a.id)).toEqual([agent.agentId]);
    await expect(fetchMasterState("127.0.0.1:1", 1000)).rejects.toThrow();
  });
});
