import { describe, expect, it } from "vitest";
import { TaskLauncher } from "../../test/support/task-launcher.js";
import { MesosCluster } from "./index.js";

describe("tasks on a test cluster", () => {
  it("waits for a framework and a finished task, and reads the task's output", async () => {
    await using cluster = await new MesosCluster().start();
    const launcher = await TaskLauncher.start(cluster.masterUrl, "echoer", [
      { id: "echo-1", name: "echo", command: "echo hello from the sandbox; echo oops >&2" },
    ]);
    try {
      const framework = await cluster.waitForFramework("echoer");
      expect(framework.id).toBe(launcher.client.frameworkId?.value);
      expect(await cluster.waitForFramework(framework.id)).toMatchObject({ name: "echoer" });
      const task = await cluster.waitForTask("echo-1", "TASK_FINISHED");
      expect(task.slave_id).toBe(cluster.agents[0]?.id);
      expect(await cluster.taskOutput("echo-1")).toBe("hello from the sandbox\n");
      expect(await cluster.taskOutput("echo-1", "stderr")).toContain("oops\n");
    } finally {
      await launcher.close();
    }
  });

  it("gives up at once when the task ends in another terminal state", async () => {
    await using cluster = await new MesosCluster().start();
    const launcher = await TaskLauncher.start(cluster.masterUrl, "failer", [
      { id: "fail-1", name: "fail", command: "exit 3" },
    ]);
    try {
      await expect(cluster.waitForTask("fail-1", "TASK_FINISHED", { timeoutMs: 20_000 })).rejects.toThrow(
        /Gave up waiting for task fail-1 to reach TASK_FINISHED: task fail-1 is TASK_FAILED/,
      );
    } finally {
      await launcher.close();
    }
  });

  it("names the problem when the task is unknown", async () => {
    await using cluster = await new MesosCluster().start();
    await expect(cluster.taskOutput("nope")).rejects.toThrow("No task nope at the master");
  });
});
