import { createServer, type Server, type Socket } from "node:net";
import { respond, type RespondOptions } from "./respond.js";

/** A client that sends nothing for this long is disconnected (RFC 7766 suggests seconds). */
const IDLE_TIMEOUT_MS = 10_000;

/** Reads 2-byte length-prefixed messages from one connection and answers each in order. */
function serveConnection(socket: Socket, options: RespondOptions): void {
  let buffered: Buffer = Buffer.alloc(0);
  let chain = Promise.resolve();
  socket.setNoDelay(true);
  socket.setTimeout(IDLE_TIMEOUT_MS, () => socket.destroy());
  socket.on("error", () => socket.destroy());
  socket.on("data", (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) break;
      const message = buffered.subarray(2, 2 + length);
      buffered = buffered.subarray(2 + length);
      const remote = { address: socket.remoteAddress ?? "", port: socket.remotePort ?? 0 };
      const answer = respond(Buffer.from(message), "tcp", remote, options);
      chain = chain.then(async () => {
        const bytes = await answer;
        if (!bytes || socket.destroyed) return;
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(bytes.length, 0);
        socket.write(Buffer.concat([prefix, bytes]));
      });
    }
  });
}

/** Queries over TCP (RFC 1035 §4.2.2 framing), several per connection. */
export async function listenTcp(host: string, port: number, options: RespondOptions): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(socket, options);
  });
  server.on("close", () => {
    for (const socket of sockets) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => options.logger.warn({ err: error }, "DNS TCP server error"));
  return server;
}
