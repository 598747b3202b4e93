import { Resolver } from "node:dns/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../src/common/logger.js";
import { defaultConfig, finishConfig } from "../src/dns/config.js";
import { startMesosDns, type RunningMesosDns } from "../src/dns/mesos-dns.js";
import { taskHash } from "../src/dns/zbase32.js";
import { startMaster, type Master } from "../src/master/master.js";
import { OperatorSubscription } from "../src/mesos/operator-subscription.js";
import { addresses, digShort, digStatus } from "./support/dns.js";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;
let dns: RunningMesosDns;
let port: number;
let restarted: Master | undefined;

interface MarathonTask {
  id: string;
  state: string;
  host: string;
  ports: number[];
  slaveId: string;
}

const runningTasks = async (id: string): Promise<MarathonTask[]> =>
  ((await cluster.api(`/v2/apps${id}/tasks`)).json?.tasks ?? []).filter(
    (t: MarathonTask) => t.state === "TASK_RUNNING",
  );

const httpJson = async (path: string) => {
  const response = await fetch(`${dns.url}${path}`);
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  cluster = await startMarathonCluster({ agents: [{}, {}] });
  const masterAddress = new URL(cluster.master.url).host;
  const config = finishConfig({ ...defaultConfig(), Masters: [masterAddress], Port: 0, HttpPort: 0 });
  dns = await startMesosDns({ config, logger: silentLogger() });
  port = dns.dns!.port;
  const created = await cluster.api("/v2/apps", {
    method: "POST",
    body: {
      id: "/group/web",
      cmd: "sleep 1000",
      instances: 2,
      cpus: 0.1,
      mem: 16,
      portDefinitions: [{ port: 0, name: "http" }],
    },
  });
  expect(created.status).toBe(201);
  await until(
    "two running web tasks",
    async () => (await runningTasks("/group/web")).length === 2 || undefined,
  );
}, 30_000);

afterAll(async () => {
  await dns?.stop();
  await cluster?.close();
  await restarted?.stop();
});

