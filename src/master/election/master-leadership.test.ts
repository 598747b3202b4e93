import { afterEach, describe, expect, it } from "vitest";
import { useZooKeeper } from "../../../test/support/zookeeper.js";
import { AGENT_LINK_PATH } from "../../mesos/agent-link-protocol.js";
import { parseZkUrl } from "../../mesos/zk/zk-url.js";
import { LeaderDetector } from "../../mesos/zk/leader-detector.js";
import { waitUntil } from "../../testing/wait.js";
import { startMaster, type Master } from "../master.js";
import { FakeAgent } from "../testing/fake-agent.js";

const zk = useZooKeeper();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function master(path: string, quorum = 1): Promise<Master> {
  const m = await startMaster({
    port: 0,
    zk: { zk: parseZkUrl(zk.url(path)), quorum, sessionTimeoutMs: 2_000 },
  });
  cleanups.push(() => m.stop());
  return m;
}

const until = (what: string, check: () => boolean | Promise<boolean>) =>
  waitUntil(what, async () => ((await check()) ? { value: true } : { seen: "not yet" }), {
    timeoutMs: 10_000,
  });

const get = (m: Master, path: string) => fetch(m.url + path, { redirect: "manual" });
const json = async (m: Master, path: string) =>
  (await (await get(m, path)).json()) as Record<string, unknown>;
const subscribe = (m: Master) =>
  fetch(`${m.url}/api/v1/scheduler?x=1`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ type: "SUBSCRIBE", subscribe: { framework_info: { user: "u", name: "f" } } }),
  });

describe("a master with --zk", () => {
  it("acts as master only when elected; a follower redirects, reports the leader and is not elected", async () => {
    const first = await master("/l1");
    await until("first elected", () => first.context.leadership.isLeader);
    const second = await master("/l1");
    await until("second sees the leader", () => second.context.leadership.leader?.id === first.id);

    const redirect = await get(second, "/master/redirect");
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe(`//127.0.0.1:${first.port}`);
    const call = await subscribe(second);
    expect(call.status).toBe(307);
    expect(call.headers.get("location")).toBe(`//127.0.0.1:${first.port}/api/v1/scheduler?x=1`);
    const operator = await fetch(`${second.url}/master/api/v1`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: "GET_HEALTH" }),
    });
    expect(operator.status).toBe(307);
    expect(operator.headers.get("location")).toBe(`//127.0.0.1:${first.port}/master/api/v1`);
    const agentLink = await fetch(second.url + AGENT_LINK_PATH, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: "REGISTER" }),
    });
    expect(agentLink.status).toBe(307);
    expect(agentLink.headers.get("location")).toBe(`//127.0.0.1:${first.port}${AGENT_LINK_PATH}`);

    const followerState = await json(second, "/master/state");
    expect(followerState.leader).toBe(first.context.info.pid);
    expect(followerState.leader_info).toMatchObject({ id: first.id, port: first.port });
    expect(followerState.elected_time).toBeUndefined();
    expect(followerState.id).toBe(second.id);
    const leaderState = await json(first, "/master/state");
    expect(leaderState.leader).toBe(first.context.info.pid);
    expect(typeof leaderState.elected_time).toBe("number");
    expect((await json(first, "/metrics/snapshot"))["master/elected"]).toBe(1);
    expect((await json(second, "/metrics/snapshot"))["master/elected"]).toBe(0);

    // The leader itself answers the scheduler API.
    const own = await subscribe(first);
    expect(own.status).toBe(200);
    await own.body?.cancel();
  });

  it("answers 503 while waiting for a quorum, then leads", async () => {
    const first = await master("/l2", 2);
    await until("leads in ZooKeeper", () => first.context.leadership.leader?.id === first.id);
    const waiting = await subscribe(first);
    expect(waiting.status).toBe(503);
    expect((await json(first, "/metrics/snapshot"))["master/elected"]).toBe(0);
    await master("/l2", 2);
    await until("elected with a quorum", () => first.context.leadership.isLeader);
    const res = await subscribe(first);
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });

  it("keeps the registry in ZooKeeper: the next leader recovers the agents the last one admitted", async () => {
    const first = await master("/l3");
    await until("first elected", () => first.context.leadership.isLeader);
    const second = await master("/l3");
    const agent = await FakeAgent.register(first.url);
    cleanups.push(() => agent.close());
    expect(agent.agentId).not.toBe("");
    await first.context.registrar?.flush();
    const reader = new LeaderDetector(zk.url("/l3")).start();
    cleanups.push(() => reader.close());
    await until("reader sees the first", async () => (await reader.waitForLeader(5_000)).id === first.id);

    await first.stop();
    await until("second elected and recovered", () => second.context.leadership.isLeader);
    const state = await json(second, "/master/state");
    expect(state.recovered_slaves).toEqual([expect.objectContaining({ id: agent.agentId })]);
    await until("reader sees the second", () => reader.leader?.id === second.id);
  });

  it("fails to start naming an unreachable ZooKeeper", async () => {
    await expect(
      startMaster({
        port: 0,
        zk: { zk: parseZkUrl("zk://127.0.0.1:1/mesos"), quorum: 1, connectTimeoutMs: 1_000 },
      }),
    ).rejects.toThrow("ZooKeeper at zk://127.0.0.1:1/mesos not reachable within 1000 ms");
  });

  it("a leader that loses its ZooKeeper session stops leading and reports a fatal end", async () => {
    const m = await master("/l4");
    const fatal: Error[] = [];
    m.onFatal((error) => fatal.push(error));
    await until("elected", () => m.context.leadership.isLeader);
    // The last test of the file: ZooKeeper stays down, so no client meets it again half-closed.
    await zk.stop();
    await until("fatal", () => fatal.length === 1);
    expect(fatal[0]?.message).toMatch(/Lost leadership in ZooKeeper/);
    expect(m.context.leadership.isLeader).toBe(false);
    expect((await json(m, "/metrics/snapshot"))["master/elected"]).toBe(0);
  });
});
