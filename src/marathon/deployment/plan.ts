import { randomUUID } from "node:crypto";
import { configDiffers, type AppDefinition } from "../model/app-definition.js";

export type ActionName = "StartApplication" | "StopApplication" | "ScaleApplication" | "RestartApplication";

export interface DeploymentAction {
  action: ActionName;
  app: string;
}

export interface DeploymentStep {
  actions: DeploymentAction[];
}

export interface DeploymentPlan {
  id: string;
  version: string;
  steps: DeploymentStep[];
  /** The affected apps before and after (undefined: absent). */
  original: Record<string, AppDefinition | undefined>;
  target: Record<string, AppDefinition | undefined>;
}

/** Longest dependency chain below each app (among the apps given), for ordering. */
function dependencyDepth(apps: readonly AppDefinition[]): Map<string, number> {
  const byId = new Map(apps.map((a) => [a.id, a]));
  const depth = new Map<string, number>();
  const visit = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const deps = byId.get(id)?.dependencies.filter((d) => byId.has(d)) ?? [];
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dep) => visit(dep, seen)));
    depth.set(id, d);
    return d;
  };
  for (const a of apps) visit(a.id, new Set());
  return depth;
}

/**
 * The steps that take the apps from `original` to `target` (DeploymentPlan.apply): stops, then starts of new
 * apps, then one step per dependency layer with a scale or restart per added or changed app.
 */
export function buildPlan(
  original: Record<string, AppDefinition | undefined>,
  target: Record<string, AppDefinition | undefined>,
  version: string,
  forceRestart: readonly string[] = [],
): DeploymentPlan {
  const ids = [...new Set([...Object.keys(original), ...Object.keys(target)])].sort();
  const stops = ids.filter((id) => original[id] && !target[id]);
  const starts = ids.filter((id) => !original[id] && target[id]);
  const changed = ids.filter((id) => {
    const before = original[id];
    const after = target[id];
    return (
      after &&
      (!before ||
        before.instances !== after.instances ||
        configDiffers(before, after) ||
        forceRestart.includes(id))
    );
  });
  const targets = changed.map((id) => target[id] as AppDefinition);
  const depth = dependencyDepth(targets);
  const layers = new Map<number, DeploymentAction[]>();
  for (const app of targets) {
    const before = original[app.id];
    const restart = before !== undefined && (configDiffers(before, app) || forceRestart.includes(app.id));
    const action: DeploymentAction = {
      action: restart ? "RestartApplication" : "ScaleApplication",
      app: app.id,
    };
    const d = depth.get(app.id) ?? 0;
    layers.set(d, [...(layers.get(d) ?? []), action]);
  }
  const steps: DeploymentStep[] = [
    { actions: stops.map((app) => ({ action: "StopApplication" as const, app })) },
    { actions: starts.map((app) => ({ action: "StartApplication" as const, app })) },
    ...[...layers.keys()].sort((a, b) => a - b).map((d) => ({ actions: layers.get(d) ?? [] })),
  ].filter((s) => s.actions.length > 0);
  return { id: randomUUID(), version, steps, original, target };
}

export const affectedApps = (plan: DeploymentPlan): string[] =>
  [...new Set(plan.steps.flatMap((s) => s.actions.map((a) => a.app)))].sort();
