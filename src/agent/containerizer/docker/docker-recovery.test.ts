import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeDocker, removeTestRunObjects, testRunLabels } from "../../../../test/support/docker.js";
import { silentLogger } from "../../../common/logger.js";
import { dockerClient } from "../../../docker/client.js";
import { LABELS, labelFilter } from "../../../docker/labels.js";
import { ensureTestImage, TEST_IMAGE } from "../../../docker/test-image.js";
import type { FrameworkInfo } from "../../../mesos/framework.js";
import { startAgent, type Agent } from "../../agent.js";
import { startAgentFixture, type AgentFixture } from "../../testing/agent-fixture.js";
import { dockerTask } from "../../testing/docker-task.js";
import { TEST_FRAMEWORK } from "../../testing/fake-master.js";

const sandboxOf = (workDir: string, agentId: string, taskId: string): string =>
  join(workDir, "slaves", agentId, "frameworks", "fw-ckpt", "executors", taskId, "runs", "latest");

const CHECKPOINTING: FrameworkInfo = { ...TEST_FRAMEWORK, id: { value: "fw-ckpt" }, checkpoint: true };

describeDocker("an agent restarted with the same work_dir and the docker containerizer", () => {
  let fixture: AgentFixture;
  let restarted: Agent | undefined;
  const options = () => ({ containerizers: "docker,mesos", dockerLabels: testRunLabels() });
  const ownedBy = async (workDir: string) =>
    (
      await dockerClient().listContainers({
        all: true,
        filters: JSON.stringify(labelFilter({ [LABELS.agentWorkDir]: workDir })),
      })
    ).map((c) => c.Labels[LABELS.taskId] ?? c.Names[0]);

  beforeAll(async () => {
    await ensureTestImage();
    fixture = await startAgentFixture(options());
  });
  afterAll(async () => {
    await restarted?.stop();
    await fixture?.cleanup();
    await removeTestRunObjects();
  });

  it("adopts the running containers of checkpointing frameworks and removes the others", async () => {
    const { master, workDir } = fixture;
    master.runTask(
      CHECKPOINTING,
      dockerTask("keep", TEST_IMAGE, "while true; do echo tick; sleep 0.2; done"),
    );
    master.runTask(TEST_FRAMEWORK, dockerTask("plain", TEST_IMAGE, "sleep 1000"));
    const waitForGo = 'while [ ! -f "$MESOS_SANDBOX/go" ]; do sleep 0.1; done; exit 4';
    master.runTask(CHECKPOINTING, dockerTask("ends", TEST_IMAGE, waitForGo));
    const ends = await master.waitForState("ends", "TASK_RUNNING");
    await master.waitForState("keep", "TASK_RUNNING");
    await master.waitForState("plain", "TASK_RUNNING");
    const orphan = await dockerClient().createContainer({
      Image: TEST_IMAGE,
      Cmd: ["sleep", "1000"],
      Labels: { ...testRunLabels(), [LABELS.agentWorkDir]: workDir, [LABELS.taskId]: "orphan" },
    });
    await orphan.start();
    expect((await ownedBy(workDir)).sort()).toEqual(["ends", "keep", "orphan", "plain"]);

    await fixture.agent.stop({ leaveTasksRunning: true });
    // "ends" exits while no agent watches it; the restarted agent must still report its exit code.
    const endsSandbox = sandboxOf(workDir, fixture.agent.agentId() ?? "", "ends");
    writeFileSync(join(endsSandbox, "go"), "");
    const endsContainer = dockerClient().getContainer(`mesos-${ends.container_status?.container_id?.value}`);
    await master.waitFor(async () => !(await endsContainer.inspect()).State.Running);
    const registrationsBefore = master.registrations.length;
    restarted = await startAgent({
      master: master.url,
      port: 0,
      workDir,
      resources: "cpus:4;mem:4096;ports:[31000-32000]",
      logger: silentLogger(),
      ...options(),
    });
    await restarted.registered();
    // "ends" is adopted too, and goes once its end is reported.
    expect((await ownedBy(workDir)).filter((t) => t !== "ends")).toEqual(["keep"]);
    const reregistration = master.registrations[registrationsBefore];
    const reported = reregistration?.register?.tasks?.map((t) => [t.task_id.value, t.state]);
    expect(reported).toEqual(expect.arrayContaining([["keep", "TASK_RUNNING"]]));
    const lost = await master.waitForState("plain", "TASK_LOST");
    expect(lost.reason).toBe("REASON_AGENT_RESTARTED");

    const ended = await master.waitForState("ends", "TASK_FAILED");
    expect(ended.message).toBe("Container exited with status 4");
    const stdout = join(sandboxOf(workDir, restarted.agentId() ?? "", "keep"), "stdout");
    const before = readFileSync(stdout, "utf8").length;
    await master.waitFor(() => readFileSync(stdout, "utf8").length > before);

    const killRequest = {
      framework_id: { value: "fw-ckpt" },
      task_id: { value: "keep" },
      kill_policy: { grace_period: { nanoseconds: 0 } },
    };
    master.send({ type: "KILL_TASK", kill_task: killRequest });
    const killed = await master.waitForState("keep", "TASK_KILLED", 15_000);
    expect(killed.message).toMatch(/Container exited with status \d+/);
    await master.waitFor(async () => (await ownedBy(workDir)).length === 0);
  });
});
