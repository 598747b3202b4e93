import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { silentLogger } from "../src/common/logger.js";
import { startAgent, type Agent } from "../src/agent/agent.js";
import { dockerClient, ensureTestImage, labelFilter } from "../src/docker/index.js";
import { startMaster, type Master } from "../src/master/master.js";
import { startMarathon, type Marathon } from "../src/marathon/marathon.js";
import { describeDocker, removeTestRunObjects, testRunLabels } from "./support/docker.js";
import { httpBodyWhenUp } from "./support/http.js";
import { until } from "./support/marathon-cluster.js";

interface MarathonTask {
  id: string;
  host: string;
  ports: number[];
  state?: string;
}

const APP_WAIT_MS = 30_000;

describeDocker("Marathon DOCKER apps on a real agent with the docker containerizer", () => {
  let workRoot = "";
  let master: Master | undefined;
  let agent: Agent | undefined;
  let marathon: Marathon | undefined;

  beforeAll(async () => {
    await ensureTestImage();
    workRoot = mkdtempSync(join(tmpdir(), "minimesos-marathon-docker-"));
    master = await startMaster({ port: 0 });
    agent = await startAgent({
      master: master.url,
      port: 0,
      workDir: join(workRoot, "agent"),
      resources: "cpus:4;mem:4096;disk:10000;ports:[31000-31999]",
      containerizers: "docker,mesos",
      dockerLabels: testRunLabels(),
      logger: silentLogger(),
      reconnectBackoffMaxMs: 100,
    });
    await agent.registered();
    marathon = await startMarathon({ master: master.url, httpPort: 0, logger: silentLogger() });
  }, 60_000);

  afterAll(async () => {
    await marathon?.stop();
    await agent?.stop();
    await master?.stop();
    await removeTestRunObjects();
    if (workRoot) rmSync(workRoot, { recursive: true, force: true });
  }, 60_000);

  async function api(
    path: string,
    method = "GET",
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${marathon?.url}${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }
        : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  /** The app's running task as Marathon reports it, once there is one. */
  const runningTask = (appId: string): Promise<MarathonTask> =>
    until(
      `a running task of ${appId}`,
      async () => {
        const { json } = await api(`/v2/apps${appId}/tasks`);
        const tasks = (json as { tasks?: MarathonTask[] } | undefined)?.tasks ?? [];
        return tasks.find((t) => t.state === "TASK_RUNNING");
      },
      APP_WAIT_MS,
    );

  const httpBody = (url: string): Promise<string> => httpBodyWhenUp(url, APP_WAIT_MS);

  const labelledContainers = async (appId: string) =>
    (await dockerClient().listContainers({ all: true, filters: labelFilter(testRunLabels()) })).filter((c) =>
      c.Labels["minimesos.task_id"]?.startsWith(`${appId.slice(1)}.`),
    );

  async function deleteAndCheckGone(appId: string): Promise<void> {
    expect((await api(`/v2/apps${appId}`, "DELETE")).status).toBe(200);
    await until(`${appId} deleted`, async () => (await api(`/v2/apps${appId}`)).status === 404, APP_WAIT_MS);
    await until(
      `no labelled container left for ${appId}`,
      async () => (await labelledContainers(appId)).length === 0,
      APP_WAIT_MS,
    );
  }

  async function expectServesHttp(appId: string, app: Record<string, unknown>): Promise<void> {
    expect((await api("/v2/apps", "POST", { id: appId, ...app })).status).toBe(201);
    const task = await runningTask(appId);
    expect(task.host).toBe("127.0.0.1");
    expect(task.ports).toHaveLength(1);
    const hostPort = task.ports[0] ?? 0;
    expect(hostPort).toBeGreaterThanOrEqual(31000);
    expect(hostPort).toBeLessThanOrEqual(31999);
    expect(await httpBody(`http://${task.host}:${hostPort}/`)).toBe(`${task.id}\n`);

    const [container] = await labelledContainers(appId);
    expect(container?.Image).toBe("minimesos/busybox");
    expect(container?.Ports).toContainEqual(
      expect.objectContaining({ PrivatePort: 8080, PublicPort: hostPort, Type: "tcp" }),
    );
    await deleteAndCheckGone(appId);
  }

  /** Serves a page holding the task's id, so the answer can only come from this task's container. */
  const web = {
    cmd: 'mkdir -p /tmp/www && echo "$MESOS_TASK_ID" > /tmp/www/index.html && httpd -f -p 8080 -h /tmp/www',
    cpus: 0.1,
    mem: 32,
    instances: 1,
  };

  it("serves HTTP at the given host port for a BRIDGE app in the 1.3 form (docker.portMappings)", async () => {
    await expectServesHttp("/web", {
      ...web,
      container: {
        type: "DOCKER",
        docker: {
          image: "minimesos/busybox",
          network: "BRIDGE",
          portMappings: [{ containerPort: 8080, hostPort: 0 }],
        },
      },
    });
  }, 90_000);

  it("serves HTTP at the given host port for a BRIDGE app in the 1.5+ form (container.portMappings)", async () => {
    await expectServesHttp("/web15", {
      ...web,
      networks: [{ mode: "container/bridge" }],
      container: {
        type: "DOCKER",
        docker: { image: "minimesos/busybox" },
        portMappings: [{ containerPort: 8080, hostPort: 0 }],
      },
    });
  }, 90_000);

  it("runs the seed's alpine app on the host network", async () => {
    const app = {
      id: "/seed",
      cmd: "sleep 1000",
      cpus: 0.1,
      mem: 32,
      instances: 1,
      container: { docker: { image: "alpine" }, type: "DOCKER" },
    };
    expect((await api("/v2/apps", "POST", app)).status).toBe(201);
    const task = await runningTask("/seed");
    expect(task.host).toBe("127.0.0.1");
    const [container] = await labelledContainers("/seed");
    expect(container?.State).toBe("running");
    expect(container?.HostConfig.NetworkMode).toBe("host");
    await deleteAndCheckGone("/seed");
  }, 90_000);
});
