import { describe, expect, it } from "vitest";
import type { Offer } from "../../mesos/offer.js";
import { OfferStats } from "./offer-stats.js";

const offer = (n: number): Offer => ({
  id: { value: `o${n}` },
  framework_id: { value: "f" },
  agent_id: { value: `a${n}` },
  hostname: `host-${n}`,
  resources: [],
  attributes: [
    { name: "rack", type: "TEXT", text: { value: "r1" } },
    { name: "level", type: "SCALAR", scalar: { value: 2 } },
    { name: "keys", type: "RANGES", ranges: { range: [{ begin: 1, end: 5 }] } },
    { name: "tags", type: "SET", set: { item: ["x", "y"] } },
  ],
});

describe("OfferStats.lastUnusedOffers", () => {
  it("keeps each unused offer in Marathon's shape, with what was left of it for the app", () => {
    const stats = new OfferStats();
    expect(stats.lastUnusedOffers("/a")).toEqual([]);
    stats.unused("/a", "InsufficientCpus", offer(1), [
      { name: "cpus", type: "SCALAR", scalar: { value: 0.5 } },
      { name: "mem", type: "SCALAR", scalar: { value: 64 }, role: "web", reservations: [{ role: "web" }] },
      { name: "ports", type: "RANGES", ranges: { range: [{ begin: 31000, end: 31002 }] } },
      { name: "zones", type: "SET", set: { item: ["z1"] } },
    ]);
    const [entry] = stats.lastUnusedOffers("/a");
    expect(entry).toEqual({
      offer: {
        id: "o1",
        hostname: "host-1",
        agentId: "a1",
        resources: [
          { name: "cpus", role: "*", scalar: 0.5 },
          { name: "mem", role: "web", scalar: 64 },
          { name: "ports", role: "*", ranges: [{ begin: 31000, end: 31002 }] },
          { name: "zones", role: "*", set: ["z1"] },
        ],
        attributes: [
          { name: "rack", text: "r1" },
          { name: "level", scalar: 2 },
          { name: "keys", ranges: [{ begin: 1, end: 5 }] },
          { name: "tags", set: ["x", "y"] },
        ],
      },
      reason: ["InsufficientCpus"],
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(stats.summary("/a")).toMatchObject({ unusedOffersCount: 1, lastUnusedOfferAt: entry?.timestamp });
  });

  it("keeps only the ten most recent, per app, and forgets them with the app", () => {
    const stats = new OfferStats();
    for (let n = 1; n <= 12; n++) stats.unused("/a", "UnfulfilledConstraint", offer(n), []);
    stats.unused("/b", "InsufficientMemory", offer(99), []);
    expect(stats.lastUnusedOffers("/a").map((u) => u.offer.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `o${i + 3}`),
    );
    expect(stats.lastUnusedOffers("/b").map((u) => u.reason)).toEqual([["InsufficientMemory"]]);
    stats.forget("/a");
    expect(stats.lastUnusedOffers("/a")).toEqual([]);
  });
});
