import { describe, expect, it } from "vitest";
import { exportLines, substituteTokens, tokenValues } from "./exports.js";
import type { ClusterRecord } from "./state-dir.js";

const record = (agents: number): ClusterRecord => ({
  clusterId: "42",
  runtime: "process",
  createdAt: "",
  bindAddress: "127.0.0.1",
  roles: [
    { name: "master", role: "master", url: "http://127.0.0.1:5050", pid: 1, flags: {} },
    ...Array.from({ length: agents }, (_, i) => ({
      name: `agent-${i + 1}`,
      role: "agent" as const,
      url: `http://127.0.1.${i + 1}:5051`,
      pid: 2 + i,
      flags: {},
    })),
  ],
});

describe("cluster exports", () => {
  it("prints one eval-safe line per role, the agent only when it is alone", () => {
    expect(exportLines(record(1))).toEqual([
      "export MINIMESOS_MASTER=http://127.0.0.1:5050; export MINIMESOS_MASTER_IP=127.0.0.1;",
      "export MINIMESOS_AGENT=http://127.0.1.1:5051; export MINIMESOS_AGENT_IP=127.0.1.1;",
    ]);
    expect(exportLines(record(2))).toHaveLength(1);
  });

  it("exports Mesos-DNS as MINIMESOS_MESOSDNS with its DNS port, as minimesos did", () => {
    const withDns = record(2);
    withDns.roles.push({
      name: "mesosdns",
      role: "dns",
      url: "http://127.0.0.1:8123",
      pid: 9,
      flags: { port: "8053", http_port: "8123" },
    });
    expect(exportLines(withDns)).toContain(
      "export MINIMESOS_MESOSDNS=http://127.0.0.1:8053; export MINIMESOS_MESOSDNS_IP=127.0.0.1;",
    );
    expect(tokenValues(withDns, "/").MINIMESOS_MESOSDNS_PORT).toBe("8053");
  });

  it("substitutes the known tokens and leaves the rest alone", () => {
    const values = tokenValues(record(1), "/home/me/project");
    const text =
      '{"cmd":"curl ${MINIMESOS_MASTER}/state ${MINIMESOS_MASTER_PORT} ${MINIMESOS_HOST_DIR} ${MINIMESOS_NOPE}"}';
    expect(substituteTokens(text, values)).toBe(
      '{"cmd":"curl http://127.0.0.1:5050/state 5050 /home/me/project ${MINIMESOS_NOPE}"}',
    );
  });
});
