import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { destroyCluster } from "../src/cluster/destroy-cluster.js";
import { CLUSTER_LABEL, containerName, labelFilter, networkName } from "../src/cluster/docker/labels.js";
import { silentProgress } from "../src/cluster/progress.js";
import type { RunningCluster } from "../src/cluster/running-cluster.js";
import { DockerRuntime } from "../src/cluster/runtime/docker-runtime.js";
import { testPreset } from "../src/cluster/spec/index.js";
import { startCluster } from "../src/cluster/start-cluster.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { dockerClient } from "../src/docker/client.js";
import { LABELS } from "../src/docker/labels.js";
import { ensureTestImage, TEST_IMAGE } from "../src/docker/test-image.js";
import { describeDocker, removeTestRunObjects, testRunId, testRunLabels } from "./support/docker.js";
import { httpBodyWhenUp } from "./support/http.js";
import { until } from "./support/marathon-cluster.js";

interface MarathonTask {
  id: string;
  host: string;
  ports: number[];
  state?: string;
  healthCheckResults?: Array<{ alive: boolean }>;
  ipAddresses?: Array<{ ipAddress: string }>;
}

const WAIT_MS = 45_000;
/** Writes the task's id into a page and serves it on `port`, so an answer can only come from this task. */
const serveTaskId = (dir: string, port: string) =>
  `mkdir -p ${dir} && echo "$MESOS_TASK_ID" > ${dir}/index.html && exec httpd -f -p ${port} -h ${dir}`;
const dockerBridge = (healthProtocol: string) => ({
  cmd: serveTaskId("/tmp/www", "8080"),
  container: {
    type: "DOCKER",
    docker: { image: TEST_IMAGE, network: "BRIDGE", portMappings: [{ containerPort: 8080, hostPort: 0 }] },
  },
  healthChecks: [
    {
      protocol: healthProtocol,
      path: "/",
      portIndex: 0,
      intervalSeconds: 1,
      delaySeconds: 0,
      gracePeriodSeconds: 30,
    },
  ],
});

/** A user network of the test run's own (the runtime's agents are not on it until a task needs them). */
const USER_NETWORK = `minimesos-${testRunId}-user`;

/** One app per case, deployed together on one cluster. */
const APPS: Record<string, Record<string, unknown>> = {
  "/mesos-web": { cmd: serveTaskId("www", '"$PORT0"'), portDefinitions: [{ port: 0 }] },
  "/bridge-http": dockerBridge("HTTP"),
  "/bridge-mesos-http": dockerBridge("MESOS_HTTP"),
  "/host-web": {
    cmd: serveTaskId("/tmp/www", '"$PORT0"'),
    portDefinitions: [{ port: 0 }],
    container: { type: "DOCKER", docker: { image: TEST_IMAGE, network: "HOST" } },
  },
  "/user-mesos-http": {
    ...dockerBridge("MESOS_HTTP"),
    networks: [{ mode: "container", name: USER_NETWORK }],
    container: {
      type: "DOCKER",
      docker: { image: TEST_IMAGE },
      portMappings: [{ containerPort: 8080 }],
    },
  },
};

const httpBody = (url: string): Promise<string> => httpBodyWhenUp(url, WAIT_MS);

