import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import type { DnsFramework, DnsState, DnsTask } from "./dns-state.js";
import { agentIdTail, domainFragment, labelSpec, type LabelSpec } from "./labels.js";
import { parsePid, splitHostPort } from "./pid.js";
import { RecordSet, type EnumerableRecord, type EnumerableTask, type RecordKind } from "./record-set.js";
import { taskIps } from "./task-ips.js";
import { taskHash } from "./zbase32.js";

export interface GeneratorSettings {
  /** Lower case, no trailing dot (`mesos`). */
  domain: string;
  /** Mesos-DNS's own name (`ns1.mesos.`), given A records from `listener`. */
  soaMname: string;
  listener: string;
  /** Configured masters, `host:port`. */
  masters: readonly string[];
  ipSources: readonly string[];
  enforceRFC952: boolean;
  /** IPs of a host name that is not an IP literal; [] when unknown. */
  hostIps?: (host: string) => string[];
  /** The local interfaces' IPs, for `listener` 0.0.0.0 (default: this machine's non-loopback addresses). */
  localIps?: () => string[];
  /** The previous generation's `taskCache`: the records of tasks that did not change are reused. */
  taskCache?: ReadonlyMap<string, EnumerableRecord[]>;
}

const ipsOf = (host: string, settings: GeneratorSettings): string[] =>
  isIP(host) !== 0 ? [host] : (settings.hostIps?.(host) ?? []);

const localNonLoopbackIps = (): string[] =>
  Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal)
    .map((i) => i.address);

/** Every record Mesos-DNS generates from one master state (records/generator.go, rewritten). */
export function generateRecords(state: DnsState, settings: GeneratorSettings): RecordSet {
  const rs = new RecordSet();
  const spec = labelSpec(settings.enforceRFC952);
  const tail = `.${settings.domain}.`;
  frameworkRecords(rs, state, settings, spec, tail);
  const agentIps = agentRecords(rs, state, settings, spec, tail);
  listenerRecords(rs, settings);
  masterRecords(rs, state, settings, tail);
  for (const framework of state.frameworks) {
    const enumerated = { name: framework.name, tasks: [] as EnumerableTask[] };
    rs.frameworks.push(enumerated);
    for (const task of framework.tasks) {
      const ips = agentIps.get(task.agentId);
      if (!ips || task.state !== "TASK_RUNNING") continue;
      const entry: EnumerableTask = { name: task.name, id: task.id, records: [] };
      enumerated.tasks.push(entry);
      taskRecords(rs, task, framework, ips, settings, spec, tail, entry);
    }
  }
  return rs;
}

function frameworkRecords(
  rs: RecordSet,
  state: DnsState,
  settings: GeneratorSettings,
  spec: LabelSpec,
  tail: string,
): void {
  for (const framework of state.frameworks) {
    const pid = parsePid(framework.pid);
    const host = pid ? pid.host : (framework.hostname ?? "");
    const ips = host === "" ? [] : ipsOf(host, settings);
    if (ips.length === 0) continue;
    const name = `${domainFragment(framework.name, spec)}${tail}`;
    for (const ip of ips) rs.insertIp(name, ip);
    if (pid) rs.insert(`_framework._tcp.${name}`, `${name}:${pid.port}`, "SRV");
  }
}

/** `slave.D.` and `_slave._tcp.D.`; answers each agent's IPs (or its sanitised host name when it has none). */
function agentRecords(
  rs: RecordSet,
  state: DnsState,
  settings: GeneratorSettings,
  spec: LabelSpec,
  tail: string,
): Map<string, string[]> {
  const byAgent = new Map<string, string[]>();
  const name = `slave${tail}`;
  for (const agent of state.agents) {
    const pid = parsePid(agent.pid);
    const ips = pid ? ipsOf(pid.host, settings) : [];
    for (const ip of ips) rs.insertIp(name, ip);
    if (pid && ips.length > 0) rs.insert(`_slave._tcp${tail}`, `${name}:${pid.port}`, "SRV");
    byAgent.set(agent.id, ips.length > 0 ? ips : [domainFragment(pid?.host ?? agent.hostname, spec)]);
  }
  return byAgent;
}

function listenerRecords(rs: RecordSet, settings: GeneratorSettings): void {
  const ips =
    settings.listener === "0.0.0.0" ? (settings.localIps ?? localNonLoopbackIps)() : [settings.listener];
  for (const ip of ips) if (isIP(ip) !== 0) rs.insertIp(settings.soaMname, ip);
}

