import { describe, expect, it } from "vitest";
import type { DnsState, DnsTask } from "./dns-state.js";
import { generateRecords, type GeneratorSettings } from "./generator.js";
import { taskHash } from "./zbase32.js";

const SETTINGS: GeneratorSettings = {
  domain: "mesos",
  soaMname: "ns1.mesos.",
  listener: "127.0.0.1",
  masters: [],
  ipSources: ["netinfo", "mesos", "host"],
  enforceRFC952: false,
};

const AGENT_ID = "a1b2-5050-25588-S1";

const running = (extra: Partial<DnsTask["statuses"][number]> = {}) => ({
  state: "TASK_RUNNING",
  timestamp: 100,
  labels: [],
  networkIps: [],
  ...extra,
});

function state(tasks: DnsTask[], frameworkName = "marathon"): DnsState {
  return {
    leader: "master@10.0.0.1:5050",
    agents: [{ id: AGENT_ID, hostname: "agent1", pid: "slave(1)@10.0.0.2:5051" }],
    frameworks: [{ name: frameworkName, hostname: "10.0.0.9", tasks }],
  };
}

const marathonTask: DnsTask = {
  id: "group_app.1234",
  name: "app.group",
  agentId: AGENT_ID,
  state: "TASK_RUNNING",
  statuses: [running({ networkIps: ["10.0.0.5"] })],
  ports: [31000, 31001],
  discovery: {
    name: "app.group",
    ports: [
      { number: 31000, protocol: "tcp", name: "http" },
      { number: 31001, protocol: "udp" },
    ],
  },
};

