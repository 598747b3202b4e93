import { MESOS_VERSION } from "../../mesos/version.js";

/** Properties of the Docker-image era: accepted, ignored, and reported once each. */
const RETIRED = {
  imageName: "roles run from this package, not from Docker images",
  imageTag: "roles run from this package, not from Docker images",
  mesosVersion: `the cluster implements the Mesos ${MESOS_VERSION} API`,
  exposePorts: "ports are always served on 127.0.0.1; set mapPortsToHost = true to serve on all interfaces",
  networkMode: "roles run as local processes on their own ports; there is no container network mode",
  cmd: "the built-in Marathon-compatible scheduler has no start command",
} as const;

export type RetiredProperty = keyof typeof RETIRED;

export const isRetiredProperty = (name: string): name is RetiredProperty => Object.hasOwn(RETIRED, name);

export function retiredNotice(source: string, name: RetiredProperty, lines: readonly number[]): string {
  const [first, ...rest] = lines;
  const also = rest.length > 0 ? ` (also on line${rest.length > 1 ? "s" : ""} ${rest.join(", ")})` : "";
  return `${source}:${first}: '${name}' no longer applies and is ignored${also}: ${RETIRED[name]}`;
}
