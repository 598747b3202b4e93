import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { listensOn } from "./pids.js";

describe("listensOn", () => {
  it("tells this process's listening port from a port it does not hold", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      expect(listensOn(process.pid, port)).toBe(true);
      expect(listensOn(1, port)).toBe(false);
    } finally {
      server.close();
    }
  });
});
