import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, cliWorkDir, evalExports, runCli, runCommand, type CliResult } from "./support/cli.js";

// A cluster with Marathon from a minimesosFile: an app from the file (with ${MINIMESOS_*} tokens) deployed
// by `up`, then `install`, `install --update` and `uninstall` against it.
const dir = cliWorkDir();
const cli = (...args: string[]): Promise<CliResult> => runCli(args, dir.path);
let marathonUrl = "";

interface AppAnswer {
  app: { id: string; instances: number; tasksRunning: number; env: Record<string, string>; cmd: string };
}

async function app(id: string): Promise<AppAnswer["app"] | undefined> {
  const res = await fetch(`${marathonUrl}/v2/apps/${id}`);
  return res.ok ? ((await res.json()) as AppAnswer).app : undefined;
}

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => dir.cleanup(), 60_000);

describe("Marathon through the CLI", { timeout: 90_000 }, () => {
  it("up starts Marathon, deploys the minimesosFile's app with its tokens replaced, and exports MINIMESOS_MARATHON", async () => {
    writeFileSync(
      join(dir.path, "from-file.json"),
      JSON.stringify({
        id: "/from-file",
        cmd: "sleep 100",
        cpus: 0.1,
        mem: 16,
        env: { MASTER: "${MINIMESOS_MASTER}" },
      }),
    );
    writeFileSync(
      join(dir.path, "minimesosFile"),
      [
        "minimesos {",
        "  agent { }",
        "  marathon {",
        '    app { marathonJson = "from-file.json" }',
        '    group { marathonJson = """{"id": "/grouped", "apps": [{"id": "one", "cmd": "sleep 100", "cpus": 0.1, "mem": 16}]}""" }',
        "  }",
        "}",
      ].join("\n"),
    );
    const up = await cli("up");
    expect(up.code, up.stderr).toBe(0);
    const vars = await evalExports(up.stdout, dir.path);
    marathonUrl = vars.MINIMESOS_MARATHON ?? "";
    expect(marathonUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(vars.MINIMESOS_MARATHON_IP).toBe("127.0.0.1");

    const deployed = await until("from-file running", async () => {
      const a = await app("from-file");
      return a && a.tasksRunning === 1 ? a : undefined;
    });
    expect(deployed.env.MASTER).toBe(vars.MINIMESOS_MASTER);
    await until("the group's app running", async () =>
      (await app("grouped/one"))?.tasksRunning === 1 ? true : undefined,
    );
  });

  it("install reads an app from stdin and from a URL, and a group from a file", async () => {
    writeFileSync(
      join(dir.path, "piped.json"),
      JSON.stringify({ id: "/piped", cmd: "sleep 100", cpus: 0.1, mem: 16 }),
    );
    const piped = await runCommand(
      "sh",
      ["-c", `"${process.execPath}" "${CLI}" install --stdin < piped.json`],
      dir.path,
    );
    expect(piped.code, piped.stderr).toBe(0);

    const served = JSON.stringify({ id: "/fetched", cmd: "sleep 100", cpus: 0.1, mem: 16 });
    const server = createServer((_req, res) => res.end(served));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app.json`;
      const fetched = await cli("install", "--app", url);
      expect(fetched.code, fetched.stderr).toBe(0);
    } finally {
      server.close();
    }

    writeFileSync(
      join(dir.path, "group.json"),
      JSON.stringify({ id: "/tools", apps: [{ id: "a", cmd: "sleep 100", cpus: 0.1, mem: 16 }] }),
    );
    const group = await cli("install", "--group", join(dir.path, "group.json"));
    expect(group.code, group.stderr).toBe(0);
    for (const id of ["piped", "fetched", "tools/a"])
      await until(`${id} running`, async () => ((await app(id))?.tasksRunning === 1 ? true : undefined));
    const removed = await cli("uninstall", "--group", "/tools");
    expect(removed.stdout).toBe("Deleted group '/tools'\n");
  });

  it("install --app posts an app; --update replaces it; uninstall deletes it", async () => {
    const file = join(dir.path, "web.json");
    writeFileSync(file, JSON.stringify({ id: "/web", cmd: "sleep 100", cpus: 0.1, mem: 16, instances: 1 }));
    const install = await cli("install", "--app", file);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toBe("");
    await until("web running", async () => ((await app("web"))?.tasksRunning === 1 ? true : undefined));

    writeFileSync(file, JSON.stringify({ id: "/web", cmd: "sleep 100", cpus: 0.1, mem: 16, instances: 2 }));
    const again = await cli("install", "--app", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Marathon did not accept the app, error:");
    const update = await cli("install", "--app", file, "--update");
    expect(update.code, update.stderr).toBe(0);
    await until("web at 2 instances", async () =>
      (await app("web"))?.tasksRunning === 2 ? true : undefined,
    );

    const uninstall = await cli("uninstall", "--app", "/web");
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(uninstall.stdout).toBe("Deleted app '/web'\n");
    await until("web gone", async () => ((await app("web")) === undefined ? true : undefined));
  });

  it("refuses install and uninstall without what to act on, and names the missing piece", async () => {
    const install = await cli("install");
    expect(install.code).toBe(2);
    expect(install.stderr).toContain("Please specify --app, --group or --stdin");
    const uninstall = await cli("uninstall");
    expect(uninstall.code).toBe(2);
    expect(uninstall.stderr).toContain("Please specify --app or --group to uninstall an app or group");
  });

  it("destroy leaves nothing", async () => {
    const destroy = await cli("destroy");
    expect(destroy.code).toBe(0);
    await expect(fetch(`${marathonUrl}/ping`)).rejects.toThrow();
  });
});
