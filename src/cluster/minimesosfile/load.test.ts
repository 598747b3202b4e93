import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClusterSpecError } from "../spec/index.js";
import {
  describeUnavailable,
  loadClusterConfigFile,
  loadClusterConfigText,
  MinimesosFileError,
} from "./index.js";

describe("loadClusterConfigText", () => {
  it("reads the JSON form and reports its unavailable roles", () => {
    const result = loadClusterConfigText(
      '  {"agents": [{}, {}], "marathon": {"apps": [{"id": "/a"}]}, "chronos": {}, "zookeeper": {}}',
      "c.json",
    );
    expect(result.spec.agents).toHaveLength(2);
    expect(result.unavailable).toEqual([{ role: "zookeeper", line: 0 }]);
    expect(result.notices).toEqual([]);
  });

  it("reads a minimesosFile otherwise, and errors name the source", () => {
    expect(loadClusterConfigText("minimesos { agent { } }", "mf").spec.agents).toEqual([{}]);
    expect(() => loadClusterConfigText("minimesos { agent { x = 1 } }", "mf")).toThrow(MinimesosFileError);
    expect(() => loadClusterConfigText('{"agents": 3}', "c.json")).toThrow(ClusterSpecError);
  });
});

describe("loadClusterConfigFile", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "minimesosfile-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads a file from disk and names errors after it", async () => {
    await writeFile(join(dir, "minimesosFile"), "minimesos {\n  timeout = 5\n  zookeeper { }\n}\n");
    const result = await loadClusterConfigFile(join(dir, "minimesosFile"));
    expect(result.spec.timeout).toBe(5);
    expect(describeUnavailable("minimesosFile", result.unavailable[0]!)).toBe(
      "minimesosFile:3: zookeeper is not yet available in this version of minimesos; its settings are kept but it will not start",
    );
    await writeFile(join(dir, "broken"), "minimesos {\n");
    await expect(loadClusterConfigFile(join(dir, "broken"))).rejects.toThrow(/^broken:2:1: expected '}'/);
  });
});
