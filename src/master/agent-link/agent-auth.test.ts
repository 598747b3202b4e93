import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startAgent } from "../../agent/agent.js";
import { silentLogger } from "../../common/logger.js";
import { AGENT_LINK_PATH } from "../../mesos/agent-link-protocol.js";
import { readCredentials } from "../../mesos/credentials.js";
import type { Offer } from "../../mesos/offer.js";
import { postJson } from "../testing/event-stream.js";
import { launchCall, MasterHarness, smallTask } from "../testing/harness.js";

const dir = mkdtempSync(join(tmpdir(), "agent-auth-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const credential = { principal: "agent", secret: "s3cret" };
const credentialsFile = join(dir, "credentials.json");
writeFileSync(credentialsFile, JSON.stringify({ credentials: [credential] }));

let h: MasterHarness;
afterEach(() => h.close());

const register = (headers: Record<string, string> = {}) =>
  postJson(
    h.url + AGENT_LINK_PATH,
    {
      type: "REGISTER",
      register: {
        agent_info: { hostname: "forger", port: 1, resources: [] },
        pid: "slave(1)@forger:1",
        version: "1.11.0",
        capabilities: [],
      },
    },
    headers,
  );

describe("agents authenticate to the master (--authenticate_agents)", () => {
  it("registers an agent with the cluster's credential and refuses anyone else", async () => {
    h = await MasterHarness.start({
      authenticateAgents: true,
      credentials: readCredentials(credentialsFile),
    });
    const agent = await startAgent({
      master: h.url,
      port: 0,
      workDir: join(dir, "agent"),
      resources: "cpus:1;mem:256",
      containerizers: "simulated",
      credential,
      logger: silentLogger(),
    });
    try {
      expect(await agent.registered()).toMatch(/-S0$/);
      const anonymous = await register();
      expect(anonymous.status).toBe(401);
      const wrong = await register({
        Authorization: `Basic ${Buffer.from("agent:guess").toString("base64")}`,
      });
      expect(wrong.status).toBe(401);
      const forgedUpdate = await postJson(h.url + AGENT_LINK_PATH, {
        type: "STATUS_UPDATE",
        agent_id: { value: await agent.registered() },
        status_update: {
          framework_id: { value: "x" },
          status: { task_id: { value: "t" }, state: "TASK_FAILED" },
        },
      });
      expect(forgedUpdate.status).toBe(401);
      const slaves = (await h.get("/master/slaves")).json.slaves as unknown[];
      expect(slaves).toHaveLength(1);
    } finally {
      await agent.stop();
    }
  });

  it("refuses to start with --authenticate_agents but no credentials", async () => {
    await expect(MasterHarness.start({ authenticateAgents: true })).rejects.toThrow(/needs --credentials/);
    h = await MasterHarness.start();
  });
});

describe("status updates", () => {
  it("are accepted only from the agent that runs the task", async () => {
    h = await MasterHarness.start();
    const runner = await h.agent({ hostname: "runner" });
    const other = await h.agent({ hostname: "other", port: 5052 });
    const scheduler = await h.scheduler({ name: "owner" });
    const offer = ((await scheduler.stream.next("OFFERS")).offers as { offers: Offer[] }).offers.find(
      (o) => (o.agent_id as { value: string }).value === runner.agentId,
    )!;
    expect((await scheduler.call("ACCEPT", launchCall(offer, [smallTask("mine")]))).status).toBe(202);
    await runner.stream.next("RUN_TASK");
    expect((await runner.statusUpdate(scheduler.frameworkId, "mine", "TASK_RUNNING")).status).toBe(202);
    await scheduler.stream.next((e) => e.type === "UPDATE");

    const forged = await other.statusUpdate(scheduler.frameworkId, "mine", "TASK_FAILED");
    expect(forged.status).toBe(403);
    expect(forged.text).toBe(`Task mine does not run on agent ${other.agentId}`);
    const tasks = (await h.get("/master/tasks")).json.tasks as Array<{ id: string; state: string }>;
    expect(tasks.map((t) => [t.id, t.state])).toEqual([["mine", "TASK_RUNNING"]]);
  });
});
