import type { FastifyInstance } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import { MARATHON_VERSION, type MarathonSettings } from "../marathon-settings.js";
import { FAILOVER_TIMEOUT_SECONDS } from "../framework/framework-info.js";
import { sendJson, sendMessage } from "./replies.js";

export interface LeaderState {
  /** The framework id once the master subscribed us. */
  frameworkId(): string | undefined;
  /** `host:port` of this Marathon, the leader of its one-node "cluster". */
  leader: string;
  startedAt: number;
}

function info(settings: MarathonSettings, leader: LeaderState) {
  return {
    name: "marathon",
    version: MARATHON_VERSION,
    buildref: "minimesos",
    elected: true,
    leader: leader.leader,
    frameworkId: leader.frameworkId() ?? null,
    marathon_config: {
      master: settings.master,
      hostname: settings.hostname,
      framework_name: settings.frameworkName,
      local_port_min: settings.localPortMin,
      local_port_max: settings.localPortMax,
      mesos_role: settings.mesosRole,
      mesos_user: settings.mesosUser,
      executor: "//cmd",
      failover_timeout: FAILOVER_TIMEOUT_SECONDS,
      features: [],
      ha: false,
      checkpoint: true,
      task_launch_timeout: 300_000,
      reconciliation_initial_delay: 15_000,
      reconciliation_interval: 600_000,
      env_vars_prefix: null,
      mesos_leader_ui_url: settings.master,
      webui_url: null,
    },
    zookeeper_config: { zk: null, zk_timeout: 10_000, zk_session_timeout: 10_000, zk_max_versions: 50 },
    http_config: { http_port: settings.httpPort, https_port: 8443 },
  };
}

/** /v2/info, /v2/leader, /ping, /metrics, /v2/plugins. */
export function registerInfoRoutes(
  http: FastifyInstance,
  core: MarathonCore,
  settings: MarathonSettings,
  leader: LeaderState,
): void {
  http.get("/v2/info", (_request, reply) => sendJson(reply, 200, info(settings, leader)));
  http.get("/v2/leader", (_request, reply) => sendJson(reply, 200, { leader: leader.leader }));
  http.delete("/v2/leader", (_request, reply) => sendMessage(reply, 200, "Leadership abdicated"));
  http.get("/v2/plugins", (_request, reply) => sendJson(reply, 200, { plugins: [] }));
  http.get("/ping", (request, reply) => {
    const accept = request.headers.accept ?? "";
    const jsonOnly =
      accept.includes("application/json") && !accept.includes("text/plain") && !accept.includes("*/*");
    return jsonOnly ? sendJson(reply, 200, "pong") : reply.code(200).type("text/plain").send("pong");
  });
  http.get("/metrics", (_request, reply) => {
    const gauge = (value: number) => ({ value });
    const tasks = core.tasks.all();
    return sendJson(reply, 200, {
      version: "4.0.0",
      gauges: {
        "marathon.apps.active.gauge": gauge(core.apps.all().length),
        "marathon.deployments.active.gauge": gauge(core.deployments.list().length),
        "marathon.instances.running.gauge": gauge(tasks.filter((t) => t.state === "TASK_RUNNING").length),
        "marathon.instances.staged.gauge": gauge(tasks.filter((t) => t.state === "TASK_STAGING").length),
        "marathon.uptime.gauge": gauge(Date.now() - leader.startedAt),
      },
      counters: {},
      histograms: {},
      meters: {},
      timers: {},
    });
  });
}
