import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { MesosCluster, WaitTimeoutError } from "minimesos/testing";

describe("a Mesos cluster shared by a suite", () => {
  /** @type {import("minimesos/testing").StartedMesosCluster} */
  let cluster;

  before(async () => {
    cluster = await new MesosCluster().start();
  });

  after(() => cluster?.stop());

  it("serves the master's state", async () => {
    const state = await cluster.masterState();
    assert.equal(state.activated_slaves, 1);
    assert.equal(state.slaves[0]?.id, cluster.agents[0]?.id);
  });

  it("fails a wait with a clear message", async () => {
    await assert.rejects(cluster.waitForFramework("absent", { timeoutMs: 50 }), WaitTimeoutError);
  });
});

describe("a cluster per test, stopped by t.after", () => {
  it("restarts the master on the same URL", async (t) => {
    const cluster = await new MesosCluster().start();
    t.after(() => cluster.stop());
    const url = cluster.masterUrl;
    await cluster.restartMaster();
    assert.equal(cluster.masterUrl, url);
    assert.equal((await cluster.waitForAgents(1)).length, 1);
  });
});
