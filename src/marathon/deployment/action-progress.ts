import type { AppDefinition } from "../model/app-definition.js";
import type { TaskRecord } from "../state/task-record.js";
import { isHealthyAndReady } from "../state/task-tracker.js";
import type { ActionName } from "./plan.js";

/** What one deployment action wants right now: how many current-config tasks to keep, which to kill, done or not. */
export interface ActionProgress {
  launchTarget: number;
  kill: TaskRecord[];
  done: boolean;
}

/** Tasks that count toward the app's instances (not being killed, not unreachable past inactiveAfter). */
export const alive = (tasks: readonly TaskRecord[]) =>
  tasks.filter((t) => !t.killRequested && !t.unreachableInactive);
const isCurrent = (app: AppDefinition) => (t: TaskRecord) =>
  t.configVersion === app.versionInfo.lastConfigChangeAt;

/** The first `count` tasks to go: not-yet-running first, then by killSelection. */
export function tasksToKill(app: AppDefinition, tasks: readonly TaskRecord[], count: number): TaskRecord[] {
  return count <= 0 ? [] : killOrder(app, tasks).slice(0, count);
}

/** Tasks in the order they should go: not-yet-running first, then by killSelection. */
export function killOrder(app: AppDefinition, tasks: readonly TaskRecord[]): TaskRecord[] {
  const youngestFirst = app.killSelection === "YOUNGEST_FIRST";
  return [...tasks].sort((a, b) => {
    const runningA = a.state === "TASK_RUNNING" ? 1 : 0;
    const runningB = b.state === "TASK_RUNNING" ? 1 : 0;
    if (runningA !== runningB) return runningA - runningB;
    const older = a.stagedAt < b.stagedAt ? -1 : a.stagedAt > b.stagedAt ? 1 : 0;
    return youngestFirst ? -older : older;
  });
}

function scale(app: AppDefinition, tasks: readonly TaskRecord[]): ActionProgress {
  const live = alive(tasks);
  const extra = Math.max(0, live.length - app.instances);
  const kill = tasksToKill(app, live, extra);
  const ready = live.filter((t) => isHealthyAndReady(app, t)).length;
  return {
    launchTarget: app.instances,
    kill,
    done: extra === 0 && ready >= app.instances && tasks.length === live.length,
  };
}

/** The rolling replacement of TaskReplaceActor, as a function of the current tasks. */
function restart(app: AppDefinition, tasks: readonly TaskRecord[]): ActionProgress {
  const { minimumHealthCapacity, maximumOverCapacity } = app.upgradeStrategy;
  const minHealthy = Math.ceil(app.instances * minimumHealthCapacity);
  let maxCapacity = Math.floor(app.instances * (1 + maximumOverCapacity));
  if (minHealthy === maxCapacity && app.instances > 0) maxCapacity += 1;
  const live = alive(tasks);
  const old = live.filter((t) => !isCurrent(app)(t));
  const fresh = live.filter(isCurrent(app));
  const readyNew = fresh.filter((t) => isHealthyAndReady(app, t)).length;
  const keepOld = Math.max(0, Math.min(minHealthy, app.instances) - readyNew);
  const kill = tasksToKill(app, old, old.length - keepOld);
  const oldAfter = old.length - kill.length;
  const launchTarget = Math.min(app.instances, Math.max(0, maxCapacity - oldAfter));
  const extraNew = tasksToKill(app, fresh, fresh.length - app.instances);
  const done = old.length === 0 && readyNew >= app.instances && tasks.length === live.length;
  return { launchTarget, kill: [...kill, ...extraNew], done };
}

export function actionProgress(
  action: ActionName,
  app: AppDefinition,
  tasks: readonly TaskRecord[],
): ActionProgress {
  switch (action) {
    case "StartApplication":
      return { launchTarget: 0, kill: [], done: true };
    case "StopApplication":
      return { launchTarget: 0, kill: alive(tasks), done: tasks.length === 0 };
    case "ScaleApplication":
      return scale(app, tasks);
    case "RestartApplication":
      return restart(app, tasks);
  }
}
