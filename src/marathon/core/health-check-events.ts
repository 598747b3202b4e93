import type { EventBus } from "../events/event-bus.js";
import type { AppDefinition } from "../model/app-definition.js";

/** add_health_check_event / remove_health_check_event for the apps whose health checks a change alters. */
export function publishHealthCheckChanges(
  events: EventBus,
  original: Record<string, AppDefinition | undefined>,
  target: Record<string, AppDefinition | undefined>,
): void {
  for (const [id, before] of Object.entries(original)) {
    const after = target[id];
    if (JSON.stringify(before?.healthChecks ?? []) === JSON.stringify(after?.healthChecks ?? [])) continue;
    if ((before?.healthChecks.length ?? 0) > 0) events.publish("remove_health_check_event", { appId: id });
    for (const healthCheck of after?.healthChecks ?? [])
      events.publish("add_health_check_event", { appId: id, version: after?.version, healthCheck });
  }
}
