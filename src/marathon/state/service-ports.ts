import type { AppDefinition } from "../model/app-definition.js";
import { servicePortsOf } from "../model/app-definition.js";

export interface ServicePortRange {
  min: number;
  max: number;
}

/**
 * Replaces every service port given as 0 with a free one from the range, unique over all other apps.
 * Returns undefined when the range is exhausted.
 */
export function assignServicePorts(
  app: AppDefinition,
  others: readonly AppDefinition[],
  range: ServicePortRange,
): AppDefinition | undefined {
  const used = new Set(others.filter((o) => o.id !== app.id).flatMap(servicePortsOf));
  for (const port of servicePortsOf(app)) used.add(port);
  let next = range.min;
  const take = (): number | undefined => {
    while (next <= range.max && used.has(next)) next++;
    if (next > range.max) return undefined;
    used.add(next);
    return next;
  };
  let exhausted = false;
  const pick = (port: number): number => {
    if (port !== 0) return port;
    const taken = take();
    if (taken === undefined) exhausted = true;
    return taken ?? 0;
  };
  const portDefinitions = app.portDefinitions.map((p) => ({ ...p, port: pick(p.port) }));
  const container = app.container?.portMappings
    ? {
        ...app.container,
        portMappings: app.container.portMappings.map((m) => ({ ...m, servicePort: pick(m.servicePort) })),
      }
    : app.container;
  if (exhausted) return undefined;
  return { ...app, portDefinitions, ...(container ? { container } : {}) };
}
