import type { MarathonCore } from "../core/marathon-core.js";
import type { AppDefinition } from "../model/app-definition.js";
import { appJson } from "../model/app-json.js";
import { appCounts } from "../state/task-tracker.js";
import { taskJson } from "./task-json.js";

export interface AppEmbeds {
  tasks: boolean;
  lastTaskFailure: boolean;
  readiness?: boolean;
}

/** An app with its counters and deployments, plus the embeds asked for (AppInfo). */
export function appInfoJson(
  core: MarathonCore,
  app: AppDefinition,
  embeds: AppEmbeds,
): Record<string, unknown> {
  const tasks = core.tasks.ofApp(app.id);
  const failure = core.lastTaskFailure.get(app.id);
  return {
    ...appJson(app),
    ...appCounts(app, tasks),
    deployments: core.deployments.holding([app.id]).map((d) => ({ id: d.plan.id })),
    ...(embeds.tasks ? { tasks: tasks.map((t) => taskJson(t, app)) } : {}),
    ...(embeds.lastTaskFailure && failure ? { lastTaskFailure: failure } : {}),
    ...(embeds.readiness ? { readinessCheckResults: core.readiness(app.id) } : {}),
  };
}

/** Reads `embed=apps.tasks` style parameters (`prefix` is `apps` or `app`). */
export function embedsFrom(values: readonly string[], prefix: string): AppEmbeds {
  const has = (name: string) => values.includes(`${prefix}.${name}`) || values.includes(`${prefix}.failures`);
  return {
    tasks: has("tasks"),
    lastTaskFailure: has("lastTaskFailure"),
    readiness: values.includes(`${prefix}.readiness`),
  };
}
