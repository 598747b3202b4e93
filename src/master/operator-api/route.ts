import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { RecordIOStream, sendText } from "../../common/http-server.js";
import type { MasterContext } from "../context.js";
import { parseCallEnvelope } from "../../mesos/call-envelope.js";
import { readV1Call, refuseNonPost } from "../http-methods.js";
import { OPERATOR_HANDLERS, UNSUPPORTED_CALLS, type OperatorCall } from "./calls.js";
import { getState } from "./views.js";

export const OPERATOR_PATHS = ["/api/v1", "/master/api/v1"];

function parseCall(text: string): OperatorCall | string {
  const parsed = parseCallEnvelope(
    text,
    (type) => type in OPERATOR_HANDLERS || type === "SUBSCRIBE" || UNSUPPORTED_CALLS.has(type),
    "master::Call",
  );
  return "error" in parsed ? parsed.error : (parsed.call as unknown as OperatorCall);
}

function subscribe(ctx: MasterContext, reply: FastifyReply): void {
  const stream = RecordIOStream.open(reply);
  stream.send({
    type: "SUBSCRIBED",
    subscribed: {
      get_state: getState(ctx),
      heartbeat_interval_seconds: ctx.options.heartbeatIntervalSeconds,
    },
  });
  ctx.operatorEvents.add(stream);
}

function handle(ctx: MasterContext, request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const call = readV1Call(request, reply, parseCall);
  if (call === undefined) return reply;
  if (call.type === "SUBSCRIBE") {
    subscribe(ctx, reply);
    return undefined;
  }
  const handler = OPERATOR_HANDLERS[call.type];
  if (!handler) return sendText(reply, 501, `The '${call.type}' call is not supported by minimesos`);
  const result = handler(ctx, call);
  if (result.json !== undefined)
    return reply.code(result.status).type("application/json").send(JSON.stringify(result.json));
  if (result.text !== undefined) return sendText(reply, result.status, result.text);
  return reply.code(result.status).send("");
}

/** Operator HTTP API v1 (query strings are ignored by the router). */
export function registerOperatorApi(app: FastifyInstance, ctx: MasterContext): void {
  for (const path of OPERATOR_PATHS) {
    app.post(path, async (request, reply) => handle(ctx, request, reply));
    refuseNonPost(app, path);
  }
}
