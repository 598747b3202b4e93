import { afterAll, expect, it } from "vitest";
import { removeClusterResources } from "../src/cluster/docker/cluster-resources.js";
import { CLUSTER_LABEL, labelFilter } from "../src/cluster/docker/labels.js";
import { StateDir } from "../src/cluster/state-dir.js";
import { dockerClient } from "../src/docker/client.js";
import { cliWorkDir, evalExports, runCli } from "./support/cli.js";
import { describeDocker } from "./support/docker.js";

describeDocker("minimesos up --runtime docker", () => {
  const work = cliWorkDir();
  let clusterId: string | undefined;
  afterAll(async () => {
    // The CLI's containers carry the cluster label (not the test label): remove by it whatever happened.
    if (clusterId) await removeClusterResources(clusterId);
    await work.cleanup();
  });

  it("starts a cluster of containers with 2 agents and destroy removes every labelled object", async () => {
    const up = await runCli(["up", "--runtime", "docker", "--num-agents", "2"], work.path, {
      timeoutMs: 90_000,
    });
    clusterId = new StateDir(work.path).readClusterId();
    expect(up.stderr).toMatch(/image minimesos\/minimesos:/);
    expect(up.code, up.stderr).toBe(0);
    const env = await evalExports(up.stdout, work.path);
    expect(env.MINIMESOS_MASTER).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const state = (await (await fetch(`${env.MINIMESOS_MASTER}/master/state`)).json()) as {
      activated_slaves: number;
    };
    expect(state.activated_slaves).toBe(2);

    const filters = labelFilter({ [CLUSTER_LABEL]: clusterId ?? "" });
    expect((await dockerClient().listContainers({ filters })).length).toBe(3);
    const destroy = await runCli(["destroy"], work.path, { timeoutMs: 30_000 });
    expect(destroy.code, destroy.stderr).toBe(0);
    expect(await dockerClient().listContainers({ all: true, filters })).toEqual([]);
    expect(await dockerClient().listNetworks({ filters })).toEqual([]);
  }, 120_000);
});
