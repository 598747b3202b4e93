import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, fchownSync, openSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { AgentCgroups } from "../isolation/agent-cgroups.js";
import { findLaunchTools, launchPlan, type LaunchTools } from "../isolation/launch-command.js";
import type { TaskCgroup } from "../isolation/task-cgroup.js";
import { chownTree, lookupUser, unknownUserMessage, type UserIdentity } from "../isolation/users.js";
import type {
  Container,
  ContainerExit,
  Containerizer,
  ContainerUsage,
  LaunchRequest,
} from "./containerizer.js";
import { processesUsage, processGroupUsage } from "./proc-stats.js";

export interface MesosContainerizerOptions {
  /** The agent's cgroups: each container gets its own below them (undefined: process groups only). */
  cgroups?: AgentCgroups;
  /** Run a task as its `user` (Mesos's --switch_user); default false here, the agent passes its flag. */
  switchUser?: boolean;
  /** Cap CPU time at the task's cpus too (Mesos's --cgroups_enable_cfs). */
  cfsQuota?: boolean;
  /** Without cgroups: a file listing every live container's process group, for the recovery watchdog. */
  groupsFile?: string;
  /** How often a container's OOM counter is read; default 200 ms. */
  oomPollMs?: number;
}

/**
 * The `mesos` containerizer: every container is a host process group (the leader spawned detached)
 * running in its sandbox, with stdout and stderr written to files there. With cgroups, the leader waits
 * until the agent has put it into the container's own cgroup, so every descendant is found by `kill`
 * whatever it does to its session or environment, and the task's cpus and mem become limits. When the
 * leader exits, whatever is left of the container is killed, as Mesos destroys a container whose
 * executor ended.
 */
export class MesosContainerizer implements Containerizer {
  readonly name = "mesos";
  private readonly live = new Set<ProcessContainer>();
  private readonly tools: LaunchTools = findLaunchTools();

  constructor(private readonly options: MesosContainerizerOptions = {}) {}

  get cgroups(): AgentCgroups | undefined {
    return this.options.cgroups;
  }

  launch(request: LaunchRequest): Container {
    const container = new ProcessContainer(request, this.options, this.tools);
    this.live.add(container);
    container.started.then(
      () => this.writeGroups(),
      () => undefined,
    );
    void container.exited.then(() => {
      this.live.delete(container);
      this.writeGroups();
    });
    return container;
  }

  private writeGroups(): void {
    const file = this.options.groupsFile;
    if (!file) return;
    try {
      writeFileSync(
        file,
        this.runningGroups()
          .map((pid) => `${pid}\n`)
          .join(""),
      );
    } catch {
      // The work dir is gone; nothing is left to list.
    }
  }

  /** Process group ids of every container still running. */
  runningGroups(): number[] {
    return [...this.live].map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
  }
}

const AGENT_USER = (() => {
  try {
    return userInfo();
  } catch {
    return undefined;
  }
})();

const isAgentUser = (user: string): boolean =>
  AGENT_USER !== undefined && (user === AGENT_USER.username || user === String(AGENT_USER.uid));

class ProcessContainer implements Container {
  readonly containerId: string;
  readonly started: Promise<number | undefined>;
  readonly exited: Promise<ContainerExit>;
  pid: number | undefined;
  private done = false;
  private cgroup: TaskCgroup | undefined;
  private limitation: ContainerExit["limitation"];
  private oomTimer: NodeJS.Timeout | undefined;
  private resolveStarted!: (pid: number | undefined) => void;
  private rejectStarted!: (error: Error) => void;
  private resolveExited!: (exit: ContainerExit) => void;
  private pendingSignal: NodeJS.Signals | undefined;

  constructor(
    private readonly request: LaunchRequest,
    private readonly options: MesosContainerizerOptions,
    private readonly tools: LaunchTools,
  ) {
    this.containerId = request.containerId;
    this.started = new Promise((resolve, reject) => {
      this.resolveStarted = resolve;
      this.rejectStarted = reject;
    });
    this.started.catch(() => undefined);
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
    this.run().catch((error: Error) => this.failLaunch(error.message));
  }

  private failLaunch(message: string): void {
    if (this.done) return;
    this.done = true;
    this.rejectStarted(new Error(message));
    void this.cgroup?.destroy();
    this.resolveExited({ code: null, signal: null, launchError: message });
  }

