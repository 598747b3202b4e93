import http from "node:http";
import { masterOrigin } from "../mesos/master-address.js";
import type { DnsFramework, DnsState, DnsTask } from "./dns-state.js";
import { discoveryOf, networkIpsOf } from "./operator-source.js";

interface LegacyStatus {
  state?: string;
  timestamp?: number;
  labels?: Array<{ key?: string; value?: string }>;
  container_status?: {
    network_infos?: Array<{ ip_addresses?: Array<{ ip_address?: string }>; ip_address?: string }>;
  };
}

interface LegacyTask {
  id?: string;
  name?: string;
  slave_id?: string;
  state?: string;
  statuses?: LegacyStatus[];
  resources?: { ports?: string };
  discovery?: unknown;
}

interface LegacyState {
  leader?: string;
  hostname?: string;
  frameworks?: Array<{ name?: string; pid?: string; hostname?: string; tasks?: LegacyTask[] }>;
  slaves?: Array<{ id?: string; hostname?: string; pid?: string }>;
}

/** `[31000-31001, 31005-31005]` → every port, as Mesos-DNS reads `resources.ports`. */
export function portsFromText(text: string | undefined): number[] {
  const inner = /\[(.*)\]/.exec(text ?? "")?.[1];
  if (!inner) return [];
  const ports: number[] = [];
  for (const part of inner.split(",")) {
    const match = /^\s*(\d+)-(\d+)\s*$/.exec(part);
    if (!match) continue;
    for (let p = Number(match[1]); p <= Number(match[2]) && ports.length < 65536; p++) ports.push(p);
  }
  return ports;
}

const taskOf = (t: LegacyTask): DnsTask => ({
  id: t.id ?? "",
  name: t.name ?? "",
  agentId: t.slave_id ?? "",
  state: t.state ?? "",
  statuses: (t.statuses ?? []).map((s) => ({
    state: s.state ?? "",
    timestamp: s.timestamp ?? 0,
    labels: (s.labels ?? []).map((l) => ({ key: l.key ?? "", value: l.value ?? "" })),
    networkIps: networkIpsOf(s.container_status?.network_infos),
  })),
  ports: portsFromText(t.resources?.ports),
  discovery: discoveryOf(t.discovery),
});

/** The DNS input from a `/master/state` document. */
export function stateFromLegacy(json: LegacyState): DnsState {
  return {
    leader: json.leader ?? "",
    ...(json.hostname ? { leaderHostname: json.hostname } : {}),
    agents: (json.slaves ?? []).map((s) => ({
      id: s.id ?? "",
      hostname: s.hostname ?? "",
      pid: s.pid ?? "",
    })),
    frameworks: (json.frameworks ?? []).map((f): DnsFramework => ({
      name: f.name ?? "",
      pid: f.pid || undefined,
      hostname: f.hostname,
      tasks: (f.tasks ?? []).map(taskOf),
    })),
  };
}

/** GETs `<master>/master/state` and reads it. */
export function fetchMasterState(master: string, timeoutMs: number): Promise<DnsState> {
  const url = new URL("/master/state", masterOrigin(master));
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Accept: "application/json" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        if (response.statusCode !== 200)
          return reject(new Error(`${url.href} answered ${response.statusCode}`));
        try {
          resolve(stateFromLegacy(JSON.parse(Buffer.concat(chunks).toString("utf8")) as LegacyState));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`No answer from ${url.host} in ${timeoutMs} ms`)),
    );
    request.on("error", reject);
  });
}
