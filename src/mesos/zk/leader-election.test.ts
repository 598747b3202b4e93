import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import zookeeper from "node-zookeeper-client";
import { afterEach, describe, expect, it } from "vitest";
import { useZooKeeper } from "../../../test/support/zookeeper.js";
import { buildMasterInfo } from "../../master/master-info.js";
import { waitUntil } from "../../testing/wait.js";
import { LeaderDetector } from "./leader-detector.js";
import { MasterContender } from "./master-contender.js";
import type { LeaderInfo } from "./members.js";
import { childPath, getChildren, getData } from "./zk-ops.js";
import { parseZkUrl } from "./zk-url.js";

const SESSION = { sessionTimeoutMs: 2_000 };
const zk = useZooKeeper();
let path: string;
let pathCount = 0;
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Each test contends under its own path. */
const zkUrl = () => zk.url(path);
function freshPath(): void {
  path = `/mesos-${process.pid}-${++pathCount}`;
}

function contender(id: string, port: number): MasterContender {
  const c = new MasterContender(zkUrl(), buildMasterInfo(id, "127.0.0.1", port, `host-${id}`), SESSION);
  cleanups.push(() => c.withdraw());
  return c;
}

function detector(): { detector: LeaderDetector; seen: Array<string | undefined> } {
  const d = new LeaderDetector(zkUrl(), SESSION);
  const seen: Array<string | undefined> = [];
  d.on("leader", (leader) => seen.push(leader?.id));
  cleanups.push(() => d.close());
  return { detector: d.start(), seen };
}

const leaderIs = (d: LeaderDetector, id: string, timeoutMs = 10_000): Promise<LeaderInfo> =>
  waitUntil<LeaderInfo>(
    `leader ${id}`,
    async () => {
      const leader = d.leader;
      return leader && leader.id === id ? { value: leader } : { seen: `leader ${leader?.id ?? "none"}` };
    },
    { timeoutMs },
  );

/**
 * A master in another OS process, contending with a plain ZooKeeper client as any Mesos master does, so that
 * it can be killed with SIGKILL.
 */
