import { createServer } from "node:net";

const handedOut = new Set<number>();

function tryBind(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(undefined));
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

/** True when nothing listens on host:port now. */
export const isPortFree = async (port: number, host = "127.0.0.1"): Promise<boolean> =>
  (await tryBind(host, port)) !== undefined;

/**
 * A port that is free now and that this process has not handed out before: the preferred one when it is
 * free, otherwise one the kernel picks.
 */
export async function allocatePort(preferred?: number, host = "127.0.0.1"): Promise<number> {
  if (
    preferred !== undefined &&
    preferred > 0 &&
    !handedOut.has(preferred) &&
    (await isPortFree(preferred, host))
  ) {
    handedOut.add(preferred);
    return preferred;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await tryBind(host, 0);
    if (port !== undefined && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port found on ${host}`);
}
