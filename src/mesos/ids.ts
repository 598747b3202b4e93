import { randomUUID } from "node:crypto";

/** Every Mesos ID travels as `{"value": "..."}`. */
export interface ID {
  value: string;
}

export const id = (value: string): ID => ({ value });

/** Why an ID is invalid, or undefined when it is valid (Mesos's rules for task, executor, framework and agent IDs). */
export function invalidIdReason(value: string): string | undefined {
  if (value.length === 0) return "ID must not be empty";
  if (value.length > 255) return "ID must not be greater than 255 characters";
  if (value === "." || value === "..") return "'.' and '..' are reserved";
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f/\\]/.test(value)) return "ID must not contain '/', '\\' or control characters";
  return undefined;
}

/** The 16 raw bytes of a fresh UUID, base64 as Mesos puts them in `TaskStatus.uuid`. */
export function newStatusUuid(): string {
  return Buffer.from(randomUUID().replace(/-/g, ""), "hex").toString("base64");
}

/** True for base64 that decodes to exactly 16 bytes (a binary UUID). */
export function isStatusUuid(value: unknown): value is string {
  return typeof value === "string" && Buffer.from(value, "base64").length === 16;
}
