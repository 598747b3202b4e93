import { describe, expect, it } from "vitest";
import { PACKAGE_DIR } from "../../common/package-root.js";
import { productionPackages, readPackageJson } from "./package-files.js";
import { roleImageTag } from "./image-tag.js";

describe("the package files the image carries", () => {
  const targets = productionPackages().map((p) => p.target);

  it("finds the package root and every production dependency, transitively", () => {
    expect(readPackageJson(PACKAGE_DIR).name).toBe("minimesos");
    expect(targets).toEqual(
      expect.arrayContaining(["node_modules/fastify", "node_modules/dockerode", "node_modules/pino"]),
    );
    // fastify's own dependencies come along
    expect(targets).toContain("node_modules/avvio");
  });

  it("leaves the development dependencies out", () => {
    expect(targets).not.toContain("node_modules/vitest");
    expect(targets).not.toContain("node_modules/typescript");
  });

  it("tags the image by version and content, the same tag each time", () => {
    const tag = roleImageTag();
    expect(tag).toMatch(/^minimesos\/minimesos:0\.\d+\.\d+-[0-9a-f]{12}$/);
    expect(roleImageTag()).toBe(tag);
  });
});
