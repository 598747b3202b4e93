/** A request body that Go's JSON decoder would have refused, with the text it would give. */
export class DecodeError extends Error {}

/**
 * Decodes a request body as Consul does (Go's encoding/json): an empty body is `EOF`, a cut one
 * `unexpected EOF`, a stray character `invalid character 'x' looking for beginning of value`.
 */
export function decodeJson(text: string): unknown {
  if (text.trim() === "") throw new DecodeError("EOF");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DecodeError(goDecodeMessage(text, (error as Error).message));
  }
}

function goDecodeMessage(text: string, message: string): string {
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  const at = /position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : token !== undefined ? text.indexOf(token) : text.length;
  if (/Unexpected end/.test(message) || position >= text.trimEnd().length) return "unexpected EOF";
  const char = text.charAt(position);
  if (/after JSON/.test(message)) return `invalid character '${char}' after top-level value`;
  if (/property name/.test(message))
    return `invalid character '${char}' looking for beginning of object key string`;
  return `invalid character '${char}' looking for beginning of value`;
}

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A field read the way Go matches JSON keys to struct fields: exact name first, then case-insensitively. */
export function field(obj: JsonObject, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

const goType = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v;

/** A Go type error, as encoding/json words it. */
const typeError = (value: unknown, goField: string, want: string) =>
  new DecodeError(`json: cannot unmarshal ${goType(value)} into Go struct field ${goField} of type ${want}`);

export function stringField(obj: JsonObject, name: string, where: string): string {
  const v = field(obj, name);
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") throw typeError(v, `${where}.${name}`, "string");
  return v;
}

export function intField(obj: JsonObject, name: string, where: string): number {
  const v = field(obj, name);
  if (v === undefined || v === null) return 0;
  if (typeof v !== "number" || !Number.isInteger(v)) throw typeError(v, `${where}.${name}`, "int");
  return v;
}

export function boolField(obj: JsonObject, name: string, where: string): boolean {
  const v = field(obj, name);
  if (v === undefined || v === null) return false;
  if (typeof v !== "boolean") throw typeError(v, `${where}.${name}`, "bool");
  return v;
}

export function stringListField(obj: JsonObject, name: string, where: string): string[] {
  const v = field(obj, name);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((t) => typeof t !== "string"))
    throw typeError(v, `${where}.${name}`, "[]string");
  return v as string[];
}

export function stringMapField(obj: JsonObject, name: string, where: string): Record<string, string> {
  const v = field(obj, name);
  if (v === undefined || v === null) return {};
  if (!isObject(v) || Object.values(v).some((t) => typeof t !== "string"))
    throw typeError(v, `${where}.${name}`, "map[string]string");
  return v as Record<string, string>;
}
