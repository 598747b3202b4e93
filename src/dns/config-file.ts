import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { resolve } from "node:path";
import { DnsConfigError, type MesosDnsConfig } from "./config.js";

type Kind = "number" | "string" | "boolean" | "strings" | "zones" | "credentials";

function kindOf(value: unknown): Kind {
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (value === null || Array.isArray(value)) return "strings";
  if (value && typeof value === "object" && "Principal" in value) return "credentials";
  return "zones";
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

function convert(key: string, kind: Kind, value: unknown): unknown {
  const bad = (): never => {
    throw new DnsConfigError(`cannot unmarshal ${JSON.stringify(value)} into config field ${key}`);
  };
  switch (kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : bad();
    case "string":
      return typeof value === "string" ? value : bad();
    case "boolean":
      return typeof value === "boolean" ? value : bad();
    case "strings":
      return value === null || isStrings(value) ? value : bad();
    case "zones":
      if (!value || typeof value !== "object" || Array.isArray(value)) return bad();
      return Object.values(value).every(isStrings) ? value : bad();
    case "credentials": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return bad();
      const fields = value as Record<string, unknown>;
      const find = (name: string) =>
        Object.entries(fields).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      const principal = find("principal") ?? "";
      const secret = find("secret") ?? "";
      if (typeof principal !== "string" || typeof secret !== "string") return bad();
      return { Principal: principal, Secret: secret };
    }
  }
}

/**
 * Applies a config file's JSON over `base`. Keys match the fields without regard to case (`httpport`,
 * `HttpPort`, `refreshSeconds`), as Go's JSON decoding does; unknown keys are ignored, wrong types refused.
 */
export function applyConfigJson(base: MesosDnsConfig, json: unknown): MesosDnsConfig {
  if (!json || typeof json !== "object" || Array.isArray(json))
    throw new DnsConfigError("the config file must hold a JSON object");
  const out: Record<string, unknown> = { ...base };
  const fields = Object.keys(base);
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const field = fields.find((f) => f === key) ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (!field || field === "File") continue;
    out[field] = convert(key, kindOf((base as unknown as Record<string, unknown>)[field]), value);
  }
  return out as unknown as MesosDnsConfig;
}

/** Reads `-config=<file>` (a leading `~/` is the home directory) over the defaults. */
export function readConfigFile(base: MesosDnsConfig, file: string): MesosDnsConfig {
  const path = resolve(file.startsWith("~/") ? `${homedir()}/${file.slice(2)}` : file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new DnsConfigError(`missing configuration file: "${path}"`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DnsConfigError(`failed to unmarshal config file "${path}": ${(error as Error).message}`);
  }
  return { ...applyConfigJson(base, json), File: path };
}
