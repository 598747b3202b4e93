import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { allocatePort } from "../common/ports.js";
import { findZooKeeperInstall, type ZooKeeperInstall } from "./install.js";
import { ClassDataArchive, FAST_START_FLAGS, defaultJvmCacheDir } from "./jvm-options.js";
import { renderZooCfg } from "./zoo-cfg.js";
import { ChildZooKeeper } from "./zookeeper-process.js";

export interface ZooKeeperServerOptions {
  /** zoo.cfg, the data dir (`data/`) and the log (`zookeeper.log`) go here; an existing data dir is reused. */
  dir: string;
  /** Exactly this port (fails when taken); without it a free one, `preferredPort` when that is free. */
  port?: number;
  preferredPort?: number;
  host?: string;
  /** Default 200 ms: sessions of 400 ms and up, expired at most a tick late (a dead master goes in ~2.1 s with a 2 s session). */
  tickTimeMs?: number;
  /** Default 10 s (Mesos's default session timeout). */
  maxSessionTimeoutMs?: number;
  /** Give up (and leave nothing running) when the server does not serve within this time. Default 30 s. */
  startTimeoutMs?: number;
  /** Where the JVM class-data archive lives (faster starts), or `false` for none. */
  jvmCacheDir?: string | false;
  /** Let the server outlive this process (the CLI's `up`); otherwise it is killed when this process exits. */
  detached?: boolean;
  install?: ZooKeeperInstall;
}

export interface ZooKeeperServer {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  /** `127.0.0.1:2181`, as ZooKeeper clients take it. */
  readonly connectionString: string;
  readonly dir: string;
  readonly dataDir: string;
  readonly logPath: string;
  /** `zk://host:port/path` (default path `/mesos`). */
  url(path?: string): string;
  /** SIGTERM, SIGKILL after `graceMs` (default 5 s); resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void>;
  readonly exited: boolean;
}

/** Starts the real Apache ZooKeeper (standalone) as a child process and resolves once it serves clients. */
export async function startZooKeeper(options: ZooKeeperServerOptions): Promise<ZooKeeperServer> {
  const install = options.install ?? findZooKeeperInstall();
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await allocatePort(options.preferredPort, host));
  const dir = resolve(options.dir);
  const dataDir = join(dir, "data");
  const logPath = join(dir, "zookeeper.log");
  const configPath = join(dir, "zoo.cfg");
  mkdirSync(dataDir, { recursive: true });
  const tickTimeMs = options.tickTimeMs ?? 200;
  const maxSessionTimeoutMs = options.maxSessionTimeoutMs ?? 10_000;
  writeFileSync(configPath, renderZooCfg({ dataDir, port, host, tickTimeMs, maxSessionTimeoutMs }));

  const cacheDir = options.jvmCacheDir === undefined ? defaultJvmCacheDir() : options.jvmCacheDir;
  const archive = cacheDir === false ? undefined : new ClassDataArchive(cacheDir, install.fingerprint);
  const args = [
    ...FAST_START_FLAGS,
    ...(archive?.flags() ?? []),
    "-Dorg.slf4j.simpleLogger.showDateTime=true",
    "-Dzookeeper.admin.enableServer=false",
    "-cp",
    install.classPath.join(":"),
    "org.apache.zookeeper.server.ZooKeeperServerMain",
    configPath,
  ];
  const log = openSync(logPath, "a");
  let child: ChildProcess;
  try {
    child = spawn(install.java, args, { cwd: dir, stdio: ["ignore", log, log], detached: options.detached });
  } finally {
    closeSync(log);
  }
  const server = new ChildZooKeeper(child, { host, port, dir, dataDir, logPath }, archive, options.detached);
  await server.spawned();
  try {
    await server.waitUntilServing(options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}