async function foreignMaster(id: string, port: number): Promise<ChildProcess> {
  const info = JSON.stringify(buildMasterInfo(id, "127.0.0.1", port, id));
  const script = `
    const zk = require("node-zookeeper-client");
    const client = zk.createClient(${JSON.stringify(zk.server.connectionString)}, { sessionTimeout: 2000 });
    client.once("connected", () => client.mkdirp(${JSON.stringify(path)}, () =>
      client.create(${JSON.stringify(`${path}/json.info_`)}, Buffer.from(${JSON.stringify(info)}),
        zk.CreateMode.EPHEMERAL_SEQUENTIAL, (error) => console.log(error ? "failed " + error : "ready"))));
    client.connect();`;
  const child = spawn(process.execPath, ["-e", script], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  cleanups.push(() => child.kill("SIGKILL"));
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  expect(line.toString().trim()).toBe("ready");
  return child;
}

/** A plain ZooKeeper client, as any other tool reading /mesos would use. */
async function readRaw(): Promise<{ first: string; json: string }> {
  const client = zookeeper.createClient(parseZkUrl(zkUrl()).connectionString);
  client.connect();
  try {
    const children = (await getChildren(client, path)).filter((c) => c.startsWith("json.info_")).sort();
    const first = children[0] ?? "";
    return { first, json: (await getData(client, childPath(path, first))).data?.toString("utf8") ?? "" };
  } finally {
    client.close();
  }
}

describe("master election through the real ZooKeeper", () => {
  it("elects the lowest json.info_ znode and hands over when the leader's session closes", async () => {
    freshPath();
    const { detector: d, seen } = detector();
    const a = contender("master-a", 5101);
    const b = contender("master-b", 5102);
    const elected: string[] = [];
    a.on("elected", () => elected.push("a"));
    b.on("elected", () => elected.push("b"));
    const znodeA = await a.contend();
    const znodeB = await b.contend();
    expect(znodeA).toMatch(/^json\.info_\d{10}$/);
    expect(Number(znodeB.slice(10))).toBeGreaterThan(Number(znodeA.slice(10)));

    const leader = await leaderIs(d, "master-a");
    expect(leader).toMatchObject({ address: "127.0.0.1:5101", hostname: "host-master-a", port: 5101 });
    await waitUntil("a elected", async () => (a.isLeader ? { value: true } : { seen: a.state }));
    expect(b.isLeader).toBe(false);

    const raw = await readRaw();
    expect(raw.first).toBe(znodeA);
    expect(raw.json).toBe(JSON.stringify(buildMasterInfo("master-a", "127.0.0.1", 5101, "host-master-a")));

    a.withdraw();
    await leaderIs(d, "master-b");
    await waitUntil("b elected", async () => (b.isLeader ? { value: true } : { seen: b.state }));
    expect(elected).toEqual(["a", "b"]);
    // A first reading may come before any master contended; after that, one notice per change.
    expect(seen.filter((id) => id !== undefined)).toEqual(["master-a", "master-b"]);
    const after = await readRaw();
    expect(JSON.parse(after.json)).toMatchObject({
      id: "master-b",
      address: { ip: "127.0.0.1", port: 5102 },
    });
  });

  it("replaces a leader killed with SIGKILL once its session times out", async () => {
    freshPath();
    const { detector: d } = detector();
    const crashing = await foreignMaster("master-k", 5106);
    await leaderIs(d, "master-k");
    const next = contender("master-l", 5107);
    await next.contend();
    expect(next.isLeader).toBe(false);

    const killedAt = Date.now();
    crashing.kill("SIGKILL");
    await leaderIs(d, "master-l");
    const detectedMs = Date.now() - killedAt;
    await waitUntil("l elected", async () => (next.isLeader ? { value: true } : { seen: next.state }));
    // The znode goes when ZooKeeper expires the dead session: the 2 s timeout, rounded up to its ticks.
    expect(detectedMs).toBeGreaterThanOrEqual(1_500);
    expect(detectedMs).toBeLessThan(5_000);
  });

  it("reports no leader until a master contends, then a reader that starts late sees it", async () => {
    freshPath();
    const { detector: d, seen } = detector();
    await expect(d.waitForLeader(1_500)).rejects.toThrow(
      /No master leads in ZooKeeper at zk:\/\/127\.0\.0\.1/,
    );
    expect(seen).toEqual([undefined]);
    const c = contender("master-c", 5103);
    await c.contend();
    expect((await d.waitForLeader()).id).toBe("master-c");
    const late = detector();
    expect((await late.detector.waitForLeader()).address).toBe("127.0.0.1:5103");
  });

  it("says ZooKeeper is unreachable when nothing answers", async () => {
    const d = new LeaderDetector("zk://127.0.0.1:1/mesos", SESSION);
    cleanups.push(() => d.close());
    await expect(d.waitForLeader(1_000)).rejects.toThrow(
      "ZooKeeper at zk://127.0.0.1:1/mesos not reachable within 1000 ms",
    );
  });

  it("keeps its leader through a ZooKeeper restart shorter than the session timeout", async () => {
    freshPath();
    const longer = { sessionTimeoutMs: 4_000 };
    const leader = new MasterContender(zkUrl(), buildMasterInfo("master-f", "127.0.0.1", 5108, "f"), longer);
    cleanups.push(() => leader.withdraw());
    const lost: string[] = [];
    leader.on("lost", ({ reason }) => lost.push(reason));
    await leader.contend();
    const d = new LeaderDetector(zkUrl(), longer).start();
    cleanups.push(() => d.close());
    await leaderIs(d, "master-f");

    await zk.stop();
    await zk.start();
    // Past the session timeout: had the session not been resumed, ZooKeeper would have dropped the znode.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect((await readRaw()).first).toBe(leader.znode);
    expect(leader.isLeader).toBe(true);
    expect(lost).toEqual([]);
    const next = contender("master-g", 5109);
    await next.contend();
    expect(next.isLeader).toBe(false);
    expect(d.leader?.id).toBe("master-f");
  });

  it("survives ZooKeeper being away longer than the session timeout: the leader loses, a new one is seen", async () => {
    freshPath();
    const { detector: d } = detector();
    const a = contender("master-d", 5104);
    const lost: string[] = [];
    a.on("lost", ({ reason }) => lost.push(reason));
    await a.contend();
    await leaderIs(d, "master-d");

    await zk.stop();
    await waitUntil("the leader to lose its session", async () =>
      lost.length > 0 ? { value: true } : { seen: a.state },
    );
    expect(a.state).toBe("lost");
    expect(lost[0]).toMatch(/session timeout \(2000 ms\)/);
    expect(d.leader?.id).toBe("master-d"); // the last known leader stands while ZooKeeper is away

    await zk.start();
    const b = contender("master-e", 5105);
    await b.contend();
    const leader = await leaderIs(d, "master-e", 15_000);
    expect(leader.port).toBe(5105);
    await waitUntil("e elected", async () => (b.isLeader ? { value: true } : { seen: b.state }));
  });
});
