import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { PACKAGE_DIR } from "../../common/package-root.js";

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export const readPackageJson = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;

/** Where Node would find package `name` required from `fromDir`: the nearest node_modules/<name> up the tree. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package the production code needs, as directories, each with the path it must have under the
 * package root so Node resolves it the same way (`node_modules/x`, `node_modules/y/node_modules/x`).
 * Optional dependencies that are not installed are left out, as npm does.
 */
export function productionPackages(root: string = PACKAGE_DIR): Array<{ dir: string; target: string }> {
  const found = new Map<string, string>();
  const pending: string[] = [root];
  while (pending.length > 0) {
    const from = pending.pop() as string;
    const pkg = readPackageJson(from);
    const required = Object.keys(pkg.dependencies ?? {});
    const optional = Object.keys(pkg.optionalDependencies ?? {});
    for (const name of [...required, ...optional]) {
      const dir = resolvePackageDir(name, from);
      if (dir === undefined) {
        if (optional.includes(name)) continue;
        throw new Error(`Cannot find the package '${name}' that ${pkg.name ?? from} depends on`);
      }
      if (found.has(dir)) continue;
      found.set(dir, targetPath(root, dir));
      pending.push(dir);
    }
  }
  return [...found].map(([dir, target]) => ({ dir, target }));
}

/** The path under the root: inside the root as is; hoisted above it, relative to the folder holding node_modules. */
function targetPath(root: string, dir: string): string {
  const inside = relative(root, dir);
  if (!inside.startsWith("..")) return inside;
  const parts = dir.split(sep);
  const first = parts.indexOf("node_modules", root.split(sep).length - 2);
  return parts.slice(first).join("/");
}
