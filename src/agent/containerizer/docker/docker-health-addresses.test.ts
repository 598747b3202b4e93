import { afterAll, beforeAll, expect, it } from "vitest";
import {
  describeDocker,
  removeTestRunObjects,
  testRunId,
  testRunLabels,
} from "../../../../test/support/docker.js";
import { dockerClient } from "../../../docker/client.js";
import { ensureTestImage, TEST_IMAGE } from "../../../docker/test-image.js";
import type { TaskInfo } from "../../../mesos/task.js";
import { startAgentFixture, type AgentFixture } from "../../testing/agent-fixture.js";
import { dockerTask, freeAgentPort, portResource } from "../../testing/docker-task.js";
import { TEST_FRAMEWORK } from "../../testing/fake-master.js";

const fast = { delay_seconds: 0, interval_seconds: 0.2, grace_period_seconds: 0, timeout_seconds: 2 };
const NO_GRACE = { grace_period: { nanoseconds: 0 } };
const SERVE = 'echo ok > "$MESOS_SANDBOX/index.html"; exec httpd -f -p 8080 -h "$MESOS_SANDBOX"';

/**
 * Mesos probes a Docker task's HTTP and TCP checks inside the container's network: the agent reaches the
 * task at its own address, whatever IP the agent publishes ports on and whichever network the task is on.
 */
describeDocker("health checks of Docker tasks on bridge and user networks", () => {
  let fixture: AgentFixture;
  const userNetwork = `minimesos-${testRunId}-user`;

  beforeAll(async () => {
    await ensureTestImage();
    await dockerClient().createNetwork({ Name: userNetwork, Labels: testRunLabels() });
    // Not 127.0.0.1: bridge port mappings are published on this address only.
    fixture = await startAgentFixture({
      ip: "127.0.1.7",
      containerizers: "docker,mesos",
      dockerLabels: testRunLabels(),
    });
  });
  afterAll(async () => {
    await fixture?.cleanup();
    await removeTestRunObjects();
  });

  const bridged = async (id: string, check: TaskInfo["health_check"]): Promise<TaskInfo> => {
    const hostPort = await freeAgentPort();
    const task = dockerTask(
      id,
      TEST_IMAGE,
      SERVE,
      { network: "BRIDGE", port_mappings: [{ host_port: hostPort, container_port: 8080 }] },
      { health_check: check, kill_policy: NO_GRACE },
    );
    task.resources = [...(task.resources ?? []), portResource(hostPort)];
    return task;
  };

  it("passes HTTP checks at the container port and TCP checks given the mapped host port, and on a user network", async () => {
    const { master } = fixture;
    const http = await bridged("bridge-http", { type: "HTTP", http: { port: 8080, path: "/" }, ...fast });
    const tcpAtHostPort = await bridged("bridge-tcp", { type: "TCP", tcp: { port: 0 }, ...fast });
    const hostPort = tcpAtHostPort.resources?.find((r) => r.name === "ports")?.ranges?.range[0]?.begin ?? 0;
    tcpAtHostPort.health_check = { type: "TCP", tcp: { port: hostPort }, ...fast };
    const user = dockerTask(
      "user-http",
      TEST_IMAGE,
      SERVE,
      { network: "USER" },
      {
        health_check: { type: "HTTP", http: { port: 8080, path: "/index.html" }, ...fast },
        kill_policy: NO_GRACE,
      },
    );
    user.container = { ...user.container!, network_infos: [{ name: userNetwork }] };
    for (const task of [http, tcpAtHostPort, user]) master.runTask(TEST_FRAMEWORK, task);
    for (const id of ["bridge-http", "bridge-tcp", "user-http"]) {
      const healthy = await master.waitFor(
        () => master.updates(id).find((s) => s.state === "TASK_RUNNING" && s.healthy === true),
        20_000,
      );
      expect(healthy.healthy).toBe(true);
    }
    for (const id of ["bridge-http", "bridge-tcp", "user-http"]) {
      master.send({
        type: "KILL_TASK",
        kill_task: { framework_id: { value: "fw-0000" }, task_id: { value: id } },
      });
      await master.waitForState(id, "TASK_KILLED", 15_000);
    }
  });
});
