import { LOGGING_LEVELS, type LoggingLevel } from "../spec/index.js";
import { describeValue, type Property } from "./ast.js";
import type { MappingContext } from "./mapping-context.js";

/** minimesos's placeholder for "use the cluster's loggingLevel". */
const INHERIT_LOGGING_LEVEL = "# INHERIT FROM CLUSTER";

const wrongType = (ctx: MappingContext, p: Property, expected: string): never =>
  ctx.fail(p.value.pos, `'${p.name}' must be ${expected}, got ${describeValue(p.value)}`);

export function stringValue(ctx: MappingContext, p: Property): string {
  return p.value.kind === "string" ? p.value.value : wrongType(ctx, p, "a string");
}

/** A string, or undefined for `null`. */
export function optionalStringValue(ctx: MappingContext, p: Property): string | undefined {
  return p.value.kind === "null" ? undefined : stringValue(ctx, p);
}

/** A number, or a string holding one with '.' as the decimal separator (minimesos accepted both). */
export function numberValue(ctx: MappingContext, p: Property): number {
  if (p.value.kind === "number") return p.value.value;
  if (p.value.kind === "string") {
    const text = p.value.value.trim();
    if (/^-?\d+,\d+$/.test(text)) ctx.fail(p.value.pos, `'${p.name}' must use '.' as the decimal separator`);
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  }
  return wrongType(ctx, p, "a number");
}

export function booleanValue(ctx: MappingContext, p: Property): boolean {
  if (p.value.kind === "boolean") return p.value.value;
  if (p.value.kind === "string" && /^(true|false)$/.test(p.value.value)) return p.value.value === "true";
  return wrongType(ctx, p, "true or false");
}

export function portValue(ctx: MappingContext, p: Property): number {
  const port = numberValue(ctx, p);
  if (!Number.isInteger(port) || port < 0 || port > 65535) wrongType(ctx, p, "a port number (0..65535)");
  return port;
}

export function positiveValue(ctx: MappingContext, p: Property): number {
  const n = numberValue(ctx, p);
  return n > 0 ? n : wrongType(ctx, p, "a number above 0");
}

/** INFO, WARNING or ERROR in any case; a role's level may be the inherit placeholder (undefined). */
export function loggingLevelValue(ctx: MappingContext, p: Property): LoggingLevel | undefined {
  const text = stringValue(ctx, p);
  if (text.trim() === INHERIT_LOGGING_LEVEL) return undefined;
  const level = LOGGING_LEVELS.find((l) => l === text.toUpperCase());
  if (!level)
    ctx.fail(
      p.value.pos,
      `Property 'loggingLevel' can only have the values INFO, WARNING or ERROR. Got '${text}'`,
    );
  return level;
}
