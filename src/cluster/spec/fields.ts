import { z } from "zod";
import { parseAttributesFlag } from "../../mesos/attributes.js";
import { parseResourcesFlag } from "../../mesos/resource-text.js";

/** A TCP port; 0 means "any free port". */
export const portSchema = z
  .number({ error: "expected a port number" })
  .int("expected a whole port number")
  .min(0, "a port is 0..65535")
  .max(65535, "a port is 0..65535");

export const LOGGING_LEVELS = ["INFO", "WARNING", "ERROR"] as const;
export type LoggingLevel = (typeof LOGGING_LEVELS)[number];

/** INFO, WARNING or ERROR in any case, stored upper-case (as minimesos did). */
export const loggingLevelSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.toUpperCase() : value),
  z.enum(LOGGING_LEVELS, { error: "loggingLevel can only be INFO, WARNING or ERROR" }),
);

/** Extra flags passed verbatim to the role, as `--name=value`. */
export const extraFlagsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** One agent resource: `{ name: "cpus", role: "*", value: 4 }` or `{ name: "ports", value: "[31000-31999]" }`. */
export const resourceEntrySchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z_][\w.-]*$/, "expected a resource name such as cpus, mem, disk or ports"),
    role: z.string().min(1).default("*"),
    value: z.union([z.number(), z.string()], { error: "expected a number or a text such as [31000-31999]" }),
  })
  .superRefine((entry, ctx) => {
    try {
      parseResourcesFlag(`${entry.name}(${entry.role}):${String(entry.value)}`);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message, path: ["value"] });
    }
  });
export type ResourceEntry = z.infer<typeof resourceEntrySchema>;

/** Mesos `--attributes` text: `rack:r1;zone:a`. */
export const attributesSchema = z.string().superRefine((text, ctx) => {
  try {
    parseAttributesFlag(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
});

/**
 * A Marathon app or group definition: an object, or a string holding inline JSON, a URL or a file path
 * (relative paths resolve against the directory `up` runs in, as minimesos did).
 */
export const marathonDefinitionSchema = z.union(
  [z.string().trim().min(1), z.record(z.string(), z.unknown())],
  { error: "expected a Marathon JSON object, or a string with inline JSON, a URL or a file path" },
);
export type MarathonDefinition = z.infer<typeof marathonDefinitionSchema>;

export type MarathonDefinitionSource =
  | { kind: "object"; value: Record<string, unknown> }
  | { kind: "inline"; text: string }
  | { kind: "url"; url: string }
  | { kind: "file"; path: string };

/** Tells apart the forms a `marathonJson` value takes. */
export function classifyMarathonDefinition(definition: MarathonDefinition): MarathonDefinitionSource {
  if (typeof definition !== "string") return { kind: "object", value: definition };
  const text = definition.trim();
  if (text.startsWith("{") || text.startsWith("[")) return { kind: "inline", text };
  if (/^https?:\/\//i.test(text)) return { kind: "url", url: text };
  return { kind: "file", path: text };
}
