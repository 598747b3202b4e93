import { afterAll, describe, expect, it } from "vitest";
import { CLUSTER_ID_ENV } from "../src/cluster/cluster-id.js";
import { processesWithEnv } from "../src/cluster/runtime/pids.js";
import { cliWorkDir, evalExports, runCli } from "./support/cli.js";

// Two clusters from two directories at the same time: each gets its own ports (the defaults at most once),
// prints them, serves its own state, and is destroyed without touching the other.
const dirs = [cliWorkDir(), cliWorkDir()];

afterAll(async () => {
  await Promise.all(dirs.map((d) => d.cleanup()));
}, 60_000);

describe("clusters side by side", { timeout: 90_000 }, () => {
  it("start from two directories at once on different ports, and stop independently", async () => {
    const ups = await Promise.all(dirs.map((d) => runCli(["up", "--num-agents", "2"], d.path)));
    for (const up of ups) expect(up.code, up.stderr).toBe(0);
    const [a, b] = await Promise.all(ups.map((up, i) => evalExports(up.stdout, dirs[i]!.path)));
    expect(a?.MINIMESOS_MASTER).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(b?.MINIMESOS_MASTER).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a?.MINIMESOS_MASTER).not.toBe(b?.MINIMESOS_MASTER);

    const states = await Promise.all(
      [a, b].map(
        async (vars) =>
          (await (await fetch(`${vars?.MINIMESOS_MASTER}/master/state`)).json()) as {
            id: string;
            slaves: Array<{ pid: string }>;
          },
      ),
    );
    expect(states[0]?.id).not.toBe(states[1]?.id);
    const agentPids = states.flatMap((s) => s.slaves.map((slave) => slave.pid));
    expect(new Set(agentPids).size).toBe(4);

    const statusA = JSON.parse((await runCli(["status", "--json"], dirs[0]!.path)).stdout) as {
      clusterId: string;
    };
    const destroyA = await runCli(["destroy"], dirs[0]!.path);
    expect(destroyA.code).toBe(0);
    expect(processesWithEnv(CLUSTER_ID_ENV, statusA.clusterId)).toEqual([]);
    const stillServing = await fetch(`${b?.MINIMESOS_MASTER}/master/slaves`);
    expect(
      ((await stillServing.json()) as { slaves: Array<{ active: boolean }> }).slaves.filter((s) => s.active),
    ).toHaveLength(2);
  });
});
