import { APP_GROUP_CLASH, appsClashWithGroups } from "../model/app-group-clash.js";
import type { Logger } from "../../common/logger.js";
import { DeploymentManager } from "../deployment/deployment-manager.js";
import { buildPlan, type DeploymentPlan } from "../deployment/plan.js";
import type { RunningDeployment } from "../deployment/deployment-json.js";
import { EventBus } from "../events/event-bus.js";
import { publishHealthCheckChanges } from "./health-check-events.js";
import type { SchedulerDriver } from "../framework/driver.js";
import type { AppDefinition } from "../model/app-definition.js";
import { AppRepository } from "../state/app-repository.js";
import { assignServicePorts, type ServicePortRange } from "../state/service-ports.js";
import type { TaskRecord } from "../state/task-record.js";
import { TaskTracker } from "../state/task-tracker.js";
import { LaunchDelays } from "../scheduling/launch-delays.js";
import { OfferStats } from "../scheduling/offer-stats.js";
import { alive, tasksToKill } from "../deployment/action-progress.js";
import { expireUnreachable } from "./unreachable.js";

export interface CoreOptions {
  logger: Logger;
  servicePorts: ServicePortRange;
  /** Called after every change worth persisting. */
  onChange?: () => void;
}

export type DeployOutcome =
  | { ok: true; plan: DeploymentPlan }
  | { ok: false; conflicts: RunningDeployment[] }
  | { ok: false; portsExhausted: true }
  | { ok: false; invalid: string };

const REVIVE_INTERVAL_MS = 500;

/** Marathon's state and its decisions: apps, tasks, deployments, what to launch and what to kill. */
export class MarathonCore {
  readonly apps = new AppRepository();
  readonly tasks = new TaskTracker();
  readonly events = new EventBus();
  readonly delays = new LaunchDelays();
  readonly deployments: DeploymentManager;
  readonly offerStats = new OfferStats();
  readonly lastTaskFailure = new Map<string, Record<string, unknown>>();
  driver: SchedulerDriver | undefined;
  /** The readiness results of an app's tasks (set by the readiness monitor). */
  readiness: (appId: string) => unknown[] = () => [];
  private suppressed = false;
  private tickRequested = false;
  private lastReviveMs = 0;
  private readonly terminated = new Set<string>();

  constructor(readonly options: CoreOptions) {
    this.deployments = new DeploymentManager({
      events: this.events,
      appOf: (plan, action) =>
        action.action === "StopApplication" ? plan.original[action.app] : this.apps.get(action.app),
      tasksOf: (appId) => this.tasks.ofApp(appId),
      kill: (tasks) => this.kill(tasks),
      appTerminated: (appId) => this.appTerminated(appId),
      changed: () => this.changed(),
    });
  }

  /** Stores the target apps and starts the deployment that gets there (409-style conflict unless forced). */
  deploy(
    targets: Record<string, AppDefinition | undefined>,
    version: string,
    force: boolean,
    restart: string[] = [],
  ): DeployOutcome {
    const ids = Object.keys(targets);
    if (appsClashWithGroups(this.apps.all(), targets)) return { ok: false, invalid: APP_GROUP_CLASH };
    const conflicts = this.deployments.holding(ids);
    if (conflicts.length > 0 && !force) return { ok: false, conflicts };
    const assigned: Record<string, AppDefinition | undefined> = {};
    for (const [id, app] of Object.entries(targets)) {
      if (!app) continue;
      const withPorts = assignServicePorts(app, this.apps.all(), this.options.servicePorts);
      if (!withPorts) return { ok: false, portsExhausted: true };
      assigned[id] = withPorts;
    }
    for (const d of conflicts) this.deployments.cancel(d.plan.id);
    const original = Object.fromEntries(ids.map((id) => [id, this.apps.get(id)]));
    for (const id of ids) {
      const app = assigned[id];
      if (app) {
        this.apps.put(app);
        this.terminated.delete(id);
      } else this.apps.delete(id);
      this.delays.reset(id);
      this.offerStats.forget(id);
    }
    const plan = buildPlan(original, assigned, version, restart);
    publishHealthCheckChanges(this.events, original, assigned);
    this.events.publish("group_change_success", { groupId: "/", version });
    this.deployments.start(plan);
    this.changed();
    this.reviveIfNeeded();
    return { ok: true, plan };
  }

  /** How many more tasks of the app's current config to launch now. */
  launchNeed(app: AppDefinition): number {
    if (this.deployments.waiting(app.id)) return 0;
    const target = this.deployments.launchTarget(app.id) ?? app.instances;
    const current = alive(this.tasks.ofApp(app.id)).filter(
      (t) => t.configVersion === app.versionInfo.lastConfigChangeAt,
    );
    return Math.max(0, target - current.length);
  }

  hasWork(): boolean {
    return this.apps.all().some((app) => this.launchNeed(app) > 0 && this.delays.remainingMs(app) === 0);
  }

  kill(tasks: readonly TaskRecord[]): void {
    for (const task of tasks) {
      if (task.killRequested) continue;
      task.killRequested = true;
      this.driver
        ?.kill(task.id, task.agentId)
        .catch((error: unknown) => this.options.logger.warn({ err: error }, "kill failed"));
    }
    if (tasks.length > 0) this.changed();
  }

  /** A tick soon, once for a burst of requests (status updates arrive in bursts). */
  requestTick(): void {
    if (this.tickRequested) return;
    this.tickRequested = true;
    setImmediate(() => {
      this.tickRequested = false;
      this.tick();
    });
  }

  /** Re-evaluates deployments and the scale of apps no deployment holds; asks for offers when there is work. */
  tick(): void {
    expireUnreachable(this);
    this.deployments.tick();
    for (const app of this.apps.all()) {
      if (this.deployments.holding([app.id]).length > 0) continue;
      const live = alive(this.tasks.ofApp(app.id));
      if (live.length > app.instances) this.kill(tasksToKill(app, live, live.length - app.instances));
    }
    for (const task of this.tasks.all())
      if (
        !this.apps.get(task.appId) &&
        this.deployments.holding([task.appId]).length === 0 &&
        !task.killRequested
      )
        this.kill([task]);
    this.reviveIfNeeded();
  }

  reviveIfNeeded(): void {
    const now = Date.now();
    if (!this.driver || (!this.suppressed && now - this.lastReviveMs < REVIVE_INTERVAL_MS)) return;
    if (!this.hasWork()) return;
    this.suppressed = false;
    this.lastReviveMs = now;
    this.driver.revive().catch((error: unknown) => this.options.logger.warn({ err: error }, "revive failed"));
  }

  suppressIfIdle(): void {
    if (!this.driver || this.suppressed || this.hasWork()) return;
    this.suppressed = true;
    this.driver
      .suppress()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, "suppress failed"));
  }

  /** After a (re-)subscription offers flow again: the master forgets suppression. */
  resetOfferState(): void {
    this.suppressed = false;
    this.lastReviveMs = 0;
  }

  changed(): void {
    this.options.onChange?.();
  }

  private appTerminated(appId: string): void {
    if (this.terminated.has(appId) || this.apps.get(appId)) return;
    this.terminated.add(appId);
    this.events.publish("app_terminated_event", { appId });
  }
}
