import { describe, expect, it } from "vitest";
import { normalizeApp } from "../model/app-normalize.js";
import { taskEnvironment } from "./task-env.js";

const app = (extra: Record<string, unknown>) => ({
  ...normalizeApp({ id: "/g/web", cmd: "x", cpus: 0.1, mem: 128, ...extra }),
  version: "2020-01-01T00:00:00.000Z",
});

describe("taskEnvironment", () => {
  it("gives ports by index, name and requested number, HOST, and the MARATHON_APP_* variables", () => {
    const env = taskEnvironment(
      app({
        portDefinitions: [{ port: 10001, name: "http" }, { port: 0 }],
        labels: { "my.label-x": "v", big: "y".repeat(600) },
      }),
      { id: "g_web.1", host: "agent-1", hostPorts: [31000, 31001] },
    );
    expect(env).toMatchObject({
      PORT0: "31000",
      PORT1: "31001",
      PORT: "31000",
      PORTS: "31000,31001",
      PORT_HTTP: "31000",
      PORT_10001: "31000",
      PORT_31001: "31001",
      HOST: "agent-1",
      MESOS_TASK_ID: "g_web.1",
      MARATHON_APP_ID: "/g/web",
      MARATHON_APP_VERSION: "2020-01-01T00:00:00.000Z",
      MARATHON_APP_RESOURCE_CPUS: "0.1",
      MARATHON_APP_RESOURCE_MEM: "128.0",
      MARATHON_APP_RESOURCE_DISK: "0.0",
      MARATHON_APP_RESOURCE_GPUS: "0",
      MARATHON_APP_LABELS: "MY_LABEL_X",
      MARATHON_APP_LABEL_MY_LABEL_X: "v",
      MARATHON_APP_ENFORCE_GROUP_ROLE: "FALSE",
    });
    expect(env.MARATHON_APP_LABEL_BIG).toBeUndefined();
  });

  it("numbers a container network's ports per mapping: the host port, else the container port", () => {
    const env = taskEnvironment(
      app({
        networks: [{ mode: "container", name: "dev" }],
        container: {
          type: "DOCKER",
          docker: { image: "busybox" },
          portMappings: [
            { containerPort: 8080, name: "web" },
            { containerPort: 9090, hostPort: 0 },
          ],
        },
      }),
      { id: "t", host: "agent-1", hostPorts: [31007] },
    );
    expect(env).toMatchObject({
      PORT0: "8080",
      PORT1: "31007",
      PORT_WEB: "8080",
      PORT_8080: "8080",
      PORT_9090: "31007",
      PORT: "8080",
      PORTS: "8080,31007",
    });
  });

  it("lets the app's env override generated values and leaves PORT out without ports", () => {
    const env = taskEnvironment(app({ portDefinitions: [], env: { HOST: "mine", A: "b" } }), {
      id: "t",
      host: "h",
      hostPorts: [],
    });
    expect(env.HOST).toBe("mine");
    expect(env.A).toBe("b");
    expect(env.PORT).toBeUndefined();
    expect(env.PORTS).toBeUndefined();
  });
});
