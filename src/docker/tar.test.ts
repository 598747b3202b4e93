import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tarArchive } from "./tar.js";

describe("tarArchive", () => {
  it("writes files, directories and symlinks that tar(1) extracts", () => {
    const dir = mkdtempSync(join(tmpdir(), "tar-test-"));
    try {
      const archive = tarArchive([
        { type: "dir", path: "bin" },
        { type: "file", path: "bin/tool", data: Buffer.from("#!/bin/sh\necho hi\n"), mode: 0o755 },
        { type: "symlink", path: "bin/alias", target: "tool" },
        { type: "dir", path: "tmp", mode: 0o1777 },
      ]);
      expect(archive.length % 512).toBe(0);
      writeFileSync(join(dir, "a.tar"), archive);
      execFileSync("tar", ["-xf", "a.tar"], { cwd: dir });
      expect(readFileSync(join(dir, "bin/tool"), "utf8")).toBe("#!/bin/sh\necho hi\n");
      expect(statSync(join(dir, "bin/tool")).mode & 0o777).toBe(0o755);
      expect(readlinkSync(join(dir, "bin/alias"))).toBe("tool");
      expect(statSync(join(dir, "tmp")).isDirectory()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses paths longer than the ustar name field", () => {
    expect(() => tarArchive([{ type: "dir", path: "x".repeat(120) }])).toThrow(/too long/);
  });
});
