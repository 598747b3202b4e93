import type { ClusterRecord } from "../cluster/state-dir.js";
import { CliError, ExitCode } from "./exit-codes.js";

/** The URL of the cluster's Marathon, or a CliError saying how to add one. */
export function marathonUrl(record: ClusterRecord): string {
  const marathon = record.roles.find((r) => r.role === "marathon");
  if (!marathon)
    throw new CliError(
      `Marathon is not part of cluster ${record.clusterId}`,
      ExitCode.failure,
      "Add a 'marathon { }' block to the minimesosFile (or \"marathon\": {} to the JSON spec), then 'minimesos destroy' and 'minimesos up'.",
    );
  return marathon.url;
}
