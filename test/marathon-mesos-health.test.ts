import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";
import { createSelfSignedCert } from "./support/self-signed-cert.js";

let cluster: MarathonCluster;

beforeAll(async () => {
  cluster = await startMarathonCluster({ containerizer: "mesos" });
});
afterAll(async () => {
  await cluster?.close();
});

interface TaskJson {
  id: string;
  state: string;
  ports: number[];
  healthCheckResults?: Array<{ alive: boolean; lastFailure?: string | null }>;
}

const appInfo = async (id: string) => (await cluster.api(`/v2/apps/${id}`)).json.app;
const tasksOf = async (id: string): Promise<TaskJson[]> => (await appInfo(id)).tasks;
const HTTP_SERVER = "exec python3 -m http.server $PORT0 --bind 127.0.0.1";

async function createApp(id: string, fields: Record<string, unknown>): Promise<void> {
  const created = await cluster.api("/v2/apps", {
    method: "POST",
    body: { id: `/${id}`, instances: 1, cpus: 0.1, mem: 32, ...fields },
  });
  expect(created.status).toBe(201);
}

const healthyTask = (id: string) =>
  until(
    `${id} healthy`,
    async () => {
      const app = await appInfo(id);
      return app.tasksHealthy === 1 && (app.tasks[0] as TaskJson);
    },
    20_000,
  );

describe("health checks the agent runs (MESOS_HTTP, MESOS_TCP, COMMAND), real processes", () => {
  it("a MESOS_HTTP check makes the task healthy in healthCheckResults", async () => {
    await createApp("mesos-http", {
      cmd: HTTP_SERVER,
      healthChecks: [
        { protocol: "MESOS_HTTP", path: "/", intervalSeconds: 1, delaySeconds: 0, gracePeriodSeconds: 20 },
      ],
    });
    const task = await healthyTask("mesos-http");
    expect(task.healthCheckResults).toEqual([expect.objectContaining({ alive: true })]);
    const agentTask = (await cluster.masterState()).frameworks[0].tasks.find(
      (t: { id: string }) => t.id === task.id,
    );
    expect(agentTask.health_check).toMatchObject({ type: "HTTP", http: { port: task.ports[0], path: "/" } });
  }, 30_000);

  it("a MESOS_TCP check makes the task healthy; a closed port never does", async () => {
    await createApp("mesos-tcp", {
      cmd: HTTP_SERVER,
      healthChecks: [{ protocol: "MESOS_TCP", intervalSeconds: 1, delaySeconds: 0, gracePeriodSeconds: 20 }],
    });
    await createApp("mesos-tcp-closed", {
      cmd: "exec sleep 100",
      healthChecks: [{ protocol: "MESOS_TCP", intervalSeconds: 1, delaySeconds: 0, gracePeriodSeconds: 20 }],
    });
    const task = await healthyTask("mesos-tcp");
    expect(task.healthCheckResults?.[0]?.alive).toBe(true);
    const closed = await appInfo("mesos-tcp-closed");
    expect(closed).toMatchObject({ tasksRunning: 1, tasksHealthy: 0 });
  }, 30_000);

  it("a COMMAND check turns healthy, then unhealthy, and the unhealthy task is replaced", async () => {
    await createApp("command", {
      cmd: "touch ok && sleep 2 && rm ok && exec sleep 100",
      healthChecks: [
        {
          protocol: "COMMAND",
          command: { value: "test -f ok" },
          intervalSeconds: 1,
          timeoutSeconds: 1,
          delaySeconds: 0,
          gracePeriodSeconds: 10,
          maxConsecutiveFailures: 3,
        },
      ],
    });
    const first = await healthyTask("command");
    const unhealthy = await until(
      "the task reported unhealthy",
      async () => {
        const task = (await tasksOf("command")).find((t) => t.id === first.id);
        return task?.healthCheckResults?.[0]?.alive === false && task;
      },
      15_000,
    );
    expect(unhealthy.state).toBe("TASK_RUNNING");
    expect((await appInfo("command")).tasksUnhealthy).toBe(1);
    const replacement = await until(
      "a replacement task",
      async () => {
        const tasks = await tasksOf("command");
        return !tasks.some((t) => t.id === first.id) && tasks.length === 1 && tasks[0];
      },
      20_000,
    );
    expect(replacement.id).not.toBe(first.id);
    expect((await appInfo("command")).lastTaskFailure).toBeUndefined();
  }, 45_000);
});

describe("an HTTPS check Marathon runs, against a self-signed certificate", () => {
  it("passes for a python3 HTTPS server and fails for a plain HTTP one", async () => {
    const { cert, key } = createSelfSignedCert(cluster.workRoot);
    const httpsServer = [
      "import http.server, ssl, sys",
      "s = http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), http.server.SimpleHTTPRequestHandler)",
      "c = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
      `c.load_cert_chain('${cert}', '${key}')`,
      "s.socket = c.wrap_socket(s.socket, server_side=True)",
      "s.serve_forever()",
    ].join("\n");
    const check = {
      protocol: "HTTPS",
      path: "/",
      intervalSeconds: 1,
      timeoutSeconds: 1,
      gracePeriodSeconds: 20,
    };
    await createApp("https", { cmd: `exec python3 -c "${httpsServer}" $PORT0`, healthChecks: [check] });
    await createApp("https-on-http", { cmd: HTTP_SERVER, healthChecks: [check] });
    const task = await healthyTask("https");
    expect(task.healthCheckResults?.[0]).toMatchObject({ alive: true, consecutiveFailures: 0 });
    const plain = await until(
      "a failed HTTPS probe of a plain HTTP server",
      async () => {
        const result = (await tasksOf("https-on-http"))[0]?.healthCheckResults?.[0];
        return result?.lastFailure && result;
      },
      15_000,
    );
    expect(plain).toMatchObject({ alive: false, lastSuccess: null });
  }, 40_000);
});
