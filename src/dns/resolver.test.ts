import { afterEach, describe, expect, it } from "vitest";
import { lookup } from "../common/dns/client.js";
import { startDnsServer, type RunningDnsServer } from "../common/dns/dns-server.js";
import { Forwarder } from "../common/dns/forwarder.js";
import { allocatePort } from "../common/ports.js";
import { silentLogger } from "../common/logger.js";
import type { DnsState } from "./dns-state.js";
import { generateRecords } from "./generator.js";
import { MesosDnsResolver, type ZoneSettings } from "./resolver.js";

const servers: RunningDnsServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

const ZONE: ZoneSettings = {
  domain: "mesos",
  ttl: 60,
  srvWeight: 1,
  recurseOn: true,
  soaMname: "ns1.mesos.",
  soaRname: "root.ns1.mesos.",
  soaRefresh: 60,
  soaRetry: 600,
  soaExpire: 86400,
};

const STATE: DnsState = {
  leader: "master@127.0.0.1:5050",
  agents: [{ id: "x-S0", hostname: "127.0.0.2", pid: "slave(1)@127.0.0.2:5051" }],
  frameworks: [
    {
      name: "marathon",
      hostname: "127.0.0.1",
      tasks: Array.from({ length: 40 }, (_, i) => ({
        id: `web.${i}`,
        name: "web",
        agentId: "x-S0",
        state: "TASK_RUNNING",
        statuses: [{ state: "TASK_RUNNING", timestamp: 1, labels: [], networkIps: [`10.0.1.${i + 1}`] }],
        ports: [31000 + i],
        discovery: { name: "web", ports: [{ number: 31000 + i, protocol: "tcp" }] },
      })),
    },
  ],
};

async function serve(resolver: MesosDnsResolver): Promise<RunningDnsServer> {
  const server = await startDnsServer({
    host: "127.0.0.1",
    port: 0,
    handler: resolver.handle,
    logger: silentLogger(),
  });
  servers.push(server);
  return server;
}

function mesosDns(resolvers: string[] = [], zones = new Map<string, Forwarder>()) {
  const records = generateRecords(STATE, {
    domain: "mesos",
    soaMname: "ns1.mesos.",
    listener: "127.0.0.1",
    masters: [],
    ipSources: ["netinfo", "host"],
    enforceRFC952: false,
  });
  const view = { records: () => records, serial: () => 1234 };
  return serve(new MesosDnsResolver(ZONE, view, new Forwarder({ resolvers, timeoutMs: 300 }), zones));
}

const rcode = (p: object) => (p as { rcode?: string }).rcode;

describe("Mesos-DNS resolver", () => {
  it("answers A records, authoritative, case-insensitive", async () => {
    const server = await mesosDns();
    const answer = await lookup(server, "LEADER.Mesos", "A");
    expect(answer.flag_aa).toBe(true);
    expect(answer.flag_ra).toBe(true);
    expect(answer.answers).toEqual([
      expect.objectContaining({ type: "A", name: "leader.mesos", data: "127.0.0.1", ttl: 60 }),
    ]);
    const web = await lookup(server, "web.marathon.mesos.", "A", { tcp: true });
    expect(web.answers).toHaveLength(40);
  });

  it("answers SRV with the targets' A records as additionals, and falls back to TCP when large", async () => {
    const server = await mesosDns();
    const answer = await lookup(server, "_web._tcp.marathon.mesos", "SRV");
    expect(answer.answers).toHaveLength(40);
    const first = answer.answers![0] as {
      data: { port: number; target: string; priority: number; weight: number };
    };
    expect(first.data).toMatchObject({ priority: 0, weight: 1 });
    expect(first.data.target).toMatch(/^web-[a-z0-9]{5}-s0\.marathon\.mesos$/);
    expect(answer.additionals!.filter((a) => a.type === "A")).toHaveLength(40);
  });

  it("answers NXDOMAIN with the SOA for unknown names, NOERROR with the SOA for another type", async () => {
    const server = await mesosDns();
    const missing = await lookup(server, "nothing.marathon.mesos", "A");
    expect(rcode(missing)).toBe("NXDOMAIN");
    expect(missing.answers).toEqual([]);
    expect(missing.authorities).toEqual([
      expect.objectContaining({
        type: "SOA",
        data: expect.objectContaining({
          mname: "ns1.mesos",
          rname: "root.ns1.mesos",
          serial: 1234,
          minimum: 60,
        }),
      }),
    ]);
    const noAaaa = await lookup(server, "leader.mesos", "AAAA");
    expect(rcode(noAaaa)).toBe("NOERROR");
    expect(noAaaa.authorities).toHaveLength(1);
    const txt = await lookup(server, "leader.mesos", "TXT");
    expect(rcode(txt)).toBe("NOERROR");
    // An SRV name with no records is an empty NOERROR, as Mesos-DNS answers.
    const srv = await lookup(server, "_none._tcp.marathon.mesos", "SRV");
    expect(rcode(srv)).toBe("NOERROR");
    expect(srv.answers).toEqual([]);
  });

  it("answers SOA and NS for the domain", async () => {
    const server = await mesosDns();
    const soa = await lookup(server, "mesos", "SOA");
    expect(soa.answers).toEqual([expect.objectContaining({ type: "SOA", name: "mesos" })]);
    const ns = await lookup(server, "mesos", "NS");
    expect(ns.answers).toEqual([expect.objectContaining({ type: "NS", data: "ns1.mesos" })]);
    expect((await lookup(server, "ns1.mesos", "A")).answers).toEqual([
      expect.objectContaining({ data: "127.0.0.1" }),
    ]);
  });

  it("refuses names outside the domain when no resolvers are configured", async () => {
    const server = await mesosDns();
    expect(rcode(await lookup(server, "example.com", "A"))).toBe("REFUSED");
  });

  it("forwards names outside the domain to the configured resolver only, SERVFAIL when it is down", async () => {
    const upstream = await startDnsServer({
      host: "127.0.0.1",
      port: 0,
      logger: silentLogger(),
      handler: (q) => ({
        rcode: "NOERROR",
        answers: [{ type: "A", name: q.question.name, ttl: 5, data: "192.0.2.7" }],
      }),
    });
    servers.push(upstream);
    const server = await mesosDns([`127.0.0.1:${upstream.port}`]);
    const forwarded = await lookup(server, "example.com", "A");
    expect(forwarded.answers).toEqual([expect.objectContaining({ data: "192.0.2.7" })]);
    expect((await lookup(server, "example.com", "A", { tcp: true })).answers).toHaveLength(1);
    const deadPort = await allocatePort();
    const broken = await mesosDns([`127.0.0.1:${deadPort}`]);
    expect(rcode(await lookup(broken, "example.com", "A", { timeoutMs: 3000 }))).toBe("SERVFAIL");
  });

  it("sends zoneResolvers zones to their own servers", async () => {
    const corp = await startDnsServer({
      host: "127.0.0.1",
      port: 0,
      logger: silentLogger(),
      handler: (q) => ({
        rcode: "NOERROR",
        answers: [{ type: "A", name: q.question.name, ttl: 5, data: "192.0.2.99" }],
      }),
    });
    servers.push(corp);
    const zones = new Map([
      ["corp", new Forwarder({ resolvers: [`127.0.0.1:${corp.port}`], timeoutMs: 300 })],
    ]);
    const server = await mesosDns([], zones);
    expect((await lookup(server, "db.corp", "A")).answers).toEqual([
      expect.objectContaining({ data: "192.0.2.99" }),
    ]);
    expect(rcode(await lookup(server, "example.com", "A"))).toBe("REFUSED");
  });
});