describe("Mesos-DNS with a Marathon app", () => {
  it("answers A records for the app's tasks, by short and canonical name, to dig", async () => {
    const tasks = await runningTasks("/group/web");
    // Both tasks may share an agent, hence an IP: each IP is one record.
    const hosts = [...new Set(tasks.map((t) => t.host))].sort();
    const ips = (await digShort(port, "web-group.marathon.mesos", "A")).sort();
    expect(ips).toEqual(hosts);
    const task = tasks[0]!;
    const tail = task.slaveId.split("-").pop()!.toLowerCase();
    const canonical = `web-group-${taskHash(task.id)}-${tail}.marathon.mesos`;
    expect(await digShort(port, canonical, "A")).toEqual([task.host]);
    expect(await digShort(port, "WEB-GROUP.Marathon.MESOS", "A", "+tcp")).toHaveLength(ips.length);
  });

  it("answers SRV records with the tasks' ports, to dig and to Node's resolver", async () => {
    const tasks = await runningTasks("/group/web");
    const lines = await digShort(port, "_web-group._tcp.marathon.mesos", "SRV");
    const ports = lines.map((line) => Number(line.split(" ")[2])).sort();
    expect(ports).toEqual(tasks.map((t) => t.ports[0]).sort());
    expect(lines.every((line) => /^0 1 \d+ web-group-[a-z0-9]{5}-s\d+\.marathon\.mesos\.$/.test(line))).toBe(
      true,
    );
    const named = await digShort(port, "_http._web-group._tcp.marathon.mesos", "SRV");
    expect(named).toHaveLength(2);
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
    const srv = await resolver.resolveSrv("_web-group._tcp.marathon.mesos");
    expect(srv.map((r) => r.port).sort()).toEqual(ports);
    expect(await resolver.resolve4("leader.mesos")).toEqual(["127.0.0.1"]);
  });

  it("answers leader, master, the framework, the agents and NXDOMAIN", async () => {
    expect(await digShort(port, "leader.mesos")).toEqual(["127.0.0.1"]);
    expect(await digShort(port, "master.mesos")).toEqual(["127.0.0.1"]);
    expect(await digShort(port, "master0.mesos")).toEqual(["127.0.0.1"]);
    const masterPort = new URL(cluster.master.url).port;
    expect(await digShort(port, "_leader._tcp.mesos", "SRV")).toEqual([`0 1 ${masterPort} leader.mesos.`]);
    expect(await digShort(port, "marathon.mesos")).toEqual(["127.0.0.1"]);
    expect(await digShort(port, "slave.mesos")).toEqual(["127.0.0.1"]);
    expect(await digShort(port, "_slave._tcp.mesos", "SRV")).toHaveLength(2);
    expect(await digStatus(port, "nothing-here.marathon.mesos")).toBe("NXDOMAIN");
    expect(await digStatus(port, "example.com")).toBe("REFUSED");
    expect(await digShort(port, "mesos", "SOA")).toEqual([
      expect.stringMatching(/^ns1\.mesos\. root\.ns1\.mesos\. \d+ 60 600 86400 60$/),
    ]);
  });

  it("answers a Chronos-style task name sanitised, under its framework", async () => {
    const { SchedulerClient } = await import("../src/mesos/scheduler-client.js");
    const chronos = new SchedulerClient({
      master: cluster.master.url,
      frameworkInfo: { user: "root", name: "chronos", hostname: "127.0.0.1" },
      autoAcknowledge: true,
    });
    try {
      const offers = new Promise<{ id: { value: string }; agent_id: { value: string } }>((resolve) =>
        chronos.on("OFFERS", (e) => resolve(e.offers.offers[0] as never)),
      );
      await chronos.subscribe();
      const offer = await offers;
      await chronos.accept(
        [offer.id],
        [
          {
            type: "LAUNCH",
            launch: {
              task_infos: [
                {
                  name: "ChronosTask:nightly_Job",
                  task_id: { value: "ct:1700000000000:0:nightly_Job:" },
                  agent_id: offer.agent_id,
                  resources: [
                    { name: "cpus", type: "SCALAR", scalar: { value: 0.1 } },
                    { name: "mem", type: "SCALAR", scalar: { value: 16 } },
                  ],
                  command: { shell: true, value: "sleep 1000" },
                },
              ],
            },
          },
        ],
      );
      await until(
        "the Chronos task's record",
        async () => (await addresses(port, "chronostasknightly-job.chronos.mesos")).length > 0 || undefined,
      );
      expect(await digShort(port, "chronostasknightly-job.chronos.mesos")).toEqual(["127.0.0.1"]);
      expect(await digShort(port, "chronos.mesos")).toEqual(["127.0.0.1"]);
    } finally {
      await chronos.teardown().catch(() => undefined);
      await chronos.close();
    }
  });

  it("serves the HTTP API with Mesos-DNS's shapes", async () => {
    const version = JSON.parse((await httpJson("/v1/version")).text);
    expect(version).toEqual({
      Service: "Mesos-DNS",
      URL: "https://github.com/mesosphere/mesos-dns",
      Version: expect.any(String),
    });
    const config = JSON.parse((await httpJson("/v1/config")).text);
    expect(config).toMatchObject({
      Domain: "mesos",
      Port: port,
      TTL: 60,
      RefreshSeconds: 60,
      DnsOn: true,
      HttpOn: true,
      ExternalOn: true,
      IPSources: ["netinfo", "mesos", "host"],
      SOAMname: "ns1.mesos.",
    });
    expect(JSON.parse((await httpJson("/v1/hosts/Leader.Mesos")).text)).toEqual([
      { host: "leader.mesos.", ip: "127.0.0.1" },
    ]);
    expect(JSON.parse((await httpJson("/v1/hosts/none.mesos")).text)).toEqual([{ host: "", ip: "" }]);
    const services = JSON.parse((await httpJson("/v1/services/_web-group._tcp.marathon.mesos")).text);
    expect(services).toHaveLength(2);
    expect(services[0]).toEqual({
      service: "_web-group._tcp.marathon.mesos",
      host: expect.stringMatching(/^web-group-[a-z0-9]{5}-s\d+\.marathon\.mesos\.$/),
      ip: "127.0.0.1",
      port: expect.stringMatching(/^\d+$/),
    });
    expect(JSON.parse((await httpJson("/v1/services/_none._tcp.mesos")).text)).toEqual([
      { service: "", host: "", ip: "", port: "" },
    ]);
    expect(await httpJson("/v1/hosts/leader.mesos/ports")).toEqual({
      status: 501,
      text: "To be implemented...",
    });
    const enumerate = JSON.parse((await httpJson("/v1/enumerate")).text);
    const marathon = enumerate.frameworks.find((f: { name: string }) => f.name === "marathon");
    expect(marathon.tasks).toHaveLength(2);
    expect(marathon.tasks[0].records).toContainEqual({
      name: "web-group.marathon.mesos.",
      host: "127.0.0.1",
      rtype: "A",
    });
    const axfr = JSON.parse((await httpJson("/v1/axfr")).text);
    expect(axfr).toMatchObject({
      TTL: 60,
      Domain: "mesos",
      Mname: "ns1.mesos.",
      Records: { As: { "leader.mesos.": ["127.0.0.1"] } },
    });
  });

  it("answers a new task within 100 ms of TASK_RUNNING and drops a killed one within 100 ms", async () => {
    const observer = new OperatorSubscription({ master: cluster.master.url });
    const running = new Map<string, number>();
    const killed = new Map<string, number>();
    observer.on("event", (event) => {
      if (event.type !== "TASK_UPDATED") return;
      const id = event.task_updated.status.task_id.value;
      if (event.task_updated.state === "TASK_RUNNING") running.set(id, performance.now());
      if (event.task_updated.state === "TASK_KILLED") killed.set(id, performance.now());
    });
    try {
      await observer.start().firstSnapshot;
      const before = new Set((await runningTasks("/group/web")).map((t) => t.id));
      await cluster.api("/v2/apps/group/web", { method: "PUT", body: { instances: 3 } });
      const newId = await until("the TASK_RUNNING of a third task", () =>
        [...running.keys()].find((id) => !before.has(id)),
      );
      const task = (await runningTasks("/group/web")).find((t) => t.id === newId) ?? {
        slaveId: "",
        id: newId,
      };
      const name = `web-group-${taskHash(newId)}-${task.slaveId.split("-").pop()!.toLowerCase()}.marathon.mesos`;
      await until(
        "the new task's record",
        async () => (await addresses(port, name)).length > 0 || undefined,
        2000,
      );
      const appeared = performance.now() - running.get(newId)!;
      expect(appeared).toBeLessThan(100);
      await cluster.api(`/v2/apps/group/web/tasks/${newId}?scale=true`, { method: "DELETE" });
      await until("the TASK_KILLED", () => killed.has(newId) || undefined);
      await until(
        "the record to go",
        async () => (await addresses(port, name)).length === 0 || undefined,
        2000,
      );
      const gone = performance.now() - killed.get(newId)!;
      expect(gone).toBeLessThan(100);
    } finally {
      await observer.close();
    }
  });

  it("follows the restarted master's events after a master restart", async () => {
    const masterPort = Number(new URL(cluster.master.url).port);
    await cluster.master.stop();
    restarted = await startMaster({ port: masterPort });
    const generations = dns.store.generations;
    await until(
      "a new state from the restarted master",
      () => dns.store.generations > generations || undefined,
      10_000,
    );
    // Records stay while the master is away (as Mesos-DNS keeps its last state); new ones come from the new stream.
    const before = new Set((await runningTasks("/group/web")).map((t) => t.id));
    await until(
      "Marathon to take the scale-up",
      async () =>
        (await cluster.api("/v2/apps/group/web", { method: "PUT", body: { instances: 4 } })).status === 200 ||
        undefined,
      15_000,
    );
    const added = await until(
      "a task started by the restarted master",
      async () => (await runningTasks("/group/web")).find((t) => !before.has(t.id)),
      15_000,
    );
    const name = `web-group-${taskHash(added.id)}-${added.slaveId.split("-").pop()!.toLowerCase()}.marathon.mesos`;
    await until("its record", async () => (await addresses(port, name)).length > 0 || undefined, 2000);
    expect(await digShort(port, "leader.mesos")).toEqual(["127.0.0.1"]);
  }, 30_000);
});
