import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMarathon } from "../src/marathon/marathon.js";
import { startMarathonCluster, until, type MarathonCluster } from "./support/marathon-cluster.js";

let cluster: MarathonCluster;
const storage = mkdtempSync(join(tmpdir(), "marathon-storage-"));

beforeAll(async () => {
  cluster = await startMarathonCluster({ marathon: { storage } });
});
afterAll(async () => {
  await cluster?.close();
  rmSync(storage, { recursive: true, force: true });
});

const taskIds = async () =>
  (((await cluster.api("/v2/apps/keep/tasks")).json?.tasks ?? []) as Array<{ id: string; state: string }>)
    .filter((t) => t.state === "TASK_RUNNING")
    .map((t) => t.id)
    .sort();

describe("Marathon with --storage", () => {
  it("keeps its framework id, apps and running tasks across a restart, killing none", async () => {
    const frameworkId = await until("subscribed", () => cluster.marathon.frameworkId());
    await cluster.api("/v2/apps", {
      method: "POST",
      body: { id: "/keep", cmd: "run=forever", instances: 2, cpus: 0.1, mem: 16 },
    });
    await until("2 running", async () => (await taskIds()).length === 2);
    const before = await taskIds();
    const versions = (await cluster.api("/v2/apps/keep/versions")).json;

    await cluster.restartMarathon();
    await until("re-subscribed", () => cluster.marathon.frameworkId());
    expect(cluster.marathon.frameworkId()).toBe(frameworkId);
    expect((await cluster.api("/v2/apps/keep/versions")).json).toEqual(versions);
    await new Promise((r) => setTimeout(r, 500));
    expect(await taskIds()).toEqual(before);
    const state = await cluster.masterState();
    const fw = state.frameworks.find((f: { id: string }) => f.id === frameworkId);
    expect(fw.active).toBe(true);
    expect(fw.tasks.map((t: { id: string }) => t.id).sort()).toEqual(before);
    expect(fw.completed_tasks).toEqual([]);
    expect(state.frameworks).toHaveLength(1);
  });
});

describe("Marathon with a corrupt --storage file", () => {
  it("refuses to start with a message naming the file and leaves the file as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "marathon-corrupt-"));
    try {
      const file = join(dir, "marathon-state.json");
      for (const text of [
        '{"apps": [',
        '{"apps": 1, "versions": [], "tasks": [], "deployments": []}',
        "[]",
      ]) {
        writeFileSync(file, text);
        await expect(
          startMarathon({ master: cluster.master.url, httpPort: 0, storage: dir }),
        ).rejects.toThrow(new RegExp(`${file} is not Marathon state`));
        await new Promise((r) => setTimeout(r, 50));
        expect(readFileSync(file, "utf8")).toBe(text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
