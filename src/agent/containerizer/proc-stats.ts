import { readdirSync, readFileSync } from "node:fs";
import type { ContainerUsage } from "./containerizer.js";

const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_SIZE = 4096;

interface ProcStat {
  state: string;
  pgrp: number;
  utimeTicks: number;
  stimeTicks: number;
  threads: number;
  rssPages: number;
  /** Clock ticks after boot at which the process started: with the pid, it names one process for good. */
  startTicks: number;
}

/** Fields of /proc/<pid>/stat after the command name (which may itself hold spaces and parentheses). */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(")");
  if (close < 0) return undefined;
  const f = text.slice(close + 2).split(" ");
  // f[0] is field 3 (state) of proc(5); field N sits at f[N - 3].
  const num = (field: number) => Number(f[field - 3]);
  return {
    state: f[0] ?? "",
    pgrp: num(5),
    utimeTicks: num(14),
    stimeTicks: num(15),
    threads: num(20),
    rssPages: num(24),
    startTicks: num(22),
  };
}

/** Sums CPU time, RSS and threads over every live process in a process group. */
export function processGroupUsage(pgid: number): ContainerUsage | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  return sumUsage(
    entries.filter((entry) => /^\d+$/.test(entry)),
    (stat) => stat.pgrp === pgid,
  );
}

/** Sums CPU time, RSS and threads over the given processes (a container's cgroup members). */
export function processesUsage(pids: readonly number[]): ContainerUsage | undefined {
  return sumUsage(pids.map(String), () => true);
}

function sumUsage(pids: readonly string[], include: (stat: ProcStat) => boolean): ContainerUsage | undefined {
  const usage: ContainerUsage = {
    processes: 0,
    threads: 0,
    cpusUserTimeSecs: 0,
    cpusSystemTimeSecs: 0,
    memRssBytes: 0,
  };
  for (const entry of pids) {
    let stat: ProcStat | undefined;
    try {
      stat = parseProcStat(readFileSync(`/proc/${entry}/stat`, "utf8"));
    } catch {
      continue;
    }
    // Zombies have ended; they only wait for a parent (often an init that never reaps) to collect them.
    if (!stat || !include(stat) || stat.state === "Z") continue;
    usage.processes += 1;
    usage.threads += stat.threads;
    usage.cpusUserTimeSecs += stat.utimeTicks / CLOCK_TICKS_PER_SECOND;
    usage.cpusSystemTimeSecs += stat.stimeTicks / CLOCK_TICKS_PER_SECOND;
    usage.memRssBytes += rssBytes(entry) ?? stat.rssPages * PAGE_SIZE;
  }
  usage.cpusUserTimeSecs = round(usage.cpusUserTimeSecs);
  usage.cpusSystemTimeSecs = round(usage.cpusSystemTimeSecs);
  return usage.processes === 0 ? undefined : usage;
}

/** VmRSS from /proc/<pid>/status, in bytes. */
function rssBytes(pid: string): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
