import type { MarathonCore } from "../core/marathon-core.js";
import { servicePortsOf, type AppDefinition } from "../model/app-definition.js";
import { safePathId } from "../model/path-id.js";

/**
 * The legacy text/plain task list (§1.5) haproxy-marathon-bridge reads: one TAB-separated line per app and
 * service port with `host:hostPort` of each running task; apps with `ipAddress` networking are left out.
 */
export function tasksText(core: MarathonCore, apps: readonly AppDefinition[]): string {
  const lines: string[] = [];
  for (const app of apps) {
    if (app.networks.some((n) => n.mode === "container")) continue;
    const id = safePathId(app.id);
    const tasks = core.tasks.ofApp(app.id).filter((t) => t.state === "TASK_RUNNING");
    const servicePorts = servicePortsOf(app);
    if (servicePorts.length === 0) {
      lines.push(`${id}\t \t${tasks.map((t) => `${t.host} `).join("")}`);
      continue;
    }
    servicePorts.forEach((servicePort, i) => {
      const hosts = tasks.map((t) => `${t.host}:${t.ports[i] ?? ""}\t`).join("");
      lines.push(`${id}\t${servicePort}\t${hosts}`);
    });
  }
  return lines.map((line) => `${line}\n`).join("");
}

/** Whether the client asked for text/plain rather than JSON. */
export const wantsPlainText = (accept: string | undefined): boolean =>
  (accept ?? "").includes("text/plain") && !(accept ?? "").includes("application/json");
