import type { MarathonCore } from "../core/marathon-core.js";
import { servicePortsOf, type AppDefinition } from "../model/app-definition.js";
import { safePathId } from "../model/path-id.js";
import type { TaskRecord } from "../state/task-record.js";

const runningOf = (core: MarathonCore, app: AppDefinition): TaskRecord[] =>
  core.tasks.ofApp(app.id).filter((t) => t.state === "TASK_RUNNING");

/** The 2013 text form of /v1/endpoints: `<id>_<servicePort> <servicePort> host:port ...` per line. */
export function endpointsText(core: MarathonCore, apps: readonly AppDefinition[]): string {
  const lines: string[] = [];
  for (const app of apps) {
    const id = safePathId(app.id);
    const tasks = runningOf(core, app);
    const ports = servicePortsOf(app);
    if (ports.length === 0) {
      lines.push(`${id}   ${tasks.map((t) => `${t.host} `).join("")}`);
      continue;
    }
    ports.forEach((servicePort, i) => {
      const hosts = tasks.map((t) => `${t.host}:${t.ports[i] ?? ""} `).join("");
      lines.push(`${id}_${servicePort} ${servicePort} ${hosts}`);
    });
  }
  return lines.map((line) => `${line}\n`).join("");
}

export function endpointsJson(core: MarathonCore, apps: readonly AppDefinition[]): unknown[] {
  return apps.map((app) => ({
    id: safePathId(app.id),
    ports: servicePortsOf(app),
    instances: runningOf(core, app).map((t) => ({ id: t.id, host: t.host, ports: t.ports })),
  }));
}

/** `{"<appId>":[{id,host,ports}]}` as /v1/tasks and /v1/apps/{id}/tasks write it. */
export function v1Tasks(core: MarathonCore, apps: readonly AppDefinition[]): Record<string, unknown> {
  return Object.fromEntries(
    apps.map((app) => [
      safePathId(app.id),
      core.tasks.ofApp(app.id).map((t) => ({ id: t.id, host: t.host, ports: t.ports })),
    ]),
  );
}
