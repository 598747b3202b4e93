import type { FastifyInstance } from "fastify";
import { sendLegacyJson } from "../../common/http-server.js";
import { scalarOf } from "../../mesos/resources.js";
import { executorResources, type AgentBook } from "../book.js";

const MB = 1024 * 1024;

/** One `/monitor/statistics` entry per running executor, with its container's real usage. */
export function monitorStatistics(book: AgentBook): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const executor of book.allExecutors()) {
    if (executor.state === "TERMINATED") continue;
    const usage = executor.runtime?.usage();
    if (!usage) continue;
    const resources = executorResources(executor);
    out.push({
      framework_id: executor.info.framework_id.value,
      executor_id: executor.info.executor_id.value,
      executor_name: executor.info.name ?? "",
      source: executor.info.source ?? "",
      statistics: {
        timestamp: Date.now() / 1000,
        processes: usage.processes,
        threads: usage.threads,
        cpus_user_time_secs: usage.cpusUserTimeSecs,
        cpus_system_time_secs: usage.cpusSystemTimeSecs,
        cpus_limit: scalarOf(resources, "cpus"),
        mem_rss_bytes: usage.memRssBytes,
        mem_total_bytes: usage.memRssBytes,
        mem_limit_bytes: Math.round(scalarOf(resources, "mem") * MB),
      },
    });
  }
  return out;
}

export function registerMonitorRoutes(app: FastifyInstance, book: AgentBook): void {
  for (const url of ["/monitor/statistics", "/monitor/statistics.json"])
    app.get(url, (request, reply) => sendLegacyJson(request, reply, monitorStatistics(book)));
}
