import { join } from "node:path";
import { parseDuration } from "../../common/duration.js";
import type { Logger } from "../../common/logger.js";
import type { AgentOptions } from "../options.js";
import { AgentCgroups } from "./agent-cgroups.js";
import { removeTree } from "./cgroup-fs.js";
import { parseIsolation, type IsolationChoice } from "./isolation-flag.js";
import { startRecoveryWatchdog, stopPreviousWatchdog, type RecoveryWatchdog } from "./recovery-watchdog.js";

/** The containment settings of an agent, from its options or else its flags (as `minimesos run agent` gives them). */
export interface ContainmentSettings {
  isolation: IsolationChoice;
  isolationText: string;
  switchUser: boolean;
  recoveryTimeoutMs: number;
  cfsQuota: boolean;
  clusterId: string | undefined;
}

export const DEFAULT_RECOVERY_TIMEOUT_MS = 15 * 60_000;

export function containmentSettings(options: AgentOptions): ContainmentSettings {
  const flag = (name: string): string | undefined => options.flags?.[name];
  const bool = (value: string | undefined) => (value === undefined ? undefined : value === "true");
  const isolationText = options.isolation ?? flag("isolation") ?? "posix/cpu,posix/mem";
  const timeout = flag("recovery_timeout");
  return {
    isolation: parseIsolation(isolationText),
    isolationText,
    switchUser: options.switchUser ?? bool(flag("switch_user")) ?? false,
    recoveryTimeoutMs:
      options.recoveryTimeoutMs ??
      (timeout !== undefined ? parseDuration(timeout) : DEFAULT_RECOVERY_TIMEOUT_MS),
    cfsQuota: options.cgroupsEnableCfs ?? bool(flag("cgroups_enable_cfs")) ?? false,
    clusterId: options.clusterId ?? process.env.MINIMESOS_CLUSTER_ID,
  };
}

/** What the agent keeps of its containment: its cgroups, the recovery watchdog, the groups file. */
export interface Containment {
  cgroups: AgentCgroups | undefined;
  /** Where the containerizer lists live process groups when there are no cgroups. */
  groupsFile: string | undefined;
  /** After recovery: kills every container cgroup not adopted, and starts this run's watchdog. */
  recovered(adoptedContainerIds: ReadonlySet<string>): Promise<void>;
  /** The agent ends its tasks: the watchdog goes, and the agent's cgroup once empty. */
  stop(options: { tasksLeft: boolean }): void;
}

/**
 * Sets an agent's containment up (mesos containerizer only): ends the watchdog of a previous run with
 * the same work dir (the agent is back) and creates the agent's cgroups.
 */
export function setUpContainment(
  settings: ContainmentSettings,
  workDir: string,
  logger: Logger,
): Containment {
  stopPreviousWatchdog(workDir);
  const cgroups = AgentCgroups.create({
    workDir,
    ...(settings.clusterId ? { clusterId: settings.clusterId } : {}),
    memory: settings.isolation.cgroupsMem,
    cpu: settings.isolation.cgroupsCpu,
    logger,
  });
  const groupsFile = cgroups ? undefined : join(workDir, "process-groups");
  let watchdog: RecoveryWatchdog | undefined;
  return {
    cgroups,
    groupsFile,
    recovered: async (adopted) => {
      if (cgroups)
        for (const id of cgroups.containerIds()) {
          if (adopted.has(id)) continue;
          logger.info({ containerId: id }, "destroying an orphan container left by an earlier run");
          await cgroups.destroyContainer(id);
        }
      watchdog = startRecoveryWatchdog({
        workDir,
        timeoutMs: settings.recoveryTimeoutMs,
        ...(cgroups ? { cgroupDir: cgroups.membershipDir } : {}),
        ...(groupsFile ? { groupsFile } : {}),
        logger,
      });
    },
    stop: ({ tasksLeft }) => {
      if (tasksLeft) return;
      watchdog?.stop();
      if (cgroups) for (const dir of cgroups.agentDirs()) removeTree(dir);
    },
  };
}
