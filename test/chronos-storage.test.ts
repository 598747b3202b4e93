import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChronosCluster, type ChronosCluster } from "./support/chronos-cluster.js";
import { until } from "./support/marathon-cluster.js";

let cluster: ChronosCluster;

beforeAll(async () => {
  cluster = await startChronosCluster();
  await cluster.restartChronos({ storage: join(cluster.workRoot, "chronos-state") });
});
afterAll(async () => {
  await cluster?.close();
});

const lines = (file: string): string[] =>
  existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];

describe("Chronos with --storage", () => {
  it("keeps jobs, counters, schedules and the framework id across a restart, and runs no slot twice", async () => {
    const file = join(cluster.workRoot, "slots.txt");
    const start = Date.now() + 800;
    const body = {
      name: "keeper",
      command: `echo $CHRONOS_JOB_RUN_TIME >> ${file}`,
      schedule: `R/${new Date(start).toISOString()}/PT1S`,
    };
    expect((await cluster.api("/v1/scheduler/iso8601", { method: "POST", body })).status).toBe(204);
    await cluster.api("/v1/scheduler/dependency", {
      method: "POST",
      body: { name: "after", command: "true", parents: ["keeper"] },
    });
    await until("two successes", async () => (await cluster.job("keeper")).successCount >= 2);
    const frameworkId = cluster.chronos.frameworkId();
    await cluster.restartChronos();
    const kept = await cluster.job("keeper");
    expect(kept.successCount).toBeGreaterThanOrEqual(2);
    expect(kept.lastSuccess).not.toBe("");
    expect((await cluster.job("after")).parents).toEqual(["keeper"]);
    await until("re-subscribed", () => cluster.chronos.frameworkId() === frameworkId);
    await until("more runs", async () => (await cluster.job("keeper")).successCount >= kept.successCount + 2);
    const runs = lines(file).map(Number);
    // Every slot ran at most once, across the restart.
    expect(new Set(runs).size).toBe(runs.length);
    for (const due of runs) expect((due - start) % 1000).toBe(0);
    const state = (await (await fetch(`${cluster.master.url}/master/state`)).json()) as {
      frameworks: Array<{ id: string }>;
    };
    expect(state.frameworks.map((f) => f.id)).toEqual([frameworkId]);
  });
});