/** leader.D., master.D., masterN.D. and the `_leader` SRV records. */
function masterRecords(rs: RecordSet, state: DnsState, settings: GeneratorSettings, tail: string): void {
  const at = state.leader.indexOf("@");
  const leaderAddress = at < 0 ? "" : state.leader.slice(at + 1);
  const pidAddress = splitHostPort(leaderAddress);
  if (!pidAddress || isIP(pidAddress.host) === 0) return;
  // A master bound to every interface (the Docker runtime's) has 0.0.0.0 in its PID: use its host name.
  const unspecified = pidAddress.host === "0.0.0.0" || pidAddress.host === "::";
  const byName = unspecified && state.leaderHostname ? ipsOf(state.leaderHostname, settings)[0] : undefined;
  if (unspecified && byName === undefined) return;
  const address = { host: byName ?? pidAddress.host, port: pidAddress.port };
  const all = `master${tail}`;
  rs.insertIp(`leader${tail}`, address.host);
  rs.insertIp(all, address.host);
  rs.insert(`_leader._tcp${tail}`, `leader${tail}:${address.port}`, "SRV");
  rs.insert(`_leader._udp${tail}`, `leader${tail}:${address.port}`, "SRV");
  let index = 0;
  let leaderNumbered = false;
  for (const master of settings.masters) {
    const host = splitHostPort(master)?.host;
    if (!host || isIP(host) === 0) continue;
    const isLeader = master === leaderAddress;
    if (!isLeader && !rs.insertIp(all, host)) continue;
    if (isLeader && leaderNumbered) continue;
    rs.insertIp(`master${index}${tail}`, host);
    index++;
    if (isLeader) leaderNumbered = true;
  }
  if (!leaderNumbered) rs.insertIp(`master${index}${tail}`, address.host);
}

function taskRecords(
  rs: RecordSet,
  task: DnsTask,
  framework: DnsFramework,
  agentIps: string[],
  settings: GeneratorSettings,
  spec: LabelSpec,
  tail: string,
  entry: EnumerableTask,
): void {
  const ips = taskIps(task, settings.ipSources, agentIps);
  // Everything a task's records depend on: an unchanged task reuses its records (and their strings, whose
  // hashes V8 keeps), so a generation costs little more than the inserts.
  const key = JSON.stringify([
    task.id,
    task.name,
    framework.name,
    agentIps,
    ips,
    task.ports,
    task.discovery ?? 0,
  ]);
  let records = settings.taskCache?.get(key);
  if (!records) {
    const collected: EnumerableRecord[] = [];
    const collect = (name: string, host: string, rtype: RecordKind): void =>
      void collected.push({ name, host, rtype });
    const context: TaskContext = {
      taskName: spec(task.name),
      hash: taskHash(task.id),
      agentTail: agentIdTail(task.agentId),
      taskIps: ips,
      agentIps,
      framework: domainFragment(framework.name, spec),
    };
    if (task.discovery) {
      // Mesos-DNS adds the records for the raw DiscoveryInfo name and again for the sanitised one.
      contextRecords({ ...context, taskName: task.discovery.name }, task, spec, tail, collect);
      contextRecords({ ...context, taskName: spec(task.discovery.name) }, task, spec, tail, collect);
    } else contextRecords(context, task, spec, tail, collect);
    records = collected;
  }
  rs.taskCache.set(key, records);
  for (const record of records)
    if (rs.insert(record.name, record.host, record.rtype)) entry.records.push(record);
}

interface TaskContext {
  taskName: string;
  hash: string;
  agentTail: string;
  taskIps: string[];
  agentIps: string[];
  framework: string;
}

type Insert = (name: string, value: string, kind: RecordKind) => void;

const ipKind = (ip: string): RecordKind => (isIP(ip) === 6 ? "AAAA" : "A");

function contextRecords(c: TaskContext, task: DnsTask, spec: LabelSpec, tail: string, insert: Insert): void {
  const canonical = `${c.taskName}-${c.hash}-${c.agentTail}.${c.framework}`;
  const short = `${c.taskName}.${c.framework}`;
  for (const ip of c.taskIps) {
    insert(short + tail, ip, ipKind(ip));
    insert(canonical + tail, ip, ipKind(ip));
  }
  for (const ip of c.agentIps) {
    // An agent without an IP is known by its sanitised host name, kept as an A value as Mesos-DNS does.
    const kind = isIP(ip) === 6 ? "AAAA" : "A";
    insert(`${short}.slave${tail}`, ip, kind);
    insert(`${canonical}.slave${tail}`, ip, kind);
  }
  const agentTarget = `${canonical}.slave${tail}`;
  for (const port of task.ports) {
    for (const proto of ["_tcp", "_udp"]) {
      insert(`_${c.taskName}.${proto}.${c.framework}.slave${tail}`, `${agentTarget}:${port}`, "SRV");
      if (!task.discovery)
        insert(`_${c.taskName}.${proto}.${c.framework}${tail}`, `${agentTarget}:${port}`, "SRV");
    }
  }
  if (!task.discovery) return;
  for (const port of task.discovery.ports) {
    const target = `${canonical}${tail}:${port.number}`;
    const protocol = spec(port.protocol ?? "");
    const protos = protocol === "" ? ["_tcp", "_udp"] : [`_${protocol}`];
    const portName = spec(port.name ?? "");
    for (const proto of protos) {
      const name = `_${c.taskName}.${proto}.${c.framework}${tail}`;
      insert(name, target, "SRV");
      if (portName !== "") insert(`_${portName}.${name}`, target, "SRV");
    }
  }
}
