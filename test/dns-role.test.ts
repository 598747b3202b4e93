import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { allocatePort } from "../src/common/ports.js";
import { startMaster, type Master } from "../src/master/master.js";
import { MasterHarness } from "../src/master/testing/harness.js";
import { dig, digShort, digStatus } from "./support/dns.js";
import { until } from "./support/marathon-cluster.js";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `minimesos run dns <args>` as its own process; resolves once its HTTP API answers. */
async function runDns(args: string[], env: Record<string, string>, httpPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, "run", "dns", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = once(child, "exit");
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  });
  await until(
    "the dns role's HTTP API",
    async () => {
      if (child.exitCode !== null) throw new Error(`dns exited with ${child.exitCode}:\n${log}`);
      return (await fetch(`http://127.0.0.1:${httpPort}/v1/version`).catch(() => undefined))?.ok;
    },
    10_000,
  );
  return child;
}

function configFile(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "dns-role-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "config.json");
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe("minimesos run dns", () => {
  it("reads -config and MESOS_DNS_* as minimesos started Mesos-DNS, and answers in that domain", async () => {
    const h = await MasterHarness.start();
    cleanups.push(() => h.close());
    await h.agent();
    const [dnsPort, httpPort] = [await allocatePort(), await allocatePort()];
    const file = configFile({
      masters: [new URL(h.url).host],
      httpport: httpPort,
      port: 53,
      domain: "ignored",
    });
    const env = { MESOS_DNS_DOMAIN: "mm", MESOS_DNS_PORT: String(dnsPort), MESOS_DNS_REFRESH_SECONDS: "1" };
    const child = await runDns(["-v=2", `-config=${file}`], env, httpPort);
    expect(await digShort(dnsPort, "leader.mm")).toEqual(["127.0.0.1"]);
    expect(await digShort(dnsPort, "slave.mm", "A", "+tcp")).toEqual(["127.0.0.1"]);
    expect(await digStatus(dnsPort, "leader.mesos")).toBe("REFUSED");
    const config = (await (await fetch(`http://127.0.0.1:${httpPort}/v1/config`)).json()) as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({
      Domain: "mm",
      Port: dnsPort,
      HttpPort: httpPort,
      RefreshSeconds: 1,
      File: file,
    });
    // Malformed input never ends the process.
    await dig(dnsPort, "+short", "-t", "TYPE65280", "leader.mm").catch(() => "");
    expect(await digStatus(dnsPort, "a".repeat(63) + ".mm")).toBe("NXDOMAIN");
    expect(child.exitCode).toBeNull();
  });

  it("polls /master/state every refreshSeconds with the subscription off", async () => {
    const master: Master = await startMaster({ port: 0 });
    cleanups.push(() => master.stop());
    const [dnsPort, httpPort] = [await allocatePort(), await allocatePort()];
    await runDns(
      [
        `--masters=${new URL(master.url).host}`,
        `--port=${dnsPort}`,
        `--http_port=${httpPort}`,
        "--subscribe=false",
        "--refresh_seconds=1",
      ],
      {},
      httpPort,
    );
    await until(
      "leader.mesos from the poll",
      async () => (await digShort(dnsPort, "leader.mesos")).length > 0 || undefined,
      5000,
    );
    const serial = async () => Number((await digShort(dnsPort, "mesos", "SOA"))[0]?.split(" ")[2]);
    const first = await serial();
    await until("a later poll", async () => (await serial()) > first || undefined, 5000);
  });

  it("exits with Mesos-DNS's message for a bad config", async () => {
    const child = spawn(
      process.execPath,
      [CLI, "run", "dns", "--ip_sources=bogus", "--masters=127.0.0.1:1"],
      {
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).not.toBe(0);
    expect(log).toContain('invalid IP source "bogus"');
  });
});
