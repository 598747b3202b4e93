import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../src/testing/wait.js";
import { startRoleProcess } from "./support/role-process.js";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("an agent process the master shuts down", () => {
  it("ends through the role's fatal report: exit status 1 and the master's message", async () => {
    const root = mkdtempSync(join(tmpdir(), "minimesos-agent-gone-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const master = await startRoleProcess("master", { work_dir: join(root, "master") });
    cleanups.push(() => master.kill());
    const agent = await startRoleProcess("agent", {
      master: master.url,
      work_dir: join(root, "agent"),
      containerizers: "simulated",
      resources: "cpus:1;mem:512;disk:100;ports:[31000-31010]",
    });
    cleanups.push(() => agent.kill());
    const agentId = await waitUntil("agent registered", async () => {
      const state = (await (await fetch(`${master.url}/master/state`)).json()) as {
        slaves: Array<{ id: string }>;
      };
      const id = state.slaves[0]?.id;
      return id ? { value: id } : { seen: "no agent" };
    });
    const exited = once(agent.child, "exit");
    const res = await fetch(`${master.url}/api/v1`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: "MARK_AGENT_GONE", mark_agent_gone: { agent_id: { value: agentId } } }),
    });
    expect(res.status).toBe(200);
    const [code] = (await exited) as [number | null];
    expect(code).toBe(1);
    expect(agent.log()).toMatch(/agent must end: shut down by the master: Agent has been marked gone/);
  }, 30_000);
});
