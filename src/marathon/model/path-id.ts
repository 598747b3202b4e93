/** Marathon path ids (`/group/app`): resolution, validation and the derived names tools rely on. */

const SEGMENT = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
const RESERVED = ["restart", "tasks", "versions", ".", ".."];

export const SEGMENT_MESSAGE =
  "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'";
export const RESERVED_MESSAGE =
  "must not end with any of the following reserved keywords: restart, tasks, versions, ., ..";

/** Resolves `raw` against `base` (absolute paths win; `.` and `..` are applied) into `/a/b` form. */
export function resolvePathId(raw: string, base = "/"): string {
  const start = raw.startsWith("/") ? [] : base.split("/").filter(Boolean);
  const out = [...start];
  for (const part of raw.split("/").filter(Boolean)) {
    if (part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** The raw id's validation errors, Marathon's texts (empty when valid). */
export function pathIdErrors(raw: string): string[] {
  const segments = raw.split("/").filter(Boolean);
  const errors: string[] = [];
  if (segments.some((s) => s !== "." && s !== ".." && !SEGMENT.test(s))) errors.push(SEGMENT_MESSAGE);
  const last = segments[segments.length - 1];
  if (last !== undefined && RESERVED.includes(last)) errors.push(RESERVED_MESSAGE);
  if (resolvePathId(raw) === "/") errors.push("must not be root");
  return errors;
}

/** `/group/app` -> `group_app`, the prefix of task ids. */
export const safePathId = (id: string): string => id.split("/").filter(Boolean).join("_");

/** `/group/app` -> `app.group`, the Mesos task name and DiscoveryInfo name. */
export const reversedName = (id: string): string => id.split("/").filter(Boolean).reverse().join(".");

/** The id of the group holding `id`. */
export const parentOf = (id: string): string => resolvePathId("..", id);

/** True when `id` is `group` itself or lies under it. */
export const isUnder = (id: string, group: string): boolean =>
  group === "/" || id === group || id.startsWith(group.endsWith("/") ? group : group + "/");
