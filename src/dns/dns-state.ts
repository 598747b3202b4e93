/**
 * What Mesos-DNS reads from the master, whichever way it arrived (the operator API's SUBSCRIBE stream or
 * a `/master/state` poll): the leader, the agents, the active frameworks and their tasks.
 */
export interface DnsState {
  /** The leading master's PID, `master@10.0.0.1:5050`. */
  leader: string;
  /** The leader's host name: its address when its PID names no routable one (`master@0.0.0.0:5050`). */
  leaderHostname?: string;
  agents: DnsAgent[];
  frameworks: DnsFramework[];
}

export interface DnsAgent {
  id: string;
  hostname: string;
  /** `slave(1)@10.0.0.2:5051`: its host gives the agent's IP, its port the `_slave._tcp` port. */
  pid: string;
}

export interface DnsFramework {
  name: string;
  /** The libprocess PID of a driver-based scheduler; HTTP API frameworks have none. */
  pid?: string;
  hostname?: string;
  tasks: DnsTask[];
}

export interface DnsTaskStatus {
  state: string;
  /** Seconds since the epoch. */
  timestamp: number;
  labels: Array<{ key: string; value: string }>;
  /** `container_status.network_infos[].ip_addresses[].ip_address` (or the old `ip_address`). */
  networkIps: string[];
}

export interface DnsDiscoveryPort {
  number: number;
  name?: string;
  protocol?: string;
}

export interface DnsTask {
  id: string;
  name: string;
  agentId: string;
  state: string;
  statuses: DnsTaskStatus[];
  /** Every host port of the task's `ports` resource. */
  ports: number[];
  /** DiscoveryInfo, when the task has one with a name (Marathon always sets it). */
  discovery?: { name: string; ports: DnsDiscoveryPort[] };
}
