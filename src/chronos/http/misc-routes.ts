import type { FastifyInstance } from "fastify";
import type { ChronosCore } from "../core/chronos-core.js";
import { PREFIXES, param, sendJson } from "./replies.js";

const PERCENTILES = new Set([
  "99thPercentile",
  "98thPercentile",
  "95thPercentile",
  "75thPercentile",
  "median",
  "mean",
]);

/** Dropwizard's metrics JSON: queue gauges, success/failure counters and run-time histograms per job. */
function metrics(core: ChronosCore): Record<string, unknown> {
  const counters: Record<string, { count: number }> = {};
  for (const [outcome, counts] of Object.entries(core.outcomes))
    for (const [name, count] of counts) counters[`jobs.run.${outcome}.${name}`] = { count };
  const histograms: Record<string, unknown> = {};
  for (const [name, h] of core.runTimes) histograms[`jobs.run.time.${name}`] = h.view();
  return {
    version: "3.0.0",
    gauges: {
      "org.apache.mesos.chronos.scheduler.jobs.TaskManager.queueSize": { value: core.queue.size },
      "org.apache.mesos.chronos.scheduler.jobs.TaskManager.runningTasks": {
        value: core.running.all().length,
      },
    },
    counters,
    histograms,
    meters: {},
    timers: {},
  };
}

/** Stats per percentile, the leader, /ping and /metrics. */
export function registerMiscRoutes(http: FastifyInstance, core: ChronosCore, leader: () => string): void {
  for (const { prefix } of PREFIXES) {
    http.get(`${prefix}/stats/:percentile`, (request, reply) => {
      const percentile = param(request, "percentile");
      if (!PERCENTILES.has(percentile)) return sendJson(reply, 200, []);
      const rows = core.graph
        .all()
        .map((j) => ({
          jobNameLabel: j.name,
          time: (core.runTimesOf(j.name).view()[percentile] ?? 0) / 1000,
        }))
        .sort((a, b) => b.time - a.time);
      return sendJson(reply, 200, rows);
    });
    http.get(`${prefix}/leader`, (_request, reply) => sendJson(reply, 200, { leader: leader() }));
  }
  http.get("/leader", (_request, reply) => sendJson(reply, 200, { leader: leader() }));
  http.get("/ping", (_request, reply) => reply.type("text/plain").send("pong"));
  http.get("/metrics", (_request, reply) => sendJson(reply, 200, metrics(core)));
}
