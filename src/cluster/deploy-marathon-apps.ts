import { dirname } from "node:path";
import { substituteTokens, tokenValues } from "./exports.js";
import { deploy } from "./marathon-api.js";
import { readMarathonDefinition } from "./marathon-definition.js";
import type { RunningCluster } from "./running-cluster.js";
import type { MarathonDefinition } from "./spec/index.js";

/**
 * Deploys the minimesosFile's `marathon { app { } group { } }` definitions, with the `${MINIMESOS_*}`
 * tokens replaced, relative paths resolved against the directory `up` runs in.
 */
export async function deployMarathonApps(
  cluster: RunningCluster,
  apps: readonly MarathonDefinition[],
  groups: readonly MarathonDefinition[],
): Promise<void> {
  const marathon = cluster.marathon;
  if (!marathon) return;
  const baseDir = dirname(cluster.state.path);
  const values = tokenValues(cluster.record(), baseDir);
  const all = [...apps.map((d) => ["app", d] as const), ...groups.map((d) => ["group", d] as const)];
  for (const [kind, definition] of all) {
    const json = substituteTokens(await readMarathonDefinition(definition, baseDir), values);
    try {
      await deploy(marathon.url, kind, json, false);
    } catch (error) {
      const what =
        typeof definition === "string" ? definition.slice(0, 80) : JSON.stringify(definition).slice(0, 80);
      throw new Error(`Marathon did not accept the ${kind} ${what}: ${(error as Error).message}`);
    }
  }
}
