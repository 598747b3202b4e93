import { describe, expect, it } from "vitest";
import type { AllocatedOffer } from "./allocator.js";
import { allocatorHarness, placements } from "./testing/allocator-harness.js";

describe("an allocation error", () => {
  it("is counted and reported, and neither stops the other offers of the run nor later runs", () => {
    const errors: unknown[] = [];
    const delivered: AllocatedOffer[] = [];
    let failNext = true;
    const h = allocatorHarness({
      onOffer: (offer) => {
        if (failNext) {
          failNext = false;
          throw new Error("the master choked on an offer");
        }
        delivered.push(offer);
      },
      onError: (error) => errors.push(error),
    });
    h.addAgent("S1", "cpus:1;mem:1024");
    h.addAgent("S2", "cpus:1;mem:1024");
    h.addFramework("F");
    expect(() => h.allocator.allocateNow()).not.toThrow();
    expect((errors[0] as Error).message).toBe("the master choked on an offer");
    expect(placements(delivered)).toEqual(["F@S2"]);
    expect(h.allocator.metrics().allocationErrors).toBe(1);

    h.addAgent("S3", "cpus:1;mem:1024");
    h.allocator.allocateNow();
    expect(placements(delivered)).toEqual(["F@S2", "F@S3"]);
    h.allocator.close();
  });
});
