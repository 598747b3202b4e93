import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseJsonObject } from "../../mesos/call-envelope.js";
import { sendText } from "../../common/http-server.js";
import type { SchedulerCall, SchedulerCallType } from "../../mesos/scheduler-protocol.js";
import type { MasterContext } from "../context.js";
import { readV1Call, refuseNonPost } from "../http-methods.js";
import type { CallHandler } from "./call-result.js";
import { SCHEDULER_CALL } from "./call-shape.js";
import { teardown, updateFramework } from "./framework-calls.js";
import { accept, acceptedAndIgnored, decline, revive, suppress } from "./offer-calls.js";
import { checkShape } from "./proto-shape.js";
import { reconcileOperations } from "./operation-calls.js";
import { handleSubscribe } from "./subscribe.js";
import { acknowledge, kill, message, reconcile, shutdown } from "./task-calls.js";
import { validateSchedulerCall } from "./validate-call.js";

export const SCHEDULER_PATHS = ["/api/v1/scheduler", "/master/api/v1/scheduler"];

const HANDLERS: Record<Exclude<SchedulerCallType, "SUBSCRIBE">, CallHandler> = {
  TEARDOWN: teardown,
  ACCEPT: accept,
  DECLINE: decline,
  ACCEPT_INVERSE_OFFERS: acceptedAndIgnored,
  DECLINE_INVERSE_OFFERS: acceptedAndIgnored,
  REVIVE: revive,
  SUPPRESS: suppress,
  KILL: kill,
  SHUTDOWN: shutdown,
  ACKNOWLEDGE: acknowledge,
  ACKNOWLEDGE_OPERATION_STATUS: acceptedAndIgnored,
  RECONCILE: reconcile,
  RECONCILE_OPERATIONS: reconcileOperations,
  MESSAGE: message,
  REQUEST: acceptedAndIgnored,
  UPDATE_FRAMEWORK: updateFramework,
};

/** Parses and validates the body; a string is the 400 answer. */
function parseCall(text: string): SchedulerCall | string {
  const parsed = parseJsonObject(text);
  if ("error" in parsed) return parsed.error;
  const json = parsed.json;
  const shapeProblem = checkShape(json, SCHEDULER_CALL);
  if (shapeProblem) return `Failed to convert JSON into Call protobuf: ${shapeProblem}`;
  const call = json as unknown as SchedulerCall;
  const invalid = validateSchedulerCall(call);
  if (invalid) return `Failed to validate scheduler::Call: ${invalid}`;
  return call;
}

function handle(ctx: MasterContext, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const call = readV1Call(request, reply, parseCall);
  if (call === undefined) return reply;
  const streamId = request.headers["mesos-stream-id"];
  if (call.type === "SUBSCRIBE") {
    if (streamId !== undefined)
      return sendText(reply, 400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
    handleSubscribe(ctx, call, reply);
    return undefined;
  }
  const framework = ctx.frameworks.get(call.framework_id!.value);
  if (!framework) return sendText(reply, 400, "Framework cannot be found");
  if (!framework.connection) return sendText(reply, 403, "Framework is not subscribed");
  if (streamId === undefined)
    return sendText(reply, 400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
  if (streamId !== framework.connection.streamId)
    return sendText(
      reply,
      400,
      `The stream ID '${String(streamId)}' included in this request didn't match the stream ID currently associated with framework ID ${framework.id}`,
    );
  if ((call.type as string) === "UNKNOWN") return sendText(reply, 501, "");
  const result = HANDLERS[call.type](ctx, framework, call);
  return result.body === undefined
    ? reply.code(result.status).send("")
    : sendText(reply, result.status, result.body);
}

/** Scheduler HTTP API v1 on both of Mesos's paths. */
export function registerSchedulerApi(app: FastifyInstance, ctx: MasterContext): void {
  for (const path of SCHEDULER_PATHS) {
    app.post(path, async (request, reply) => handle(ctx, request, reply));
    refuseNonPost(app, path);
  }
}
