import { describe, expect, it } from "vitest";
import { registrationsOf, type TaskView } from "./service-registration.js";

const settings = { hostname: "h1", internal: false, tags: [] };

const task = (over: Partial<TaskView> = {}): TaskView => ({
  taskId: "web.1234",
  name: "web",
  ports: [{ hostPort: 31001, exposedPort: 31001, protocol: "tcp" }],
  hostIp: "10.0.0.2",
  taskIp: "172.17.0.5",
  metadata: [],
  ...over,
});

describe("registrator's services for a task", () => {
  it("registers one port under the task name at the agent's IP and host port", () => {
    expect(registrationsOf(task(), settings)).toEqual([
      { ID: "h1:web.1234:31001", Name: "web", Tags: [], Address: "10.0.0.2", Port: 31001 },
    ]);
  });

  it("suffixes the default name with each port when there are several, and reads SERVICE_* per port", () => {
    const two = task({
      name: "api.group",
      ports: [
        { hostPort: 31001, exposedPort: 80, protocol: "tcp", name: "http" },
        { hostPort: 31002, exposedPort: 53, protocol: "udp" },
      ],
      metadata: [
        { SERVICE_TAGS: "a, b", SERVICE_53_NAME: "dns", PATH: "/bin" },
        { SERVICE_HTTP_CHECK_HTTP: "/health" },
      ],
    });
    expect(registrationsOf(two, { ...settings, tags: ["global"] })).toEqual([
      {
        ID: "h1:web.1234:80",
        Name: "api-group-http",
        Tags: ["a", "b", "global"],
        Address: "10.0.0.2",
        Port: 31001,
        Check: { HTTP: "http://10.0.0.2:31001/health", Interval: "10s" },
      },
      {
        ID: "h1:web.1234:53:udp",
        Name: "dns",
        Tags: ["a", "b", "global", "udp"],
        Address: "10.0.0.2",
        Port: 31002,
      },
    ]);
  });

  it("uses the task's own IP and exposed port with -internal, and keeps SERVICE_NAME unsuffixed (v6)", () => {
    const two = task({
      ports: [
        { hostPort: 31001, exposedPort: 80, protocol: "tcp" },
        { hostPort: 31002, exposedPort: 443, protocol: "tcp" },
      ],
      metadata: [{ SERVICE_NAME: "front", SERVICE_443_IGNORE: "1", SERVICE_VERSION: "2" }],
    });
    expect(registrationsOf(two, { ...settings, internal: true })).toEqual([
      {
        ID: "h1:web.1234:80",
        Name: "front",
        Tags: [],
        Address: "172.17.0.5",
        Port: 80,
        Meta: { version: "2" },
      },
    ]);
  });

  it("skips a task with SERVICE_IGNORE, and lets labels override the environment", () => {
    expect(registrationsOf(task({ metadata: [{ SERVICE_IGNORE: "" }] }), settings)).toEqual([]);
    expect(
      registrationsOf(
        task({ metadata: [{ SERVICE_NAME: "from-env" }, { SERVICE_NAME: "from-label" }] }),
        settings,
      )[0]?.Name,
    ).toBe("from-label");
    expect(
      registrationsOf(task({ metadata: [{ SERVICE_CHECK_TTL: "30s", SERVICE_ID: "fixed" }] }), settings)[0],
    ).toMatchObject({ ID: "fixed", Check: { TTL: "30s" } });
  });
});
