import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Progress } from "../progress.js";
import { dockerEngine, isNotFound, type DockerEngine } from "./engine.js";
import { removeStaleRoleImages } from "./image-cleanup.js";
import { roleImageTag } from "./image-tag.js";
import { assembleRootfs, IMAGE_CLI } from "./rootfs.js";

/** The image's settings: the CLI as entry, `run all-in-one` (mesos-mini style) when no command is given. */
export const IMAGE_CHANGES = [
  `ENTRYPOINT ["/usr/local/bin/node", "${IMAGE_CLI}"]`,
  `CMD ["run", "all-in-one"]`,
  "ENV PATH=/usr/local/bin:/bin",
  "WORKDIR /",
  "EXPOSE 5050 5051 8080",
];

async function imageExists(engine: DockerEngine, tag: string): Promise<boolean> {
  try {
    await engine.getImage(tag).inspect();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Streams `staging` as a tar archive (symlinks followed) into the engine's image import. */
async function importRootfs(engine: DockerEngine, staging: string, tag: string): Promise<void> {
  const [repo, version] = tag.split(":") as [string, string];
  const tar = spawn("tar", ["-C", staging, "-c", "-h", "--numeric-owner", "--owner=0", "--group=0", "."], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tarErrors = "";
  tar.stderr.on("data", (chunk: Buffer) => (tarErrors += chunk.toString()));
  const tarDone = new Promise<void>((resolve, reject) => {
    tar.once("error", reject);
    tar.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`tar failed: ${tarErrors.trim()}`)),
    );
  });
  const response = await engine.importImage(tar.stdout, { repo, tag: version, changes: IMAGE_CHANGES });
  const answer = await new Promise<string>((resolve, reject) => {
    let text = "";
    response.on("data", (chunk: Buffer) => (text += chunk.toString()));
    response.once("end", () => resolve(text));
    response.once("error", reject);
  });
  await tarDone;
  const failed = /"error"\s*:\s*"([^"]*)"/.exec(answer);
  if (failed) throw new Error(`docker import failed: ${failed[1]}`);
}

/**
 * The image every role container runs, built from the installed package when this build of it has none
 * yet: never pulled, cached by its content tag. Each step is one progress line. After a build, the older
 * tags of the repository that no container uses are removed.
 */
export async function ensureRoleImage(
  progress: Progress,
  engine: DockerEngine = dockerEngine(),
  tag: string = roleImageTag(),
): Promise<string> {
  if (await imageExists(engine, tag)) {
    progress.note(`Using image ${tag}`);
    return tag;
  }
  const staging = mkdtempSync(join(tmpdir(), "minimesos-rootfs-"));
  try {
    await progress.step("Assembling the image's root file system (node, busybox, the package)", async () =>
      assembleRootfs(staging),
    );
    await progress.step(`Importing image ${tag}`, () => importRootfs(engine, staging, tag));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  await removeStaleRoleImages(engine, tag).then(
    (removed) => removed.length > 0 && progress.note(`Removed older image(s) ${removed.join(", ")}`),
    (error: unknown) => progress.note(`Could not remove older minimesos images: ${(error as Error).message}`),
  );
  return tag;
}
