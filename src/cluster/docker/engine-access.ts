import { posix } from "node:path";

export const DEFAULT_ENGINE_SOCKET = "/var/run/docker.sock";

/** What a container needs to talk to the host's engine: bind mounts and environment variables. */
export interface EngineAccess {
  binds: string[];
  env: string[];
}

/**
 * How an agent container reaches the host's engine, found as the docker CLI finds it: a `unix://` socket
 * (DOCKER_HOST, else /var/run/docker.sock) is bind-mounted at the same path; for `tcp://` the variables are
 * passed on, with the certificate directory mounted read-only. Task containers are then siblings of the
 * agent container on the host's engine.
 */
export function engineAccess(environment: NodeJS.ProcessEnv = process.env): EngineAccess {
  const host = environment.DOCKER_HOST?.trim() ?? "";
  if (host === "" || host.startsWith("unix://")) {
    const socket = host === "" ? DEFAULT_ENGINE_SOCKET : posix.normalize(host.slice("unix://".length));
    return { binds: [`${socket}:${socket}`], env: host === "" ? [] : [`DOCKER_HOST=unix://${socket}`] };
  }
  const env = [`DOCKER_HOST=${host}`];
  const binds: string[] = [];
  if (environment.DOCKER_TLS_VERIFY) env.push(`DOCKER_TLS_VERIFY=${environment.DOCKER_TLS_VERIFY}`);
  const certs = environment.DOCKER_CERT_PATH;
  if (certs) {
    env.push(`DOCKER_CERT_PATH=${certs}`);
    binds.push(`${certs}:${certs}:ro`);
  }
  return { binds, env };
}
