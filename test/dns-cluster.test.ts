import { describe, expect, it } from "vitest";
import { lookup } from "../src/common/dns/client.js";
import { MesosCluster } from "../src/testing/index.js";

const WEB = {
  id: "/shop/web",
  cmd: "sleep 1000",
  cpus: 0.1,
  mem: 16,
  instances: 1,
  portDefinitions: [{ port: 0 }],
};

describe("a cluster with mesosdns", () => {
  it("starts Mesos-DNS in process and resolves the master, Marathon and its app's task by name", async () => {
    await using cluster = await new MesosCluster({ marathon: { apps: [WEB] }, mesosdns: {} }).start();
    expect(cluster.dnsAddress).toEqual({ host: "127.0.0.1", port: expect.any(Number) });
    expect(await cluster.resolve("leader.mesos")).toEqual(["127.0.0.1"]);
    expect(await cluster.resolve("master.mesos")).toEqual(["127.0.0.1"]);
    expect(await cluster.resolve("marathon.mesos")).toEqual(["127.0.0.1"]);
    await cluster.waitForMasterState("the web task running", (s) =>
      s.frameworks.flatMap((f) => f.tasks).find((t) => t.state === "TASK_RUNNING"),
    );
    const deadline = Date.now() + 5000;
    while ((await cluster.resolve("web-shop.marathon.mesos")).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await cluster.resolve("web-shop.marathon.mesos")).toEqual(["127.0.0.1"]);
    const [srv] = await cluster.resolve("_web-shop._tcp.marathon.mesos", "SRV");
    expect(srv).toMatch(/^web-shop-[a-z0-9]{5}-s\d+\.marathon\.mesos:\d+$/);
    expect(await cluster.resolve("nothing.mesos")).toEqual([]);
  }, 30_000);

  it("runs the dns role as its own process with the process runtime", async () => {
    await using cluster = await new MesosCluster({ runtime: "process", mesosdns: {} }).start();
    const { host, port } = cluster.dnsAddress;
    const answer = await lookup({ host, port }, "slave.mesos", "A", { tcp: true });
    expect(answer.answers?.map((a) => a.type === "A" && a.data)).toEqual(["127.0.0.1"]);
  }, 30_000);
});
