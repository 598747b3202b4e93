import type { ContainerUsage } from "../containerizer.js";

/** The fields of an Engine API stats sample this agent reads (cgroup v1 and v2). */
export interface EngineStats {
  pids_stats?: { current?: number };
  cpu_stats?: { cpu_usage?: { usage_in_usermode?: number; usage_in_kernelmode?: number } };
  memory_stats?: { usage?: number; stats?: Record<string, number> };
}

/** `/monitor/statistics` figures from an engine sample: nanosecond CPU counters, cgroup memory. */
export function usageFromStats(sample: EngineStats): ContainerUsage {
  const cpu = sample.cpu_stats?.cpu_usage;
  const memory = sample.memory_stats;
  const pids = sample.pids_stats?.current ?? 0;
  return {
    processes: pids,
    threads: pids,
    cpusUserTimeSecs: (cpu?.usage_in_usermode ?? 0) / 1e9,
    cpusSystemTimeSecs: (cpu?.usage_in_kernelmode ?? 0) / 1e9,
    memRssBytes: memory?.stats?.rss ?? memory?.stats?.anon ?? memory?.usage ?? 0,
  };
}

/** Splits a stream of newline-separated JSON samples, keeping the latest one. */
export function followStats(stream: NodeJS.ReadableStream, onSample: (sample: EngineStats) => void): void {
  let buffered = "";
  stream.on("data", (chunk: Buffer | string) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        onSample(JSON.parse(line) as EngineStats);
      } catch {
        // A sample cut in a way JSON cannot read: the next one will do.
      }
    }
  });
  stream.on("error", () => undefined);
}
