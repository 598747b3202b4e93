import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { bridgeForwards } from "./bridge-forwards.js";
import { dockerContainerSpec } from "./docker-info.js";

const inspect = (networks: Record<string, { IPAddress: string }>, running = true) =>
  ({
    State: { Running: running },
    NetworkSettings: { Networks: networks },
  }) as unknown as Docker.ContainerInspectInfo;

const bridge = dockerContainerSpec({
  type: "DOCKER",
  docker: {
    image: "a",
    network: "BRIDGE",
    port_mappings: [
      { host_port: 31001, container_port: 80 },
      { host_port: 31002, container_port: 53, protocol: "UDP" },
    ],
  },
});

describe("bridgeForwards", () => {
  it("forwards each mapping from the agent's address to the container's address on the agent's network", () => {
    expect(
      bridgeForwards(
        bridge,
        inspect({ "minimesos-1": { IPAddress: "172.18.0.5" } }),
        "minimesos-1",
        "0.0.0.0",
      ),
    ).toEqual([
      { protocol: "tcp", listenIp: "0.0.0.0", listenPort: 31001, targetIp: "172.18.0.5", targetPort: 80 },
      { protocol: "udp", listenIp: "0.0.0.0", listenPort: 31002, targetIp: "172.18.0.5", targetPort: 53 },
    ]);
  });

  it("forwards nothing without an agent network, for other networks, or for a container that ended", () => {
    expect(
      bridgeForwards(bridge, inspect({ "minimesos-1": { IPAddress: "" } }, false), "minimesos-1", "0.0.0.0"),
    ).toEqual([]);
    const info = inspect({ "minimesos-1": { IPAddress: "172.18.0.5" } });
    expect(bridgeForwards(bridge, info, undefined, "0.0.0.0")).toEqual([]);
    const host = dockerContainerSpec({ type: "DOCKER", docker: { image: "a" } });
    expect(bridgeForwards(host, info, "minimesos-1", "0.0.0.0")).toEqual([]);
  });

  it("fails clearly when the container is not on the agent's network", () => {
    expect(() =>
      bridgeForwards(bridge, inspect({ bridge: { IPAddress: "172.17.0.2" } }), "minimesos-1", "0.0.0.0"),
    ).toThrow(/no address on network 'minimesos-1'/);
  });
});
