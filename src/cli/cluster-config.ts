import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  describeUnavailable,
  loadClusterConfigFile,
  MinimesosFileError,
} from "../cluster/minimesosfile/index.js";
import { ClusterSpecError, type ClusterSpecInput } from "../cluster/spec/index.js";
import { CliError, ExitCode } from "./exit-codes.js";

/**
 * The cluster spec input for `up`: `--clusterConfig <file>` (minimesosFile or JSON), else `./minimesosFile`
 * when there is one, else the defaults. Notices and roles not yet available go to stderr.
 */
export async function loadClusterConfig(
  path: string | undefined,
  cwd = process.cwd(),
): Promise<ClusterSpecInput> {
  const file = path ? resolve(cwd, path) : resolve(cwd, "minimesosFile");
  if (!existsSync(file)) {
    if (path)
      throw new CliError(
        `Cluster config ${file} does not exist`,
        ExitCode.usage,
        "Check the --clusterConfig path, or run 'minimesos init' to write a minimesosFile.",
      );
    return {};
  }
  try {
    const { spec, notices, unavailable } = await loadClusterConfigFile(file);
    for (const notice of notices) process.stderr.write(`notice: ${notice}\n`);
    for (const role of unavailable) process.stderr.write(`notice: ${describeUnavailable(file, role)}\n`);
    return spec;
  } catch (error) {
    if (error instanceof MinimesosFileError || error instanceof ClusterSpecError)
      throw new CliError(
        `Failed to load cluster configuration from ${file}: ${error.message}`,
        ExitCode.usage,
        "Fix the file, or compare it with the one 'minimesos init' writes.",
      );
    throw error;
  }
}
