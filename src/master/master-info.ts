import { packIPv4, type MasterInfo } from "../mesos/master-info.js";
import { MESOS_VERSION } from "../mesos/version.js";

export function buildMasterInfo(id: string, ip: string, port: number, hostname: string): MasterInfo {
  return {
    id,
    ip: packIPv4(ip),
    port,
    pid: `master@${ip}:${port}`,
    hostname,
    version: MESOS_VERSION,
    address: { hostname, ip, port },
    capabilities: [{ type: "AGENT_UPDATE" }, { type: "AGENT_DRAINING" }, { type: "QUOTA_V2" }],
  };
}
