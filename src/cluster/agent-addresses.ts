import { createServer } from "node:net";

/**
 * The loopback address agent `index` (0-based) of a cluster binds and advertises: the first agent
 * 127.0.0.1, agent-2 127.0.1.2, agent-3 127.0.1.3, ... so every agent has its own hostname (Marathon's
 * `hostname UNIQUE` means something on one machine) and its own address for task ports. Linux routes the
 * whole of 127.0.0.0/8 to the loopback interface without configuration; where that is not so (macOS),
 * `aliasesUsable` is false and every agent shares 127.0.0.1.
 */
export function agentLoopbackAddress(index: number, aliasesUsable: boolean): string {
  if (index === 0 || !aliasesUsable) return "127.0.0.1";
  if (index > 253) throw new Error(`At most 254 agents get their own loopback address (agent ${index + 1})`);
  return `127.0.1.${index + 1}`;
}

let aliasesChecked: Promise<boolean> | undefined;

/** True when this machine lets a process bind 127.0.1.x (checked once, by binding a free port there). */
export function loopbackAliasesUsable(): Promise<boolean> {
  aliasesChecked ??= new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ host: "127.0.1.2", port: 0, exclusive: true }, () => server.close(() => resolve(true)));
  });
  return aliasesChecked;
}
