import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLUSTER_ID_ENV } from "../cluster/cluster-id.js";
import { isAlive, processesWithEnv } from "../cluster/runtime/pids.js";
import { TaskLauncher } from "../../test/support/task-launcher.js";

// The process runtime starts roles with the built CLI, so this test drives the built library (`npm test` builds).
const built = fileURLToPath(new URL("../../dist/testing/index.js", import.meta.url));
const load = async () => (await import(built)) as typeof import("./index.js");

const commandLine = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
};
const ofCluster = (clusterId: string) => processesWithEnv(CLUSTER_ID_ENV, clusterId);

describe("MesosCluster with the process runtime", () => {
  it("runs each role as a process and leaves none behind, tasks included", async () => {
    expect(existsSync(built), "run `npm run build` first").toBe(true);
    const { MesosCluster } = await load();
    const cluster = await new MesosCluster({ runtime: "process" }).start();
    let clusterId = "";
    try {
      clusterId = cluster.clusterId;
      expect(cluster.runtime).toBe("process");
      const launcher = await TaskLauncher.start(cluster.masterUrl, "sleepy", [
        { id: "p-1", name: "p-1", command: "echo started; exec sleep 60" },
      ]);
      try {
        await cluster.waitForTask("p-1", "TASK_RUNNING");
        expect(ofCluster(clusterId).length).toBeGreaterThanOrEqual(3);
        expect(await cluster.taskOutput("p-1")).toBe("started\n");
      } finally {
        await launcher.close();
      }
    } finally {
      await cluster.stop();
    }
    expect(clusterId).not.toBe("");
    expect(ofCluster(clusterId)).toEqual([]);
  });

  it("killAgent sends a real SIGKILL: the task outlives the agent; stop() still ends it", async () => {
    const { MesosCluster } = await load();
    const scratch = mkdtempSync(join(tmpdir(), "minimesos-process-"));
    const cluster = await new MesosCluster({
      runtime: "process",
      master: { flags: { agent_ping_timeout: "100ms", max_agent_ping_timeouts: 2 } },
    }).start();
    const clusterId = cluster.clusterId;
    let taskPid = 0;
    try {
      const [agentPid] = ofCluster(clusterId).filter((pid) => commandLine(pid).includes("run agent"));
      const launcher = await TaskLauncher.start(cluster.masterUrl, "orphaner", [
        { id: "o-1", name: "o-1", command: `echo $$ > ${scratch}/pid; exec sleep 60` },
      ]);
      try {
        await cluster.waitForTask("o-1", "TASK_RUNNING");
        taskPid = Number(readFileSync(join(scratch, "pid"), "utf8"));
        await cluster.killAgent(0);
        expect(isAlive(agentPid!)).toBe(false);
        expect(isAlive(taskPid)).toBe(true);
        await cluster.waitForAgentUnreachable(0, { timeoutMs: 5000 });
        const restarted = await cluster.restartAgent(0);
        expect(restarted.status).toBe("running");
        await cluster.waitForAgents(1);
      } finally {
        await launcher.close();
      }
    } finally {
      await cluster.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(isAlive(taskPid)).toBe(false);
    expect(ofCluster(clusterId)).toEqual([]);
  });
});
