import type { MarathonCore } from "../core/marathon-core.js";
import { instanceIdOf } from "../core/status-fields.js";
import type { AppDefinition, HealthCheckDefinition } from "../model/app-definition.js";
import { isoTime } from "../model/timestamp.js";
import type { HealthResult, TaskRecord } from "../state/task-record.js";
import { marathonCheckTarget } from "../scheduling/port-assignments.js";
import { probeHttp, probeTcp, type ProbeOutcome } from "./probes.js";

const MARATHON_RUN = ["HTTP", "HTTPS", "TCP"];

const emptyResult = (): HealthResult => ({
  alive: false,
  consecutiveFailures: 0,
  firstSuccess: null,
  lastSuccess: null,
  lastFailure: null,
  lastFailureCause: null,
});

function probe(app: AppDefinition, check: HealthCheckDefinition, task: TaskRecord): Promise<ProbeOutcome> {
  const target =
    check.port !== undefined
      ? { host: task.host, port: check.port }
      : marathonCheckTarget(app, task, check.portIndex ?? 0);
  if (target === undefined) return Promise.resolve({ alive: false, cause: "no port" });
  const timeoutMs = check.timeoutSeconds * 1000;
  if (check.protocol === "TCP") return probeTcp(target.host, target.port, timeoutMs);
  const scheme = check.protocol === "HTTPS" ? "https" : "http";
  return probeHttp(`${scheme}://${target.host}:${target.port}${check.path ?? "/"}`, timeoutMs);
}

/** Runs the HTTP, HTTPS and TCP health checks Marathon itself performs against each running task. */
export class HealthMonitor {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly core: MarathonCore) {}

  /** Starts checks for newly running tasks and stops those of tasks that are gone. */
  sync(): void {
    const wanted = new Set<string>();
    for (const task of this.core.tasks.all()) {
      const app = this.core.apps.get(task.appId);
      if (!app || task.state !== "TASK_RUNNING") continue;
      app.healthChecks.forEach((check, index) => {
        if (!MARATHON_RUN.includes(check.protocol)) return;
        const key = `${task.id}#${index}`;
        wanted.add(key);
        if (!this.timers.has(key)) this.schedule(key, task.id, index, 0);
      });
    }
    for (const [key, timer] of this.timers)
      if (!wanted.has(key)) {
        clearTimeout(timer);
        this.timers.delete(key);
      }
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(key: string, taskId: string, index: number, delayMs: number): void {
    const timer = setTimeout(() => void this.run(key, taskId, index), delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  private async run(key: string, taskId: string, index: number): Promise<void> {
    const task = this.core.tasks.get(taskId);
    const app = task ? this.core.apps.get(task.appId) : undefined;
    const check = app?.healthChecks[index];
    if (!task || !app || !check || task.state !== "TASK_RUNNING") return void this.timers.delete(key);
    const outcome = await probe(app, check, task);
    if (!this.timers.has(key)) return;
    this.record(app, taskId, index, check, outcome);
    this.schedule(key, taskId, index, check.intervalSeconds * 1000);
  }

  private record(
    app: AppDefinition,
    taskId: string,
    index: number,
    check: HealthCheckDefinition,
    outcome: ProbeOutcome,
  ): void {
    const task = this.core.tasks.get(taskId);
    if (!task) return;
    const results = [...task.healthResults];
    while (results.length <= index) results.push(emptyResult());
    const before = results[index] as HealthResult;
    const now = isoTime();
    const inGrace =
      !before.firstSuccess &&
      Date.now() - Date.parse(task.startedAt ?? now) < check.gracePeriodSeconds * 1000;
    const after: HealthResult = outcome.alive
      ? {
          ...before,
          alive: true,
          consecutiveFailures: 0,
          firstSuccess: before.firstSuccess ?? now,
          lastSuccess: now,
        }
      : {
          ...before,
          alive: false,
          consecutiveFailures: inGrace ? before.consecutiveFailures : before.consecutiveFailures + 1,
          lastFailure: now,
          lastFailureCause: outcome.cause ?? null,
        };
    results[index] = after;
    task.healthResults = results;
    if (after.alive !== before.alive) this.changed(app, task, after.alive);
    if (!outcome.alive && !inGrace)
      this.core.events.publish("failed_health_check_event", {
        appId: app.id,
        taskId: task.id,
        healthCheck: check,
      });
    if (
      !outcome.alive &&
      check.maxConsecutiveFailures > 0 &&
      after.consecutiveFailures >= check.maxConsecutiveFailures
    )
      this.killUnhealthy(app, task, outcome);
  }

  private changed(app: AppDefinition, task: TaskRecord, alive: boolean): void {
    const instanceId = instanceIdOf(task.id);
    this.core.events.publish("health_status_changed_event", {
      appId: app.id,
      instanceId,
      version: task.version,
      alive,
    });
    this.core.events.publish("instance_health_changed_event", {
      instanceId,
      runSpecId: app.id,
      runSpecVersion: task.version,
      healthy: alive,
    });
    this.core.requestTick();
  }

  private killUnhealthy(app: AppDefinition, task: TaskRecord, outcome: ProbeOutcome): void {
    if (task.killRequested) return;
    this.core.events.publish("unhealthy_instance_kill_event", {
      appId: app.id,
      taskId: task.id,
      instanceId: instanceIdOf(task.id),
      version: task.version,
      reason: outcome.cause ?? "",
      host: task.host,
      slaveId: task.agentId,
    });
    if (task.version === app.version) this.core.delays.failed(app);
    this.core.kill([task]);
  }
}
