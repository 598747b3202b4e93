import { afterAll, expect, it } from "vitest";
import { ensureRoleImage } from "../src/cluster/docker/image.js";
import { silentProgress } from "../src/cluster/progress.js";
import { waitFor } from "../src/cluster/readiness.js";
import { dockerClient } from "../src/docker/client.js";
import { describeDocker, removeTestRunObjects, testRunLabels } from "./support/docker.js";

const PORTS = ["5050/tcp", "5051/tcp", "8080/tcp"];

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok ? res.json() : undefined;
}

async function execIn(containerId: string, cmd: string[]): Promise<string> {
  const exec = await dockerClient()
    .getContainer(containerId)
    .exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  let out = "";
  stream.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => stream.once("end", resolve));
  return out;
}

describeDocker("the all-in-one image", () => {
  afterAll(() => removeTestRunObjects());

  it("runs master, agent and Marathon in one container, and restarts one role on request", async () => {
    const docker = dockerClient();
    const image = await ensureRoleImage(silentProgress);
    const container = await docker.createContainer({
      Image: image,
      Labels: testRunLabels(),
      ExposedPorts: Object.fromEntries(PORTS.map((p) => [p, {}])),
      HostConfig: {
        Init: true,
        PortBindings: Object.fromEntries(PORTS.map((p) => [p, [{ HostIp: "127.0.0.1", HostPort: "" }]])),
      },
    });
    await container.start();
    const ports = (await container.inspect()).NetworkSettings.Ports;
    const url = (port: string) => `http://127.0.0.1:${ports[port]?.[0]?.HostPort ?? "0"}`;
    const master = url("5050/tcp");

    const activeAgents = async () => {
      const body = (await getJson(`${master}/master/slaves`)) as {
        slaves: Array<{ id: string; active: boolean }>;
      };
      const active = body.slaves.filter((s) => s.active);
      return active.length === 1 ? active : undefined;
    };
    await waitFor("the agent to register", activeAgents, 30_000, 100);
    await waitFor(
      "Marathon to answer",
      async () => ((await fetch(`${url("8080/tcp")}/ping`)).ok ? true : undefined),
      30_000,
      100,
    );
    expect(await getJson(`${url("5051/tcp")}/state`)).toMatchObject({ hostname: "localhost" });

    const agentPid = await execIn(container.id, ["cat", "/run/minimesos/agent.pid"]);
    expect(await execIn(container.id, ["minimesos-restart", "agent"])).toContain("restarting agent");
    await waitFor(
      "the agent to come back with a new process",
      async () => {
        const pid = await execIn(container.id, ["cat", "/run/minimesos/agent.pid"]);
        return pid !== agentPid && (await activeAgents()) ? true : undefined;
      },
      30_000,
      200,
    );
  }, 90_000);
});
