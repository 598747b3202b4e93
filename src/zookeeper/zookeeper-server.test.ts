import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import zookeeper from "node-zookeeper-client";
import { afterEach, describe, expect, it } from "vitest";
import { isPortFree } from "../common/ports.js";
import { getData, mkdirp } from "../mesos/zk/zk-ops.js";
import { fourLetterWord } from "./four-letter-word.js";
import { findZooKeeperInstall } from "./install.js";
import { startZooKeeper, type ZooKeeperServer } from "./zookeeper-server.js";

const servers: ZooKeeperServer[] = [];
const dirs: string[] = [];
const blockers: Server[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "zk-server-test-"));
  dirs.push(dir);
  return dir;
}

async function start(options: Parameters<typeof startZooKeeper>[0]): Promise<ZooKeeperServer> {
  const server = await startZooKeeper(options);
  servers.push(server);
  return server;
}

/** Runs `use` with a connected plain client. */
async function withClient<T>(
  server: ZooKeeperServer,
  use: (client: zookeeper.Client) => Promise<T>,
): Promise<T> {
  const client = zookeeper.createClient(server.connectionString);
  const connected = new Promise<void>((resolve) => client.once("connected", resolve));
  client.connect();
  await connected;
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

const processExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.kill()));
  for (const blocker of blockers.splice(0)) blocker.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the real ZooKeeper as a child process", () => {
  it("serves on a free 127.0.0.1 port with short ticks, and stop leaves no process and a free port", async () => {
    const dir = tempDir();
    const server = await start({ dir });
    expect(server.host).toBe("127.0.0.1");
    expect(server.url()).toBe(`zk://127.0.0.1:${server.port}/mesos`);
    expect(await fourLetterWord("127.0.0.1", server.port, "ruok")).toBe("imok");
    const conf = await fourLetterWord("127.0.0.1", server.port, "conf");
    expect(conf).toMatch(/tickTime=200/);
    expect(conf).toMatch(/minSessionTimeout=400/);
    expect(conf).toMatch(/maxSessionTimeout=10000/);
    expect(conf).toContain(`dataDir=${join(dir, "data")}`);
    expect(readFileSync(join(dir, "zoo.cfg"), "utf8")).toContain("admin.enableServer=false");

    await server.stop();
    expect(server.exited).toBe(true);
    expect(processExists(server.pid)).toBe(false);
    expect(await isPortFree(server.port)).toBe(true);
  });

  it("restarts on the same port with the same data dir, keeping persistent znodes", async () => {
    const dir = tempDir();
    const first = await start({ dir });
    const mode = await fourLetterWord("127.0.0.1", first.port, "srvr");
    expect(mode).toMatch(/Mode: standalone/);
    await withClient(first, (client) => mkdirp(client, "/kept/across/restarts"));
    await first.stop();
    const second = await start({ dir, port: first.port });
    expect(second.port).toBe(first.port);
    const stat = await withClient(
      second,
      async (client) => (await getData(client, "/kept/across/restarts")).stat,
    );
    expect(stat.version).toBe(0);
  });

  it("runs detached (to outlive the CLI) and still stops without leaving a process", async () => {
    const server = await start({ dir: tempDir(), detached: true });
    expect(processExists(server.pid)).toBe(true);
    expect(await fourLetterWord("127.0.0.1", server.port, "ruok")).toBe("imok");
    await server.stop();
    expect(processExists(server.pid)).toBe(false);
  });

  it("fails with the log when its port is taken, leaving nothing running", async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    const error = (await startZooKeeper({ dir: tempDir(), port, startTimeoutMs: 15_000 }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      new RegExp(`ZooKeeper (exited at start|did not serve).*127\\.0\\.0\\.1:${port}`),
    );
  });

  it("names the missing package when ZooKeeper is not installed", () => {
    expect(() => findZooKeeperInstall(tempDir())).toThrow(
      /ZooKeeper is not installed.*apt-get install zookeeper/,
    );
    expect(() => findZooKeeperInstall("/usr/share/java", { PATH: tempDir() })).toThrow(/needs Java/);
  });
});
