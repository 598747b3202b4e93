import { afterAll, beforeAll, expect, it } from "vitest";
import {
  describeDocker,
  removeTestRunObjects,
  testRunId,
  testRunLabels,
} from "../../../../test/support/docker.js";
import { bodyAt as body } from "../../../../test/support/http.js";
import { silentLogger } from "../../../common/logger.js";
import { dockerClient } from "../../../docker/client.js";
import { ensureTestImage, TEST_IMAGE } from "../../../docker/test-image.js";
import type { FrameworkInfo } from "../../../mesos/framework.js";
import { startAgent, type Agent } from "../../agent.js";
import { startAgentFixture, type AgentFixture } from "../../testing/agent-fixture.js";
import { dockerTask, freeAgentPort, portResource } from "../../testing/docker-task.js";
import { TEST_FRAMEWORK } from "../../testing/fake-master.js";

const CHECKPOINTING: FrameworkInfo = { ...TEST_FRAMEWORK, id: { value: "fw-fwd" }, checkpoint: true };
const NETWORK = `minimesos-forwarding-${testRunId}`;

describeDocker("an agent with its own bridge network (--docker_bridge_network)", () => {
  let fixture: AgentFixture;
  let restarted: Agent | undefined;
  const options = () => ({
    containerizers: "docker,mesos",
    dockerLabels: testRunLabels(),
    dockerBridgeNetwork: NETWORK,
  });

  beforeAll(async () => {
    await ensureTestImage();
    await dockerClient().createNetwork({ Name: NETWORK, Driver: "bridge", Labels: testRunLabels() });
    fixture = await startAgentFixture(options());
  });
  afterAll(async () => {
    await restarted?.stop();
    await fixture?.cleanup();
    await removeTestRunObjects();
  });

  it("forwards a BRIDGE task's port from the agent's address, health checks included, also after adoption", async () => {
    const { master, workDir } = fixture;
    const hostPort = await freeAgentPort();
    const url = `http://127.0.0.1:${hostPort}/index.html`;
    const fast = { delay_seconds: 0, interval_seconds: 0.2, grace_period_seconds: 0, timeout_seconds: 2 };
    const task = dockerTask(
      "web",
      TEST_IMAGE,
      'echo forwarded > "$MESOS_SANDBOX/index.html" && exec httpd -f -p 8080 -h "$MESOS_SANDBOX"',
      { network: "BRIDGE", port_mappings: [{ host_port: hostPort, container_port: 8080 }] },
      { health_check: { type: "HTTP", http: { port: 8080, path: "/index.html" }, ...fast } },
    );
    task.resources = [...(task.resources ?? []), portResource(hostPort)];
    master.runTask(CHECKPOINTING, task);
    const running = await master.waitForState("web", "TASK_RUNNING");
    expect(running.container_status?.network_infos?.[0]?.ip_addresses?.[0]?.ip_address).toBe("127.0.0.1");
    const [inspected] = JSON.parse(Buffer.from(running.data ?? "", "base64").toString()) as Array<{
      HostConfig: { NetworkMode: string; PortBindings?: Record<string, unknown> | null };
      NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
    }>;
    expect(inspected?.HostConfig.NetworkMode).toBe(NETWORK);
    expect(inspected?.HostConfig.PortBindings ?? {}).toEqual({});
    expect(inspected?.NetworkSettings.Networks[NETWORK]?.IPAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(await master.waitFor(() => body(url))).toBe("forwarded\n");
    await master.waitFor(() => master.updates("web").find((s) => s.healthy === true));

    // The agent stops and leaves the container running: its forwarder goes with it...
    await fixture.agent.stop({ leaveTasksRunning: true });
    expect(await body(url)).toBeUndefined();
    // ...and the agent that adopts the container forwards the port again.
    restarted = await startAgent({
      master: `127.0.0.1:${master.port}`,
      port: 0,
      workDir,
      resources: "cpus:4;mem:4096;ports:[31000-32000]",
      logger: silentLogger(),
      ...options(),
    });
    await restarted.registered();
    expect(await master.waitFor(() => body(url))).toBe("forwarded\n");

    master.send({
      type: "KILL_TASK",
      kill_task: {
        framework_id: { value: "fw-fwd" },
        task_id: { value: "web" },
        kill_policy: { grace_period: { nanoseconds: 0 } },
      },
    });
    await master.waitForState("web", "TASK_KILLED", 15_000);
    expect(await body(url)).toBeUndefined();
  }, 60_000);
});
