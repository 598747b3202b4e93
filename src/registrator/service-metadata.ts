import type { TaskPort } from "./task-ports.js";

/**
 * registrator's metadata: `SERVICE_<KEY>` for every port and `SERVICE_<port>_<KEY>` for one port, read
 * from the environment and then the labels (labels win), keys lower-cased. `<port>` is the exposed port;
 * here the port's discovery name (upper-cased) is accepted too, since task host ports are dynamic.
 */
export function portMetadata(
  sources: ReadonlyArray<Record<string, string>>,
  port: TaskPort,
  allPorts: readonly TaskPort[],
): { values: Record<string, string>; portSpecific: Set<string> } {
  const values: Record<string, string> = {};
  const portSpecific = new Set<string>();
  const portKeys = keysOf(port);
  const otherKeys = allPorts.filter((p) => p !== port).flatMap(keysOf);
  for (const source of sources) {
    for (const [rawKey, value] of Object.entries(source)) {
      const key = rawKey.toUpperCase();
      if (!key.startsWith("SERVICE_")) continue;
      const rest = key.slice("SERVICE_".length);
      const forPort = portKeys.find((p) => rest.startsWith(`${p}_`));
      if (forPort) {
        const name = rest.slice(forPort.length + 1).toLowerCase();
        values[name] = value;
        portSpecific.add(name);
      } else if (
        !/^\d+_/.test(rest) &&
        !otherKeys.some((p) => rest.startsWith(`${p}_`)) &&
        !portSpecific.has(rest.toLowerCase())
      ) {
        values[rest.toLowerCase()] = value;
      }
    }
  }
  return { values, portSpecific };
}

const keysOf = (port: TaskPort): string[] => [
  String(port.exposedPort),
  ...(port.name ? [port.name.toUpperCase().replace(/[^A-Z0-9_]/g, "_")] : []),
];

/** Whether a task is ignored as a whole (`SERVICE_IGNORE` with any value). */
export const ignoresAll = (sources: ReadonlyArray<Record<string, string>>): boolean =>
  sources.some((s) => Object.keys(s).some((k) => k.toUpperCase() === "SERVICE_IGNORE"));
