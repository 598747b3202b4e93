import { debugFailure } from "../../common/logger.js";
import type { AppDefinition } from "../model/app-definition.js";
import type { TaskRecord } from "../state/task-record.js";
import type { MarathonCore } from "./marathon-core.js";
import { instanceIdOf } from "./status-fields.js";

type Strategy = AppDefinition["unreachableStrategy"];

/**
 * Marathon 1.5+'s unreachableStrategy: an unreachable instance still counts until it has been unreachable
 * for `inactiveAfterSeconds` (then it is UnreachableInactive and a replacement launches), and is forgotten
 * (expunged, and killed should it come back) after `expungeAfterSeconds`. "disabled" waits forever.
 */
export function becameUnreachable(
  core: MarathonCore,
  task: TaskRecord,
  strategy: Strategy | undefined,
): void {
  if (task.unreachableSince !== undefined || strategy === "disabled") return;
  task.unreachableSince = Date.now();
  if (!strategy) return;
  for (const seconds of [strategy.inactiveAfterSeconds, strategy.expungeAfterSeconds])
    setTimeout(() => core.requestTick(), seconds * 1000 + 1).unref();
}

/** Called on every tick: moves unreachable tasks on to inactive and expunged as their times come. */
export function expireUnreachable(core: MarathonCore, now = Date.now()): void {
  for (const task of core.tasks.all()) {
    if (task.unreachableSince === undefined) continue;
    const strategy = core.apps.get(task.appId)?.unreachableStrategy;
    if (strategy === "disabled") continue;
    const elapsedMs = now - task.unreachableSince;
    const inactiveMs = (strategy?.inactiveAfterSeconds ?? 0) * 1000;
    const expungeMs = (strategy?.expungeAfterSeconds ?? 0) * 1000;
    if (elapsedMs >= expungeMs) expunge(core, task);
    else if (elapsedMs >= inactiveMs && !task.unreachableInactive) markInactive(core, task);
  }
}

function markInactive(core: MarathonCore, task: TaskRecord): void {
  task.unreachableInactive = true;
  core.events.publish("instance_changed_event", {
    instanceId: instanceIdOf(task.id),
    condition: "UnreachableInactive",
    runSpecId: task.appId,
    agentId: task.agentId,
    host: task.host,
    runSpecVersion: task.version,
  });
  core.changed();
}

function expunge(core: MarathonCore, task: TaskRecord): void {
  core.tasks.remove(task.id);
  core.driver?.kill(task.id, task.agentId).catch(debugFailure(core.options.logger, "kill"));
  core.changed();
}
