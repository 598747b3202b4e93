import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookup } from "../../common/dns/client.js";
import { startConsul } from "../consul.js";
import { startTestConsul } from "../http/test-consul.js";
import { parseConsulName } from "./lookup-name.js";

let t: Awaited<ReturnType<typeof startTestConsul>>;
let server: { host: string; port: number };
beforeAll(async () => {
  t = await startTestConsul({ dns: true });
  server = { host: "127.0.0.1", port: t.consul.dnsPort as number };
  const register = (body: unknown) => t.call("PUT", "/v1/agent/service/register", JSON.stringify(body));
  await register({
    ID: "h:web-a:80",
    Name: "web",
    Tags: ["blue"],
    Address: "10.1.0.1",
    Port: 31001,
    Check: { TTL: "60s", Status: "passing" },
  });
  await register({
    ID: "h:web-b:80",
    Name: "web",
    Tags: ["green"],
    Address: "10.1.0.2",
    Port: 31002,
    Check: { TTL: "60s", Status: "passing" },
  });
  await register({ ID: "h:web-c:80", Name: "web", Address: "10.1.0.3", Port: 31003, Check: { TTL: "60s" } });
  await register({ ID: "local", Name: "local", Port: 9000 });
});
afterAll(async () => {
  await t.consul.stop();
});

const sorted = (xs: string[]) => [...xs].sort();

interface Record {
  name: string;
  type: string;
  ttl: number;
  data: unknown;
}

/** An answer's code and sections, typed loosely (dns-packet's types hide `rcode` and each record's data). */
async function ask(name: string, type: "A" | "SRV", tcp = false) {
  const packet = (await lookup(server, name, type, { tcp })) as unknown as {
    rcode: string;
    flag_aa: boolean;
    answers: Record[];
    additionals: Record[];
    authorities: Record[];
  };
  return packet;
}

describe("Consul DNS interface", () => {
  it("parses names as Consul does", () => {
    expect(parseConsulName("web.service.consul", "consul")).toEqual({ kind: "service", service: "web" });
    expect(parseConsulName("blue.web.service.dc1.consul", "consul")).toEqual({
      kind: "service",
      service: "web",
      tag: "blue",
      datacenter: "dc1",
    });
    expect(parseConsulName("_web._tcp.service.consul", "consul")).toEqual({
      kind: "service",
      service: "web",
    });
    expect(parseConsulName("_web._blue.service.consul", "consul")).toEqual({
      kind: "service",
      service: "web",
      tag: "blue",
    });
    expect(parseConsulName("n1.node.consul", "consul")).toEqual({ kind: "node", node: "n1" });
    expect(parseConsulName("0a010001.addr.dc1.consul", "consul")).toEqual({
      kind: "addr",
      ip: "10.1.0.1",
      datacenter: "dc1",
    });
    expect(parseConsulName("example.com", "consul")).toBeUndefined();
  });

  it("answers A with every instance that is not critical", async () => {
    const answer = await ask("web.service.consul", "A");
    expect(answer.rcode).toBe("NOERROR");
    expect(answer.flag_aa).toBe(true);
    expect(sorted(answer.answers.map((a) => a.data as string))).toEqual(["10.1.0.1", "10.1.0.2"]);
    expect(answer.answers[0]?.ttl).toBe(0);
  });

  it("answers SRV with ports and .addr targets, and their A records as additionals", async () => {
    const answer = await ask("web.service.dc1.consul", "SRV", true);
    const srv = answer.answers.map(
      (a) => a.data as { port: number; target: string; priority: number; weight: number },
    );
    expect(sorted(srv.map((s) => `${s.target}:${s.port}`))).toEqual([
      "0a010001.addr.dc1.consul:31001",
      "0a010002.addr.dc1.consul:31002",
    ]);
    expect(srv[0]).toMatchObject({ priority: 1, weight: 1 });
    expect(
      sorted(answer.additionals.filter((a) => a.type === "A").map((a) => `${a.name}=${a.data as string}`)),
    ).toEqual(["0a010001.addr.dc1.consul=10.1.0.1", "0a010002.addr.dc1.consul=10.1.0.2"]);
    const rfc = await ask("_web._tcp.service.consul", "SRV");
    expect(rfc.answers).toHaveLength(2);
    const local = await ask("local.service.consul", "SRV");
    expect(local.answers.map((a) => (a.data as { target: string }).target)).toEqual([
      "node1.node.dc1.consul",
    ]);
  });

  it("filters by tag, finds nodes and refuses what it does not know", async () => {
    expect((await ask("green.web.service.consul", "A")).answers.map((a) => a.data)).toEqual(["10.1.0.2"]);
    expect((await ask("node1.node.consul", "A")).answers.map((a) => a.data)).toEqual(["127.0.0.1"]);
    const missing = await ask("nothing.service.consul", "A");
    expect(missing.rcode).toBe("NXDOMAIN");
    expect(missing.authorities[0]?.type).toBe("SOA");
    expect((await ask("web.service.dc2.consul", "A")).rcode).toBe("NXDOMAIN");
    expect((await ask("example.com", "A")).rcode).toBe("REFUSED");
    await t.call("PUT", "/v1/agent/check/pass/service:h:web-c:80");
    expect((await ask("web.service.consul", "A")).answers).toHaveLength(3);
  });

  it("keeps instances with a warning check, unless only passing ones are asked for", async () => {
    await t.call("PUT", "/v1/agent/check/warn/service:h:web-c:80");
    expect((await ask("web.service.consul", "A")).answers).toHaveLength(3);
    const strict = await startConsul({ httpPort: 0, dnsPort: 0, node: "strict", dnsOnlyPassing: true });
    try {
      const put = (body: unknown) =>
        fetch(`${strict.url}/v1/agent/service/register`, { method: "PUT", body: JSON.stringify(body) });
      await put({
        ID: "a",
        Name: "api",
        Address: "10.2.0.1",
        Port: 1,
        Check: { TTL: "60s", Status: "passing" },
      });
      await put({
        ID: "b",
        Name: "api",
        Address: "10.2.0.2",
        Port: 2,
        Check: { TTL: "60s", Status: "warning" },
      });
      const answer = (await lookup(
        { host: "127.0.0.1", port: strict.dnsPort as number },
        "api.service.consul",
        "A",
      )) as unknown as {
        answers: Record[];
      };
      expect(answer.answers.map((a) => a.data)).toEqual(["10.2.0.1"]);
    } finally {
      await strict.stop();
    }
  });
});
