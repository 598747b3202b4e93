import { afterEach, describe, expect, it } from "vitest";
import { startFakeMaster } from "../../../test/support/fake-master.js";
import { startChronos } from "../chronos.js";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe("Chronos's framework connection", () => {
  it("subscribes as Chronos does, reconciles, and re-subscribes with its framework id after a drop", async () => {
    const master = await startFakeMaster();
    closers.push(() => master.close());
    const chronos = await startChronos({ master: master.address, httpPort: 0, user: "tester" });
    closers.push(() => chronos.stop());
    const first = await master.subscription(0);
    expect(first.json.framework_id).toBeUndefined();
    expect((first.json.subscribe as { framework_info: unknown }).framework_info).toEqual({
      user: "tester",
      name: "chronos",
      failover_timeout: 604800,
      checkpoint: true,
      role: "*",
      hostname: "127.0.0.1",
      webui_url: `http://127.0.0.1:${chronos.port}`,
    });
    expect((await master.call(0)).json).toMatchObject({
      type: "RECONCILE",
      framework_id: { value: "fw-0000" },
    });
    expect(chronos.frameworkId()).toBe("fw-0000");
    first.stream.close();
    const second = await master.subscription(1);
    expect(second.json.framework_id).toEqual({ value: "fw-0000" });
    expect((second.json.subscribe as { framework_info: { id: unknown } }).framework_info.id).toEqual({
      value: "fw-0000",
    });
  });
});
