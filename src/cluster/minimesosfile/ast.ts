import type { SourcePosition } from "./errors.js";

/** A literal value: the only right-hand sides a minimesosFile may hold. */
export type Value =
  | { kind: "string"; value: string; pos: SourcePosition }
  | { kind: "number"; value: number; text: string; pos: SourcePosition }
  | { kind: "boolean"; value: boolean; pos: SourcePosition }
  | { kind: "null"; pos: SourcePosition };

/** `name = value` */
export interface Property {
  name: string;
  value: Value;
  pos: SourcePosition;
}

/** `name { ... }`, or the old `name = { ... }` form (`assigned`). */
export interface Block {
  name: string;
  pos: SourcePosition;
  assigned: boolean;
  properties: Property[];
  blocks: Block[];
}

/** A whole file: an optional `package` line, then top-level properties and blocks in source order. */
export interface MinimesosFileAst {
  source: string;
  packageName?: string;
  properties: Property[];
  blocks: Block[];
}

/** The value as plain JavaScript: string, number, boolean or null. */
export function plainValue(value: Value): string | number | boolean | null {
  return value.kind === "null" ? null : value.value;
}

export function describeValue(value: Value): string {
  if (value.kind === "string") return JSON.stringify(value.value);
  if (value.kind === "number") return value.text;
  return value.kind === "null" ? "null" : String(value.value);
}
