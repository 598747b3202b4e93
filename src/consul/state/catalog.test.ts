import { describe, expect, it } from "vitest";
import { Catalog } from "./catalog.js";
import { ChangeFeed } from "./change-feed.js";

const service = (id: string, name: string, port: number) => ({
  node: "n1",
  id,
  service: name,
  tags: [],
  address: "10.0.0.1",
  port,
  meta: {},
  enableTagOverride: false,
});

describe("catalog", () => {
  it("writes nothing when a registration repeats unchanged", () => {
    const feed = new ChangeFeed();
    const catalog = new Catalog(feed);
    catalog.putNode({ id: "x", node: "n1", address: "10.0.0.1", taggedAddresses: {}, meta: {} });
    catalog.putService(service("web-1", "web", 80));
    const index = feed.index;
    catalog.putService(service("web-1", "web", 80));
    expect(feed.index).toBe(index);
    catalog.putService(service("web-1", "web", 81));
    expect(feed.index).toBe(index + 1);
    expect(catalog.service("n1", "web-1")).toMatchObject({ createIndex: 2, modifyIndex: 3, port: 81 });
  });

  it("moves a service name's index on its own changes only, and drops a service's checks with it", () => {
    const feed = new ChangeFeed();
    const catalog = new Catalog(feed);
    catalog.putNode({ id: "x", node: "n1", address: "10.0.0.1", taggedAddresses: {}, meta: {} });
    catalog.putService(service("web-1", "web", 80));
    const webIndex = catalog.indexOfName("web");
    catalog.putService(service("db-1", "db", 5432));
    expect(catalog.indexOfName("web")).toBe(webIndex);
    catalog.putCheck({
      node: "n1",
      checkId: "service:web-1",
      name: "c",
      status: "critical",
      notes: "",
      output: "",
      serviceId: "web-1",
      serviceName: "web",
      serviceTags: [],
      type: "ttl",
    });
    expect(catalog.indexOfName("web")).toBeGreaterThan(webIndex);
    expect(catalog.updateCheck("n1", "service:web-1", "critical", "")).toBe(true);
    const afterNoop = feed.index;
    expect(catalog.updateCheck("n1", "service:web-1", "passing", "ok")).toBe(true);
    expect(feed.index).toBe(afterNoop + 1);
    expect(catalog.deleteService("n1", "web-1")).toBe(true);
    expect(catalog.check("n1", "service:web-1")).toBeUndefined();
    expect(catalog.deleteService("n1", "web-1")).toBe(false);
  });

  it("wakes a waiter at the next write", async () => {
    const feed = new ChangeFeed();
    const catalog = new Catalog(feed);
    const woke = feed.waitForChange(5000);
    catalog.putNode({ id: "x", node: "n1", address: "10.0.0.1", taggedAddresses: {}, meta: {} });
    expect(await woke).toBe(true);
    expect(await feed.waitForChange(10)).toBe(false);
    feed.close();
    expect(await feed.waitForChange(5000)).toBe(false);
  });
});
