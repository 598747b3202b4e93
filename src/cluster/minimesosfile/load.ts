import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { OPTIONAL_ROLES, parseClusterSpecJson, validateClusterSpec } from "../spec/index.js";
import type { UnavailableRole } from "./mapping-context.js";
import { parseMinimesosFile } from "./parser.js";
import {
  DEFAULT_AVAILABLE_ROLES,
  minimesosFileToSpec,
  type MinimesosFileResult,
  type ToSpecOptions,
} from "./to-spec.js";

/**
 * Reads minimesosFile text into a validated cluster spec (without defaults). Throws MinimesosFileError
 * (`minimesosFile:12:5: ...`) for syntax and mapping problems.
 */
export function loadMinimesosFile(
  text: string,
  source = "minimesosFile",
  options: ToSpecOptions = {},
): MinimesosFileResult {
  const result = minimesosFileToSpec(parseMinimesosFile(text, source), options);
  return { ...result, spec: validateClusterSpec(result.spec, source) };
}

/** True when the text is the JSON form of the spec rather than a minimesosFile. */
export const looksLikeJson = (text: string): boolean => text.trimStart().startsWith("{");

/**
 * Either form from text: JSON (`{ ... }`, validated by the schema, throws ClusterSpecError) or a
 * minimesosFile. JSON has no line numbers, so its unavailable roles report line 0.
 */
export function loadClusterConfigText(
  text: string,
  source: string,
  options: ToSpecOptions = {},
): MinimesosFileResult {
  if (!looksLikeJson(text)) return loadMinimesosFile(text, source, options);
  const spec = parseClusterSpecJson(text, source);
  const available = options.availableRoles ?? DEFAULT_AVAILABLE_ROLES;
  const unavailable: UnavailableRole[] = OPTIONAL_ROLES.filter((r) => spec[r] && !available.includes(r)).map(
    (role) => ({ role, line: 0 }),
  );
  return { spec, notices: [], unavailable };
}

/** Reads `--clusterConfig <path>` or `./minimesosFile`: JSON or minimesosFile, named by its file name. */
export async function loadClusterConfigFile(
  path: string,
  options: ToSpecOptions = {},
): Promise<MinimesosFileResult> {
  return loadClusterConfigText(await readFile(path, "utf8"), basename(path), options);
}

/** One line per unavailable role, for the CLI and the test library to print. */
export function describeUnavailable(source: string, role: UnavailableRole): string {
  const where = role.line > 0 ? `${source}:${role.line}: ` : `${source}: `;
  return `${where}${role.role} is not yet available in this version of minimesos; its settings are kept but it will not start`;
}
