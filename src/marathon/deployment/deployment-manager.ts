import type { AppDefinition } from "../model/app-definition.js";
import type { EventBus } from "../events/event-bus.js";
import type { TaskRecord } from "../state/task-record.js";
import { actionProgress, type ActionProgress } from "./action-progress.js";
import { deploymentDoneEvent, deploymentStepEvent, type RunningDeployment } from "./deployment-json.js";
import { affectedApps, type DeploymentAction, type DeploymentPlan } from "./plan.js";

export interface DeploymentHost {
  events: EventBus;
  /** The app an action works on: the stored one, or for a stop the original. */
  appOf(plan: DeploymentPlan, action: DeploymentAction): AppDefinition | undefined;
  tasksOf(appId: string): TaskRecord[];
  kill(tasks: TaskRecord[]): void;
  /** An app was stopped and its last task is gone. */
  appTerminated(appId: string): void;
  changed(): void;
}

/** The deployments in progress: runs their steps in order, one action per affected app at a time. */
export class DeploymentManager {
  private readonly running = new Map<string, RunningDeployment>();

  constructor(private readonly host: DeploymentHost) {}

  list(): RunningDeployment[] {
    return [...this.running.values()];
  }

  get(id: string): RunningDeployment | undefined {
    return this.running.get(id);
  }

  /** Deployments that hold any of the apps. */
  holding(appIds: readonly string[]): RunningDeployment[] {
    return this.list().filter((d) => affectedApps(d.plan).some((a) => appIds.includes(a)));
  }

  start(plan: DeploymentPlan, stepIndex = 0): RunningDeployment {
    const d: RunningDeployment = { plan, stepIndex };
    this.running.set(plan.id, d);
    if (d.plan.steps[stepIndex]) this.host.events.publish("deployment_info", deploymentStepEvent(d));
    this.tick();
    return d;
  }

  /** Takes back a deployment saved before a restart, without announcing it again. */
  restore(plan: DeploymentPlan, stepIndex: number): void {
    this.running.set(plan.id, { plan, stepIndex });
  }

  /** Drops a deployment without rollback (its tasks stay as they are). */
  cancel(id: string): RunningDeployment | undefined {
    const d = this.running.get(id);
    this.running.delete(id);
    if (d) this.host.events.publish("deployment_failed", { ...deploymentDoneEvent(d), reason: "canceled" });
    return d;
  }

  /** The launch target an active action sets for the app; undefined when no deployment holds it. */
  launchTarget(appId: string): number | undefined {
    for (const d of this.running.values()) {
      const action = d.plan.steps[d.stepIndex]?.actions.find((a) => a.app === appId);
      if (action) return this.progress(d, action)?.launchTarget ?? 0;
      if (affectedApps(d.plan).includes(appId)) return undefined;
    }
    return undefined;
  }

  /** Whether a deployment holds the app but its action has not started (no launches or kills yet). */
  waiting(appId: string): boolean {
    return this.list().some(
      (d) =>
        affectedApps(d.plan).includes(appId) &&
        !d.plan.steps[d.stepIndex]?.actions.some((a) => a.app === appId),
    );
  }

  /** Re-evaluates every deployment: kills what actions want gone, advances finished steps. */
  tick(): void {
    for (const d of [...this.running.values()]) this.advance(d);
  }

  private progress(d: RunningDeployment, action: DeploymentAction): ActionProgress | undefined {
    const app = this.host.appOf(d.plan, action);
    if (!app)
      return action.action === "StopApplication" ? { launchTarget: 0, kill: [], done: true } : undefined;
    return actionProgress(action.action, app, this.host.tasksOf(action.app));
  }

  private advance(d: RunningDeployment): void {
    for (let guard = 0; guard <= d.plan.steps.length; guard++) {
      const step = d.plan.steps[d.stepIndex];
      if (!step) return this.finish(d);
      let allDone = true;
      for (const action of step.actions) {
        const progress = this.progress(d, action);
        if (!progress) continue;
        if (progress.kill.length > 0) this.host.kill(progress.kill);
        if (!progress.done) allDone = false;
        else if (action.action === "StopApplication") this.host.appTerminated(action.app);
      }
      if (!allDone) return;
      this.host.events.publish("deployment_step_success", deploymentStepEvent(d));
      d.stepIndex++;
      if (d.plan.steps[d.stepIndex]) this.host.events.publish("deployment_info", deploymentStepEvent(d));
      this.host.changed();
    }
  }

  private finish(d: RunningDeployment): void {
    if (!this.running.delete(d.plan.id)) return;
    this.host.events.publish("deployment_success", deploymentDoneEvent(d));
    this.host.changed();
  }
}