  private async run(): Promise<void> {
    const { command, sandbox, env } = this.request;
    const user = this.taskUser();
    if (user === null) return this.failLaunch(unknownUserMessage(this.request.user ?? ""));
    if (user) chownTree(sandbox, user.uid, user.gid);
    const { cgroups } = this.options;
    if (cgroups) {
      this.cgroup = await cgroups.createTask(this.containerId);
      this.cgroup.applyLimits({
        ...(cgroups.limitsCpu && this.request.limits?.cpus !== undefined
          ? { cpus: this.request.limits.cpus }
          : {}),
        ...(cgroups.limitsMemory && this.request.limits?.memMb !== undefined
          ? { memMb: this.request.limits.memMb }
          : {}),
        cfsQuota: this.options.cfsQuota ?? false,
      });
    }
    if (this.done) return;
    const gated = this.cgroup !== undefined;
    const plan = launchPlan(command, { gated, ...(user ? { user } : {}), tools: this.tools });
    const stdout = openSync(join(sandbox, "stdout"), "a");
    const stderr = openSync(join(sandbox, "stderr"), "a");
    let child: ChildProcess;
    try {
      if (user) for (const fd of [stdout, stderr]) fchownSync(fd, user.uid, user.gid);
      child = spawn(plan.file, plan.args, {
        cwd: sandbox,
        env,
        detached: true,
        stdio: gated ? ["ignore", stdout, stderr, "pipe"] : ["ignore", stdout, stderr],
        ...(plan.argv0 !== undefined ? { argv0: plan.argv0 } : {}),
        ...(plan.uid !== undefined ? { uid: plan.uid, gid: plan.gid } : {}),
      });
    } finally {
      closeSync(stdout);
      closeSync(stderr);
    }
    child.once("error", (error) => {
      if (this.pid === undefined) this.failLaunch(error.message);
    });
    child.once("spawn", () => this.spawned(child));
    child.once("exit", (code, signal) => void this.leaderExited(code, signal));
  }

  /** The task's user when the agent switches to it; null when that user does not exist. */
  private taskUser(): UserIdentity | undefined | null {
    const name = this.request.user;
    if (!this.options.switchUser || !name || isAgentUser(name)) return undefined;
    return lookupUser(name) ?? null;
  }

  private spawned(child: ChildProcess): void {
    const pid = child.pid as number;
    this.pid = pid;
    if (this.cgroup) {
      try {
        this.cgroup.add(pid);
      } catch (error) {
        child.kill("SIGKILL");
        this.pid = undefined;
        return this.failLaunch(`Failed to assign the container to its cgroup: ${(error as Error).message}`);
      }
      const gate = child.stdio[3] as Writable;
      gate.on("error", () => undefined);
      gate.end("go\n");
      if (this.cgroup.dirs.memory) {
        this.oomTimer = setInterval(() => this.checkOom(), this.options.oomPollMs ?? 200);
        this.oomTimer.unref();
      }
    }
    this.resolveStarted(pid);
    if (this.pendingSignal) this.signal(this.pendingSignal as "SIGTERM" | "SIGKILL");
  }

  private checkOom(): void {
    if (this.limitation || !this.cgroup || this.cgroup.oomKills() === 0) return;
    this.limitation = {
      reason: "REASON_CONTAINER_LIMITATION_MEMORY",
      message: this.cgroup.memoryLimitationMessage(),
    };
    this.killAll();
  }

  private async leaderExited(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    if (this.done) return;
    this.done = true;
    clearInterval(this.oomTimer);
    this.checkOomAfterExit();
    this.killGroup("SIGKILL");
    await this.cgroup?.destroy();
    this.resolveExited({ code, signal, ...(this.limitation ? { limitation: this.limitation } : {}) });
  }

  private checkOomAfterExit(): void {
    if (!this.limitation && this.cgroup && this.cgroup.oomKills() > 0)
      this.limitation = {
        reason: "REASON_CONTAINER_LIMITATION_MEMORY",
        message: this.cgroup.memoryLimitationMessage(),
      };
  }

  signal(signal: "SIGTERM" | "SIGKILL"): void {
    if (this.done) return;
    if (this.pid === undefined) {
      this.pendingSignal = signal;
      return;
    }
    if (signal === "SIGKILL") return this.killAll();
    this.killGroup(signal);
    this.cgroup?.signal(signal);
  }

  private killAll(): void {
    this.killGroup("SIGKILL");
    if (this.cgroup) void this.cgroup.killAll();
  }

  usage(): ContainerUsage | undefined {
    if (this.pid === undefined || this.done) return undefined;
    return this.cgroup ? processesUsage(this.cgroup.processes()) : processGroupUsage(this.pid);
  }

  private killGroup(signal: NodeJS.Signals): void {
    if (this.pid === undefined) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // The group is already gone.
    }
  }
}
