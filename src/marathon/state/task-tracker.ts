import { isTerminalState } from "../../mesos/task-state.js";
import type { AppDefinition } from "../model/app-definition.js";
import type { TaskRecord } from "./task-record.js";

const MARATHON_CHECKS = ["HTTP", "HTTPS", "TCP"];

/** Tasks not yet in a terminal state, by id and by app. */
export class TaskTracker {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly byApp = new Map<string, Map<string, TaskRecord>>();

  get(id: string): TaskRecord | undefined {
    return this.tasks.get(id);
  }

  all(): TaskRecord[] {
    return [...this.tasks.values()];
  }

  ofApp(appId: string): TaskRecord[] {
    return [...(this.byApp.get(appId)?.values() ?? [])];
  }

  put(task: TaskRecord): void {
    if (isTerminalState(task.state)) return this.remove(task.id);
    this.tasks.set(task.id, task);
    const ofApp = this.byApp.get(task.appId) ?? new Map<string, TaskRecord>();
    ofApp.set(task.id, task);
    this.byApp.set(task.appId, ofApp);
  }

  remove(id: string): void {
    const task = this.tasks.get(id);
    if (!task) return;
    this.tasks.delete(id);
    const ofApp = this.byApp.get(task.appId);
    ofApp?.delete(id);
    if (ofApp?.size === 0) this.byApp.delete(task.appId);
  }
}

/** Whether the task passes every health check of the app (undefined when the app has none). */
export function taskHealth(app: AppDefinition, task: TaskRecord): boolean | undefined {
  if (app.healthChecks.length === 0) return undefined;
  if (task.state !== "TASK_RUNNING") return false;
  const marathonChecks = app.healthChecks.filter((h) => MARATHON_CHECKS.includes(h.protocol)).length;
  const marathonAlive =
    task.healthResults.length >= marathonChecks && task.healthResults.every((r) => r.alive);
  const mesosCheck = app.healthChecks.some((h) => !MARATHON_CHECKS.includes(h.protocol));
  return marathonAlive && (!mesosCheck || task.mesosHealthy === true);
}

/** Running, healthy when the app has checks, ready when it has a readiness check in progress. */
export const isHealthyAndReady = (app: AppDefinition, task: TaskRecord): boolean =>
  task.state === "TASK_RUNNING" &&
  taskHealth(app, task) !== false &&
  task.ready !== false &&
  !task.killRequested;

export function appCounts(app: AppDefinition, tasks: readonly TaskRecord[]) {
  const running = tasks.filter((t) => t.state === "TASK_RUNNING");
  const health = running.map((t) => taskHealth(app, t));
  return {
    tasksStaged: tasks.filter((t) => t.state === "TASK_STAGING" || t.state === "TASK_STARTING").length,
    tasksRunning: running.length,
    tasksHealthy: health.filter((h) => h === true).length,
    tasksUnhealthy: health.filter((h) => h === false).length,
  };
}
