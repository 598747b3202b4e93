import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  acceptsJson,
  bodyText,
  contentTypeProblem,
  RecordIOStream,
  sendText,
} from "../../common/http-server.js";
import type { TaskStatus } from "../../mesos/task.js";
import type { AgentBook, ExecutorRecord } from "../book.js";
import { refuseNonPost } from "../endpoints/refuse-non-post.js";
import { HttpExecutor } from "./http-executor.js";
import { executorCallProblem, parseExecutorCall } from "./validate-call.js";

export interface ExecutorApiDeps {
  book: AgentBook;
  /** Records an executor's update and forwards it through the status update manager. */
  deliver: (executor: ExecutorRecord, status: TaskStatus) => void;
  /** Forwards an executor's MESSAGE to the master. */
  forwardMessage: (executor: ExecutorRecord, data: string) => void;
}

/** The executor API v1 on `/api/v1/executor` and `/slave(1)/api/v1/executor`. */
export function registerExecutorApi(app: FastifyInstance, deps: ExecutorApiDeps): void {
  for (const url of ["/api/v1/executor", "/slave(1)/api/v1/executor"]) {
    app.post(url, (request, reply) => handle(deps, request, reply));
    refuseNonPost(app, url);
  }
}

async function handle(deps: ExecutorApiDeps, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const problem = contentTypeProblem(request);
  if (problem) return sendText(reply, problem.status, problem.message);
  if (!acceptsJson(request)) return sendText(reply, 406, "Expecting 'Accept' to allow 'application/json'");
  const call = parseExecutorCall(bodyText(request));
  if (typeof call === "string") return sendText(reply, 400, call);
  if (call.type === "SUBSCRIBE" && call.subscribe === undefined) call.subscribe = {};
  const invalid = executorCallProblem(call);
  if (invalid) return sendText(reply, 400, `Failed to validate Executor::Call: ${invalid}`);
  if (call.type === "HEARTBEAT") return reply.code(202).send("");
  const framework = deps.book.framework(call.framework_id.value);
  if (!framework) return sendText(reply, 400, "Framework cannot be found");
  const executor = framework.executors.get(call.executor_id.value);
  const runtime = executor?.runtime;
  if (!executor || !(runtime instanceof HttpExecutor))
    return sendText(reply, 400, "Executor cannot be found");
  if (call.type === "SUBSCRIBE") {
    runtime.subscribe(RecordIOStream.open(reply));
    return reply;
  }
  if (!runtime.subscribed) return sendText(reply, 403, "Executor is not subscribed");
  if (call.type === "UPDATE" && call.update) {
    deps.deliver(executor, {
      ...call.update.status,
      agent_id: call.update.status.agent_id ?? { value: "" },
      executor_id: executor.info.executor_id,
      container_status: {
        container_id: { value: executor.containerId },
        ...call.update.status.container_status,
      },
    });
  } else if (call.type === "MESSAGE" && call.message) deps.forwardMessage(executor, call.message.data);
  return reply.code(202).send("");
}
