import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadMinimesosFile } from "../cluster/minimesosfile/index.js";
import { CliError } from "./exit-codes.js";
import { initMinimesosFile } from "./init.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("initMinimesosFile", () => {
  it("writes a minimesosFile that loads without notices", () => {
    dir = mkdtempSync(join(tmpdir(), "minimesos-init-"));
    const file = initMinimesosFile(dir);
    const result = loadMinimesosFile(readFileSync(file, "utf8"));
    expect(result.notices).toEqual([]);
    expect(result.spec.agents).toHaveLength(1);
  });

  it("refuses to overwrite an existing file and leaves it unchanged", () => {
    dir = mkdtempSync(join(tmpdir(), "minimesos-init-"));
    writeFileSync(join(dir, "minimesosFile"), "mine");
    expect(() => initMinimesosFile(dir as string)).toThrow(CliError);
    expect(() => initMinimesosFile(dir as string)).toThrow(
      "A minimesosFile already exists in this directory",
    );
    expect(readFileSync(join(dir, "minimesosFile"), "utf8")).toBe("mine");
  });
});
