import { createWriteStream } from "node:fs";
import { join } from "node:path";
import type Docker from "dockerode";
import { isNotFound } from "../../../docker/client.js";
import type { ContainerUsage } from "../containerizer.js";
import { forwardPorts, type ForwardSpec, type PortForward } from "./port-forwarder.js";
import { followStats, usageFromStats } from "./stats.js";

/** How long the end of a container's output may lag behind its exit before the task's end is reported. */
const LOG_DRAIN_MS = 2000;

/**
 * One task container on the engine: its output streamed into the sandbox's `stdout` and `stderr`, its
 * exit awaited, its resource usage sampled, and its stop, kill and removal.
 */
export class EngineContainer {
  private logsDone: Promise<void> = Promise.resolve();
  private latest: ContainerUsage | undefined;
  private statsStream: NodeJS.ReadableStream | undefined;
  private readonly detachment = new AbortController();
  private forwards: PortForward | undefined;

  constructor(
    private readonly docker: Docker,
    readonly container: Docker.Container,
  ) {}

  /** Appends the container's output to the sandbox files: all of it when fresh, new output when adopted. */
  async streamLogs(sandbox: string, adopted: boolean): Promise<void> {
    const stream = adopted
      ? await this.container.logs({
          follow: true,
          stdout: true,
          stderr: true,
          since: Math.floor(Date.now() / 1000),
          abortSignal: this.detachment.signal,
        })
      : await this.container.attach({
          stream: true,
          stdout: true,
          stderr: true,
          logs: true,
          abortSignal: this.detachment.signal,
        });
    const stdout = createWriteStream(join(sandbox, "stdout"), { flags: "a" });
    const stderr = createWriteStream(join(sandbox, "stderr"), { flags: "a" });
    this.docker.modem.demuxStream(stream, stdout, stderr);
    this.logsDone = new Promise((resolve) => {
      const close = (): void => {
        stdout.end();
        stderr.end();
        resolve();
      };
      stream.on("end", close);
      stream.on("close", close);
      stream.on("error", close);
    });
  }

  start(): Promise<unknown> {
    return this.container.start();
  }

  inspect(): Promise<Docker.ContainerInspectInfo> {
    return this.container.inspect();
  }

  /** Forwards ports to the container until it is removed or detached (the agent's own listeners). */
  async forward(specs: readonly ForwardSpec[]): Promise<void> {
    if (specs.length === 0 || this.forwardsEnded) return;
    await this.closeForwards();
    const forwards = await forwardPorts(specs);
    // Removed or detached while the listeners were opening: they must not outlive the container.
    if (this.forwardsEnded) await forwards.close();
    else this.forwards = forwards;
  }

  /** Set once the container is removed or detached: no forward may open after that. */
  private forwardsEnded = false;

  private async closeForwards(): Promise<void> {
    const forwards = this.forwards;
    this.forwards = undefined;
    await forwards?.close();
  }

  /** Resolves with the exit code once the container stopped, after its output was written (bounded). */
  async wait(): Promise<number> {
    const { StatusCode } = (await this.container.wait({ abortSignal: this.detachment.signal })) as {
      StatusCode: number;
    };
    await Promise.race([this.logsDone, delay(LOG_DRAIN_MS)]);
    return StatusCode;
  }

  /** `docker stop -t`: the image's stop signal, SIGKILL after the grace period. */
  async stop(graceMs: number): Promise<void> {
    await ignoreStopped(this.container.stop({ t: Math.ceil(graceMs / 1000) }));
  }

  async kill(): Promise<void> {
    await ignoreStopped(this.container.kill({ signal: "SIGKILL" }));
  }

  async remove(): Promise<void> {
    this.forwardsEnded = true;
    await this.closeForwards();
    this.statsStream?.removeAllListeners("data");
    (this.statsStream as { destroy?: () => void } | undefined)?.destroy?.();
    await ignoreStopped(this.container.remove({ force: true, v: true }));
  }

  /** Starts sampling the engine's stats; `usage()` returns the latest sample. */
  async sampleStats(): Promise<void> {
    // The types leave out abortSignal, which dockerode honours on every call.
    const options = { stream: true, abortSignal: this.detachment.signal } as { stream: true };
    const stream = await this.container.stats(options);
    this.statsStream = stream;
    followStats(stream, (sample) => (this.latest = usageFromStats(sample)));
  }

  usage(): ContainerUsage | undefined {
    return this.latest;
  }

  /** The agent stops but leaves the container running: every stream and wait on it is dropped. */
  detach(): void {
    this.detachment.abort();
    this.forwardsEnded = true;
    void this.closeForwards();
  }

  get detached(): boolean {
    return this.detachment.signal.aborted;
  }
}

/** A stop, kill or remove of a container that is already stopped (304/409) or gone (404) is no error. */
async function ignoreStopped(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    const code = (error as { statusCode?: number }).statusCode;
    if (!isNotFound(error) && code !== 304 && code !== 409) throw error;
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
