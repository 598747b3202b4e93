import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadStartUpBundle } from "./start-up-bundle.js";

describe("start-up bundles", () => {
  let dir: string;
  let cacheHome: string | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "minimesos-bundle-"));
    cacheHome = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(dir, "cache");
  });
  afterEach(() => {
    if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cacheHome;
    rmSync(dir, { recursive: true, force: true });
  });

  const cacheFiles = () => readdirSync(join(dir, "cache", "minimesos", "v8-code-cache"));
  const writeBundle = (answer: number, mtime: number) => {
    const file = join(dir, "demo.cjs");
    writeFileSync(
      file,
      `const path = require("node:path");\nexports.main = async (args) => { globalThis.__bundleAnswer = [${answer}, path.basename(__filename), ...args]; };\n`,
    );
    utimesSync(file, mtime, mtime);
  };
  const answer = () => (globalThis as { __bundleAnswer?: unknown }).__bundleAnswer;

  it("is undefined when the build made no such bundle", () => {
    expect(loadStartUpBundle("missing", dir)).toBeUndefined();
  });

  it("runs the bundle's main with require and __filename, and compiles from the cache once it is saved", async () => {
    writeBundle(1, 1_700_000_000);
    const first = loadStartUpBundle("demo", dir);
    expect(first?.fromCache).toBe(false);
    await first?.bundle.main(["x"]);
    expect(answer()).toEqual([1, "demo.cjs", "x"]);
    first?.saveCache();
    expect(cacheFiles()).toHaveLength(1);

    const second = loadStartUpBundle("demo", dir);
    expect(second?.fromCache).toBe(true);
    await second?.bundle.main([]);
    expect(answer()).toEqual([1, "demo.cjs"]);
  });

  it("never runs an old build's cache for a changed bundle of the same length and modification time", async () => {
    writeBundle(1, 1_700_000_000);
    loadStartUpBundle("demo", dir)?.saveCache();
    writeBundle(2, 1_700_000_000);
    const rebuilt = loadStartUpBundle("demo", dir);
    expect(rebuilt?.fromCache).toBe(false);
    await rebuilt?.bundle.main([]);
    expect(answer()).toEqual([2, "demo.cjs"]);
  });

  it("keeps another build's recent cache and removes the stale ones", () => {
    writeBundle(1, 1_700_000_000);
    loadStartUpBundle("demo", dir)?.saveCache();
    const [first] = cacheFiles();
    writeBundle(2, 1_700_000_000);
    loadStartUpBundle("demo", dir)?.saveCache();
    expect(cacheFiles()).toHaveLength(2);

    const weekAgo = Date.now() / 1000 - 8 * 24 * 3600;
    utimesSync(join(dir, "cache", "minimesos", "v8-code-cache", first ?? ""), weekAgo, weekAgo);
    writeBundle(3, 1_700_000_000);
    loadStartUpBundle("demo", dir)?.saveCache();
    expect(cacheFiles()).toHaveLength(2);
    expect(cacheFiles()).not.toContain(first);
  });
});
