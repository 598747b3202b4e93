import type { FrameworkInfo } from "../../mesos/framework.js";
import type { ID } from "../../mesos/ids.js";

export interface ChronosFrameworkSettings {
  name: string;
  user: string;
  role: string;
  hostname: string;
  webuiUrl: string;
  failoverTimeoutSeconds: number;
  checkpoint: boolean;
  principal?: string;
}

/** The FrameworkInfo Chronos registers with: its name, user, role and a week of failover by default. */
export function chronosFrameworkInfo(s: ChronosFrameworkSettings, id?: ID): FrameworkInfo {
  return {
    user: s.user,
    name: s.name,
    ...(id ? { id } : {}),
    failover_timeout: s.failoverTimeoutSeconds,
    checkpoint: s.checkpoint,
    role: s.role,
    hostname: s.hostname,
    webui_url: s.webuiUrl,
    ...(s.principal ? { principal: s.principal } : {}),
  };
}
