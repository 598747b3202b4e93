import { createSocket } from "node:dgram";
import { connect, isIPv6 } from "node:net";

export interface DnsEndpoint {
  host: string;
  port: number;
}

/** `1.2.3.4`, `1.2.3.4:53`, `[::1]:53` or `::1` → host and port (53 when none is given). */
export function parseEndpoint(text: string): DnsEndpoint {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1] as string, port: Number(bracketed[2] ?? 53) };
  const colons = text.split(":").length - 1;
  if (colons === 1) {
    const [host, port] = text.split(":") as [string, string];
    return { host, port: Number(port) };
  }
  return { host: text, port: 53 };
}

/** Sends one message over UDP and resolves with the first datagram back carrying the same id. */
function exchangeUdp(message: Buffer, to: DnsEndpoint, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(to.host) ? "udp6" : "udp4");
    const id = message.readUInt16BE(0);
    const done = (error: Error | undefined, answer?: Buffer): void => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(answer as Buffer);
    };
    const timer = setTimeout(
      () => done(new Error(`No DNS answer from ${to.host}:${to.port} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on("error", (error) => done(error));
    socket.on("message", (answer, rinfo) => {
      if (answer.length >= 2 && answer.readUInt16BE(0) === id && rinfo.port === to.port)
        done(undefined, answer);
    });
    socket.send(message, to.port, to.host, (error) => {
      if (error) done(error);
    });
  });
}

/** Sends one message over TCP (2-byte length prefix) and resolves with the answer. */
function exchangeTcp(message: Buffer, to: DnsEndpoint, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: to.host, port: to.port });
    let buffered: Buffer = Buffer.alloc(0);
    let settled = false;
    const done = (error: Error | undefined, answer?: Buffer): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve(answer as Buffer);
    };
    socket.setTimeout(timeoutMs, () =>
      done(new Error(`No DNS answer from ${to.host}:${to.port} within ${timeoutMs} ms`)),
    );
    socket.on("error", (error) => done(error));
    socket.on("close", () => done(new Error(`${to.host}:${to.port} closed the connection`)));
    socket.on("connect", () => {
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(message.length, 0);
      socket.write(Buffer.concat([prefix, message]));
    });
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0))
        done(undefined, buffered.subarray(2, 2 + buffered.readUInt16BE(0)));
    });
  });
}

/** One DNS message to one server over UDP or TCP; resolves with the raw answer. */
export const exchange = (
  message: Buffer,
  to: DnsEndpoint,
  transport: "udp" | "tcp",
  timeoutMs: number,
): Promise<Buffer> =>
  transport === "udp" ? exchangeUdp(message, to, timeoutMs) : exchangeTcp(message, to, timeoutMs);
