import type { Socket as UdpSocket } from "node:dgram";
import type { Server } from "node:net";
import type { Logger } from "../logger.js";
import type { DnsHandler } from "./message.js";
import { listenTcp } from "./tcp-listener.js";
import { listenUdp } from "./udp-listener.js";

export interface DnsServerOptions {
  host: string;
  /** The port for both UDP and TCP; 0 picks one free for both. */
  port: number;
  handler: DnsHandler;
  logger: Logger;
  setTruncateBit?: boolean;
}

export interface RunningDnsServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

const closeUdp = (socket: UdpSocket): Promise<void> =>
  new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve();
    }
  });

const closeTcp = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
  });

/**
 * A DNS server on UDP and TCP at the same port, answering each query with `handler`. Role-free: the
 * handler decides every answer. With port 0 a port free for both protocols is chosen.
 */
export async function startDnsServer(options: DnsServerOptions): Promise<RunningDnsServer> {
  const respond = {
    handler: options.handler,
    logger: options.logger,
    setTruncateBit: options.setTruncateBit,
  };
  const attempts = options.port === 0 ? 20 : 1;
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const udp = await listenUdp(options.host, options.port, respond);
    const port = udp.address().port;
    let tcp: Server;
    try {
      tcp = await listenTcp(options.host, port, respond);
    } catch (error) {
      lastError = error;
      await closeUdp(udp);
      continue;
    }
    return {
      host: options.host,
      port,
      close: async () => {
        await Promise.all([closeUdp(udp), closeTcp(tcp)]);
      },
    };
  }
  throw lastError;
}
