import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { acceptsJson, bodyText, contentTypeProblem, sendText } from "../../common/http-server.js";
import type { AgentInfo } from "../../mesos/agent-info.js";
import { isTerminalState } from "../../mesos/task-state.js";
import type { Task } from "../../mesos/task.js";
import type { AgentBook } from "../book.js";
import { v1Task } from "../registration.js";
import type { StatusUpdateManager } from "../status-update-manager.js";
import { BUILD_INFO } from "./build-info.js";
import { parseCallEnvelope } from "../../mesos/call-envelope.js";
import { refuseNonPost } from "./refuse-non-post.js";

export interface OperatorApiDeps {
  book: AgentBook;
  statusUpdates: StatusUpdateManager;
  agentId: () => string | undefined;
  agentInfo: () => AgentInfo;
  flags: Record<string, string>;
  metrics: () => Record<string, number>;
}

/** The agent's operator API v1 (`POST /api/v1` and `/slave(1)/api/v1`), the read-only calls. */
export function registerOperatorApi(app: FastifyInstance, deps: OperatorApiDeps): void {
  for (const url of ["/api/v1", "/slave(1)/api/v1"]) {
    app.post(url, (request, reply) => handle(deps, request, reply));
    refuseNonPost(app, url);
  }
}

/** agent.proto's Call.Type names: the known ones that this agent does not serve get a 501. */
const AGENT_CALL_TYPES = new Set(
  (
    "GET_HEALTH GET_FLAGS GET_VERSION GET_METRICS GET_LOGGING_LEVEL SET_LOGGING_LEVEL LIST_FILES READ_FILE " +
    "GET_STATE GET_CONTAINERS GET_FRAMEWORKS GET_EXECUTORS GET_OPERATIONS GET_TASKS GET_AGENT " +
    "GET_RESOURCE_PROVIDERS LAUNCH_NESTED_CONTAINER WAIT_NESTED_CONTAINER KILL_NESTED_CONTAINER " +
    "REMOVE_NESTED_CONTAINER LAUNCH_NESTED_CONTAINER_SESSION ATTACH_CONTAINER_INPUT ATTACH_CONTAINER_OUTPUT " +
    "LAUNCH_CONTAINER WAIT_CONTAINER KILL_CONTAINER REMOVE_CONTAINER ADD_RESOURCE_PROVIDER_CONFIG " +
    "UPDATE_RESOURCE_PROVIDER_CONFIG REMOVE_RESOURCE_PROVIDER_CONFIG MARK_RESOURCE_PROVIDER_GONE PRUNE_IMAGES"
  ).split(" "),
);

function handle(deps: OperatorApiDeps, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = contentTypeProblem(request);
  if (problem) return sendText(reply, problem.status, problem.message);
  if (!acceptsJson(request)) return sendText(reply, 406, "Expecting 'Accept' to allow 'application/json'");
  const parsed = parseCallEnvelope(bodyText(request), (type) => AGENT_CALL_TYPES.has(type), "agent::Call");
  if ("error" in parsed) return sendText(reply, 400, parsed.error);
  const { call } = parsed;
  const body = answer(deps, call.type);
  if (body === undefined) return sendText(reply, 501, `Unsupported call type ${call.type}`);
  return reply.type("application/json").send(JSON.stringify({ type: call.type, ...body }));
}

function answer(deps: OperatorApiDeps, type: string): Record<string, unknown> | undefined {
  switch (type) {
    case "GET_HEALTH":
      return { get_health: { healthy: true } };
    case "GET_FLAGS":
      return { get_flags: { flags: Object.entries(deps.flags).map(([name, value]) => ({ name, value })) } };
    case "GET_VERSION":
      return { get_version: { version_info: BUILD_INFO } };
    case "GET_METRICS":
      return {
        get_metrics: { metrics: Object.entries(deps.metrics()).map(([name, value]) => ({ name, value })) },
      };
    case "GET_AGENT":
      return { get_agent: { agent_info: deps.agentInfo() } };
    case "GET_FRAMEWORKS":
      return { get_frameworks: frameworks(deps) };
    case "GET_EXECUTORS":
      return { get_executors: executors(deps) };
    case "GET_TASKS":
      return { get_tasks: tasks(deps) };
    case "GET_STATE":
      return {
        get_state: {
          get_tasks: tasks(deps),
          get_executors: executors(deps),
          get_frameworks: frameworks(deps),
        },
      };
    default:
      return undefined;
  }
}

const frameworks = ({ book }: OperatorApiDeps) => ({
  frameworks: [...book.frameworks.values()].map((f) => ({ framework_info: f.info })),
  completed_frameworks: book.completedFrameworks.map((f) => ({ framework_info: f.info })),
});

function executors({ book }: OperatorApiDeps) {
  const live = [...book.allExecutors()];
  const completed = [...book.frameworks.values(), ...book.completedFrameworks].flatMap(
    (f) => f.completedExecutors,
  );
  return {
    executors: live.map((e) => ({ executor_info: e.info })),
    completed_executors: completed.map((e) => ({ executor_info: e.info })),
  };
}

function tasks(deps: OperatorApiDeps) {
  const source = { statusUpdates: deps.statusUpdates, agentId: deps.agentId() };
  const queued: Task[] = [];
  const launched: Task[] = [];
  const terminated: Task[] = [];
  const completed: Task[] = [];
  for (const executor of deps.book.allExecutors()) {
    for (const info of executor.queued.values())
      queued.push(
        v1Task(
          { info, frameworkId: executor.info.framework_id, state: "TASK_STAGING", statuses: [] },
          executor,
          source,
        ),
      );
    for (const task of executor.tasks.values()) launched.push(v1Task(task, executor, source));
    for (const task of executor.completed)
      (isTerminalState(task.state) ? terminated : completed).push(v1Task(task, executor, source));
  }
  for (const framework of [...deps.book.frameworks.values(), ...deps.book.completedFrameworks])
    for (const executor of framework.completedExecutors)
      for (const task of executor.completed) completed.push(v1Task(task, executor, source));
  return {
    pending_tasks: [],
    queued_tasks: queued,
    launched_tasks: launched,
    terminated_tasks: terminated,
    completed_tasks: completed,
  };
}
