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
/** At most this many UDP clients at once; datagrams of further ones are dropped until sessions end. */
const UDP_MAX_SESSIONS = 1024;

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
      // An accept failure (e.g. out of file descriptors) drops that connection, never the agent.
      server.on("error", () => undefined);
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

interface UdpSession {
  upstream: UdpSocket;
  connected: Promise<void>;
  idle: NodeJS.Timeout | undefined;
}

/** Forwards UDP datagrams, with one upstream socket per client so that replies find their way back. */
export function forwardUdp(spec: ForwardSpec): Promise<PortForward> {
  const sessions = new Map<string, UdpSession>();
  const socket = createSocket("udp4");
  const end = (key: string) => {
    const session = sessions.get(key);
    if (!session) return;
    sessions.delete(key);
    clearTimeout(session.idle);
    session.upstream.close();
  };
  /** The client's session: an upstream socket connected to the target, so only the task's replies return. */
  const sessionOf = (client: RemoteInfo, key: string): UdpSession | undefined => {
    let session = sessions.get(key);
    if (!session) {
      if (sessions.size >= UDP_MAX_SESSIONS) return undefined;
      const upstream = createSocket("udp4");
      const connected = new Promise<void>((resolve) =>
        upstream.connect(spec.targetPort, spec.targetIp, resolve),
      );
      upstream.on("message", (reply) => socket.send(reply, client.port, client.address));
      upstream.on("error", () => end(key));
      session = { upstream, connected, idle: undefined };
      sessions.set(key, session);
    }
    clearTimeout(session.idle);
    session.idle = setTimeout(() => end(key), UDP_IDLE_MS).unref();
    return session;
  };
  socket.on("message", (datagram, client) => {
    const key = `${client.address}:${client.port}`;
    const session = sessionOf(client, key);
    void session?.connected.then(() => {
      // The session may have ended (idle, closed) while its socket was connecting.
      if (sessions.get(key) === session) session.upstream.send(datagram, (error) => error && end(key));
    });
  });
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
