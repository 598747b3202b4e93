import type { FrameworkInfo } from "../../mesos/framework.js";
import type { ID } from "../../mesos/ids.js";

/** Marathon registers for a week of failover, so tasks survive a Marathon restart. */
export const FAILOVER_TIMEOUT_SECONDS = 604_800;

export interface FrameworkSettings {
  name: string;
  user: string;
  role: string;
  hostname: string;
  webuiUrl: string;
  principal?: string;
}

export function marathonFrameworkInfo(settings: FrameworkSettings, id?: ID): FrameworkInfo {
  return {
    user: settings.user,
    name: settings.name,
    ...(id ? { id } : {}),
    failover_timeout: FAILOVER_TIMEOUT_SECONDS,
    checkpoint: true,
    role: settings.role,
    hostname: settings.hostname,
    webui_url: settings.webuiUrl,
    ...(settings.principal ? { principal: settings.principal } : {}),
    capabilities: [{ type: "PARTITION_AWARE" }, { type: "TASK_KILLING_STATE" }],
  };
}
