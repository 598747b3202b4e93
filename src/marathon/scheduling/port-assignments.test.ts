import { describe, expect, it } from "vitest";
import { normalizeApp } from "../model/app-normalize.js";
import { marathonCheckTarget, mesosCheckPort, portAssignments } from "./port-assignments.js";

const app = (extra: Record<string, unknown>) => normalizeApp({ id: "/web", cpus: 0.1, mem: 32, ...extra });
const docker = (network: Record<string, unknown>, portMappings: unknown[]) =>
  app({
    cmd: "x",
    ...network,
    container: { type: "DOCKER", docker: { image: "busybox" }, portMappings },
  });

describe("port assignments", () => {
  it("are the host ports in host networking", () => {
    const ports = portAssignments(
      app({ cmd: "x", portDefinitions: [{ port: 0 }, { port: 0 }] }),
      [31000, 31001],
    );
    expect(ports).toEqual([{ hostPort: 31000 }, { hostPort: 31001 }]);
    expect(mesosCheckPort(ports[1])).toBe(31001);
  });

  it("pair host and container ports on a bridge, a container port of 0 taking its host port", () => {
    const bridged = docker({ networks: [{ mode: "container/bridge" }] }, [
      { containerPort: 8080, hostPort: 0 },
      { containerPort: 0, hostPort: 0 },
    ]);
    const ports = portAssignments(bridged, [31000, 31001]);
    expect(ports).toEqual([
      { hostPort: 31000, containerPort: 8080 },
      { hostPort: 31001, containerPort: 31001 },
    ]);
    // Mesos enters the task's network: MESOS_* checks probe the container port.
    expect(mesosCheckPort(ports[0])).toBe(8080);
    const task = { host: "agent-1", ports: [31000, 31001], ipAddresses: [{ ipAddress: "172.18.0.5" }] };
    expect(marathonCheckTarget(bridged, task, 0)).toEqual({ host: "agent-1", port: 31000 });
  });

  it("leave a container-network port without a host port to the task's own IP", () => {
    const user = docker({ networks: [{ mode: "container", name: "dev" }] }, [
      { containerPort: 8080 },
      { containerPort: 9090, hostPort: 0 },
    ]);
    const ports = portAssignments(user, [31007]);
    expect(ports).toEqual([{ containerPort: 8080 }, { hostPort: 31007, containerPort: 9090 }]);
    const task = { host: "agent-1", ports: [31007], ipAddresses: [{ ipAddress: "172.20.0.2" }] };
    expect(marathonCheckTarget(user, task, 0)).toEqual({ host: "172.20.0.2", port: 8080 });
    expect(marathonCheckTarget(user, task, 1)).toEqual({ host: "agent-1", port: 31007 });
    expect(marathonCheckTarget(user, { ...task, ipAddresses: [] }, 0)).toBeUndefined();
  });
});
