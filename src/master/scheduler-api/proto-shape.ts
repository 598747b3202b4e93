/**
 * A small description of protobuf message shapes, enough to reproduce what Mesos's JSON -> protobuf
 * conversion rejects: a JSON value of the wrong kind for a known field, and missing `required` fields.
 * Unknown keys are ignored, as in Mesos; numbers may come as strings.
 */
export type FieldShape =
  | { kind: "string" | "number" | "bool" | "bytes" | "enum"; repeated?: boolean; required?: boolean }
  | { kind: "message"; shape: MessageShape; repeated?: boolean; required?: boolean };

export type MessageShape = Record<string, FieldShape>;

const jsonKind = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v;

function scalarMatches(field: FieldShape, value: unknown): boolean {
  switch (field.kind) {
    case "string":
    case "bytes":
    case "enum":
      return typeof value === "string";
    case "number":
      return (
        typeof value === "number" ||
        (typeof value === "string" && /^\s*-?[\d.eE+-]+\s*$|^-?Infinity$/.test(value))
      );
    case "bool":
      return typeof value === "boolean";
    default:
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

/** The first problem in `value` as a message of `shape`, or undefined. Paths look like protobuf's (`accept.offer_ids[0].value`). */
export function checkShape(value: unknown, shape: MessageShape, path = ""): string | undefined {
  const missing: string[] = [];
  const problem = walk(value, shape, path, missing);
  if (problem) return problem;
  return missing.length ? `Missing required fields: ${missing.join(", ")}` : undefined;
}

function walk(value: unknown, shape: MessageShape, path: string, missing: string[]): string | undefined {
  const object = value as Record<string, unknown>;
  for (const [name, field] of Object.entries(shape)) {
    const fieldPath = path ? `${path}.${name}` : name;
    const v = object[name];
    if (v === undefined || v === null) {
      if (field.required) missing.push(fieldPath);
      continue;
    }
    const items = field.repeated ? v : [v];
    if (field.repeated && !Array.isArray(v))
      return `Not expecting a JSON ${jsonKind(v)} for repeated field '${name}'`;
    for (const [index, item] of (items as unknown[]).entries()) {
      if (!scalarMatches(field, item)) return `Not expecting a JSON ${jsonKind(item)} for field '${name}'`;
      if (field.kind === "message") {
        const problem = walk(
          item,
          field.shape,
          field.repeated ? `${fieldPath}[${index}]` : fieldPath,
          missing,
        );
        if (problem) return problem;
      }
    }
  }
  return undefined;
}
