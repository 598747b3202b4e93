import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { allocatePort } from "../src/common/ports.js";
import { startMaster, type Master } from "../src/master/master.js";
import { until } from "./support/marathon-cluster.js";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
let master: Master | undefined;
afterAll(async () => {
  await master?.stop();
});

describe("minimesos run chronos", () => {
  it("reads CHRONOS_* variables as the Chronos images do and registers as a framework", async () => {
    master = await startMaster({ port: 0 });
    const port = await allocatePort();
    const child = spawn(process.execPath, [CLI, "run", "chronos", "--mesos_framework_name", "cron"], {
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        CHRONOS_MASTER: master.url,
        CHRONOS_HTTP_PORT: String(port),
        CHRONOS_ZK_HOSTS: "zk:2181",
      },
    });
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const exited = once(child, "exit");
    try {
      await until("ping", async () => {
        try {
          return (await (await fetch(`http://127.0.0.1:${port}/ping`)).text()) === "pong";
        } catch {
          return false;
        }
      });
      const names = await until("framework", async () => {
        const state = (await (await fetch(`${master?.url}/master/state`)).json()) as {
          frameworks: Array<{ name: string }>;
        };
        return state.frameworks.length > 0 && state.frameworks.map((f) => f.name);
      });
      expect(names).toEqual(["cron"]);
      expect(await (await fetch(`http://127.0.0.1:${port}/scheduler/jobs`)).json()).toEqual([]);
      expect(log).toContain("zk_hosts is accepted but not used");
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    expect(child.exitCode === 0 || child.signalCode === "SIGTERM").toBe(true);
  });
});
