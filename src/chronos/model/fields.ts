/** A field of the posted job that cannot be read as the type Chronos expects. */
export class FieldError extends Error {}

type Obj = Record<string, unknown>;

const describe = (v: unknown): string =>
  Array.isArray(v)
    ? "an array"
    : v === null
      ? "null"
      : `a${typeof v === "object" ? "n object" : ` ${typeof v}`}`;

function wrong(field: string, expected: string, v: unknown): never {
  throw new FieldError(
    `Can not read field '${field}': expected ${expected}, got ${describe(v)} (${JSON.stringify(v)})`,
  );
}

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

/** Text: strings, and numbers or booleans as their text (Jackson's asText); null or missing gives the default. */
export function text(o: Obj, field: string, fallback: string): string {
  const v = o[field];
  if (absent(v)) return fallback;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return wrong(field, "a string", v);
}

export function bool(o: Obj, field: string, fallback: boolean): boolean {
  const v = o[field];
  if (absent(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  if (typeof v === "number") return v !== 0;
  return wrong(field, "a boolean", v);
}

export function num(o: Obj, field: string, fallback: number, integer = false): number {
  const v = o[field];
  if (absent(v)) return fallback;
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(n)) return wrong(field, integer ? "an integer" : "a number", v);
  return integer ? Math.trunc(n) : n;
}

export function list(o: Obj, field: string): unknown[] {
  const v = o[field];
  if (absent(v)) return [];
  if (!Array.isArray(v)) return wrong(field, "an array", v);
  return v;
}

export function object(v: unknown, field: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return wrong(field, "an object", v);
  return v as Obj;
}

export function strings(o: Obj, field: string): string[] {
  return list(o, field).map((v) => itemText(v, field));
}

function itemText(v: unknown, field: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (absent(v)) return "";
  return wrong(field, "strings", v);
}

export const keyValues = (o: Obj, field: string) =>
  list(o, field).map((item) => {
    const kv = object(item, field);
    return { key: text(kv, "key", ""), value: text(kv, "value", "") };
  });
