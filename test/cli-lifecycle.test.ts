import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLUSTER_ID_ENV } from "../src/cluster/cluster-id.js";
import { processesWithEnv } from "../src/cluster/runtime/pids.js";
import { cliWorkDir, evalExports, runCli, runCommand, type CliResult } from "./support/cli.js";
import { TaskLauncher } from "./support/task-launcher.js";

// One cluster through the whole CLI, as the README tells a user: init, up, eval, state, a task, ps, logs,
// status, up again, destroy, destroy again. The tests run in order and share the cluster.
const dir = cliWorkDir();
const suffix = `${process.pid}-${Date.now()}`;
const helloId = `hello-${suffix}`;
const sleeperId = `sleeper-${suffix}`;
const packageVersion = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
let clusterId = "";
let exportText = "";
let masterUrl = "";
let launcher: TaskLauncher | undefined;

const cli = (...args: string[]): Promise<CliResult> => runCli(args, dir.path);
const json = <T>(result: CliResult): T => JSON.parse(result.stdout) as T;

afterAll(async () => {
  await launcher?.close();
  await dir.cleanup();
}, 60_000);

describe("minimesos CLI, from init to destroy", { timeout: 90_000 }, () => {
  it("init writes a minimesosFile once, and refuses to overwrite it", async () => {
    const first = await cli("init");
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("Initialized minimesosFile in this directory");
    expect(first.stdout).toBe("");
    expect(readFileSync(join(dir.path, "minimesosFile"), "utf8")).toContain("minimesos {");

    const again = await cli("init");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("A minimesosFile already exists in this directory");
  });

  it("up --num-agents 2 starts the cluster and prints export lines that eval sets", async () => {
    const up = await cli("up", "--num-agents", "2");
    expect(up.code, up.stderr).toBe(0);
    clusterId = readFileSync(join(dir.path, ".minimesos", "minimesos.cluster"), "utf8").trim();
    expect(up.stderr).toContain(`Minimesos cluster is running: ${clusterId}`);
    expect(up.stderr).toContain("Mesos version: 1.11.0");
    expect(up.stdout).toMatch(
      /^export MINIMESOS_MASTER=http:\/\/127\.0\.0\.1:\d+; export MINIMESOS_MASTER_IP=127\.0\.0\.1;$/m,
    );
    exportText = up.stdout;

    const vars = await evalExports(up.stdout, dir.path);
    masterUrl = vars.MINIMESOS_MASTER ?? "";
    expect(masterUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(vars.MINIMESOS_MASTER_IP).toBe("127.0.0.1");
    expect(vars.MINIMESOS_AGENT, "no MINIMESOS_AGENT with two agents").toBeUndefined();
    const res = await fetch(`${masterUrl}/master/slaves`);
    expect(((await res.json()) as { slaves: unknown[] }).slaves).toHaveLength(2);
  });

  it("state prints the master's state JSON, so `state | jq .version` works", async () => {
    const piped = await runCommand(
      "sh",
      ["-c", `"${process.execPath}" "$CLI" state | jq -r .version`],
      dir.path,
      {
        env: { CLI: join(process.cwd(), "dist/cli/main.js") },
      },
    );
    expect(piped.stdout.trim()).toBe("1.11.0");

    const state = await cli("state");
    expect(state.code).toBe(0);
    expect(state.stdout).toContain('\n  "version": "1.11.0"');
    expect(json<{ leader_info: { port: number } }>(state).leader_info.port).toBe(
      Number(new URL(masterUrl).port),
    );
  });

  it("version prints minimesos's and the Mesos API version", async () => {
    const text = await cli("version");
    expect(text.stdout).toBe(`minimesos ${packageVersion}\nMesos API 1.11.0\n`);
    expect(json(await cli("version", "--json"))).toEqual({ version: packageVersion, mesosVersion: "1.11.0" });
  });

  it("ps lists a running task with its framework, state and port", async () => {
    launcher = await TaskLauncher.start(masterUrl, "cli-e2e", [
      { id: helloId, name: "hello", command: "echo hello; echo to-stderr >&2" },
      { id: sleeperId, name: "sleeper", command: "sleep 60" },
    ]);
    await launcher.waitForState(helloId, "TASK_FINISHED");
    await launcher.waitForState(sleeperId, "TASK_RUNNING");

    const ps = await cli("ps");
    expect(ps.code).toBe(0);
    const [header, ...rows] = ps.stdout.trimEnd().split("\n");
    expect(header).toBe(`${"FRAMEWORK".padEnd(20)} ${"TASK".padEnd(20)} ${"STATE".padEnd(20)} PORT`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(`^${"cli-e2e".padEnd(20)} ${"sleeper".padEnd(20)} ${"TASK_RUNNING".padEnd(20)} \\d+$`),
    );

    const all = await cli("ps", "--all", "--json");
    const tasks =
      json<Array<{ taskId: string; framework: string; state: string; ports: number[]; agentId: string }>>(
        all,
      );
    const hello = tasks.find((t) => t.taskId === helloId);
    expect(hello).toMatchObject({ framework: "cli-e2e", task: "hello", state: "TASK_FINISHED" });
    expect(hello?.ports).toHaveLength(1);
    expect(hello?.agentId).toMatch(/-S\d+$/);
  });

  it("logs --task prints a task's stdout or stderr by id substring", async () => {
    const out = await cli("logs", "--task", `hello-${suffix}`.slice(0, 12));
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toBe("hello\n");
    expect(out.stderr).toContain(`[minimesos] Fetching 'stdout' of task '${helloId}'`);

    const err = await cli("logs", "--task", helloId, "--stderr");
    expect(err.stdout).toBe("to-stderr\n");
    expect(err.stderr).toContain(`[minimesos] Fetching 'stderr' of task '${helloId}'`);
  });

  it("logs reports unknown and ambiguous tasks", async () => {
    const missing = await cli("logs", "--task", "no-such-task");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Cannot find task: 'no-such-task'");

    const ambiguous = await cli("logs", "--task", suffix);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(helloId);
    expect(ambiguous.stderr).toContain(sleeperId);
  });

  it("state --agent prints the agent's state, found by id prefix", async () => {
    const agentId = json<Array<{ taskId: string; agentId: string }>>(await cli("ps", "--json")).find(
      (t) => t.taskId === sleeperId,
    )?.agentId as string;
    const agent = await cli("state", "--agent", agentId);
    expect(agent.code, agent.stderr).toBe(0);
    expect(json<{ id: string }>(agent).id).toBe(agentId);

    const unknown = await cli("state", "--agent", "no-such-agent");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Cannot find agent: 'no-such-agent'");
  });

  it("status --json shows every role running and healthy", async () => {
    const status = await cli("status", "--json");
    expect(status.code).toBe(0);
    const body = json<{
      clusterId: string;
      healthy: boolean;
      roles: Array<{ name: string; running: boolean; healthy: boolean; pid: number }>;
    }>(status);
    expect(body.clusterId).toBe(clusterId);
    expect(body.healthy).toBe(true);
    expect(body.roles.map((r) => r.name)).toEqual(["master", "agent-1", "agent-2"]);
    expect(body.roles.every((r) => r.running && r.healthy && r.pid > 0)).toBe(true);

    const table = await cli("status");
    expect(table.stdout.split("\n")[0]).toMatch(/^NAME\s+URL\s+PID\s+RUNNING\s+HEALTHY$/);
    expect(table.stdout).toContain(masterUrl);
  });

  it("up on the running cluster says so and prints the same exports", async () => {
    const again = await cli("up");
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`Cluster ${clusterId} is already running`);
    expect(again.stdout).toBe(exportText);
  });

  it("destroy ends every process of the cluster and removes .minimesos/", async () => {
    await launcher?.close();
    launcher = undefined;
    expect(processesWithEnv(CLUSTER_ID_ENV, clusterId).length).toBeGreaterThanOrEqual(3);
    const destroy = await cli("destroy");
    expect(destroy.code).toBe(0);
    expect(destroy.stderr).toContain(`Destroyed minimesos cluster with ID ${clusterId}`);
    expect(processesWithEnv(CLUSTER_ID_ENV, clusterId)).toEqual([]);
    expect(existsSync(join(dir.path, ".minimesos"))).toBe(false);
  });

  it("destroy again, and the read commands, say the cluster is not running", async () => {
    for (const args of [["destroy"], ["state"], ["ps"], ["logs", "--task", "x"], ["info"]]) {
      const result = await cli(...args);
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout, args.join(" ")).toBe("");
    }
    expect((await cli("destroy")).stderr).toContain("Minimesos cluster is not running");
    expect((await cli("ps")).stderr).toContain("Minimesos cluster is not running");

    const status = await cli("status", "--json");
    expect(status.code).toBe(1);
    expect(json(status)).toEqual({ clusterId: null, healthy: false, roles: [] });
  });
});
