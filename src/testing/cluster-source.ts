import {
  describeUnavailable,
  loadClusterConfigFile,
  loadClusterConfigText,
} from "../cluster/minimesosfile/index.js";
import type { MinimesosFileResult } from "../cluster/minimesosfile/index.js";
import type { z } from "zod";
import { testPreset, type ClusterSpec, type ClusterSpecInput } from "../cluster/spec/index.js";
import type { clusterSpecSchema } from "../cluster/spec/index.js";

/** A cluster spec as written by hand: what the schema accepts, defaults (such as a resource's role) optional. */
export type MesosClusterSpec = z.input<typeof clusterSpecSchema>;

// testPreset validates its input, filling the defaults the written form may leave out.
const preset = (spec: MesosClusterSpec): ClusterSpec => testPreset(spec as ClusterSpecInput);

/** Where a MesosCluster's spec comes from. */
export type ClusterSource =
  | { spec: MesosClusterSpec }
  | { file: string; overrides?: MesosClusterSpec }
  | { text: string; source?: string; overrides?: MesosClusterSpec };

export interface ResolvedSource {
  spec: ClusterSpec;
  /** Notices of the minimesosFile (retired properties, roles not yet available). */
  notices: string[];
}

function fromConfig(
  result: MinimesosFileResult,
  source: string,
  overrides: MesosClusterSpec = {},
): ResolvedSource {
  return {
    spec: preset({ ...result.spec, ...overrides }),
    notices: [...result.notices, ...result.unavailable.map((role) => describeUnavailable(source, role))],
  };
}

/** The spec with the test preset's defaults: runtime `inproc`, any free port where none is named. */
export async function resolveSource(source: ClusterSource): Promise<ResolvedSource> {
  if ("spec" in source) return { spec: preset(source.spec), notices: [] };
  if ("file" in source)
    return fromConfig(await loadClusterConfigFile(source.file), source.file, source.overrides);
  const name = source.source ?? "minimesosFile";
  return fromConfig(loadClusterConfigText(source.text, name), name, source.overrides);
}
