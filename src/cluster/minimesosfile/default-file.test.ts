import { describe, expect, it } from "vitest";
import { devPreset, testPreset } from "../spec/index.js";
import { defaultMinimesosFile, loadMinimesosFile } from "./index.js";

describe("defaultMinimesosFile", () => {
  it("reads back into the default spec under both presets", () => {
    const result = loadMinimesosFile(defaultMinimesosFile());
    expect(devPreset(result.spec)).toEqual(devPreset());
    expect(testPreset(result.spec)).toEqual(testPreset());
    expect(result.notices).toEqual([]);
    expect(result.unavailable).toEqual([]);
  });

  it("shows today's defaults with comments", () => {
    const text = defaultMinimesosFile();
    expect(text).toMatch(/^\/\/ minimesosFile/);
    expect(text).toContain("    timeout = 60\n");
    expect(text).toContain("                value = 4096\n");
    expect(text).toContain("// portNumber = 5050");
    expect(text).toContain('// ports { role = "*"; value = "[31000-31999]" }');
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("stays loadable once a commented setting is switched on", () => {
    const edited = defaultMinimesosFile()
      .replace("// portNumber = 5050", "portNumber = 6060")
      .replace('// clusterName = "my-cluster"', 'clusterName = "mine"');
    const spec = devPreset(loadMinimesosFile(edited).spec);
    expect(spec.master.port).toBe(6060);
    expect(spec.clusterName).toBe("mine");
  });

  it("starts Marathon once its block is uncommented", () => {
    const edited = defaultMinimesosFile()
      .replace("    // marathon {", "    marathon {")
      .replace("    //     portNumber = 8080", "        portNumber = 8081")
      .replace("    // }\n", "    }\n");
    const result = loadMinimesosFile(edited);
    expect(result.unavailable).toEqual([]);
    expect(devPreset(result.spec).marathon).toMatchObject({ port: 8081, apps: [] });
  });
});
