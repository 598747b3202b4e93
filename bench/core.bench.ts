import { SchedulerClient, type Offer, type TaskInfo } from "../src/mesos/index.js";
import { withProcessCluster } from "./cluster-fixture.js";
import { OfferPool } from "./offer-pool.js";
import { summarize, type BenchResult } from "./stats.js";

const LAUNCHES = 200;
const REPEATS = 50;
const AGENT_CPUS = 2;

const task = (id: string, offer: Offer, command: string, cpus: number): TaskInfo => ({
  name: id,
  task_id: { value: id },
  agent_id: offer.agent_id,
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: cpus } },
    { name: "mem", type: "SCALAR", scalar: { value: 16 } },
  ],
  command: { value: command },
});

/** A framework subscribed with an offer pool for `run`; torn down afterwards. */
export async function withFramework<T>(
  masterUrl: string,
  name: string,
  run: (c: SchedulerClient, pool: OfferPool) => Promise<T>,
): Promise<T> {
  const client = new SchedulerClient({
    master: masterUrl,
    frameworkInfo: { user: "root", name },
    autoAcknowledge: true,
  });
  const pool = new OfferPool(client);
  try {
    await client.subscribe();
    const result = await run(client, pool);
    await client.teardown();
    return result;
  } finally {
    await client.close();
  }
}

/** ACCEPT of one task → its TASK_RUNNING update, one task at a time, each a real process. */
const launchLatency = (masterUrl: string) =>
  withFramework(masterUrl, "bench-launch", async (client, pool) => {
    const samples: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const { offer } = await pool.take(0.1, 16);
      const started = performance.now();
      await client.launch([offer], [task(`launch-${i}`, offer, "true", 0.1)], { refuse_seconds: 0 });
      samples.push((await pool.reached(`launch-${i}`, "TASK_RUNNING")) - started);
    }
    return samples;
  });

/** SUBSCRIBED → the first OFFERS event, each time for a new framework. */
async function firstOfferLatency(masterUrl: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    let subscribedAt = 0;
    const client = new SchedulerClient({
      master: masterUrl,
      frameworkInfo: { user: "root", name: `bench-first-${i}` },
    });
    client.once("SUBSCRIBED", () => (subscribedAt = performance.now()));
    const pool = new OfferPool(client);
    try {
      await client.subscribe();
      const { at } = await pool.take(0, 0);
      samples.push(at - subscribedAt);
      await client.teardown();
    } finally {
      await client.close();
    }
  }
  return samples;
}

/** A task holding all of the agent's cpus finishes → the offer that gives those cpus back. */
const reofferLatency = (masterUrl: string) =>
  withFramework(masterUrl, "bench-reoffer", async (client, pool) => {
    const samples: number[] = [];
    let { offer } = await pool.take(AGENT_CPUS, 16);
    for (let i = 0; i < REPEATS; i++) {
      await client.launch([offer], [task(`reoffer-${i}`, offer, "sleep 0.02", AGENT_CPUS)], {
        refuse_seconds: 0,
      });
      const finished = await pool.reached(`reoffer-${i}`, "TASK_FINISHED");
      const next = await pool.take(AGENT_CPUS, 16);
      samples.push(next.at - finished);
      offer = next.offer;
    }
    return samples;
  });

export async function coreBenchmarks(): Promise<BenchResult[]> {
  const agents = [{ resources: [{ name: "cpus", role: "*", value: AGENT_CPUS }] }];
  return withProcessCluster({ agents }, async (cluster) => {
    const url = cluster.master.url;
    const launch = await launchLatency(url);
    const first = await firstOfferLatency(url);
    const reoffer = await reofferLatency(url);
    return [
      {
        name: "ACCEPT -> TASK_RUNNING (real process)",
        unit: "ms",
        summary: summarize(launch),
        target: { p50: 20, p99: 100 },
      },
      { name: "SUBSCRIBED -> first OFFERS", unit: "ms", summary: summarize(first), target: { p50: 20 } },
      { name: "task end -> next offer of its resources", unit: "ms", summary: summarize(reoffer) },
    ];
  });
}
