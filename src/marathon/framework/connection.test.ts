import { afterEach, describe, expect, it } from "vitest";
import { startFakeMaster } from "../../../test/support/fake-master.js";
import type { FakeMesosEndpoint } from "../../../test/support/fake-mesos-endpoint.js";
import { startMarathon, type Marathon } from "../marathon.js";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setup(): Promise<{ master: FakeMesosEndpoint; marathon: Marathon }> {
  const master = await startFakeMaster();
  closers.push(() => master.close());
  const marathon = await startMarathon({ master: master.address, httpPort: 0, mesosUser: "tester" });
  closers.push(() => marathon.stop());
  return { master, marathon };
}

describe("Marathon's framework connection", () => {
  it("subscribes as Marathon 1.x does and re-subscribes with the same framework id after a drop", async () => {
    const { master, marathon } = await setup();
    const first = await master.subscription(0);
    expect(first.json.framework_id).toBeUndefined();
    expect((first.json.subscribe as { framework_info: unknown }).framework_info).toEqual({
      user: "tester",
      name: "marathon",
      failover_timeout: 604800,
      checkpoint: true,
      role: "*",
      hostname: "127.0.0.1",
      webui_url: `http://127.0.0.1:${marathon.port}`,
      capabilities: [{ type: "PARTITION_AWARE" }, { type: "TASK_KILLING_STATE" }],
    });
    const reconcile = await master.call(0);
    expect(reconcile.json).toMatchObject({ type: "RECONCILE", framework_id: { value: "fw-0000" } });
    expect(marathon.frameworkId()).toBe("fw-0000");

    first.stream.close();
    const second = await master.subscription(1);
    expect(second.json.framework_id).toEqual({ value: "fw-0000" });
    expect((second.json.subscribe as { framework_info: { id: unknown } }).framework_info.id).toEqual({
      value: "fw-0000",
    });
  });
});
