import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../common/logger.js";
import { allocatePort } from "../common/ports.js";
import { MasterLink } from "./master-link.js";
import { FakeMaster } from "./testing/fake-master.js";

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe("MasterLink", () => {
  it("registers soon after a master that was not listening yet starts, despite a long backoff cap", async () => {
    const port = await allocatePort(0);
    let registeredAt = 0;
    const link = new MasterLink({
      masterUrl: `http://127.0.0.1:${port}`,
      logger: silentLogger(),
      registration: () => ({
        agent_info: { hostname: "h", resources: [] },
        pid: "slave(1)@h:1",
        version: "1.11.0",
        capabilities: [],
      }),
      agentId: () => undefined,
      onEvent: (event) => {
        if (event.type === "REGISTERED") registeredAt ||= Date.now();
      },
      backoffMaxMs: 60_000,
    });
    link.start();
    cleanups.push(() => link.stop());
    // With backoff doubling from 20 ms, by now a retry may sleep for more than a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const master = await FakeMaster.start({ port });
    cleanups.push(() => master.stop());
    const listeningAt = Date.now();
    await master.waitFor(() => registeredAt > 0, 5000);
    expect(registeredAt - listeningAt).toBeLessThan(250);
  });
});
