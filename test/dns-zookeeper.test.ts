import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../src/common/logger.js";
import { defaultConfig, finishConfig } from "../src/dns/config.js";
import { startMesosDns } from "../src/dns/mesos-dns.js";
import { startMaster } from "../src/master/master.js";
import type { MasterInfo } from "../src/mesos/master-info.js";
import { MasterContender } from "../src/mesos/zk/master-contender.js";
import { startZooKeeper } from "../src/zookeeper/zookeeper-server.js";
import { addresses } from "./support/dns.js";
import { until } from "./support/marathon-cluster.js";

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function masterInfo(url: string): Promise<MasterInfo> {
  const answer = await fetch(`${url}/api/v1`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ type: "GET_MASTER" }),
  });
  return ((await answer.json()) as { get_master: { master_info: MasterInfo } }).get_master.master_info;
}

describe("Mesos-DNS with zk", () => {
  it("finds the leading master through ZooKeeper and follows it when another one leads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dns-zk-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const zk = await startZooKeeper({ dir, startTimeoutMs: 30_000 });
    cleanups.push(() => zk.stop());
    const zkUrl = `zk://${zk.connectionString}/mesos`;
    const first = await startMaster({ port: 0 });
    cleanups.push(() => first.stop());
    const firstContender = new MasterContender(zkUrl, await masterInfo(first.url));
    cleanups.push(() => firstContender.withdraw());
    await firstContender.contend(10_000);

    const config = finishConfig({ ...defaultConfig(), Zk: zkUrl, Port: 0, HttpPort: 0 });
    const dns = await startMesosDns({ config, logger: silentLogger() });
    cleanups.push(() => dns.stop());
    const port = dns.dns!.port;
    const leaderPort = async () => {
      const { lookup } = await import("../src/common/dns/client.js");
      const answer = await lookup({ host: "127.0.0.1", port }, "_leader._tcp.mesos", "SRV");
      const srv = answer.answers?.[0];
      return srv?.type === "SRV" ? srv.data.port : undefined;
    };
    await until(
      "leader.mesos",
      async () => (await addresses(port, "leader.mesos")).length > 0 || undefined,
      10_000,
    );
    expect(await leaderPort()).toBe(Number(new URL(first.url).port));

    const second = await startMaster({ port: 0 });
    cleanups.push(() => second.stop());
    const secondContender = new MasterContender(zkUrl, await masterInfo(second.url));
    cleanups.push(() => secondContender.withdraw());
    await secondContender.contend(10_000);
    firstContender.withdraw();
    await until(
      "the second master as leader",
      async () => ((await leaderPort()) === Number(new URL(second.url).port) ? true : undefined),
      15_000,
    );
  }, 60_000);
});
