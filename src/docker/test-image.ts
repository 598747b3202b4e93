import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import type Docker from "dockerode";
import { dockerClient, isNotFound } from "./client.js";
import { tarArchive, type TarEntry } from "./tar.js";

/** The small image task tests run: busybox-static with every applet linked into /bin. */
export const TEST_IMAGE = "minimesos/busybox:latest";
/** Also tagged so the seed's example app (`"image": "alpine"`) runs; only when no alpine image exists. */
export const TEST_IMAGE_ALIASES = ["alpine:latest"];
const BUSYBOX = "/usr/bin/busybox";
/** Bumped when the root file system changes, so a stale cached image is rebuilt. */
const IMAGE_VERSION = "busybox-test-1";
const VERSION_LABEL = "minimesos.image";

let building: Promise<string> | undefined;

/**
 * Makes sure the test image exists on the engine: built once from /usr/bin/busybox (Debian's
 * busybox-static) by `docker import` of an assembled root file system, then cached by tag. Nothing is
 * pulled. Resolves with the image name.
 */
export function ensureTestImage(docker: Docker = dockerClient()): Promise<string> {
  building ??= build(docker).catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function build(docker: Docker): Promise<string> {
  if ((await imageLabel(docker, TEST_IMAGE)) !== IMAGE_VERSION) {
    const [repo, tag] = TEST_IMAGE.split(":") as [string, string];
    const progress = await docker.importImage(Readable.from([tarArchive(rootFileSystem())]), {
      repo,
      tag,
      changes: [
        'CMD ["/bin/sh"]',
        "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        `LABEL ${VERSION_LABEL}=${IMAGE_VERSION}`,
      ],
    });
    await followToEnd(docker, progress);
  }
  for (const alias of TEST_IMAGE_ALIASES) {
    if ((await imageLabel(docker, alias)) !== undefined) continue;
    const [repo, tag] = alias.split(":") as [string, string];
    await docker.getImage(TEST_IMAGE).tag({ repo, tag });
  }
  return TEST_IMAGE;
}

/** The image's version label ("" when it has none), or undefined when the image is absent. */
async function imageLabel(docker: Docker, name: string): Promise<string | undefined> {
  try {
    const inspect = await docker.getImage(name).inspect();
    return inspect.Config?.Labels?.[VERSION_LABEL] ?? "";
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function rootFileSystem(): TarEntry[] {
  const applets = execFileSync(BUSYBOX, ["--list"], { encoding: "utf8" })
    .split("\n")
    .map((name) => name.trim())
    .filter((name) => name && name !== "busybox" && !name.includes("/"));
  const dirs = ["bin", "sbin", "usr", "usr/bin", "usr/sbin", "etc", "root", "var", "var/www", "home"];
  return [
    ...dirs.map((path): TarEntry => ({ type: "dir", path })),
    { type: "dir", path: "tmp", mode: 0o1777 },
    { type: "file", path: "bin/busybox", data: readFileSync(BUSYBOX), mode: 0o755 },
    ...applets.map((name): TarEntry => ({ type: "symlink", path: `bin/${name}`, target: "busybox" })),
    { type: "file", path: "etc/passwd", data: Buffer.from(PASSWD) },
    { type: "file", path: "etc/group", data: Buffer.from(GROUP) },
  ];
}

const PASSWD = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n";
const GROUP = "root:x:0:\nnogroup:x:65534:\n";

function followToEnd(docker: Docker, stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, output: Array<{ error?: string }>) => {
      const failed = error?.message ?? output.find((o) => o.error)?.error;
      if (failed) reject(new Error(`docker import of ${TEST_IMAGE} failed: ${failed}`));
      else resolve();
    });
  });
}