describeDocker("tasks of a Docker-runtime cluster, at the addresses Mesos and Marathon report", () => {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-docker-tasks-"));
  const state = new StateDir(dir);
  let cluster: RunningCluster | undefined;
  let agentIp = "";

  const marathon = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${cluster?.marathon?.url}${path}`, {
      method: init.method ?? "GET",
      ...(init.body !== undefined
        ? { body: JSON.stringify(init.body), headers: { "Content-Type": "application/json" } }
        : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  /** The app's running task, once it has one (and it is healthy, for apps with health checks). */
  const runningTask = (appId: string): Promise<MarathonTask> =>
    until(
      `a running${APPS[appId]?.healthChecks ? ", healthy" : ""} task of ${appId}`,
      async () => {
        const { json } = await marathon(`/v2/apps${appId}/tasks`);
        const task = (json.tasks as MarathonTask[] | undefined)?.find((t) => t.state === "TASK_RUNNING");
        const healthy = !APPS[appId]?.healthChecks || task?.healthCheckResults?.[0]?.alive === true;
        return healthy && task;
      },
      WAIT_MS,
    );

  const taskContainer = async (appId: string) => {
    const containers = await dockerClient().listContainers({
      filters: labelFilter({ [CLUSTER_LABEL]: cluster?.clusterId ?? "" }),
    });
    return containers.find((c) => c.Labels[LABELS.taskId]?.startsWith(`${appId.slice(1)}.`));
  };

  beforeAll(async () => {
    await ensureTestImage();
    await dockerClient().createNetwork({ Name: USER_NETWORK, Labels: testRunLabels() });
    cluster = await startCluster(testPreset({ marathon: {} }), {
      runtime: new DockerRuntime({ labels: testRunLabels() }),
      state,
      progress: silentProgress,
      timeoutMs: 60_000,
    });
    const agent = await dockerClient().getContainer(containerName(cluster.clusterId, "agent-1")).inspect();
    agentIp = agent.NetworkSettings.Networks[networkName(cluster.clusterId)]?.IPAddress ?? "";
    for (const [id, app] of Object.entries(APPS))
      expect(
        (
          await marathon("/v2/apps", {
            method: "POST",
            body: { id, instances: 1, cpus: 0.1, mem: 32, ...app },
          })
        ).status,
      ).toBe(201);
  }, 90_000);

  afterAll(async () => {
    await destroyCluster(state).catch(() => undefined);
    await removeTestRunObjects();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("registers the agent under its container IP, which Mesos reports as its hostname", async () => {
    expect(agentIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const { slaves } = (await (await fetch(`${cluster?.master.url}/master/slaves`)).json()) as {
      slaves: Array<{ hostname: string; pid: string }>;
    };
    expect(slaves.map((s) => s.hostname)).toEqual([agentIp]);
    expect(slaves[0]?.pid).toMatch(new RegExp(`^slave\\(1\\)@${agentIp.replaceAll(".", "\\.")}:\\d+$`));
    expect(state.readCluster()?.roles.find((r) => r.name === "agent-1")?.hostname).toBe(agentIp);
  });

  it("(a) serves a mesos-containerizer task at the host:port Marathon reports", async () => {
    const task = await runningTask("/mesos-web");
    expect(task.host).toBe(agentIp);
    expect(await httpBody(`http://${task.host}:${task.ports[0]}/`)).toBe(`${task.id}\n`);
  }, 60_000);

  it("(b) makes a DOCKER BRIDGE task healthy for Marathon's HTTP check and serves it at host:port", async () => {
    const task = await runningTask("/bridge-http");
    expect(task.host).toBe(agentIp);
    expect(await httpBody(`http://${task.host}:${task.ports[0]}/`)).toBe(`${task.id}\n`);
    const container = await taskContainer("/bridge-http");
    expect(container?.HostConfig.NetworkMode).toBe(networkName(cluster?.clusterId ?? ""));
    // Forwarded by the agent, not published on the host.
    expect(container?.Ports.filter((p) => p.PublicPort !== undefined)).toEqual([]);
  }, 60_000);

  it("(c) passes a MESOS_HTTP health check, which the agent runs, on a DOCKER BRIDGE task", async () => {
    const task = await runningTask("/bridge-mesos-http");
    expect(task.host).toBe(agentIp);
    expect(await httpBody(`http://${task.host}:${task.ports[0]}/`)).toBe(`${task.id}\n`);
  }, 60_000);

  it("(d) runs a HOST-network DOCKER task in the agent's network namespace, reachable at host:port", async () => {
    const task = await runningTask("/host-web");
    expect(task.host).toBe(agentIp);
    expect(await httpBody(`http://${task.host}:${task.ports[0]}/`)).toBe(`${task.id}\n`);
    const container = await taskContainer("/host-web");
    const agent = await dockerClient()
      .getContainer(containerName(cluster?.clusterId ?? "", "agent-1"))
      .inspect();
    expect(container?.HostConfig.NetworkMode).toMatch(/^container:/);
    expect([`container:${agent.Id}`, `container:${agent.Name.slice(1)}`]).toContain(
      container?.HostConfig.NetworkMode,
    );
  }, 60_000);

  it("(f) passes a MESOS_HTTP check on a USER-network task and serves it at the container IP Marathon reports", async () => {
    const task = await runningTask("/user-mesos-http");
    const ip = task.ipAddresses?.[0]?.ipAddress ?? "";
    const container = await taskContainer("/user-mesos-http");
    expect(ip).toBe(container?.NetworkSettings.Networks[USER_NETWORK]?.IPAddress);
    expect(await httpBody(`http://${ip}:8080/`)).toBe(`${task.id}\n`);
  }, 60_000);

  it("(e) labels every task container with the runtime's labels", async () => {
    const docker = ["/bridge-http", "/bridge-mesos-http", "/host-web", "/user-mesos-http"];
    for (const appId of docker) await runningTask(appId);
    const tasks = (
      await dockerClient().listContainers({
        filters: labelFilter({ [CLUSTER_LABEL]: cluster?.clusterId ?? "" }),
      })
    ).filter((c) => c.Labels[LABELS.taskId] !== undefined);
    expect(tasks).toHaveLength(docker.length);
    for (const task of tasks) expect(task.Labels[LABELS.testRun]).toBe(testRunId);
  }, 60_000);
});
