import { execFile } from "node:child_process";
import { chmod, copyFile, writeFile } from "node:fs/promises";
import { basename, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { CommandURI } from "../mesos/command.js";

const run = promisify(execFile);

const ARCHIVE = /\.(tar|tgz|tar\.gz|tbz2|tar\.bz2|txz|tar\.xz|zip)$/;

/**
 * The Mesos fetcher, for this machine: local paths, `file://` and `http(s)://` URIs are copied into the
 * sandbox (as `output_file` when given, else the URI's basename), then made executable or extracted
 * (tar and zip archives, with the system `tar`/`unzip`) as asked.
 */
export async function fetchUris(uris: readonly CommandURI[], sandbox: string): Promise<void> {
  for (const uri of uris) await fetchOne(uri, sandbox);
}

async function fetchOne(uri: CommandURI, sandbox: string): Promise<void> {
  const name = uri.output_file ?? basename(new URL(uri.value, "file:///").pathname);
  if (!name || name === "/") throw new Error(`Cannot name the file fetched from '${uri.value}'`);
  const target = isAbsolute(name) ? name : join(sandbox, name);
  if (/^https?:\/\//.test(uri.value)) {
    const res = await fetch(uri.value);
    if (!res.ok) throw new Error(`Failed to fetch '${uri.value}': HTTP ${res.status}`);
    await writeFile(target, Buffer.from(await res.arrayBuffer()));
  } else if (uri.value.startsWith("file://")) {
    await copyFile(fileURLToPath(uri.value), target);
  } else if (isAbsolute(uri.value)) {
    await copyFile(uri.value, target);
  } else {
    throw new Error(`Unsupported URI '${uri.value}': give a path, file:// or http:// URI`);
  }
  if (uri.executable) await chmod(target, 0o755);
  else if (uri.extract !== false && ARCHIVE.test(name)) await extract(target, sandbox);
}

async function extract(archive: string, sandbox: string): Promise<void> {
  if (archive.endsWith(".zip")) await run("unzip", ["-o", "-q", archive, "-d", sandbox]);
  else await run("tar", ["-C", sandbox, "-xf", archive]);
}
