import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { planCluster } from "./plan.js";
import { testPreset, type ClusterSpecInput } from "./spec/index.js";
import { StateDir } from "./state-dir.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function plan(input: ClusterSpecInput) {
  const dir = mkdtempSync(join(tmpdir(), "minimesos-plan-"));
  dirs.push(dir);
  return planCluster(testPreset(input), new StateDir(dir));
}

const addressing = (launch: { flags: Record<string, string>; url: string }) => ({
  ip: launch.flags.ip,
  hostname: launch.flags.hostname,
  host: new URL(launch.url).hostname,
});

describe("planCluster", () => {
  it("gives every agent of a cluster its own loopback address and hostname", async () => {
    const { master, agents } = await plan({ agents: [{}, {}, {}] });
    expect(master.flags.ip).toBe("127.0.0.1");
    expect(agents.map(addressing)).toEqual([
      { ip: "127.0.0.1", hostname: "127.0.0.1", host: "127.0.0.1" },
      { ip: "127.0.1.2", hostname: "127.0.1.2", host: "127.0.1.2" },
      { ip: "127.0.1.3", hostname: "127.0.1.3", host: "127.0.1.3" },
    ]);
    expect(agents.every((a) => a.flags.master === master.url.replace("http://", ""))).toBe(true);
  });

  it("keeps an agent's own ip and hostname", async () => {
    const { agents } = await plan({ agents: [{}, { hostname: "node-2" }, { ip: "127.0.0.1" }] });
    expect(agents.map(addressing)).toEqual([
      { ip: "127.0.0.1", hostname: "127.0.0.1", host: "127.0.0.1" },
      { ip: "127.0.1.2", hostname: "node-2", host: "127.0.1.2" },
      { ip: "127.0.0.1", hostname: "127.0.0.1", host: "127.0.0.1" },
    ]);
  });

  it("serves every agent on all interfaces with mapPortsToHost, advertised as 127.0.0.1", async () => {
    const { bindAddress, agents } = await plan({ mapPortsToHost: true, agents: [{}, {}] });
    expect(bindAddress).toBe("0.0.0.0");
    expect(agents.map(addressing)).toEqual([
      { ip: "0.0.0.0", hostname: "127.0.0.1", host: "127.0.0.1" },
      { ip: "0.0.0.0", hostname: "127.0.0.1", host: "127.0.0.1" },
    ]);
  });
});
