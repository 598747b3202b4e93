import { startMarathonCluster, type MarathonCluster } from "../test/support/marathon-cluster.js";
import { EventStream } from "./marathon-events.js";
import { summarize, type BenchResult } from "./stats.js";

const SINGLE_REPEATS = 20;
const AGENTS = 5;
const AGENT_RESOURCES = "cpus:64;mem:65536;disk:100000;ports:[31000-32999]";

interface Trial {
  running: number;
  deployed: number;
}

/** POST /v2/apps → every instance TASK_RUNNING, and → `deployment_success`, from the event stream. */
async function deployApp(
  cluster: MarathonCluster,
  events: EventStream,
  id: string,
  instances: number,
): Promise<Trial> {
  const from = events.events.length;
  const timeoutMs = 60_000;
  const started = performance.now();
  const created = await cluster.api("/v2/apps", {
    method: "POST",
    body: { id, cmd: "run=forever", instances, cpus: 0.01, mem: 8 },
  });
  if (created.status !== 201) throw new Error(`POST /v2/apps answered ${created.status}: ${created.text}`);
  const deploymentId = created.headers.get("marathon-deployment-id");
  const running = new Set<string>();
  const allRunning = await events.waitFor(
    (e) => {
      if (e.eventType === "status_update_event" && e.appId === id && e.taskStatus === "TASK_RUNNING")
        running.add(e.taskId as string);
      return running.size >= instances;
    },
    timeoutMs,
    from,
  );
  const deployed = await events.waitFor(
    (e) => e.eventType === "deployment_success" && e.id === deploymentId,
    timeoutMs,
    from,
  );
  const app = (await cluster.api(`/v2/apps${id}`)).json.app;
  if (app.tasksRunning !== instances) throw new Error(`${id}: tasksRunning ${app.tasksRunning}`);
  return { running: allRunning.at - started, deployed: deployed.at - started };
}

/** DELETE the app and wait until Marathon saw every task of it killed. */
async function removeApp(
  cluster: MarathonCluster,
  events: EventStream,
  id: string,
  instances: number,
): Promise<void> {
  const from = events.events.length;
  const killed = new Set<string>();
  await cluster.api(`/v2/apps${id}`, { method: "DELETE" });
  await events.waitFor(
    (e) => {
      if (e.eventType === "status_update_event" && e.appId === id && e.taskStatus === "TASK_KILLED")
        killed.add(e.taskId as string);
      return killed.size >= instances;
    },
    60_000,
    from,
  );
}

const result = (name: string, samples: number[], p50?: number): BenchResult => ({
  name,
  unit: "ms",
  summary: summarize(samples),
  ...(p50 !== undefined ? { target: { p50 } } : {}),
});

/** Master, 5 simulated agents and Marathon, all in this process. */
export async function marathonBenchmarks(): Promise<BenchResult[]> {
  const cluster = await startMarathonCluster({
    agents: Array.from({ length: AGENTS }, () => ({ resources: AGENT_RESOURCES })),
    containerizer: "simulated",
  });
  const events = await EventStream.open(cluster.marathon.url);
  try {
    const single: Trial[] = [];
    for (let i = 0; i < SINGLE_REPEATS; i++) {
      single.push(await deployApp(cluster, events, `/bench-one-${i}`, 1));
      await removeApp(cluster, events, `/bench-one-${i}`, 1);
    }
    const hundred = await deployApp(cluster, events, "/bench-hundred", 100);
    await removeApp(cluster, events, "/bench-hundred", 100);
    const thousand = await deployApp(cluster, events, "/bench-thousand", 1000);
    await removeApp(cluster, events, "/bench-thousand", 1000);
    return [
      result(
        "marathon: POST /v2/apps -> 1 instance TASK_RUNNING",
        single.map((t) => t.running),
        100,
      ),
      result(
        "marathon: POST /v2/apps (1) -> deployment_success",
        single.map((t) => t.deployed),
      ),
      result("marathon: POST /v2/apps -> 100 instances TASK_RUNNING", [hundred.running], 1000),
      result("marathon: POST /v2/apps (100) -> deployment_success", [hundred.deployed]),
      result("marathon: POST /v2/apps -> 1000 instances TASK_RUNNING", [thousand.running], 5000),
      result("marathon: POST /v2/apps (1000) -> deployment_success", [thousand.deployed]),
    ];
  } finally {
    events.close();
    await cluster.close();
  }
}
