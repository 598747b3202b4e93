import { readFile } from "node:fs/promises";
import { ChronosRejected, deleteJob, postJob, type ChronosJobKind } from "../cluster/chronos-api.js";
import { substituteTokens, tokenValues } from "../cluster/exports.js";
import type { ClusterRecord } from "../cluster/state-dir.js";
import { CliError, ExitCode } from "./exit-codes.js";

/** The URL of the cluster's Chronos, or a CliError saying how to add one. */
export function chronosUrl(record: ClusterRecord): string {
  const chronos = record.roles.find((r) => r.role === "chronos");
  if (!chronos)
    throw new CliError(
      `Chronos is not part of cluster ${record.clusterId}`,
      ExitCode.failure,
      "Add a 'chronos { }' block to the minimesosFile (or \"chronos\": {} to the JSON spec), then 'minimesos destroy' and 'minimesos up'.",
    );
  return chronos.url;
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const res = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new CliError(`Cannot read ${source}: HTTP ${res.status}`, ExitCode.usage);
    return res.text();
  }
  return readFile(source, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${source}: ${error.code ?? error.message}`, ExitCode.usage);
  });
}

/** `install --job` / `--dependency`: posts a Chronos job from a file or URL, `${MINIMESOS_*}` tokens replaced. */
export async function installJob(record: ClusterRecord, kind: ChronosJobKind, source: string): Promise<void> {
  const url = chronosUrl(record);
  const json = substituteTokens(await readSource(source), tokenValues(record, process.cwd()));
  try {
    await postJob(url, kind, json);
  } catch (error) {
    if (error instanceof ChronosRejected)
      throw new CliError(`Chronos did not accept the job, error: ${error.body}`, ExitCode.failure);
    if (error instanceof SyntaxError)
      throw new CliError(`The job definition is not valid JSON: ${error.message}`, ExitCode.usage);
    throw error;
  }
}

/** `uninstall --job NAME`: deletes a Chronos job (its running tasks are killed). */
export async function uninstallJob(record: ClusterRecord, name: string): Promise<void> {
  try {
    await deleteJob(chronosUrl(record), name);
  } catch (error) {
    if (error instanceof ChronosRejected)
      throw new CliError(`Chronos did not delete job '${name}': ${error.body}`);
    throw error;
  }
  process.stdout.write(`Deleted job '${name}'\n`);
}
