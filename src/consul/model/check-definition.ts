import { parseGoDuration } from "../go-duration.js";
import type { CheckRun, CheckStatus } from "../state/records.js";
import { isCheckStatus } from "../state/records.js";
import { DecodeError, field, isObject, stringField, stringListField, type JsonObject } from "./go-json.js";

export const INVALID_CHECK_MESSAGE = "Must provide TTL or Script/DockerContainerID/HTTP/TCP and Interval";

/** A check as a client registers it (alone or inside a service definition). */
export interface CheckDefinition {
  id: string;
  name: string;
  notes: string;
  serviceId: string;
  /** '' when the client gave none (the check then starts critical). */
  status: string;
  run: CheckRun;
}

/** A request problem Consul answers with 400 and this text. */
export class BadRequest extends Error {}

/** A Go time.Duration from JSON: a string such as "10s", or a number of nanoseconds. */
function durationField(obj: JsonObject, name: string, where: string): number | undefined {
  const v = field(obj, name);
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v === "number") return v / 1e6;
  if (typeof v !== "string")
    throw new DecodeError(
      `json: cannot unmarshal ${typeof v} into Go struct field ${where}.${name} of type time.Duration`,
    );
  try {
    return parseGoDuration(v);
  } catch (error) {
    throw new DecodeError((error as Error).message);
  }
}

function headerField(obj: JsonObject): Record<string, string[]> | undefined {
  const v = field(obj, "Header");
  if (!isObject(v)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, values] of Object.entries(v))
    out[k] = Array.isArray(values) ? values.map(String) : [String(values)];
  return out;
}

/** Reads a check definition; throws DecodeError (bad types) or BadRequest (Consul's 400 texts). */
export function parseCheckDefinition(raw: unknown, where = "structs.CheckDefinition"): CheckDefinition {
  if (!isObject(raw))
    throw new DecodeError(
      `json: cannot unmarshal ${Array.isArray(raw) ? "array" : typeof raw} into Go value of type ${where}`,
    );
  const args = stringListField(raw, "Args", where);
  const scriptArgs = args.length > 0 ? args : stringListField(raw, "ScriptArgs", where);
  const script = stringField(raw, "Script", where) || scriptArgs.map(shellQuote).join(" ");
  const run: CheckRun = {};
  const http = stringField(raw, "HTTP", where);
  const tcp = stringField(raw, "TCP", where);
  if (http) run.http = http;
  if (tcp) run.tcp = tcp;
  if (script) run.script = script;
  const method = stringField(raw, "Method", where);
  if (method) run.method = method;
  const header = headerField(raw);
  if (header) run.header = header;
  const ttl = durationField(raw, "TTL", where);
  const interval = durationField(raw, "Interval", where);
  const timeout = durationField(raw, "Timeout", where);
  const deregister = durationField(raw, "DeregisterCriticalServiceAfter", where);
  if (ttl) run.ttlMs = ttl;
  if (interval) run.intervalMs = interval;
  if (timeout) run.timeoutMs = timeout;
  if (deregister) run.deregisterAfterMs = deregister;
  const status = stringField(raw, "Status", where);
  return {
    id: stringField(raw, "CheckID", where) || stringField(raw, "ID", where),
    name: stringField(raw, "Name", where),
    notes: stringField(raw, "Notes", where),
    serviceId: stringField(raw, "ServiceID", where),
    status,
    run,
  };
}

/** A check is valid with a TTL, or with something to run and an interval. */
export function isValidCheck(run: CheckRun): boolean {
  if (run.ttlMs) return true;
  return Boolean((run.http || run.tcp || run.script) && run.intervalMs);
}

/** The check's type as Consul reports it. */
export function checkType(run: CheckRun | undefined): string {
  if (!run) return "";
  if (run.ttlMs) return "ttl";
  if (run.http) return "http";
  if (run.tcp) return "tcp";
  if (run.script) return "script";
  return "";
}

/** The status a new check starts in. */
export const initialStatus = (def: CheckDefinition): CheckStatus =>
  isCheckStatus(def.status) ? def.status : "critical";

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
