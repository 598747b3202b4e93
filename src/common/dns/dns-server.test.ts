import { createSocket } from "node:dgram";
import { Resolver } from "node:dns/promises";
import { connect } from "node:net";
import dnsPacket from "dns-packet";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.js";
import { lookup } from "./client.js";
import { startDnsServer, type RunningDnsServer } from "./dns-server.js";
import type { DnsHandler, DnsQuery } from "./message.js";

const servers: RunningDnsServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

/** A test handler: `many.test` has 80 A records, `boom.test` throws, every other name one A record. */
const handler: DnsHandler = (query: DnsQuery) => {
  const name = query.question.name;
  if (name === "boom.test") throw new Error("boom");
  const count = name === "many.test" ? 80 : 1;
  return {
    rcode: "NOERROR",
    authoritative: true,
    answers: Array.from({ length: count }, (_, i) => ({
      type: "A" as const,
      name,
      ttl: 60,
      data: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    })),
  };
};

async function start(): Promise<RunningDnsServer> {
  const server = await startDnsServer({ host: "127.0.0.1", port: 0, handler, logger: silentLogger() });
  servers.push(server);
  return server;
}

/** Sends raw bytes over UDP; resolves with the answer or undefined after `waitMs`. */
function udpRaw(port: number, bytes: Buffer, waitMs = 300): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket("udp4");
    const timer = setTimeout(() => (socket.close(), resolve(undefined)), waitMs);
    socket.on("message", (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message);
    });
    socket.send(bytes, port, "127.0.0.1");
  });
}

const query = (name: string, id = 7) =>
  dnsPacket.encode({
    type: "query",
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: "A", name }],
  });

describe("DNS server transport", () => {
  it("answers over UDP and TCP on the same port", async () => {
    const server = await start();
    const udp = await lookup(server, "one.test", "A");
    const tcp = await lookup(server, "one.test", "A", { tcp: true });
    for (const answer of [udp, tcp]) {
      expect(answer.flag_aa).toBe(true);
      expect(answer.answers).toEqual([expect.objectContaining({ name: "one.test", data: "10.0.0.1" })]);
    }
  });

  it("answers Node's dns.Resolver", async () => {
    const server = await start();
    const resolver = new Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([`127.0.0.1:${server.port}`]);
    expect(await resolver.resolve4("node.test")).toEqual(["10.0.0.1"]);
  });

  it("truncates a large UDP answer with TC, and the same query over TCP gets everything", async () => {
    const server = await start();
    const raw = await udpRaw(server.port, query("many.test"));
    const truncated = dnsPacket.decode(raw!);
    expect(raw!.length).toBeLessThanOrEqual(512);
    expect(truncated.flag_tc).toBe(true);
    expect(truncated.answers!.length).toBeLessThan(80);
    expect((await lookup(server, "many.test", "A")).answers).toHaveLength(80);
    // A client offering 4096 bytes over EDNS gets them all over UDP.
    const edns = dnsPacket.encode({
      type: "query",
      id: 9,
      questions: [{ type: "A", name: "many.test" }],
      additionals: [
        {
          type: "OPT",
          name: ".",
          udpPayloadSize: 4096,
          extendedRcode: 0,
          ednsVersion: 0,
          flags: 0,
          flag_do: false,
          options: [],
        },
      ],
    });
    const big = dnsPacket.decode((await udpRaw(server.port, edns))!);
    expect(big.flag_tc).toBe(false);
    expect(big.answers).toHaveLength(80);
  });

  it("answers FORMERR to unreadable bodies and drops what is not a query, then keeps serving", async () => {
    const server = await start();
    const garbage = Buffer.concat([
      Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0]),
      Buffer.from([63, 1, 2]),
    ]);
    const formerr = dnsPacket.decode((await udpRaw(server.port, garbage))!);
    expect(formerr.id).toBe(0x1234);
    expect((formerr as { rcode?: string }).rcode).toBe("FORMERR");
    const twoQuestions = dnsPacket.encode({
      type: "query",
      id: 5,
      questions: [
        { type: "A", name: "a.test" },
        { type: "A", name: "b.test" },
      ],
    });
    expect((dnsPacket.decode((await udpRaw(server.port, twoQuestions))!) as { rcode?: string }).rcode).toBe(
      "FORMERR",
    );
    expect(await udpRaw(server.port, Buffer.from([1, 2, 3]))).toBeUndefined();
    const response = dnsPacket.encode({
      type: "response",
      id: 3,
      questions: [{ type: "A", name: "x.test" }],
    });
    expect(await udpRaw(server.port, response)).toBeUndefined();
    expect((await lookup(server, "still.test")).answers).toHaveLength(1);
  });

  it("answers SERVFAIL when the handler fails", async () => {
    const server = await start();
    const answer = await lookup(server, "boom.test");
    expect((answer as { rcode?: string }).rcode).toBe("SERVFAIL");
  });

  it("reads TCP messages split across packets and several in one packet", async () => {
    const server = await start();
    const framed = (id: number, name: string) => {
      const body = query(name, id);
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(body.length);
      return Buffer.concat([prefix, body]);
    };
    const bytes = Buffer.concat([framed(1, "first.test"), framed(2, "second.test")]);
    const answers = await new Promise<Array<{ id?: number; name?: string }>>((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1");
      let buffered = Buffer.alloc(0);
      const got: Array<{ id?: number; name?: string }> = [];
      socket.on("connect", () => {
        socket.write(bytes.subarray(0, 5));
        setTimeout(() => socket.write(bytes.subarray(5)), 20);
      });
      socket.on("data", (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
          const decoded = dnsPacket.decode(buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
          got.push({ id: decoded.id, name: decoded.answers?.[0]?.name });
          buffered = buffered.subarray(2 + buffered.readUInt16BE(0));
        }
        if (got.length === 2) {
          socket.destroy();
          resolve(got);
        }
      });
      socket.on("error", reject);
    });
    expect(answers).toEqual([
      { id: 1, name: "first.test" },
      { id: 2, name: "second.test" },
    ]);
  });
});
