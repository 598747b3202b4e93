import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of this package's package.json: the nearest one named minimesos above this module (from src/
 * under vitest, from dist/, from a start-up bundle in dist/bundled/ or from a benchmark build alike).
 */
function findPackageRoot(): { dir: string; version: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "minimesos") return { dir, version: pkg.version ?? "0.0.0" };
    }
    if (dirname(dir) === dir) throw new Error(`No minimesos package.json above ${here}`);
  }
}

const found = findPackageRoot();

export const PACKAGE_DIR: string = found.dir;
export const PACKAGE_VERSION: string = found.version;

/** The built command line, which `up` and the all-in-one image start role processes with. */
export const CLI_PATH: string = join(PACKAGE_DIR, "dist", "cli", "main.js");
