import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useZooKeeper } from "../../test/support/zookeeper.js";
import { silentLogger } from "../common/logger.js";
import { startMaster, type Master } from "../master/master.js";
import { parseZkUrl } from "../mesos/zk/zk-url.js";
import { waitUntil } from "../testing/wait.js";
import { startAgent } from "./agent.js";
import { masterBaseUrl } from "./options.js";

const zk = useZooKeeper();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function master(path: string): Promise<Master> {
  const m = await startMaster({
    port: 0,
    zk: { zk: parseZkUrl(zk.url(path)), quorum: 1, sessionTimeoutMs: 2_000 },
  });
  cleanups.push(() => m.stop());
  return m;
}

const activeAgents = (m: Master): string[] =>
  m.context.agents
    .all()
    .filter((a) => a.active && a.stream)
    .map((a) => a.id);

describe("an agent with --master=zk://", () => {
  it("registers with the leader and re-registers with the next one, keeping its id", async () => {
    const first = await master("/agents");
    await waitUntil("first elected", async () =>
      first.context.leadership.isLeader ? { value: true } : { seen: "not yet" },
    );
    const second = await master("/agents");
    const workDir = mkdtempSync(join(tmpdir(), "agent-zk-"));
    cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
    const agent = await startAgent({
      master: zk.url("/agents"),
      port: 0,
      workDir,
      containerizers: "simulated",
      resources: "cpus:2;mem:1024;disk:1000;ports:[31000-31099]",
      logger: silentLogger(),
      reconnectBackoffMaxMs: 200,
    });
    cleanups.push(() => agent.stop());
    const id = await agent.registered();
    expect(activeAgents(first)).toEqual([id]);

    await first.stop();
    await waitUntil(
      "the agent re-registered with the second master",
      async () => {
        const active = activeAgents(second);
        return active.length === 1 ? { value: active } : { seen: JSON.stringify(active) };
      },
      { timeoutMs: 10_000 },
    );
    expect(activeAgents(second)).toEqual([id]);
  });

  it("refuses a malformed zk:// master, naming it", () => {
    expect(() => masterBaseUrl("zk://127.0.0.1:2181")).toThrow(/Malformed ZooKeeper URL/);
    expect(masterBaseUrl("zk://127.0.0.1:2181/mesos")).toBe("zk://127.0.0.1:2181/mesos");
  });
});
