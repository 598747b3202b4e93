import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { IMAGE_SCRIPTS } from "./image-scripts.js";
import { PACKAGE_DIR } from "../../common/package-root.js";
import { productionPackages, readPackageJson } from "./package-files.js";

export const IMAGE_REPOSITORY = "minimesos/minimesos";

/** Bump when the image's layout changes in a way the inputs below do not show. */
const LAYOUT_VERSION = "1";

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * `minimesos/minimesos:<version>-<hash>`: the hash covers dist/, the production packages' versions, the
 * node binary's version and the baked-in scripts, so an image is built once per build of the package.
 */
export function roleImageTag(root: string = PACKAGE_DIR): string {
  const hash = createHash("sha256");
  const pkg = readPackageJson(root);
  hash.update(`${LAYOUT_VERSION}\0${pkg.version ?? ""}\0${process.version}\0${process.arch}\0`);
  const dist = join(root, "dist");
  for (const file of filesUnder(dist)) {
    hash.update(`${relative(dist, file)}\0`);
    hash.update(readFileSync(file));
  }
  for (const { target, dir } of productionPackages(root).sort((a, b) => a.target.localeCompare(b.target)))
    hash.update(`${target}@${readPackageJson(dir).version ?? ""}\0`);
  for (const [path, text] of Object.entries(IMAGE_SCRIPTS)) hash.update(`${path}\0${text}\0`);
  return `${IMAGE_REPOSITORY}:${pkg.version ?? "0.0.0"}-${hash.digest("hex").slice(0, 12)}`;
}
