import type { TaskState } from "../../mesos/task-state.js";

export interface HealthResult {
  alive: boolean;
  consecutiveFailures: number;
  firstSuccess: string | null;
  lastSuccess: string | null;
  lastFailure: string | null;
  lastFailureCause: string | null;
}

/** One task Marathon launched (an instance with one container). */
export interface TaskRecord {
  id: string;
  appId: string;
  agentId: string;
  host: string;
  state: TaskState;
  stagedAt: string;
  startedAt?: string;
  /** The app version the task was launched from. */
  version: string;
  /** The app's `lastConfigChangeAt` at launch: tasks of another config are replaced by a restart. */
  configVersion: string;
  /** The agent's hostname and attributes as text, for constraints. */
  placement: Record<string, string>;
  ports: number[];
  servicePorts: number[];
  ipAddresses: Array<{ ipAddress: string; protocol: string }>;
  /** One result per Marathon-run health check, in the app's order. */
  healthResults: HealthResult[];
  /** The agent's verdict for a Mesos health check. */
  mesosHealthy?: boolean;
  /** Readiness verdict during a deployment (undefined: no readiness check). */
  ready?: boolean;
  killRequested?: boolean;
  /** When the task became unreachable (ms since the epoch); cleared once it reports again. */
  unreachableSince?: number;
  /** Unreachable for longer than the app's inactiveAfterSeconds: replaced, no longer counted. */
  unreachableInactive?: boolean;
}
