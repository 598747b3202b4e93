import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { IMAGE_SCRIPTS } from "./image-scripts.js";
import { PACKAGE_DIR } from "../../common/package-root.js";
import { productionPackages } from "./package-files.js";

/** Where the package lives inside the image. */
export const IMAGE_PACKAGE_DIR = "/opt/minimesos";
export const IMAGE_CLI = `${IMAGE_PACKAGE_DIR}/dist/cli/main.js`;

const BUSYBOX_CANDIDATES = ["/bin/busybox", "/usr/bin/busybox"];

/** The shared libraries a binary loads, as absolute paths (from `ldd`), the loader included. */
export function sharedLibraries(binary: string): string[] {
  const out = execFileSync("ldd", [binary], { encoding: "utf8" });
  const paths = new Set<string>();
  for (const line of out.split("\n")) {
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (match?.[1]) paths.add(match[1]);
  }
  return [...paths];
}

function findBusybox(): string {
  for (const path of BUSYBOX_CANDIDATES) {
    try {
      execFileSync(path, ["true"], { stdio: "ignore" });
      return path;
    } catch {
      // not here
    }
  }
  throw new Error("busybox not found (install busybox-static): the image needs it for a shell");
}

/** Puts `target` (a host path) at `path` inside the staging tree as a symlink, which `tar -h` follows. */
function place(staging: string, path: string, target: string): void {
  const at = join(staging, path);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at);
}

/**
 * Lays out the image's root file system under `staging`: this machine's node and its libraries, busybox
 * (a real copy, its applets hard links to it, so they stay links in the archive), the package's dist/,
 * package.json and production node_modules, and the helper scripts. Big files are symlinks: the archive is
 * made with `tar -h`, so nothing is copied twice.
 */
export function assembleRootfs(staging: string, root: string = PACKAGE_DIR): void {
  const node = process.execPath;
  place(staging, "usr/local/bin/node", node);
  for (const lib of sharedLibraries(node)) place(staging, lib.slice(1), lib);
  const busybox = join(staging, "bin/busybox");
  mkdirSync(dirname(busybox), { recursive: true });
  const hostBusybox = findBusybox();
  copyFileSync(hostBusybox, busybox);
  chmodSync(busybox, 0o755);
  const applets = execFileSync(hostBusybox, ["--list"], { encoding: "utf8" }).split("\n").filter(Boolean);
  for (const applet of applets) if (applet !== "busybox") linkSync(busybox, join(staging, "bin", applet));
  const pkg = IMAGE_PACKAGE_DIR.slice(1);
  place(staging, `${pkg}/dist`, join(root, "dist"));
  place(staging, `${pkg}/package.json`, join(root, "package.json"));
  // A package nested in another's node_modules comes along with its parent's folder.
  const packages = productionPackages(root).sort((a, b) => a.target.length - b.target.length);
  const placed: string[] = [];
  for (const { dir, target } of packages) {
    if (placed.some((parent) => target.startsWith(`${parent}/`))) continue;
    place(staging, `${pkg}/${target}`, dir);
    placed.push(target);
  }
  for (const [path, text] of Object.entries(IMAGE_SCRIPTS)) {
    const at = join(staging, path);
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, text, { mode: 0o755 });
  }
  for (const dir of ["tmp", "var/lib/minimesos", "run/minimesos", "etc"])
    mkdirSync(join(staging, dir), { recursive: true });
  chmodSync(join(staging, "tmp"), 0o1777);
  writeFileSync(
    join(staging, "etc/passwd"),
    "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n",
  );
  writeFileSync(join(staging, "etc/group"), "root:x:0:\nnogroup:x:65534:\n");
}
