import type { AppDefinition } from "./app-definition.js";
import { parseAppInput, type AppInput, type JsonViolation } from "./app-input.js";
import { appJson } from "./app-json.js";
import { normalizeApp, type NormalizeProblems } from "./app-normalize.js";
import { validateApp, type Violation } from "./app-validation.js";

export type AppParseResult =
  | { ok: true; app: AppDefinition }
  | { ok: false; status: 400; message: "Invalid JSON"; details: JsonViolation[] }
  | { ok: false; status: 422; message: "Object is not valid"; details: Violation[] };

/** Fields that only one input form uses; a partial update naming one drops the stored counterpart. */
const REPLACES: Record<string, string[]> = {
  ports: ["portDefinitions"],
  portDefinitions: ["ports"],
  uris: ["fetch"],
  fetch: ["uris"],
  ipAddress: ["networks"],
};

/** The stored app as an input, with a request's fields laid over it (Marathon's `partialUpdate=true`). */
export function mergeOver(base: AppDefinition, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = appJson(base);
  delete merged.version;
  delete merged.versionInfo;
  for (const key of Object.keys(patch)) for (const drop of REPLACES[key] ?? []) delete merged[drop];
  const container = patch.container as { docker?: { network?: unknown } } | undefined;
  if (container?.docker?.network !== undefined) delete merged.networks;
  return { ...merged, ...patch };
}

/** Type-checks, normalizes and validates an app body; `idOverride` replaces the body's id (the URL wins). */
export function parseApp(json: unknown, idOverride?: string): AppParseResult {
  const typed = parseAppInput(json);
  if ("violations" in typed)
    return { ok: false, status: 400, message: "Invalid JSON", details: typed.violations };
  const input: AppInput = idOverride === undefined ? typed.input : { ...typed.input, id: idOverride };
  if (input.id === undefined)
    return {
      ok: false,
      status: 400,
      message: "Invalid JSON",
      details: [{ path: "/id", errors: ["error.path.missing"] }],
    };
  const problems: NormalizeProblems = [];
  const app = normalizeApp(input, problems);
  const violations = validateApp(app, input.id, problems);
  if (violations.length > 0)
    return { ok: false, status: 422, message: "Object is not valid", details: violations };
  return { ok: true, app };
}
