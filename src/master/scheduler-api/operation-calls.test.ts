import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MasterHarness } from "../testing/harness.js";

describe("RECONCILE_OPERATIONS", () => {
  let h: MasterHarness;
  beforeEach(async () => {
    h = await MasterHarness.start();
  });
  afterEach(() => h.close());

  it("answers each operation named with UPDATE_OPERATION_STATUS, by what the master knows of its agent", async () => {
    const agent = await h.agent();
    const scheduler = await h.scheduler({ name: "ops" });
    const call = await scheduler.call("RECONCILE_OPERATIONS", {
      reconcile_operations: {
        operations: [
          { operation_id: { value: "op-1" }, agent_id: { value: agent.agentId } },
          { operation_id: { value: "op-2" }, agent_id: { value: "no-such-agent" } },
          { operation_id: { value: "op-3" } },
        ],
      },
    });
    expect(call.status).toBe(202);
    const updates = [];
    for (let i = 0; i < 3; i++)
      updates.push((await scheduler.stream.next("UPDATE_OPERATION_STATUS")).update_operation_status);
    expect(updates).toEqual([
      {
        status: {
          operation_id: { value: "op-1" },
          state: "OPERATION_UNKNOWN",
          agent_id: { value: agent.agentId },
        },
      },
      {
        status: {
          operation_id: { value: "op-2" },
          state: "OPERATION_UNKNOWN",
          agent_id: { value: "no-such-agent" },
        },
      },
      { status: { operation_id: { value: "op-3" }, state: "OPERATION_UNKNOWN" } },
    ]);
  });
});
