import { formatDuration, parseDuration } from "./duration.js";

export type FlagKind = "string" | "number" | "boolean" | "duration";

export interface FlagSpec {
  kind: FlagKind;
  help: string;
  /** Defaults are given in the flag's own text form, as Mesos prints them (`5secs`, `true`, `5050`). */
  default?: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

/** A parsed flag value: durations in milliseconds, missing flags without a default as undefined. */
export type FlagValue = string | number | boolean | undefined;

export class FlagError extends Error {}

function convert(name: string, spec: FlagSpec, text: string): string | number | boolean {
  switch (spec.kind) {
    case "number": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n))
        throw new FlagError(`Failed to load flag '${name}': '${text}' is not a number`);
      return n;
    }
    case "boolean":
      if (["true", "1", ""].includes(text)) return true;
      if (["false", "0"].includes(text)) return false;
      throw new FlagError(`Failed to load flag '${name}': '${text}' is not a boolean`);
    case "duration":
      try {
        return parseDuration(text);
      } catch {
        throw new FlagError(`Failed to load flag '${name}': invalid duration '${text}'`);
      }
    default:
      return text;
  }
}

export interface ParsedFlags {
  values: Record<string, FlagValue>;
  /** Every flag as Mesos reports it in `/flags` and GET_FLAGS: strings only. */
  asStrings: Record<string, string>;
}

/**
 * Loads flags the way Mesos binaries do: defaults, then `MESOS_<NAME>` environment variables, then the
 * command line (`--name=value`, `--name value`, `--name` and `--no-name` for booleans). Other programs
 * read other variables (Marathon: `MARATHON_<NAME>`): `envPrefix` says which.
 */
export function parseFlags(
  specs: FlagSpecs,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
  envPrefix = "MESOS_",
): ParsedFlags {
  const text: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) if (spec.default !== undefined) text[name] = spec.default;
  for (const name of Object.keys(specs)) {
    const fromEnv = env[`${envPrefix}${name.toUpperCase()}`];
    if (fromEnv !== undefined) text[name] = fromEnv;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) throw new FlagError(`Unexpected argument '${arg}'`);
    const eq = arg.indexOf("=");
    let name = (eq < 0 ? arg.slice(2) : arg.slice(2, eq)).replace(/-/g, "_");
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (value === undefined && name.startsWith("no_") && specs[name.slice(3)]?.kind === "boolean") {
      name = name.slice(3);
      value = "false";
    }
    const spec = specs[name];
    if (!spec) throw new FlagError(`Failed to load unknown flag '${name}'`);
    if (value === undefined) {
      const next = argv[i + 1];
      if (spec.kind === "boolean") value = next === "true" || next === "false" ? (i++, next) : "true";
      else if (next !== undefined && !next.startsWith("--")) value = (i++, next);
      else throw new FlagError(`Failed to load flag '${name}': missing value`);
    }
    text[name] = value;
  }
  const values: Record<string, FlagValue> = {};
  const asStrings: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = text[name];
    if (raw === undefined) continue;
    const value = convert(name, spec, raw);
    values[name] = value;
    asStrings[name] = spec.kind === "duration" ? formatDuration(value as number) : String(value);
  }
  return { values, asStrings };
}

/** Help text for a role's flags, one per line. */
export function describeFlags(specs: FlagSpecs): string {
  return Object.entries(specs)
    .map(
      ([name, s]) =>
        `  --${name}=${s.kind.toUpperCase()}`.padEnd(40) +
        s.help +
        (s.default ? ` (default: ${s.default})` : ""),
    )
    .join("\n");
}
