import type { CommandInfo } from "../../mesos/command.js";

export interface LaunchRequest {
  containerId: string;
  /** Host directory the process runs in; `stdout` and `stderr` files are written there. */
  sandbox: string;
  command: CommandInfo;
  env: Record<string, string>;
  /** The user to run as (CommandInfo.user, else FrameworkInfo.user); used with --switch_user. */
  user?: string;
  /** The container's cpus and mem (MB), applied as cgroup limits with cgroups/cpu and cgroups/mem. */
  limits?: { cpus?: number; memMb?: number };
}

export interface ContainerExit {
  /** Exit code when the process exited by itself. */
  code: number | null;
  /** Signal name when a signal ended it. */
  signal: NodeJS.Signals | null;
  /** Set when the container never started. */
  launchError?: string;
  /** Set when an isolator ended the container for going over a limit (Mesos's ContainerLimitation). */
  limitation?: { reason: "REASON_CONTAINER_LIMITATION_MEMORY"; message: string };
}

/** Resource usage of a container: its cgroup, or else its whole process group. */
export interface ContainerUsage {
  processes: number;
  threads: number;
  cpusUserTimeSecs: number;
  cpusSystemTimeSecs: number;
  memRssBytes: number;
}

export interface Container {
  readonly containerId: string;
  /** Resolves with the pid (undefined when there is no real process) once the container runs. */
  readonly started: Promise<number | undefined>;
  /** Always resolves, also for a container that failed to start. */
  readonly exited: Promise<ContainerExit>;
  /** Signals every process of the container. */
  signal(signal: "SIGTERM" | "SIGKILL"): void;
  usage(): ContainerUsage | undefined;
}

/** Runs commands in sandboxes: host process groups (`mesos`) or pretend ones (`simulated`). */
export interface Containerizer {
  readonly name: string;
  launch(request: LaunchRequest): Container;
}

/** "Terminated", "Killed", ...: the strsignal text Mesos prints in "Command terminated with signal ...". */
export function signalDescription(signal: string): string {
  return SIGNAL_TEXT[signal] ?? signal;
}

const SIGNAL_TEXT: Record<string, string> = {
  SIGHUP: "Hangup",
  SIGINT: "Interrupt",
  SIGQUIT: "Quit",
  SIGILL: "Illegal instruction",
  SIGTRAP: "Trace/breakpoint trap",
  SIGABRT: "Aborted",
  SIGBUS: "Bus error",
  SIGFPE: "Floating point exception",
  SIGKILL: "Killed",
  SIGUSR1: "User defined signal 1",
  SIGSEGV: "Segmentation fault",
  SIGUSR2: "User defined signal 2",
  SIGPIPE: "Broken pipe",
  SIGALRM: "Alarm clock",
  SIGTERM: "Terminated",
};

/** The wait(2) status a process ended with, as Mesos reports it in ExitedExecutorMessage. */
export function waitStatus(exit: ContainerExit): number {
  if (exit.code !== null) return (exit.code & 0xff) << 8;
  const signals: Record<string, number> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGABRT: 6,
    SIGKILL: 9,
    SIGSEGV: 11,
    SIGPIPE: 13,
    SIGTERM: 15,
  };
  return exit.signal ? (signals[exit.signal] ?? 1) : 1;
}
