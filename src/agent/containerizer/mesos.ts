import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import type {
  Container,
  ContainerExit,
  Containerizer,
  ContainerUsage,
  LaunchRequest,
} from "./containerizer.js";
import { processGroupUsage } from "./proc-stats.js";

/**
 * The `mesos` containerizer, posix flavour: every container is a host process group (the leader spawned
 * detached) running in its sandbox, with stdout and stderr written to files there. When the leader exits,
 * whatever is left in its group is killed, as Mesos destroys a container whose executor ended.
 */
export class MesosContainerizer implements Containerizer {
  readonly name = "mesos";
  private readonly live = new Set<ProcessContainer>();

  launch(request: LaunchRequest): Container {
    const container = new ProcessContainer(request);
    this.live.add(container);
    void container.exited.then(() => this.live.delete(container));
    return container;
  }

  /** Process group ids of every container still running. */
  runningGroups(): number[] {
    return [...this.live].map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
  }
}

class ProcessContainer implements Container {
  readonly containerId: string;
  readonly started: Promise<number | undefined>;
  readonly exited: Promise<ContainerExit>;
  pid: number | undefined;
  private done = false;

  constructor(request: LaunchRequest) {
    this.containerId = request.containerId;
    const { command, sandbox, env } = request;
    const stdout = openSync(join(sandbox, "stdout"), "a");
    const stderr = openSync(join(sandbox, "stderr"), "a");
    const options = {
      cwd: sandbox,
      env,
      detached: true,
      stdio: ["ignore", stdout, stderr] as ["ignore", number, number],
    };
    const argv = command.arguments ?? [];
    const child =
      command.shell === false
        ? spawn(command.value ?? "", argv.slice(1), { ...options, argv0: argv[0] ?? command.value ?? "" })
        : spawn("/bin/sh", ["-c", command.value ?? ""], options);
    closeSync(stdout);
    closeSync(stderr);
    this.started = new Promise((resolve, reject) => {
      child.once("spawn", () => {
        this.pid = child.pid;
        resolve(child.pid);
      });
      child.once("error", (error) => reject(error));
    });
    this.started.catch(() => undefined);
    this.exited = new Promise((resolve) => {
      child.once("error", (error) => {
        if (this.pid === undefined) {
          this.done = true;
          resolve({ code: null, signal: null, launchError: error.message });
        }
      });
      child.once("exit", (code, signal) => {
        this.done = true;
        this.killGroup("SIGKILL");
        resolve({ code, signal });
      });
    });
  }

  signal(signal: "SIGTERM" | "SIGKILL"): void {
    if (!this.done) this.killGroup(signal);
  }

  usage(): ContainerUsage | undefined {
    return this.pid === undefined || this.done ? undefined : processGroupUsage(this.pid);
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
