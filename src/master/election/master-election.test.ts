import { afterEach, describe, expect, it } from "vitest";
import { useZooKeeper } from "../../../test/support/zookeeper.js";
import { parseZkUrl } from "../../mesos/zk/zk-url.js";
import { waitUntil } from "../../testing/wait.js";
import { buildMasterInfo } from "../master-info.js";
import { MasterElection } from "./master-election.js";

const zk = useZooKeeper();
const elections: MasterElection[] = [];

afterEach(() => {
  for (const election of elections.splice(0)) election.stop();
});

function election(path: string, id: string, port: number, quorum = 1): MasterElection {
  const e = new MasterElection({
    zk: parseZkUrl(zk.url(path)),
    quorum,
    info: buildMasterInfo(id, "127.0.0.1", port, id),
    sessionTimeoutMs: 2_000,
  });
  elections.push(e);
  return e;
}

const until = (what: string, check: () => boolean) =>
  waitUntil(what, async () => (check() ? { value: true } : { seen: "not yet" }), { timeoutMs: 10_000 });

describe("MasterElection", () => {
  it("elects the first master, and the second when the first stops; both follow the leader", async () => {
    const first = election("/e1", "m1", 5201);
    const second = election("/e1", "m2", 5202);
    const elected: string[] = [];
    first.onElected(() => elected.push("m1"));
    second.onElected(() => elected.push("m2"));
    const before = Date.now() / 1000;
    await first.start();
    await second.start();
    await until("m1 elected", () => first.isLeader);
    expect(first.electedTime).toBeGreaterThanOrEqual(before);
    await until("m2 sees m1", () => second.leader?.id === "m1");
    expect(second.isLeader).toBe(false);
    expect(second.electedTime).toBeUndefined();
    expect(second.leader?.address).toBe("127.0.0.1:5201");

    first.stop();
    await until("m2 elected", () => second.isLeader);
    await until("m2 sees itself", () => second.leader?.id === "m2");
    expect(elected).toEqual(["m1", "m2"]);
  });

  it("waits for a quorum of contending masters before counting as elected", async () => {
    const first = election("/e2", "m1", 5201, 2);
    await first.start();
    await until("m1 leads in ZooKeeper", () => first.leader?.id === "m1");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(first.isLeader).toBe(false);
    const second = election("/e2", "m2", 5202, 2);
    await second.start();
    await until("m1 elected with a quorum", () => first.isLeader);
    expect(first.contending).toBe(2);
    expect(second.isLeader).toBe(false);
  });

  it("says when ZooKeeper cannot be reached", async () => {
    const unreachable = new MasterElection({
      zk: parseZkUrl("zk://127.0.0.1:1/mesos"),
      quorum: 1,
      info: buildMasterInfo("m1", "127.0.0.1", 5201, "m1"),
    });
    elections.push(unreachable);
    await expect(unreachable.start(1_000)).rejects.toThrow(
      "ZooKeeper at zk://127.0.0.1:1/mesos not reachable within 1000 ms",
    );
    expect(unreachable.isLeader).toBe(false);
  });

  it("loses leadership for good when its ZooKeeper session ends", async () => {
    const master = election("/e3", "m1", 5201);
    const lost: Array<{ reason: string; wasLeader: boolean }> = [];
    master.onLostLeadership((notice) => lost.push(notice));
    await master.start();
    await until("elected", () => master.isLeader);
    await zk.stop();
    await until("lost", () => lost.length === 1);
    expect(lost[0]?.wasLeader).toBe(true);
    expect(master.isLeader).toBe(false);
    await zk.start();
    const next = election("/e3", "m1-restarted", 5201);
    await next.start();
    await until("the restarted master elected", () => next.isLeader);
    expect(master.isLeader).toBe(false);
  });
});
