import { it } from "vitest";
import { createDrfAllocator } from "./drf-allocator.js";
import { parseResourcesFlag } from "../../mesos/resource-text.js";

function scenario(log: boolean) {
  const offers: { frameworkId: string; agentId: string; resources: never[] }[] = [];
  const a = createDrfAllocator({ allocationIntervalMs: 5, onOffer: (o) => offers.push(o as never) });
  for (let i = 0; i < 100; i++)
    a.addAgent({
      agentId: `S${i}`,
      hostname: `h${i}`,
      attributes: [],
      total: parseResourcesFlag("cpus:4;mem:8192;disk:10000;ports:[31000-32000];cpus(web):1"),
    });
  for (let f = 0; f < 50; f++)
    a.addFramework({ frameworkId: `F${String(f).padStart(4, "0")}`, roles: [f % 2 ? "web" : "batch"] });
  let s = performance.now();
  a.allocateNow();
  const first = performance.now() - s;
  const n1 = offers.length;
  for (const o of offers) a.recoverResources(o.frameworkId, o.agentId, o.resources);
  offers.length = 0;
  s = performance.now();
  a.allocateNow();
  const second = performance.now() - s;
  // everyone declines everything for a minute: the next runs walk every framework for every agent
  for (let round = 0; round < 60 && offers.length > 0; round++) {
    const batch = offers.splice(0);
    for (const o of batch) a.recoverResources(o.frameworkId, o.agentId, o.resources, 60);
    a.allocateNow();
  }
  const filteredRuns: number[] = [];
  for (let k = 0; k < 5; k++) {
    s = performance.now();
    a.allocateNow();
    filteredRuns.push(performance.now() - s);
  }
  const filtered = filteredRuns.map((x) => x.toFixed(2)).join(" ");
  if (log)
    console.log(
      JSON.stringify({
        first,
        n1,
        second,
        filtered,
        left: offers.length,
        filters: a.metrics().activeFilters,
      }),
    );
  a.close();
}
it("perf", () => {
  for (let i = 0; i < 10; i++) scenario(i === 9 || i === 0);
});
