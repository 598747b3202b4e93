import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { cliWorkDir, evalExports, runCli, type CliResult } from "./support/cli.js";
import { until } from "./support/marathon-cluster.js";

// `up` with consul and registrator from a minimesosFile, each its own process: the exports, a Marathon app
// of 2 instances × 2 named ports registered through the event stream, Consul's DNS answering SRV with
// `dig`, scaling down, the KV store kept in the cluster's state dir, and `destroy` leaving nothing.
const run = promisify(execFile);
const dir = cliWorkDir();
const cli = (...args: string[]): Promise<CliResult> => runCli(args, dir.path);

interface HealthEntry {
  Service: { ID: string; Address: string; Port: number; Tags: string[] };
  Checks: Array<{ CheckID: string; Status: string }>;
}

afterAll(() => dir.cleanup(), 60_000);

describe("consul and registrator through the CLI", { timeout: 90_000 }, () => {
  it("up exports MINIMESOS_CONSUL, registers a Marathon app's ports, answers SRV over DNS, and follows a scale-down", async () => {
    writeFileSync(
      join(dir.path, "minimesosFile"),
      [
        "minimesos {",
        "  agent { }",
        "  marathon { portNumber = 0 }",
        "  consul { portNumber = 0; dnsPortNumber = 0 }",
        "  registrator { }",
        "}",
      ].join("\n"),
    );
    const up = await cli("up");
    expect(up.code, up.stderr).toBe(0);
    const vars = await evalExports(up.stdout, dir.path);
    const consul = vars.MINIMESOS_CONSUL ?? "";
    expect(consul).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(vars.MINIMESOS_CONSUL_IP).toBe("127.0.0.1");
    expect(vars.MINIMESOS_REGISTRATOR).toBeUndefined();
    const self = (await (await fetch(`${consul}/v1/agent/self`)).json()) as {
      Config: { Ports: { DNS: number } };
    };
    const dnsPort = self.Config.Ports.DNS;

    writeFileSync(
      join(dir.path, "web.json"),
      JSON.stringify({
        id: "/web",
        cmd: "python3 -m http.server $PORT0",
        instances: 2,
        cpus: 0.1,
        mem: 64,
        portDefinitions: [
          { port: 0, name: "http" },
          { port: 0, name: "admin" },
        ],
        env: { SERVICE_TAGS: "blue", SERVICE_HTTP_CHECK_HTTP: "/", SERVICE_HTTP_CHECK_INTERVAL: "1s" },
      }),
    );
    const installed = await cli("install", "--app", "web.json");
    expect(installed.code, installed.stderr).toBe(0);
    const passing = async (name: string) =>
      (await (await fetch(`${consul}/v1/health/service/${name}?passing`)).json()) as HealthEntry[];
    const http = await until("2 passing web-http instances", async () => {
      const entries = await passing("web-http");
      return entries.length === 2 ? entries : undefined;
    });
    expect(http.map((e) => e.Checks.map((c) => c.Status))).toEqual([
      ["passing", "passing"],
      ["passing", "passing"],
    ]);
    expect(http[0]?.Service).toMatchObject({ Address: "127.0.0.1", Tags: ["blue"] });
    await until("2 web-admin instances", async () =>
      (await passing("web-admin")).length === 2 ? true : undefined,
    );

    const dig = await run("dig", [
      "@127.0.0.1",
      "-p",
      String(dnsPort),
      "web-http.service.consul",
      "SRV",
      "+short",
    ]);
    const ports = dig.stdout
      .trim()
      .split("\n")
      .map((line) => Number(line.split(" ")[2]))
      .sort();
    expect(ports).toEqual(http.map((e) => e.Service.Port).sort());

    const marathon = vars.MINIMESOS_MARATHON ?? "";
    const scaled = await fetch(`${marathon}/v2/apps/web`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ instances: 1 }),
    });
    expect(scaled.status).toBe(200);
    await until("one web-http instance", async () =>
      (await passing("web-http")).length === 1 ? true : undefined,
    );

    const put = await fetch(`${consul}/v1/kv/app/config`, { method: "PUT", body: "v1" });
    expect(await put.json()).toBe(true);
    expect(await (await fetch(`${consul}/v1/kv/app/config?raw`)).text()).toBe("v1");

    const destroyed = await cli("destroy");
    expect(destroyed.code, destroyed.stderr).toBe(0);
    await expect(fetch(`${consul}/v1/status/leader`)).rejects.toThrow();
  });
});
