import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliWorkDir, evalExports, runCli, type CliResult } from "./support/cli.js";
import { digShort } from "./support/dns.js";

// `up` with a mesosdns block, MINIMESOS_MESOSDNS in the exports, and `minimesos dns <name>`.
const dir = cliWorkDir();
const cli = (...args: string[]): Promise<CliResult> => runCli(args, dir.path);

afterAll(() => dir.cleanup(), 60_000);

describe("Mesos-DNS through the CLI", { timeout: 90_000 }, () => {
  it("up starts Mesos-DNS, info exports MINIMESOS_MESOSDNS, and dns looks names up", async () => {
    writeFileSync(
      join(dir.path, "minimesosFile"),
      [
        "minimesos {",
        "  agent { }",
        "  mesosdns {",
        "    portNumber = 0",
        "    httpPortNumber = 0",
        "  }",
        "}",
      ].join("\n"),
    );
    const up = await cli("up");
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain("Mesos-DNS");
    expect(up.stderr).not.toContain("not yet available");
    const info = await cli("info");
    const vars = await evalExports(info.stdout, dir.path);
    expect(vars.MINIMESOS_MESOSDNS).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(vars.MINIMESOS_MESOSDNS!).port);
    expect(await digShort(port, "leader.mesos")).toEqual(["127.0.0.1"]);

    const master = await cli("dns", "master.mesos");
    expect(master).toMatchObject({ code: 0, stdout: "127.0.0.1\n" });
    const leader = await cli("dns", "_leader._tcp.mesos", "srv");
    expect(leader.stdout).toMatch(/^0 1 \d+ leader\.mesos\.\n$/);
    const missing = await cli("dns", "nothing.mesos");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nothing.mesos: NXDOMAIN");
    const json = JSON.parse((await cli("dns", "slave.mesos", "--json")).stdout) as { rcode: string };
    expect(json.rcode).toBe("NOERROR");
  });
});
