import { createSocket, type Socket } from "node:dgram";
import { isIPv6 } from "node:net";
import { MAX_MESSAGE } from "./codec.js";
import { respond, type RespondOptions } from "./respond.js";

const ignore = (): void => undefined;

/** Queries over UDP: each datagram answered on its own, errors logged, never thrown. */
export async function listenUdp(host: string, port: number, options: RespondOptions): Promise<Socket> {
  const socket = createSocket({ type: isIPv6(host) ? "udp6" : "udp4", reuseAddr: false });
  socket.on("message", (message, rinfo) => {
    if (message.length > MAX_MESSAGE) return;
    const remote = { address: rinfo.address, port: rinfo.port };
    const reply = (answer: Buffer | undefined): void => {
      if (answer) socket.send(answer, rinfo.port, rinfo.address, ignore);
    };
    const answer = respond(message, "udp", remote, options);
    if (answer instanceof Promise) void answer.then(reply);
    else reply(answer);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ address: host, port, exclusive: true }, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  socket.on("error", (error) => options.logger.warn({ err: error }, "DNS UDP socket error"));
  return socket;
}
