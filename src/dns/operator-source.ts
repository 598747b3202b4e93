import type { MasterInfo } from "../mesos/master-info.js";
import type { OperatorMirror } from "../mesos/operator-mirror.js";
import type { Task, TaskStatus } from "../mesos/task.js";
import type { DnsDiscoveryPort, DnsFramework, DnsState, DnsTask, DnsTaskStatus } from "./dns-state.js";

type NetworkInfoJson = { ip_addresses?: Array<{ ip_address?: string }>; ip_address?: string };

/** `network_infos[].ip_addresses[].ip_address`, or the older single `ip_address` of a network info. */
export const networkIpsOf = (infos: readonly NetworkInfoJson[] | undefined): string[] =>
  (infos ?? []).flatMap((n) => {
    const listed = (n.ip_addresses ?? []).map((a) => a.ip_address ?? "");
    return listed.length > 0 ? listed : n.ip_address ? [n.ip_address] : [];
  });

const statusOf = (s: TaskStatus): DnsTaskStatus => ({
  state: s.state,
  timestamp: s.timestamp ?? 0,
  labels: (s.labels?.labels ?? []).map((l) => ({ key: l.key, value: l.value ?? "" })),
  networkIps: networkIpsOf(s.container_status?.network_infos),
});

/** Every port of the task's `ports` resources. */
const portsOf = (task: Task): number[] =>
  task.resources
    .filter((r) => r.name === "ports")
    .flatMap((r) => r.ranges?.range ?? [])
    .flatMap((range) => {
      const ports: number[] = [];
      for (let p = range.begin; p <= range.end && ports.length < 65536; p++) ports.push(p);
      return ports;
    });

interface DiscoveryJson {
  name?: string;
  ports?: { ports?: Array<{ number?: number; name?: string; protocol?: string }> };
}

export function discoveryOf(discovery: unknown): DnsTask["discovery"] {
  const d = discovery as DiscoveryJson | undefined;
  if (!d?.name) return undefined;
  const ports: DnsDiscoveryPort[] = (d.ports?.ports ?? [])
    .filter((p) => typeof p.number === "number")
    .map((p) => ({ number: p.number as number, name: p.name, protocol: p.protocol }));
  return { name: d.name, ports };
}

export const dnsTaskOf = (task: Task): DnsTask => ({
  id: task.task_id.value,
  name: task.name,
  agentId: task.agent_id.value,
  state: task.state,
  statuses: task.statuses.map(statusOf),
  ports: portsOf(task),
  discovery: discoveryOf(task.discovery),
});

/** The DNS input from the operator API's view: the mirror of the stream and the leader's MasterInfo. */
export function stateFromOperator(mirror: OperatorMirror, master: MasterInfo | undefined): DnsState {
  const frameworks = new Map<string, DnsFramework>();
  for (const [id, f] of mirror.frameworks)
    frameworks.set(id, { name: f.framework_info.name, hostname: f.framework_info.hostname, tasks: [] });
  for (const task of mirror.tasks) frameworks.get(task.framework_id.value)?.tasks.push(dnsTaskOf(task));
  return {
    leader: master?.pid ?? "",
    ...(master?.hostname ? { leaderHostname: master.hostname } : {}),
    agents: [...mirror.agents.values()].map((a) => ({
      id: a.agent_info.id?.value ?? "",
      hostname: a.agent_info.hostname,
      pid: a.pid ?? "",
    })),
    frameworks: [...frameworks.values()],
  };
}
