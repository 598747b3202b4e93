import type Docker from "dockerode";
import { dockerClient, engineAvailable, isNotFound } from "../../docker/client.js";

/** The Docker Engine client (the shared one in src/docker: it honours DOCKER_HOST and the TLS variables). */
export type DockerEngine = Docker;

export const dockerEngine = (): DockerEngine => dockerClient();

/** True when an engine answers a ping within `timeoutMs`. */
export const engineAnswers = (engine: DockerEngine = dockerEngine(), timeoutMs = 2000): Promise<boolean> =>
  engineAvailable(timeoutMs, engine);

export { isNotFound };
