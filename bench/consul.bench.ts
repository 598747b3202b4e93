import type { Offer, TaskInfo } from "../src/mesos/index.js";
import { withProcessCluster } from "./cluster-fixture.js";
import { withFramework } from "./core.bench.js";
import { summarize, type BenchResult } from "./stats.js";

const LAUNCHES = 40;

const firstPort = (offer: Offer): number | undefined =>
  offer.resources.find((r) => r.name === "ports")?.ranges?.range[0]?.begin;

const task = (id: string, offer: Offer, port: number): TaskInfo => ({
  name: id,
  task_id: { value: id },
  agent_id: offer.agent_id,
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 0.01 } },
    { name: "mem", type: "SCALAR", scalar: { value: 8 } },
    { name: "ports", type: "RANGES", ranges: { range: [{ begin: port, end: port }] } },
  ],
  command: { value: "sleep 600" },
});

/** Resolves with the moment `/v1/health/service/<name>?passing` first lists an instance (blocking queries). */
async function visibleAt(consulUrl: string, name: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let index = 0;
  while (Date.now() < deadline) {
    const response = await fetch(`${consulUrl}/v1/health/service/${name}?passing&index=${index}&wait=5s`);
    const entries = (await response.json()) as unknown[];
    if (entries.length > 0) return performance.now();
    index = Number(response.headers.get("x-consul-index"));
  }
  throw new Error(`${name} never became visible in Consul`);
}

/** The scheduler's TASK_RUNNING update → the task's port listed as passing in Consul, one task at a time. */
const registrationLatency = (masterUrl: string, consulUrl: string) =>
  withFramework(masterUrl, "bench-consul", async (client, pool) => {
    const samples: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const id = `consul-bench-${i}`;
      const { offer } = await pool.take(0.01, 8);
      const port = firstPort(offer);
      if (port === undefined) throw new Error("the offer has no ports");
      const visible = visibleAt(consulUrl, id);
      await client.launch([offer], [task(id, offer, port)], { refuse_seconds: 0 });
      const running = await pool.reached(id, "TASK_RUNNING");
      samples.push((await visible) - running);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`${id}: ${(samples.at(-1) ?? 0).toFixed(1)} ms\n`);
    }
    return samples;
  });

export async function consulBenchmarks(): Promise<BenchResult[]> {
  return withProcessCluster({ consul: { port: 0, dnsPort: 0 }, registrator: {} }, async (cluster) => {
    const consul = cluster.extraRole("consul");
    if (!consul) throw new Error("the cluster started no consul");
    const samples = await registrationLatency(cluster.master.url, consul.url);
    return [
      {
        name: "TASK_RUNNING -> passing in Consul (registrator)",
        unit: "ms",
        summary: summarize(samples),
        target: { p99: 100 },
      },
    ];
  });
}
