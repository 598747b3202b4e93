import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent } from "../src/agent/agent.js";
import { silentLogger } from "../src/common/logger.js";
import { engineAvailable, ensureTestImage, removeLabelled, TEST_IMAGE } from "../src/docker/index.js";
import { startMaster } from "../src/master/master.js";
import { SchedulerClient, type Offer, type TaskInfo } from "../src/mesos/index.js";
import { OfferPool } from "./offer-pool.js";
import { summarize, type BenchResult } from "./stats.js";

const LAUNCHES = Number(process.env.BENCH_DOCKER_TASK_RUNS ?? 30);
/** Every container the benchmark's agent creates carries this, so all of them are removed at the end. */
const BENCH_LABELS = { "minimesos.bench": "docker-task" };

/** A DOCKER task on the host network; killed at once (no grace) when the sample is taken. */
const dockerTask = (id: string, offer: Offer): TaskInfo => ({
  name: id,
  task_id: { value: id },
  agent_id: offer.agent_id,
  resources: [
    { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
    { name: "mem", type: "SCALAR", scalar: { value: 16 } },
  ],
  command: { value: "sleep 1000" },
  container: { type: "DOCKER", docker: { image: TEST_IMAGE, network: "HOST" } },
  kill_policy: { grace_period: { nanoseconds: 0 } },
});

/** ACCEPT of one DOCKER task → its TASK_RUNNING update, one task at a time, then the task is killed. */
async function launchLatency(masterUrl: string): Promise<number[]> {
  const client = new SchedulerClient({
    master: masterUrl,
    frameworkInfo: { user: "root", name: "bench-docker-task" },
    autoAcknowledge: true,
  });
  const pool = new OfferPool(client);
  const samples: number[] = [];
  try {
    await client.subscribe();
    for (let i = 0; i < LAUNCHES; i++) {
      const id = `docker-${i}`;
      const { offer } = await pool.take(0.1, 16);
      const started = performance.now();
      await client.launch([offer], [dockerTask(id, offer)], { refuse_seconds: 0 });
      samples.push((await pool.reached(id, "TASK_RUNNING")) - started);
      await client.kill({ value: id }, offer.agent_id);
      await pool.reached(id, "TASK_KILLED");
    }
    await client.teardown();
    return samples;
  } finally {
    await client.close();
  }
}

/** Docker task launch on an in-process master and agent (`docker,mesos`); none when no engine answers. */
export async function dockerTaskBenchmarks(): Promise<BenchResult[]> {
  if (!(await engineAvailable(3000))) {
    process.stderr.write("docker-task benchmarks skipped: no Docker engine answers\n");
    return [];
  }
  await ensureTestImage();
  const workDir = mkdtempSync(join(tmpdir(), "minimesos-bench-docker-task-"));
  const master = await startMaster({ port: 0, logger: silentLogger() });
  try {
    const agent = await startAgent({
      master: master.url,
      port: 0,
      workDir,
      resources: "cpus:2;mem:2048;disk:1000;ports:[31000-31099]",
      containerizers: "docker,mesos",
      dockerLabels: BENCH_LABELS,
      logger: silentLogger(),
    });
    try {
      await agent.registered();
      const launch = await launchLatency(master.url);
      return [
        {
          name: `ACCEPT -> TASK_RUNNING (DOCKER task, host network, ${TEST_IMAGE})`,
          unit: "ms",
          summary: summarize(launch),
        },
      ];
    } finally {
      await agent.stop();
    }
  } finally {
    await master.stop();
    await removeLabelled(BENCH_LABELS);
    rmSync(workDir, { recursive: true, force: true });
  }
}
