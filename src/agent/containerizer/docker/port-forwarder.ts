import { createSocket, type RemoteInfo, type Socket as UdpSocket } from "node:dgram";
import { connect, createServer, type Socket } from "node:net";

/** One forwarded port: `listenIp:listenPort` (tcp or udp) to `targetIp:targetPort`. */
export interface ForwardSpec {
  protocol: "tcp" | "udp";
  listenIp: string;
  listenPort: number;
  targetIp: string;
  targetPort: number;
}

export interface PortForward {
  /** Stops listening and drops every connection (and UDP session) in flight. */
  close(): Promise<void>;
}

/** A UDP client's replies are relayed while it sent something within this time. */
const UDP_IDLE_MS = 60_000;

/** Forwards TCP connections; each end's FIN is passed on, so half-closed exchanges still get their answer. */
export function forwardTcp(spec: ForwardSpec): Promise<PortForward> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const server = createServer({ allowHalfOpen: true }, (client) => {
    const upstream = connect({ host: spec.targetIp, port: spec.targetPort, allowHalfOpen: true });
    track(client);
    track(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once("error", drop);
    upstream.once("error", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: spec.listenIp, port: spec.listenPort, exclusive: true }, () => {
      server.off("error", reject);
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}

/** Forwards UDP datagrams, with one upstream socket per client so that replies find their way back. */
export function forwardUdp(spec: ForwardSpec): Promise<PortForward> {
  const sessions = new Map<string, { upstream: UdpSocket; idle: NodeJS.Timeout }>();
  const socket = createSocket("udp4");
  const end = (key: string) => {
    const session = sessions.get(key);
    if (!session) return;
    sessions.delete(key);
    clearTimeout(session.idle);
    session.upstream.close();
  };
  const upstreamFor = (client: RemoteInfo): UdpSocket => {
    const key = `${client.address}:${client.port}`;
    const existing = sessions.get(key);
    if (existing) clearTimeout(existing.idle);
    const upstream = existing?.upstream ?? createSocket("udp4");
    if (!existing) {
      upstream.on("message", (reply) => socket.send(reply, client.port, client.address));
      upstream.on("error", () => end(key));
    }
    sessions.set(key, { upstream, idle: setTimeout(() => end(key), UDP_IDLE_MS).unref() });
    return upstream;
  };
  socket.on("message", (datagram, client) =>
    upstreamFor(client).send(datagram, spec.targetPort, spec.targetIp),
  );
  return new Promise((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ address: spec.listenIp, port: spec.listenPort, exclusive: true }, () => {
      socket.off("error", reject);
      socket.on("error", () => undefined);
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const key of [...sessions.keys()]) end(key);
            socket.close(() => done());
          }),
      });
    });
  });
}

/** Starts every forward, or none: when one cannot listen (its port is taken) the others are closed again. */
export async function forwardPorts(specs: readonly ForwardSpec[]): Promise<PortForward> {
  const started = await Promise.allSettled(
    specs.map((spec) => (spec.protocol === "udp" ? forwardUdp(spec) : forwardTcp(spec))),
  );
  const forwards = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const close = async () => void (await Promise.all(forwards.map((f) => f.close())));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await close();
    throw failed.reason;
  }
  return { close };
}
