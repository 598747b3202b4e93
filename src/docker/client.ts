import { createRequire } from "node:module";
import type Docker from "dockerode";

// dockerode (and its dependencies) load on the first client, not with this module: the agent and the CLI
// import this module on every start, and most runs never talk to an engine.
const require = createRequire(import.meta.url);
let shared: Docker | undefined;

/**
 * The process-wide Docker Engine client. Like the docker CLI it honours DOCKER_HOST (unix:// or tcp://),
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, and defaults to /var/run/docker.sock.
 */
export function dockerClient(): Docker {
  shared ??= new (require("dockerode") as typeof Docker)();
  return shared;
}

/** Where the client connects, for messages: DOCKER_HOST or the default socket. */
export function engineAddress(): string {
  return process.env.DOCKER_HOST || "unix:///var/run/docker.sock";
}

/** True when a Docker engine answers a ping within `timeoutMs`. Never throws. */
export async function engineAvailable(timeoutMs = 2000, docker: Docker = dockerClient()): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([docker.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The engine's 404 ("no such container/image") as thrown by dockerode. */
export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 404;
}
