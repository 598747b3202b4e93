import { describe, expect, it } from "vitest";
import { parseClusterRecord } from "./cluster-record.js";

const record = {
  clusterId: "42",
  runtime: "process",
  createdAt: "2026-01-01T00:00:00.000Z",
  bindAddress: "127.0.0.1",
  roles: [
    { name: "master", role: "master", url: "http://127.0.0.1:5050", pid: 10, flags: { port: "5050" } },
    { name: "agent-2", role: "agent", url: "http://127.0.1.2:5052", hostname: "127.0.1.2", pid: 11 },
  ],
};

describe("parseClusterRecord", () => {
  it("accepts a record and defaults missing flags to {}", () => {
    const parsed = parseClusterRecord(record);
    expect(parsed.roles[0]).toEqual(record.roles[0]);
    expect(parsed.roles[1]).toEqual({ ...record.roles[1], flags: {} });
  });

  it("reads a docker cluster's container ids", () => {
    const roles = [{ ...record.roles[0], containerId: "abc123" }, record.roles[1]];
    const parsed = parseClusterRecord({ ...record, runtime: "docker", roles });
    expect(parsed.runtime).toBe("docker");
    expect(parsed.roles.map((r) => r.containerId)).toEqual(["abc123", undefined]);
    expect(() => parseClusterRecord({ ...record, roles: [{ ...record.roles[0], containerId: 7 }] })).toThrow(
      /^roles\[0\]\.containerId/,
    );
  });

  it("names the first field that is wrong", () => {
    expect(() => parseClusterRecord({ ...record, runtime: "vm" })).toThrow(/^runtime: unexpected value "vm"/);
    const roles = [record.roles[0], { ...record.roles[1], pid: "11" }];
    expect(() => parseClusterRecord({ ...record, roles })).toThrow(/^roles\[1\]\.pid: unexpected value "11"/);
    expect(() => parseClusterRecord([])).toThrow(/expected an object/);
  });
});
