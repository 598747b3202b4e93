import type { MarathonCore } from "../core/marathon-core.js";
import type { AppDefinition, ReadinessCheckDefinition } from "../model/app-definition.js";
import type { TaskRecord } from "../state/task-record.js";

export interface ReadinessResult {
  name: string;
  taskId: string;
  ready: boolean;
  lastResponse?: { status: number; contentType: string; body: string };
}

/** The host port a readiness check's `portName` names. */
function portOf(app: AppDefinition, task: TaskRecord, check: ReadinessCheckDefinition): number | undefined {
  const names = app.container?.portMappings
    ? app.container.portMappings.filter((m) => m.hostPort !== undefined).map((m) => m.name)
    : app.portDefinitions.map((p) => p.name);
  const index = names.indexOf(check.portName);
  return index < 0 ? undefined : task.ports[index];
}

/** Probes the readiness check of new tasks until it passes; deployments wait for `ready`. */
export class ReadinessMonitor {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly results = new Map<string, ReadinessResult>();

  constructor(private readonly core: MarathonCore) {}

  sync(): void {
    for (const task of this.core.tasks.all())
      if (task.ready === false && task.state === "TASK_RUNNING" && !this.timers.has(task.id))
        this.schedule(task.id, 0);
    for (const id of [...this.results.keys()]) if (!this.core.tasks.get(id)) this.results.delete(id);
  }

  /** The latest result per task of the app, for DeploymentInfo's readinessCheckResults. */
  resultsOf(appId: string): ReadinessResult[] {
    return [...this.results.values()].filter((r) => this.core.tasks.get(r.taskId)?.appId === appId);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(taskId: string, delayMs: number): void {
    const timer = setTimeout(() => void this.run(taskId), delayMs);
    timer.unref();
    this.timers.set(taskId, timer);
  }

  private async run(taskId: string): Promise<void> {
    const task = this.core.tasks.get(taskId);
    const app = task ? this.core.apps.get(task.appId) : undefined;
    const check = app?.readinessChecks[0];
    if (!task || !app || !check || task.ready !== false) return void this.timers.delete(taskId);
    const port = portOf(app, task, check);
    const url = `${check.protocol === "HTTPS" ? "https" : "http"}://${task.host}:${port ?? 0}${check.path}`;
    let result: ReadinessResult = { name: check.name, taskId, ready: false };
    try {
      const res = await fetch(url, {
        signal: AbortSignal.timeout(check.timeoutSeconds * 1000),
        redirect: "manual",
      });
      const body = await res.text();
      result = {
        name: check.name,
        taskId,
        ready: check.httpStatusCodesForReady.includes(res.status),
        ...(check.preserveLastResponse
          ? { lastResponse: { status: res.status, contentType: res.headers.get("content-type") ?? "", body } }
          : {}),
      };
    } catch {
      // not ready yet
    }
    if (!this.timers.has(taskId)) return;
    this.results.set(taskId, result);
    if (result.ready) {
      task.ready = true;
      this.timers.delete(taskId);
      this.core.requestTick();
    } else this.schedule(taskId, check.intervalSeconds * 1000);
  }
}