describe("record generation", () => {
  it("gives a Marathon task A records for the task IP and .slave records for the agent IP", () => {
    const rs = generateRecords(state([marathonTask]), SETTINGS);
    const canonical = `app-group-${taskHash("group_app.1234")}-s1.marathon.mesos.`;
    expect(rs.values("A", "app-group.marathon.mesos.")).toEqual(["10.0.0.5"]);
    expect(rs.values("A", canonical)).toEqual(["10.0.0.5"]);
    expect(rs.values("A", "app-group.marathon.slave.mesos.")).toEqual(["10.0.0.2"]);
    // The raw DiscoveryInfo name is used too (Mesos-DNS adds both); a name with a dot in its task part.
    expect(rs.values("A", "app.group.marathon.mesos.")).toEqual(["10.0.0.5"]);
  });

  it("gives SRV records for DiscoveryInfo ports by protocol and name, and host ports under .slave", () => {
    const rs = generateRecords(state([marathonTask]), SETTINGS);
    const hash = taskHash("group_app.1234");
    expect(rs.values("SRV", "_app-group._tcp.marathon.mesos.")).toEqual([
      `app-group-${hash}-s1.marathon.mesos.:31000`,
    ]);
    expect(rs.values("SRV", "_http._app-group._tcp.marathon.mesos.")).toEqual([
      `app-group-${hash}-s1.marathon.mesos.:31000`,
    ]);
    expect(rs.values("SRV", "_app-group._udp.marathon.mesos.")).toEqual([
      `app-group-${hash}-s1.marathon.mesos.:31001`,
    ]);
    expect(rs.values("SRV", "_app-group._tcp.marathon.slave.mesos.").sort()).toEqual([
      `app-group-${hash}-s1.marathon.slave.mesos.:31000`,
      `app-group-${hash}-s1.marathon.slave.mesos.:31001`,
    ]);
  });

  it("without DiscoveryInfo, SRV records under the framework point at the agent name", () => {
    const task: DnsTask = {
      id: "ct:1:job",
      name: "ChronosTask:nightly_Job",
      agentId: AGENT_ID,
      state: "TASK_RUNNING",
      statuses: [running()],
      ports: [31005],
    };
    const rs = generateRecords(state([task], "chronos"), SETTINGS);
    const target = `chronostasknightly-job-${taskHash("ct:1:job")}-s1.chronos.slave.mesos.:31005`;
    // No netinfo, no label: the host source gives the agent IP.
    expect(rs.values("A", "chronostasknightly-job.chronos.mesos.")).toEqual(["10.0.0.2"]);
    expect(rs.values("SRV", "_chronostasknightly-job._tcp.chronos.mesos.")).toEqual([target]);
    expect(rs.values("SRV", "_chronostasknightly-job._udp.chronos.mesos.")).toEqual([target]);
    expect(rs.values("SRV", "_chronostasknightly-job._tcp.chronos.slave.mesos.")).toEqual([target]);
  });

  it("gives records only to TASK_RUNNING tasks on known agents", () => {
    const staging = { ...marathonTask, id: "s", name: "staging", state: "TASK_STAGING" };
    const lost = { ...marathonTask, id: "l", name: "lost", agentId: "unknown-S9", discovery: undefined };
    const rs = generateRecords(state([staging, lost]), SETTINGS);
    expect(rs.has("staging.marathon.mesos.")).toBe(false);
    expect(rs.has("lost.marathon.mesos.")).toBe(false);
    expect(rs.frameworks).toEqual([{ name: "marathon", tasks: [] }]);
  });

  it("takes the task IP from the first IP source that has one", () => {
    const labelled: DnsTask = {
      ...marathonTask,
      discovery: undefined,
      statuses: [
        running({ timestamp: 1, networkIps: ["10.9.9.9"] }),
        running({
          timestamp: 2,
          labels: [{ key: "MesosContainerizer.NetworkSettings.IPAddress", value: "10.1.1.1" }],
        }),
      ],
    };
    const byNetinfo = generateRecords(state([labelled]), SETTINGS);
    // The newest RUNNING status has no network info, so netinfo yields nothing and mesos wins.
    expect(byNetinfo.values("A", "app-group.marathon.mesos.")).toEqual(["10.1.1.1"]);
    const byHost = generateRecords(state([labelled]), { ...SETTINGS, ipSources: ["host"] });
    expect(byHost.values("A", "app-group.marathon.mesos.")).toEqual(["10.0.0.2"]);
    const v6 = { ...labelled, statuses: [running({ networkIps: ["fd00::5"] })] };
    expect(generateRecords(state([v6]), SETTINGS).values("AAAA", "app-group.marathon.mesos.")).toEqual([
      "fd00::5",
    ]);
  });

  it("gives the leader, masters, agents, framework and Mesos-DNS itself their records", () => {
    const rs = generateRecords(state([]), { ...SETTINGS, masters: ["10.0.0.8:5050", "10.0.0.1:5050"] });
    expect(rs.values("A", "leader.mesos.")).toEqual(["10.0.0.1"]);
    expect(rs.values("A", "master.mesos.").sort()).toEqual(["10.0.0.1", "10.0.0.8"]);
    expect(rs.values("A", "master0.mesos.")).toEqual(["10.0.0.8"]);
    expect(rs.values("A", "master1.mesos.")).toEqual(["10.0.0.1"]);
    expect(rs.values("SRV", "_leader._tcp.mesos.")).toEqual(["leader.mesos.:5050"]);
    expect(rs.values("SRV", "_leader._udp.mesos.")).toEqual(["leader.mesos.:5050"]);
    expect(rs.values("A", "slave.mesos.")).toEqual(["10.0.0.2"]);
    expect(rs.values("SRV", "_slave._tcp.mesos.")).toEqual(["slave.mesos.:5051"]);
    expect(rs.values("A", "marathon.mesos.")).toEqual(["10.0.0.9"]);
    // An HTTP API framework has no PID, so no port for _framework._tcp.
    expect(rs.values("SRV", "_framework._tcp.marathon.mesos.")).toEqual([]);
    expect(rs.values("A", "ns1.mesos.")).toEqual(["127.0.0.1"]);
  });

  it("finds a leader whose PID has 0.0.0.0 by its host name", () => {
    const s: DnsState = { ...state([]), leader: "master@0.0.0.0:5050", leaderHostname: "master" };
    const rs = generateRecords(s, { ...SETTINGS, hostIps: (h) => (h === "master" ? ["172.18.0.3"] : []) });
    expect(rs.values("A", "leader.mesos.")).toEqual(["172.18.0.3"]);
    expect(rs.values("A", "master0.mesos.")).toEqual(["172.18.0.3"]);
    expect(rs.values("SRV", "_leader._tcp.mesos.")).toEqual(["leader.mesos.:5050"]);
  });

  it("numbers the leader after the listed masters when it is not among them", () => {
    const rs = generateRecords(state([]), { ...SETTINGS, masters: ["10.0.0.8:9", "10.0.0.8:9"] });
    expect(rs.values("A", "master0.mesos.")).toEqual(["10.0.0.8"]);
    expect(rs.values("A", "master1.mesos.")).toEqual(["10.0.0.1"]);
    expect(rs.has("master2.mesos.")).toBe(false);
  });

  it("gives a driver framework with a PID its SRV record, and uses host names through the lookup", () => {
    const s: DnsState = {
      ...state([]),
      frameworks: [{ name: "Spark.Prod", pid: "scheduler-1@sparkhost:7077", tasks: [] }],
    };
    const rs = generateRecords(s, { ...SETTINGS, hostIps: (h) => (h === "sparkhost" ? ["10.3.3.3"] : []) });
    expect(rs.values("A", "spark.prod.mesos.")).toEqual(["10.3.3.3"]);
    expect(rs.values("SRV", "_framework._tcp.spark.prod.mesos.")).toEqual(["spark.prod.mesos.:7077"]);
  });

  it("lists running tasks and their records for /v1/enumerate", () => {
    const rs = generateRecords(state([marathonTask]), SETTINGS);
    const [framework] = rs.frameworks;
    expect(framework?.name).toBe("marathon");
    expect(framework?.tasks[0]).toMatchObject({ name: "app.group", id: "group_app.1234" });
    expect(framework?.tasks[0]?.records).toContainEqual({
      name: "app-group.marathon.mesos.",
      host: "10.0.0.5",
      rtype: "A",
    });
  });

  it("reuses an unchanged task's records from the previous generation, and not a changed task's", () => {
    const first = generateRecords(state([marathonTask]), SETTINGS);
    const again = generateRecords(state([marathonTask]), { ...SETTINGS, taskCache: first.taskCache });
    expect([...again.a]).toEqual([...first.a]);
    expect([...again.srv]).toEqual([...first.srv]);
    expect(again.frameworks[0]?.tasks[0]?.records[0]).toBe(first.frameworks[0]?.tasks[0]?.records[0]);
    const moved = { ...marathonTask, statuses: [running({ networkIps: ["10.0.0.6"] })] };
    const changed = generateRecords(state([moved]), { ...SETTINGS, taskCache: again.taskCache });
    expect(changed.values("A", "app-group.marathon.mesos.")).toEqual(["10.0.0.6"]);
    expect(changed.taskCache.size).toBe(1);
  });

  it("sanitises with RFC 952 when enforced", () => {
    const task = { ...marathonTask, name: "9lives", discovery: undefined };
    const rs = generateRecords(state([task]), { ...SETTINGS, enforceRFC952: true });
    expect(rs.values("A", "lives.marathon.mesos.")).toEqual(["10.0.0.5"]);
  });
});
