import { describe, expect, it } from "vitest";
import { silentLogger } from "../../common/logger.js";
import { Catalog } from "../state/catalog.js";
import { ChangeFeed } from "../state/change-feed.js";
import { CheckRunner } from "./check-runner.js";

const until = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
};

function setUp(run: { ttlMs?: number; deregisterAfterMs?: number }) {
  const feed = new ChangeFeed();
  const catalog = new Catalog(feed);
  const runner = new CheckRunner(catalog, "n1", silentLogger());
  feed.onChange(() => queueMicrotask(() => runner.sync()));
  catalog.putNode({ id: "x", node: "n1", address: "127.0.0.1", taggedAddresses: {}, meta: {} });
  catalog.putService({
    node: "n1",
    id: "s1",
    service: "s",
    tags: [],
    address: "",
    port: 1,
    meta: {},
    enableTagOverride: false,
  });
  catalog.putCheck({
    node: "n1",
    checkId: "service:s1",
    name: "c",
    status: "passing",
    notes: "",
    output: "",
    serviceId: "s1",
    serviceName: "s",
    serviceTags: [],
    type: "ttl",
    run,
  });
  return { catalog, runner };
}

describe("check runner", () => {
  it("turns a TTL check critical when no update comes in time, and restarts the timer on updates", async () => {
    const { catalog, runner } = setUp({ ttlMs: 150 });
    try {
      await new Promise((r) => setTimeout(r, 100));
      catalog.updateCheck("n1", "service:s1", "passing", "still here");
      await new Promise((r) => setTimeout(r, 100));
      expect(catalog.check("n1", "service:s1")?.status).toBe("passing");
      await until(() => catalog.check("n1", "service:s1")?.status === "critical");
      expect(catalog.check("n1", "service:s1")?.output).toBe("TTL expired");
    } finally {
      runner.stop();
    }
  });

  it("removes a service whose check stays critical past DeregisterCriticalServiceAfter", async () => {
    const { catalog, runner } = setUp({ ttlMs: 20, deregisterAfterMs: 10 });
    try {
      await until(() => catalog.service("n1", "s1") === undefined, 5000);
      expect(catalog.check("n1", "service:s1")).toBeUndefined();
    } finally {
      runner.stop();
    }
  });
});
