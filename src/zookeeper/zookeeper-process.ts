import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { serverMode } from "./four-letter-word.js";
import type { ClassDataArchive } from "./jvm-options.js";
import type { ZooKeeperServer } from "./zookeeper-server.js";

const POLL_MS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function logTail(path: string, lines = 15): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

export interface Place {
  host: string;
  port: number;
  dir: string;
  dataDir: string;
  logPath: string;
}

/** The JVM child process of one ZooKeeper server: readiness, stop and kill. */
export class ChildZooKeeper implements ZooKeeperServer {
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  readonly dataDir: string;
  readonly logPath: string;
  private exitCode: number | null | undefined;
  private exitSignal: NodeJS.Signals | null | undefined;
  private readonly exit: Promise<void>;
  private readonly killOnExit = () => this.child.kill("SIGKILL");

  constructor(
    private readonly child: ChildProcess,
    place: Place,
    private readonly archive: ClassDataArchive | undefined,
    detached: boolean | undefined,
  ) {
    ({
      host: this.host,
      port: this.port,
      dir: this.dir,
      dataDir: this.dataDir,
      logPath: this.logPath,
    } = place);
    this.exit = new Promise((done) =>
      child.once("exit", (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        process.off("exit", this.killOnExit);
        this.archive?.settle(signal === "SIGTERM" || code === 143 || code === 0);
        done();
      }),
    );
    if (detached) child.unref();
    else process.once("exit", this.killOnExit);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }
  get connectionString(): string {
    return `${this.host}:${this.port}`;
  }
  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  url(path = "/mesos"): string {
    return `zk://${this.connectionString}${path.startsWith("/") ? path : `/${path}`}`;
  }

  spawned(): Promise<void> {
    return new Promise((resolveSpawn, reject) => {
      this.child.once("spawn", resolveSpawn);
      this.child.once("error", (error) => {
        process.off("exit", this.killOnExit);
        reject(new Error(`Cannot start ZooKeeper (java): ${error.message}`));
      });
    });
  }

  async waitUntilServing(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited)
        throw new Error(
          `ZooKeeper exited at start (${this.exitSignal ?? `code ${this.exitCode}`}) on ${this.connectionString}; ` +
            `log ${this.logPath}:\n${logTail(this.logPath)}`,
        );
      if (await serverMode(this.host, this.port, 500)) return;
      await sleep(POLL_MS);
    }
    throw new Error(
      `ZooKeeper did not serve on ${this.connectionString} within ${timeoutMs} ms; log ${this.logPath}:\n` +
        logTail(this.logPath),
    );
  }

  async stop(graceMs = 5_000): Promise<void> {
    if (this.exited) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  async kill(): Promise<void> {
    if (!this.exited) this.child.kill("SIGKILL");
    await this.exit;
  }
}
