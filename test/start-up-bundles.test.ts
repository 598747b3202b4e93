import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { startRoleProcess } from "./support/role-process.js";

/** The built CLI starts from the start-up bundles that `npm run build` makes, and keeps their code caches. */
describe("start-up bundles of the built CLI", () => {
  const home = mkdtempSync(join(tmpdir(), "minimesos-cache-"));
  const env = { XDG_CACHE_HOME: home };
  const cached = () => {
    const dir = join(home, "minimesos", "v8-code-cache");
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("are built for every role and the command line", () => {
    for (const name of ["master", "agent", "marathon", "chronos", "cli"])
      expect(existsSync(new URL(`../dist/bundled/${name}.cjs`, import.meta.url))).toBe(true);
  });

  it("run a command from the command line's bundle and save its code cache on exit", async () => {
    const result = await runCli(["version"], home, { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^minimesos \d+\.\d+\.\d+/);
    expect(cached().filter((f) => f.startsWith("cli-"))).toHaveLength(1);
    const again = await runCli(["version"], home, { env });
    expect(again.stdout).toBe(result.stdout);
  });

  it("serve a role from its bundle and save its code cache once it runs", async () => {
    const work = mkdtempSync(join(home, "work-"));
    const master = await startRoleProcess("master", { work_dir: work }, { env });
    try {
      const deadline = Date.now() + 10_000;
      while (!cached().some((f) => f.startsWith("master-")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(cached().filter((f) => f.startsWith("master-"))).toHaveLength(1);
      expect((await fetch(`${master.url}/version`)).status).toBe(200);
    } finally {
      await master.stop();
    }
  });
});
