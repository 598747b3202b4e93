import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAgent } from "../src/agent/agent.js";
import { parseTaskId } from "../src/chronos/core/task-id.js";
import { silentLogger } from "../src/common/logger.js";
import { allocatePort } from "../src/common/ports.js";
import { startMaster } from "../src/master/master.js";
import { startChronosCluster } from "../test/support/chronos-cluster.js";
import { summarize, type BenchResult } from "./stats.js";

const RUNS = 50;
// Knobs for profiling runs: fewer jobs, a shorter round, node flags for the Chronos process (--cpu-prof).
const MANY = Number(process.env.CHRONOS_BENCH_MANY ?? 1000);
const ROUND_MS = Number(process.env.CHRONOS_BENCH_ROUND_MS ?? 30_000);
import { CLI_PATH as CLI } from "../src/common/package-root.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const note = (text: string) => process.stderr.write(`chronos bench: ${text}\n`);

/**
 * Due time → TASK_RUNNING (as Chronos receives it) of scheduled jobs on an in-process cluster: 50 one-shot
 * jobs with slots `gapMs` apart, on an agent of simulated tasks (Chronos's own part) or of real processes.
 */
async function dueToRunning(containerizers: "simulated" | "mesos", gapMs: number): Promise<BenchResult[]> {
  const cluster = await startChronosCluster({}, containerizers);
  const command = containerizers === "simulated" ? "run=1secs exit=0" : "sleep 1";
  try {
    const t0 = Date.now() + 3000 + RUNS * 40;
    for (let i = 0; i < RUNS; i++) {
      const start = new Date(t0 + i * gapMs).toISOString();
      const body = { name: `due-${i}`, command, cpus: 0.01, mem: 8, disk: 1, schedule: `R1/${start}/PT1H` };
      const answer = await cluster.api("/v1/scheduler/iso8601", { method: "POST", body });
      if (answer.status !== 204) throw new Error(`POST answered ${answer.status}: ${answer.text}`);
    }
    if (Date.now() > t0) throw new Error("posting the jobs took longer than their first slot");
    note(`waiting for ${RUNS} slots (${containerizers})`);
    const deadline = t0 + RUNS * gapMs + 20_000;
    const launched = new Map<string, number>();
    const running = new Map<string, number>();
    while (running.size < RUNS && Date.now() < deadline) {
      for (const t of cluster.chronos.core.running.all()) {
        const due = parseTaskId(t.taskId)?.due ?? 0;
        launched.set(t.taskId, t.launchedAt - due);
        if (t.runningAt !== undefined) running.set(t.taskId, t.runningAt - due);
      }
      await sleep(20);
    }
    if (running.size < RUNS) throw new Error(`only ${running.size} of ${RUNS} jobs reached TASK_RUNNING`);
    const what = containerizers === "simulated" ? "simulated tasks" : "real processes";
    return [
      {
        name: `chronos: due -> launch (${RUNS} jobs, ${what})`,
        unit: "ms",
        summary: summarize([...launched.values()]),
      },
      {
        name: `chronos: due -> TASK_RUNNING (${RUNS} jobs, ${what})`,
        unit: "ms",
        summary: summarize([...running.values()]),
        target: { p50: 50 },
      },
    ];
  } finally {
    await cluster.close();
  }
}

/** utime + stime of a process in milliseconds (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface MasterTask {
  id: string;
  statuses: Array<{ state: string; timestamp: number }>;
}

/**
 * 1,000 jobs on one cluster, one slot every 30 ms (each job every 30 s), Chronos as its own process (so
 * its CPU is its own), a simulated agent: Chronos's CPU over one round scaled to a minute, and for every
 * slot the lag from its due time to TASK_RUNNING.
 */
async function manyJobs(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-chronos-bench-"));
  const master = await startMaster({ port: 0, maxCompletedTasksPerFramework: 5 * MANY });
  const agent = await startAgent({
    master: master.url,
    port: 0,
    workDir: join(dir, "agent"),
    resources: "cpus:64;mem:65536;disk:100000",
    containerizers: "simulated",
    logger: silentLogger(),
  });
  await agent.registered();
  const port = await allocatePort();
  const chronos = spawn(
    process.execPath,
    [
      ...(process.env.CHRONOS_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
      CLI,
      "run",
      "chronos",
      `--master=${master.url}`,
      `--http_port=${port}`,
    ],
    {
      stdio: ["ignore", "ignore", "ignore"],
      env: { ...process.env, MINIMESOS_LOG_LEVEL: "warn" },
    },
  );
  const exited = once(chronos, "exit");
  const url = `http://127.0.0.1:${port}`;
  try {
    for (const giveUp = Date.now() + 15_000; ;) {
      const up = await fetch(`${url}/ping`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > giveUp || chronos.exitCode !== null) throw new Error("chronos did not start");
      await sleep(20);
    }
    note(`posting ${MANY} jobs`);
    const t0 = Date.now() + 5000 + MANY * 20;
    const step = ROUND_MS / MANY;
    for (let i = 0; i < MANY; i++) {
      const start = new Date(t0 + Math.round(i * step)).toISOString();
      const body = {
        name: `many-${i}`,
        command: "run=10ms exit=0",
        cpus: 0.01,
        mem: 8,
        disk: 1,
        schedule: `R/${start}/PT${ROUND_MS / 1000}S`,
      };
      const res = await fetch(`${url}/v1/scheduler/iso8601`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status !== 204) throw new Error(`POST answered ${res.status}`);
    }
    if (Date.now() > t0) throw new Error("posting the jobs took longer than their first slot");
    note("measuring one round");
    await sleep(Math.max(0, t0 - Date.now()));
    const cpuBefore = cpuMs(chronos.pid as number);
    await sleep(ROUND_MS);
    const cpu = cpuMs(chronos.pid as number) - cpuBefore;
    await sleep(1000);
    const tasks = (
      (await (await fetch(`${master.url}/master/tasks?limit=${5 * MANY}`)).json()) as { tasks: MasterTask[] }
    ).tasks;
    const lags: number[] = [];
    for (const task of tasks) {
      const due = parseTaskId(task.id)?.due;
      const running = task.statuses.find((s) => s.state === "TASK_RUNNING");
      if (due === undefined || !running || due < t0 || due >= t0 + ROUND_MS) continue;
      lags.push(running.timestamp * 1000 - due);
    }
    if (lags.length < MANY)
      process.stderr.write(`chronos bench: only ${lags.length} of ${MANY} slots ran in the round\n`);
    const perMinute = (cpu * 60_000) / ROUND_MS;
    return [
      {
        name: `chronos: ${MANY} jobs, slot due -> TASK_RUNNING (${lags.length} slots)`,
        unit: "ms",
        summary: summarize(lags),
        target: { max: 100 },
      },
      {
        name: `chronos: ${MANY} jobs, scheduler CPU ms per minute`,
        unit: "ms",
        summary: summarize([perMinute]),
      },
    ];
  } finally {
    chronos.kill("SIGTERM");
    await exited;
    await agent.stop();
    await master.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chronos's benchmarks: slot → TASK_RUNNING latency, and 1,000 scheduled jobs on one cluster. */
export async function chronosBenchmarks(): Promise<BenchResult[]> {
  return [
    ...(await dueToRunning("simulated", 100)),
    ...(await dueToRunning("mesos", 400)),
    ...(await manyJobs()),
  ];
}
