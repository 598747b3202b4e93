import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Each recipe of docs/testing.md runs under its own test runner, against the built package (`npm test` builds).
const root = fileURLToPath(new URL("..", import.meta.url));
const recipe = (runner: string) => fileURLToPath(new URL(`./recipes/${runner}/`, import.meta.url));

/** The runner's command-line script, from its package.json `bin`. */
function binOf(name: string): string {
  const dir = join(root, "node_modules", name);
  const { bin } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    bin: string | Record<string, string>;
  };
  return join(dir, typeof bin === "string" ? bin : (bin[name] ?? ""));
}

interface Run {
  code: number;
  output: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, env: { ...process.env, ...env, FORCE_COLOR: "0", NO_COLOR: "1" }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe("test runner recipes", { timeout: 150_000 }, () => {
  it("the package is built", () => {
    expect(existsSync(`${root}/dist/testing/index.js`)).toBe(true);
  });

  it("vitest: await using, beforeAll/afterAll and globalSetup", async () => {
    const vitest = binOf("vitest");
    const result = await run([vitest, "run", "--root", recipe("vitest")]);
    expect(result.output).toMatch(/Tests\s+3 passed \(3\)/);
    expect(result.code, result.output).toBe(0);
  });

  it("jest: native ES modules with beforeAll/afterAll", async () => {
    const jest = binOf("jest");
    const config = `${recipe("jest")}jest.config.mjs`;
    const result = await run([jest, "--rootDir", recipe("jest"), "--config", config], {
      NODE_OPTIONS: "--experimental-vm-modules",
    });
    expect(result.output).toMatch(/Tests:\s+3 passed, 3 total/);
    expect(result.code, result.output).toBe(0);
  });

  it("node:test: before/after hooks and t.after", async () => {
    const result = await run(["--test", recipe("node-test")]);
    expect(result.output).toMatch(/# pass 3\n# fail 0/);
    expect(result.code, result.output).toBe(0);
  });
});
