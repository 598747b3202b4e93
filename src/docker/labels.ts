/** Docker labels minimesos puts on what it creates: the record of who owns a container, network or volume. */
export const LABELS = {
  /** The cluster a container belongs to (MINIMESOS_CLUSTER_ID in the agent's environment). */
  cluster: "minimesos.cluster",
  /** The test run that created it (tests remove everything with their run id). */
  testRun: "minimesos.test",
  agentId: "minimesos.agent_id",
  /** The agent's work_dir: finds an agent's containers even after it registered under a new id. */
  agentWorkDir: "minimesos.agent_work_dir",
  frameworkId: "minimesos.framework_id",
  executorId: "minimesos.executor_id",
  taskId: "minimesos.task_id",
  containerId: "minimesos.container_id",
} as const;

/** A `filters` value for the Engine API's list calls: every `key=value` must match. */
export function labelFilter(labels: Record<string, string>): { label: string[] } {
  return { label: Object.entries(labels).map(([key, value]) => `${key}=${value}`) };
}
