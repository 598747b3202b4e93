import type {
  Container,
  ContainerExit,
  Containerizer,
  ContainerUsage,
  LaunchRequest,
} from "./containerizer.js";
import { parseSimulatedCommand } from "./simulated-grammar.js";

/**
 * The `simulated` containerizer: no process at all. The command value says what the "process" does
 * (grammar in simulated-grammar.ts), so the agent sends exactly the updates a real run would, cheaply.
 */
export class SimulatedContainerizer implements Containerizer {
  readonly name = "simulated";

  launch(request: LaunchRequest): Container {
    return new SimulatedContainer(request);
  }
}

class SimulatedContainer implements Container {
  readonly containerId: string;
  readonly started: Promise<number | undefined>;
  readonly exited: Promise<ContainerExit>;
  private finish!: (exit: ContainerExit) => void;
  private timer: NodeJS.Timeout | undefined;
  private done = false;
  private readonly ignoreSigterm: boolean;

  constructor(request: LaunchRequest) {
    this.containerId = request.containerId;
    const behaviour = parseSimulatedCommand(request.command.value);
    this.ignoreSigterm = behaviour.ignoreSigterm;
    this.exited = new Promise((resolve) => (this.finish = resolve));
    if (behaviour.failToStart) {
      this.started = Promise.reject(new Error("Simulated launch failure"));
      this.started.catch(() => undefined);
      this.end({ code: null, signal: null, launchError: "Simulated launch failure" });
      return;
    }
    this.started = Promise.resolve(undefined);
    if (behaviour.runMs !== undefined) {
      const code = behaviour.exitCode;
      this.timer = setTimeout(() => this.end({ code, signal: null }), behaviour.runMs);
    }
  }

  signal(signal: "SIGTERM" | "SIGKILL"): void {
    if (this.done || (signal === "SIGTERM" && this.ignoreSigterm)) return;
    // Let the updates of the launch go out first, as a real process cannot die before it started.
    setImmediate(() => this.end({ code: null, signal }));
  }

  usage(): ContainerUsage | undefined {
    return this.done
      ? undefined
      : { processes: 1, threads: 1, cpusUserTimeSecs: 0, cpusSystemTimeSecs: 0, memRssBytes: 0 };
  }

  private end(exit: ContainerExit): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    this.finish(exit);
  }
}
