import { affectedApps, type DeploymentPlan } from "./plan.js";

export interface RunningDeployment {
  plan: DeploymentPlan;
  /** Index of the step in progress. */
  stepIndex: number;
}

const planJson = (plan: DeploymentPlan) => ({ id: plan.id, steps: plan.steps, version: plan.version });

/** A GET /v2/deployments item (§4.2). */
export function deploymentInfoJson(
  d: RunningDeployment,
  readiness: (appId: string) => unknown[] = () => [],
): Record<string, unknown> {
  const step = d.plan.steps[d.stepIndex];
  return {
    id: d.plan.id,
    version: d.plan.version,
    affectedApps: affectedApps(d.plan),
    affectedPods: [],
    steps: d.plan.steps,
    currentActions: (step?.actions ?? []).map((a) => ({ ...a, readinessCheckResults: readiness(a.app) })),
    currentStep: step ? d.stepIndex + 1 : 0,
    totalSteps: d.plan.steps.length,
  };
}

/** The body of deployment_info / deployment_step_success / deployment_step_failure events. */
export const deploymentStepEvent = (d: RunningDeployment) => ({
  plan: planJson(d.plan),
  currentStep: d.plan.steps[d.stepIndex] ?? { actions: [] },
});

export const deploymentDoneEvent = (d: RunningDeployment) => ({ id: d.plan.id, plan: planJson(d.plan) });
