import { afterEach, describe, expect, it } from "vitest";
import { FakeMesosEndpoint, eventually } from "../../test/support/fake-mesos-endpoint.js";
import { FRAMEWORK_INFO, startFakeMaster } from "../../test/support/fake-master.js";
import { useZooKeeper } from "../../test/support/zookeeper.js";
import { buildMasterInfo } from "../master/master-info.js";
import { findLeadingMaster } from "./master-address.js";
import { SchedulerClient } from "./scheduler-client.js";
import type { SchedulerSubscription } from "./scheduler-events.js";
import { MasterContender } from "./zk/master-contender.js";
import { ZkUrlError } from "./zk/zk-url.js";

const SESSION = { sessionTimeoutMs: 2_000 };
const zk = useZooKeeper();
const masters: FakeMesosEndpoint[] = [];
const contenders: MasterContender[] = [];
const clients: SchedulerClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const contender of contenders.splice(0)) contender.withdraw();
  await Promise.all(masters.splice(0).map((m) => m.close()));
});

/** Stands in for a master's election: a candidacy carrying the fake master's address. */
async function contendFor(master: FakeMesosEndpoint, id: string, path: string): Promise<MasterContender> {
  const port = Number(master.address.split(":")[1]);
  const contender = new MasterContender(zk.url(path), buildMasterInfo(id, "127.0.0.1", port, id), SESSION);
  contenders.push(contender);
  await contender.contend();
  return contender;
}

async function startMasters(): Promise<[FakeMesosEndpoint, FakeMesosEndpoint]> {
  const a = await startFakeMaster();
  const b = await startFakeMaster();
  masters.push(a, b);
  return [a, b];
}

describe("SchedulerClient with a zk:// master", () => {
  it("subscribes to the leader in ZooKeeper and re-subscribes with its framework id to each new leader", async () => {
    const path = "/mesos-follow";
    const [a, b] = await startMasters();
    const leaderA = await contendFor(a, "master-a", path);
    const client = new SchedulerClient({
      master: zk.url(path),
      frameworkInfo: FRAMEWORK_INFO,
      reconnect: { initialDelayMs: 5, maxDelayMs: 50 },
      zookeeper: SESSION,
    });
    clients.push(client);
    const reconnected: SchedulerSubscription[] = [];
    client.on("reconnected", (s) => reconnected.push(s));

    const subscribed = await client.subscribe();
    expect(subscribed.leader).toBe(`http://${a.address}`);
    const first = await a.subscription(0);
    expect(first.json.framework_id).toBeUndefined();

    const leaderB = await contendFor(b, "master-b", path);
    leaderA.withdraw();
    const onB = await b.subscription(0);
    expect(onB.json.framework_id).toEqual({ value: "fw-0000" });
    expect(onB.json.subscribe).toMatchObject({ framework_info: { id: { value: "fw-0000" } } });
    await eventually(() => reconnected.length === 1);
    expect(client.leader).toBe(`http://${b.address}`);
    await eventually(() => first.stream.isClosed);

    await contendFor(a, "master-a-again", path);
    leaderB.withdraw();
    const backOnA = await a.subscription(1);
    expect(backOnA.json.framework_id).toEqual({ value: "fw-0000" });
    await eventually(() => reconnected.length === 2);
    expect(client.leader).toBe(`http://${a.address}`);
    expect(client.state).toBe("subscribed");
  });

  it("after its master died, moves to the next leader as soon as ZooKeeper names it", async () => {
    const path = "/mesos-dead-leader";
    const [a, b] = await startMasters();
    const leaderA = await contendFor(a, "master-a", path);
    const client = new SchedulerClient({
      master: zk.url(path),
      frameworkInfo: FRAMEWORK_INFO,
      zookeeper: SESSION,
    });
    clients.push(client);
    await client.subscribe();
    await contendFor(b, "master-b", path);

    await a.close(); // the leader's process is gone; its znode stays until its session times out
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(client.state).toBe("reconnecting");
    const namedAt = Date.now();
    leaderA.withdraw();
    const onB = await b.subscription(0);
    expect(Date.now() - namedAt).toBeLessThan(1_000);
    expect(onB.json.framework_id).toEqual({ value: "fw-0000" });
    await eventually(() => client.state === "subscribed");
    expect(client.leader).toBe(`http://${b.address}`);
  });

  it("finds the leader once through findLeadingMaster", async () => {
    const [a] = await startMasters();
    await contendFor(a, "master-a", "/mesos-find");
    expect((await findLeadingMaster(zk.url("/mesos-find"))).href).toBe(`http://${a.address}/`);
  });

  it("refuses malformed zk:// URLs and mixed addresses at construction, and says when no master leads", async () => {
    expect(() => new SchedulerClient({ master: "zk://h:0/mesos", frameworkInfo: FRAMEWORK_INFO })).toThrow(
      ZkUrlError,
    );
    expect(
      () => new SchedulerClient({ master: ["zk://h:2181/mesos", "h:5050"], frameworkInfo: FRAMEWORK_INFO }),
    ).toThrow(/either one zk:\/\/ URL or host:port masters/);
    const client = new SchedulerClient({
      master: zk.url("/mesos-nobody"),
      frameworkInfo: FRAMEWORK_INFO,
      requestTimeoutMs: 1_000,
    });
    clients.push(client);
    await expect(client.subscribe()).rejects.toThrow(
      /No master leads in ZooKeeper at zk:\/\/127\.0\.0\.1:\d+\/mesos-nobody/,
    );
  });
});
