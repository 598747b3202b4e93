import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { advertisedIp, primaryIpv4 } from "./advertised-address.js";

const address = (ip: string, family: "IPv4" | "IPv6", internal: boolean): NetworkInterfaceInfo =>
  ({ address: ip, family, internal, netmask: "", mac: "", cidr: null }) as NetworkInterfaceInfo;

const container = {
  lo: [address("127.0.0.1", "IPv4", true)],
  eth0: [address("fe80::42", "IPv6", false), address("172.18.0.3", "IPv4", false)],
};

describe("advertisedIp", () => {
  it("is the non-loopback IPv4 address for an agent bound to 0.0.0.0", () => {
    expect(advertisedIp("0.0.0.0", undefined, container)).toBe("172.18.0.3");
  });

  it("prefers --advertise_ip, and otherwise keeps a specific bind address", () => {
    expect(advertisedIp("0.0.0.0", "10.0.0.9", container)).toBe("10.0.0.9");
    expect(advertisedIp("127.0.1.2", undefined, container)).toBe("127.0.1.2");
  });

  it("falls back to 127.0.0.1 on a machine with loopback only", () => {
    expect(primaryIpv4({ lo: container.lo })).toBe("127.0.0.1");
  });
});
