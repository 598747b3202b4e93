import { readFileSync } from "node:fs";

/** The last `lines` lines of a role's log, for error messages. */
export function logTail(path: string | undefined, lines = 20): string {
  if (!path) return "";
  try {
    const text = readFileSync(path, "utf8").trimEnd();
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
