import { afterEach, describe, expect, it } from "vitest";
import { SchedulerClient } from "./scheduler-client.js";
import { FakeMesosEndpoint, eventually } from "../../test/support/fake-mesos-endpoint.js";
import { FRAMEWORK_INFO, offer, startFakeMaster } from "../../test/support/fake-master.js";
import type { TaskStatus } from "./task.js";

let fake: FakeMesosEndpoint | undefined;
let scheduler: SchedulerClient | undefined;

async function subscribed(autoAcknowledge = false): Promise<[FakeMesosEndpoint, SchedulerClient]> {
  fake = await startFakeMaster();
  scheduler = new SchedulerClient({ master: fake.address, frameworkInfo: FRAMEWORK_INFO, autoAcknowledge });
  await scheduler.subscribe();
  return [fake, scheduler];
}

afterEach(async () => {
  await scheduler?.close();
  await fake?.close();
  scheduler = fake = undefined;
});

const FW = { value: "fw-0000" };
const status = (uuid?: string): TaskStatus => ({
  task_id: { value: "t1" },
  state: "TASK_RUNNING",
  agent_id: { value: "m-S0" },
  ...(uuid ? { uuid } : {}),
});
const UUID = Buffer.alloc(16, 7).toString("base64");

describe("SchedulerClient calls", () => {
  it("acknowledge is a no-op without uuid and sends ACKNOWLEDGE with one", async () => {
    const [master, client] = await subscribed();
    await client.acknowledge(status());
    await client.acknowledge(status(UUID));
    expect((await master.call(0)).json).toEqual({
      type: "ACKNOWLEDGE",
      framework_id: FW,
      acknowledge: { agent_id: { value: "m-S0" }, task_id: { value: "t1" }, uuid: UUID },
    });
    expect(master.calls).toHaveLength(1);
  });

  it("auto-acknowledges updates that carry a uuid, and only those", async () => {
    const [master, client] = await subscribed(true);
    const updates: string[] = [];
    client.on("UPDATE", (event) => updates.push(event.update.status.state));
    const stream = (await master.subscription(0)).stream;
    stream.send({ type: "UPDATE", update: { status: status() } });
    stream.send({ type: "UPDATE", update: { status: { ...status(UUID), state: "TASK_FINISHED" } } });
    const ack = await master.call(0);
    expect(ack.json.acknowledge).toMatchObject({ uuid: UUID });
    expect(updates).toEqual(["TASK_RUNNING", "TASK_FINISHED"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(master.calls).toHaveLength(1);
  });

  it("builds every call as the proto says", async () => {
    const [master, client] = await subscribed();
    const task = {
      name: "t",
      task_id: { value: "t1" },
      agent_id: { value: "m-S0" },
      command: { value: "true" },
    };
    const executor = { executor_id: { value: "e1" }, type: "DEFAULT" as const };
    await client.launch(offer(1), [task]);
    await client.launchGroup([offer(2)], executor, [task], { refuse_seconds: 1 });
    await client.kill("t1", { value: "m-S0" }, { grace_period: { nanoseconds: 5 } });
    await client.suppress();
    await client.reconcile([{ task_id: "t1", agent_id: "m-S0" }]);
    await client.reconcile();
    await client.message("m-S0", "e1", "hi");
    await client.request([{ agent_id: { value: "m-S0" } }]);
    await client.shutdown("e1", "m-S0");
    await client.updateFramework({ ...FRAMEWORK_INFO, roles: ["web"] });
    await client.call({ type: "RECONCILE_OPERATIONS", reconcile_operations: {} });
    await eventually(() => master.calls.length === 11);
    expect(master.calls.map((c) => c.json)).toEqual([
      {
        type: "ACCEPT",
        framework_id: FW,
        accept: {
          offer_ids: [{ value: "m-O1" }],
          operations: [{ type: "LAUNCH", launch: { task_infos: [task] } }],
        },
      },
      {
        type: "ACCEPT",
        framework_id: FW,
        accept: {
          offer_ids: [{ value: "m-O2" }],
          operations: [{ type: "LAUNCH_GROUP", launch_group: { executor, task_group: { tasks: [task] } } }],
          filters: { refuse_seconds: 1 },
        },
      },
      {
        type: "KILL",
        framework_id: FW,
        kill: {
          task_id: { value: "t1" },
          agent_id: { value: "m-S0" },
          kill_policy: { grace_period: { nanoseconds: 5 } },
        },
      },
      { type: "SUPPRESS", framework_id: FW },
      {
        type: "RECONCILE",
        framework_id: FW,
        reconcile: { tasks: [{ task_id: { value: "t1" }, agent_id: { value: "m-S0" } }] },
      },
      { type: "RECONCILE", framework_id: FW, reconcile: { tasks: [] } },
      {
        type: "MESSAGE",
        framework_id: FW,
        message: { agent_id: { value: "m-S0" }, executor_id: { value: "e1" }, data: "aGk=" },
      },
      { type: "REQUEST", framework_id: FW, request: { requests: [{ agent_id: { value: "m-S0" } }] } },
      {
        type: "SHUTDOWN",
        framework_id: FW,
        shutdown: { executor_id: { value: "e1" }, agent_id: { value: "m-S0" } },
      },
      {
        type: "UPDATE_FRAMEWORK",
        framework_id: FW,
        update_framework: { framework_info: { ...FRAMEWORK_INFO, roles: ["web"], id: FW } },
      },
      { type: "RECONCILE_OPERATIONS", framework_id: FW, reconcile_operations: {} },
    ]);
  });

  it("re-subscribes with what updateFramework changed", async () => {
    const [master, client] = await subscribed();
    master.answerCall = () => ({ status: 200 });
    await client.updateFramework({ ...FRAMEWORK_INFO, name: "renamed" }, { suppressedRoles: [] });
    (await master.subscription(0)).stream.close();
    const again = await master.subscription(1);
    expect(again.json.subscribe).toEqual({
      framework_info: { ...FRAMEWORK_INFO, name: "renamed", id: FW },
      suppressed_roles: [],
    });
  });
});
