import type { FastifyInstance } from "fastify";
import type { AgentInfo } from "../../mesos/agent-info.js";
import type { TaskStatus } from "../../mesos/task.js";
import type { AgentBook, ExecutorRecord } from "../book.js";
import { registerExecutorApi } from "../executor-api/routes.js";
import { agentMetricsSnapshot, type AgentCounters } from "../metrics.js";
import type { StatusUpdateManager } from "../status-update-manager.js";
import type { FilesRegistry } from "./files-registry.js";
import { registerFilesRoutes } from "./files-routes.js";
import { registerMiscRoutes } from "./misc-routes.js";
import { registerMonitorRoutes } from "./monitor.js";
import { registerOperatorApi } from "./operator-api.js";
import { agentStateJson, type AgentIdentity } from "./state-json.js";

export interface AgentEndpointDeps {
  book: AgentBook;
  files: FilesRegistry;
  counters: AgentCounters;
  statusUpdates: StatusUpdateManager;
  identity: AgentIdentity;
  registered: () => boolean;
  agentInfo: () => AgentInfo;
  deliver: (executor: ExecutorRecord, status: TaskStatus) => void;
  forwardMessage: (executor: ExecutorRecord, data: string) => void;
}

/** Every HTTP endpoint of the agent. */
export function registerAgentEndpoints(app: FastifyInstance, deps: AgentEndpointDeps): void {
  const { book, identity } = deps;
  const metrics = () =>
    agentMetricsSnapshot({
      book,
      counters: deps.counters,
      total: identity.resources,
      registered: deps.registered,
      startTime: identity.startTime,
    });
  registerMiscRoutes(app, { state: () => agentStateJson(identity, book), flags: identity.flags, metrics });
  registerFilesRoutes(app, deps.files);
  registerMonitorRoutes(app, book);
  registerExecutorApi(app, { book, deliver: deps.deliver, forwardMessage: deps.forwardMessage });
  registerOperatorApi(app, {
    book,
    statusUpdates: deps.statusUpdates,
    agentId: identity.id,
    agentInfo: deps.agentInfo,
    flags: identity.flags,
    metrics,
  });
}
