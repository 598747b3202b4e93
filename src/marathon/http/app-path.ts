/** What a `/v2/apps/<rest>` URL names. */
export type AppPath =
  | { kind: "app"; id: string }
  | { kind: "group"; id: string }
  | { kind: "restart"; id: string }
  | { kind: "tasks"; id: string; taskId?: string }
  | { kind: "versions"; id: string; version?: string };

export function parseAppPath(rest: string): AppPath {
  const path = "/" + decodeURIComponent(rest).replace(/^\/+|\/+$/g, "");
  const tasks = /^(.*)\/tasks(?:\/([^/]+))?$/.exec(path);
  if (tasks) return { kind: "tasks", id: tasks[1] || "/", ...(tasks[2] ? { taskId: tasks[2] } : {}) };
  const versions = /^(.*)\/versions(?:\/([^/]+))?$/.exec(path);
  if (versions)
    return { kind: "versions", id: versions[1] || "/", ...(versions[2] ? { version: versions[2] } : {}) };
  const restart = /^(.*)\/restart$/.exec(path);
  if (restart) return { kind: "restart", id: restart[1] || "/" };
  if (path.endsWith("/*")) return { kind: "group", id: path.slice(0, -2) || "/" };
  return { kind: "app", id: path };
}
