import type { z } from "zod";
import { clusterSpecSchema, type ClusterSpecInput } from "./cluster-schema.js";

/** A cluster spec that failed validation; `problems` are `path: message` lines. */
export class ClusterSpecError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid cluster spec:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ClusterSpecError";
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path)
    out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  return out === "" ? "(top level)" : out;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `${pathText(issue.path)}: unknown ${issue.keys.length > 1 ? "properties" : "property"} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  return `${pathText(issue.path)}: ${issue.message}`;
}

/** Validates a plain object (e.g. parsed JSON) against the cluster spec schema; throws ClusterSpecError. */
export function validateClusterSpec(input: unknown, source = "cluster spec"): ClusterSpecInput {
  const result = clusterSpecSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ClusterSpecError(source, result.error.issues.map(issueText));
}

/** The JSON form (`--clusterConfig file.json`): parses the text and validates it. */
export function parseClusterSpecJson(text: string, source = "cluster spec JSON"): ClusterSpecInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ClusterSpecError(source, [`not valid JSON: ${(error as Error).message}`]);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new ClusterSpecError(source, ["(top level): expected a JSON object"]);
  return validateClusterSpec(parsed, source);
}
