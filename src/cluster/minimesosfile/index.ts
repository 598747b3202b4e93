export type { Block, MinimesosFileAst, Property, Value } from "./ast.js";
export { plainValue } from "./ast.js";
export { MinimesosFileError, type SourcePosition } from "./errors.js";
export { parseMinimesosFile } from "./parser.js";
export { DEFAULT_AVAILABLE_ROLES, minimesosFileToSpec } from "./to-spec.js";
export type { MinimesosFileResult, ToSpecOptions } from "./to-spec.js";
export type { UnavailableRole } from "./mapping-context.js";
export {
  describeUnavailable,
  loadClusterConfigFile,
  loadClusterConfigText,
  loadMinimesosFile,
  looksLikeJson,
} from "./load.js";
export { defaultMinimesosFile } from "./default-file.js";
