import { SchedulerClient, type Offer, type TaskStatus } from "../src/mesos/index.js";
import { withProcessCluster } from "./cluster-fixture.js";
import { summarize, type BenchResult } from "./stats.js";

const LAUNCHES = 200;
const REPEATS = 50;

/** Waits for the next event matching `pick`, resolving with what `pick` returned. */
function next<T>(client: SchedulerClient, type: "OFFERS" | "UPDATE", pick: (e: never) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const off = client.on(type, ((event: never) => {
      const value = pick(event);
      if (value !== undefined) {
        off();
        resolve(value);
      }
    }) as never);
  });
}

const nextOffer = (client: SchedulerClient) =>
  next(client, "OFFERS", (e: { offers: { offers: Offer[] } }) => e.offers.offers[0]);

const nextState = (client: SchedulerClient, taskId: string, state: string) =>
  next(client, "UPDATE", (e: { update: { status: TaskStatus } }) =>
    e.update.status.task_id.value === taskId && e.update.status.state === state ? e.update.status : undefined,
  );

const smallTask = (id: string, offer: Offer, command: string, cpus = 0.1) => ({
  name: id,
  task_id: { value: id },
  agent_id: offer.agent_id,
  resources: [
    { name: "cpus", type: "SCALAR" as const, scalar: { value: cpus } },
    { name: "mem", type: "SCALAR" as const, scalar: { value: 16 } },
  ],
  command: { value: command },
});

function subscriber(masterUrl: string, name: string): SchedulerClient {
  const client = new SchedulerClient({ master: masterUrl, frameworkInfo: { user: "root", name }, autoAcknowledge: true });
  return client;
}

/** ACCEPT of one task → its TASK_RUNNING update, one at a time, real processes. */
async function launchLatency(masterUrl: string): Promise<number[]> {
  const client = subscriber(masterUrl, "bench-launch");
  const samples: number[] = [];
  try {
    let offer = nextOffer(client);
    await client.subscribe();
    for (let i = 0; i < LAUNCHES; i++) {
      const current = await offer;
      offer = nextOffer(client);
      const running = nextState(client, `launch-${i}`, "TASK_RUNNING");
      const started = performance.now();
      await client.launch([current], [smallTask(`launch-${i}`, current, "true")], { refuse_seconds: 0 });
      await running;
      samples.push(performance.now() - started);
    }
    await client.teardown();
  } finally {
    await client.close();
  }
  return samples;
}

/** SUBSCRIBED → first OFFERS, each time with a new framework. */
async function firstOfferLatency(masterUrl: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const client = subscriber(masterUrl, `bench-subscribe-${i}`);
    try {
      let subscribedAt = 0;
      client.once("SUBSCRIBED", () => (subscribedAt = performance.now()));
      const offer = nextOffer(client);
      await client.subscribe();
      await offer;
      samples.push(performance.now() - subscribedAt);
      await client.teardown();
    } finally {
      await client.close();
    }
  }
  return samples;
}

/** A task that holds all of an agent's cpus ends → the next offer of those cpus. */
async function reofferLatency(masterUrl: string): Promise<number[]> {
  const client = subscriber(masterUrl, "bench-reoffer");
  const samples: number[] = [];
  try {
    let offer = nextOffer(client);
    await client.subscribe();
    for (let i = 0; i < REPEATS; i++) {
      const current = await offer;
      const cpus = current.resources.find((r) => r.name === "cpus")?.scalar?.value ?? 1;
      const finished = nextState(client, `reoffer-${i}`, "TASK_FINISHED");
      await client.launch([current], [smallTask(`reoffer-${i}`, current, "sleep 0.05", cpus)], { refuse_seconds: 0 });
      offer = nextOffer(client);
      await finished;
      const endedAt = performance.now();
      await offer;
      samples.push(performance.now() - endedAt);
    }
    await client.teardown();
  } finally {
    await client.close();
  }
  return samples;
}

export async function coreBenchmarks(): Promise<BenchResult[]> {
  return withProcessCluster({ agents: [{ resources: [{ name: "cpus", role: "*", value: 2 }] }] }, async (cluster) => {
    const url = cluster.master.url;
    const launch = await launchLatency(url);
    const first = await firstOfferLatency(url);
    const reoffer = await reofferLatency(url);
    return [
      { name: "ACCEPT -> TASK_RUNNING (real process)", unit: "ms", summary: summarize(launch), target: { p50: 20, p99: 100 } },
      { name: "SUBSCRIBED -> first OFFERS", unit: "ms", summary: summarize(first), target: { p50: 20 } },
      { name: "task end -> next offer of its resources", unit: "ms", summary: summarize(reoffer) },
    ];
  });
}
