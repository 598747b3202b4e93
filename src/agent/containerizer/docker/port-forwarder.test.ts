import { createSocket } from "node:dgram";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { allocatePort } from "../../../common/ports.js";
import { forwardPorts, forwardTcp, forwardUdp, type PortForward } from "./port-forwarder.js";

const LOOPBACK = "127.0.0.1";
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A TCP server that answers, once the client half-closed, with "echo:" and everything it received. */
async function halfCloseEchoServer(): Promise<number> {
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.on("end", () => socket.end(`echo:${received}`));
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as AddressInfo).port;
}

/** Sends `text`, half-closes, and resolves with the whole answer. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: LOOPBACK, port, allowHalfOpen: true });
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.once("end", () => {
      socket.destroy();
      resolve(answer);
    });
    socket.once("error", reject);
    socket.end(text);
  });
}

const tracked = (forward: PortForward): PortForward => {
  cleanups.push(() => forward.close());
  return forward;
};

describe("TCP port forwarding", () => {
  it("carries both directions, half-close included, and refuses connections once closed", async () => {
    const targetPort = await halfCloseEchoServer();
    const listenPort = await allocatePort(0, LOOPBACK);
    const spec = { protocol: "tcp" as const, listenIp: LOOPBACK, listenPort, targetIp: LOOPBACK, targetPort };
    const forward = tracked(await forwardTcp(spec));
    expect(await exchange(listenPort, "hello")).toBe("echo:hello");
    await forward.close();
    await expect(exchange(listenPort, "again")).rejects.toThrow(/ECONNREFUSED/);
  });

  it("drops the connections in flight when it closes", async () => {
    const targetPort = await halfCloseEchoServer();
    const listenPort = await allocatePort(0, LOOPBACK);
    const forward = tracked(
      await forwardTcp({ protocol: "tcp", listenIp: LOOPBACK, listenPort, targetIp: LOOPBACK, targetPort }),
    );
    const socket: Socket = connect({ host: LOOPBACK, port: listenPort });
    cleanups.push(async () => socket.destroy());
    await new Promise((resolve) => socket.once("connect", resolve));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.on("error", () => undefined);
    await forward.close();
    await closed;
  });
});

describe("UDP port forwarding", () => {
  it("relays datagrams to the target and its replies back to each client", async () => {
    const target = createSocket("udp4");
    target.on("message", (datagram, client) => target.send(`pong:${datagram}`, client.port, client.address));
    await new Promise<void>((resolve) => target.bind(0, LOOPBACK, resolve));
    cleanups.push(() => new Promise<void>((resolve) => target.close(() => resolve())));
    const listenPort = await allocatePort(0, LOOPBACK);
    tracked(
      await forwardUdp({
        protocol: "udp",
        listenIp: LOOPBACK,
        listenPort,
        targetIp: LOOPBACK,
        targetPort: target.address().port,
      }),
    );
    const client = createSocket("udp4");
    cleanups.push(() => new Promise<void>((resolve) => client.close(() => resolve())));
    const reply = new Promise<string>((resolve) => client.once("message", (m) => resolve(m.toString())));
    client.send("ping", listenPort, LOOPBACK);
    expect(await reply).toBe("pong:ping");
  });
});

describe("forwardPorts", () => {
  it("starts all forwards or none: a taken port fails it and frees the ports already bound", async () => {
    const targetPort = await halfCloseEchoServer();
    const taken = await halfCloseEchoServer();
    const free = await allocatePort(0, LOOPBACK);
    const spec = (listenPort: number) => ({
      protocol: "tcp" as const,
      listenIp: LOOPBACK,
      listenPort,
      targetIp: LOOPBACK,
      targetPort,
    });
    await expect(forwardPorts([spec(free), spec(taken)])).rejects.toThrow(/EADDRINUSE/);
    tracked(await forwardPorts([spec(free)]));
    expect(await exchange(free, "x")).toBe("echo:x");
  });
});
