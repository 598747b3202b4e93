import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_DIR } from "../src/common/package-root.js";
import { buildMasterInfo } from "../src/master/master-info.js";
import { LeaderDetector } from "../src/mesos/zk/leader-detector.js";
import { MasterContender } from "../src/mesos/zk/master-contender.js";
import { startZooKeeper, type ZooKeeperServer } from "../src/zookeeper/zookeeper-server.js";
import { summarize, type BenchResult } from "./stats.js";

const STARTS = 5;
const KILLS = 10;
const SESSION_TIMEOUT_MS = 2_000;

/** ZooKeeper's JVM: spawn → serving `srvr`, with and without the class-data archive. */
async function startTimes(jvmCacheDir: string | false): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const dir = mkdtempSync(join(tmpdir(), "bench-zk-start-"));
    try {
      const t0 = performance.now();
      const server = await startZooKeeper({ dir, jvmCacheDir });
      samples.push(performance.now() - t0);
      await server.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return samples;
}

/** A leading master in its own process, contending with a plain client, so it can be killed with SIGKILL. */
async function killableLeader(zk: ZooKeeperServer, path: string): Promise<() => void> {
  const info = JSON.stringify(buildMasterInfo("doomed", "127.0.0.1", 5050, "doomed"));
  const script = `const zk=require("node-zookeeper-client");
    const c=zk.createClient(${JSON.stringify(zk.connectionString)},{sessionTimeout:${SESSION_TIMEOUT_MS}});
    c.once("connected",()=>c.mkdirp(${JSON.stringify(path)},()=>c.create(${JSON.stringify(`${path}/json.info_`)},
      Buffer.from(${JSON.stringify(info)}),zk.CreateMode.EPHEMERAL_SEQUENTIAL,(e)=>console.log(e?"failed":"ready"))));
    c.connect();`;
  const child = spawn(process.execPath, ["-e", script], {
    cwd: PACKAGE_DIR,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await once(child.stdout, "data");
  return () => child.kill("SIGKILL");
}

/** kill -9 of the leading master's process → the next contender elected and a reader sees it. */
async function electionFailover(zk: ZooKeeperServer): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < KILLS; i++) {
    const url = zk.url(`/bench-failover-${i}`);
    const kill = await killableLeader(zk, `/bench-failover-${i}`);
    const session = { sessionTimeoutMs: SESSION_TIMEOUT_MS };
    const next = new MasterContender(url, buildMasterInfo(`next-${i}`, "127.0.0.1", 5051, "next"), session);
    const reader = new LeaderDetector(url, session).start();
    try {
      await reader.waitForLeader();
      await next.contend();
      const seen = new Promise<void>((resolve) =>
        reader.on("leader", (l) => l?.id === `next-${i}` && resolve()),
      );
      const elected = new Promise<void>((resolve) => next.on("elected", () => resolve()));
      const t0 = performance.now();
      kill();
      await Promise.all([seen, elected]);
      samples.push(performance.now() - t0);
    } finally {
      next.withdraw();
      reader.close();
    }
  }
  return samples;
}

export async function zookeeperBenchmarks(): Promise<BenchResult[]> {
  const cacheDir = mkdtempSync(join(tmpdir(), "bench-zk-jvm-cache-"));
  const zkDir = mkdtempSync(join(tmpdir(), "bench-zk-"));
  try {
    await startTimes(cacheDir); // the first start writes the archive
    const withArchive = await startTimes(cacheDir);
    const withoutArchive = await startTimes(false);
    const zk = await startZooKeeper({ dir: zkDir, jvmCacheDir: cacheDir });
    let failover: number[];
    try {
      failover = await electionFailover(zk);
    } finally {
      await zk.stop();
    }
    return [
      {
        name: "zookeeper start → serving (JVM class-data archive)",
        unit: "ms",
        summary: summarize(withArchive),
      },
      { name: "zookeeper start → serving (no archive)", unit: "ms", summary: summarize(withoutArchive) },
      {
        name: `election: kill -9 leader → next elected + seen (${SESSION_TIMEOUT_MS} ms session)`,
        unit: "ms",
        summary: summarize(failover),
      },
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(zkDir, { recursive: true, force: true });
  }
}
