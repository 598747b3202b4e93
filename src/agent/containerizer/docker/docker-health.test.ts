import { describe, expect, it } from "vitest";
import type { HealthCheck } from "../../../mesos/health-check.js";
import { dockerCheckTarget } from "./docker-health.js";
import { dockerContainerSpec } from "./docker-info.js";

const bridged = dockerContainerSpec({
  type: "DOCKER",
  docker: {
    image: "busybox",
    network: "BRIDGE",
    port_mappings: [{ host_port: 31005, container_port: 8080 }],
  },
});
const http = (port: number): HealthCheck => ({ type: "HTTP", http: { port, path: "/" } });
const onHost = { containerIp: "172.17.0.4", sharesNetwork: false, publishIp: "127.0.1.2" };
const onNetwork = { ...onHost, sharesNetwork: true };

describe("where the agent probes a Docker task's checks", () => {
  it("probes a HOST task at 127.0.0.1 and the check's port", () => {
    const host = dockerContainerSpec({ type: "DOCKER", docker: { image: "busybox" } });
    expect(dockerCheckTarget(http(31005), host, onHost)).toEqual({ check: http(31005) });
  });

  it("from the host, probes a mapped port where the engine publishes it, whichever port the check names", () => {
    for (const port of [8080, 31005])
      expect(dockerCheckTarget(http(port), bridged, onHost)).toEqual({
        probeHost: "127.0.1.2",
        check: http(31005),
      });
  });

  it("on the task's network, probes the container IP and container port, as Mesos does inside it", () => {
    for (const port of [8080, 31005])
      expect(dockerCheckTarget(http(port), bridged, onNetwork)).toEqual({
        probeHost: "172.17.0.4",
        check: http(8080),
      });
    const tcp: HealthCheck = { type: "TCP", tcp: { port: 31005 } };
    expect(dockerCheckTarget(tcp, bridged, onNetwork)).toEqual({
      probeHost: "172.17.0.4",
      check: { type: "TCP", tcp: { port: 8080 } },
    });
  });

  it("probes an unmapped port at the container IP", () => {
    expect(dockerCheckTarget(http(9090), bridged, onHost)).toEqual({
      probeHost: "172.17.0.4",
      check: http(9090),
    });
    expect(dockerCheckTarget(http(9090), bridged, { ...onHost, containerIp: undefined })).toEqual({
      check: http(9090),
    });
  });
});
