import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  acceptsJson,
  bodyText,
  contentTypeProblem,
  RecordIOStream,
  sendText,
} from "../../common/http-server.js";
import type { MasterContext } from "../context.js";
import { refuseNonPost } from "../http-methods.js";
import { OPERATOR_HANDLERS, UNSUPPORTED_CALLS, type OperatorCall } from "./calls.js";
import { getState } from "./views.js";

export const OPERATOR_PATHS = ["/api/v1", "/master/api/v1"];

function parseCall(text: string): OperatorCall | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `Failed to parse body into JSON: ${(error as Error).message}`;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return "Failed to convert JSON into Call protobuf: Expecting a JSON object";
  const type = (json as { type?: unknown }).type;
  if (type !== undefined && typeof type !== "string")
    return `Failed to convert JSON into Call protobuf: Not expecting a JSON ${typeof type} for field 'type'`;
  if (
    typeof type !== "string" ||
    !(type in OPERATOR_HANDLERS || type === "SUBSCRIBE" || UNSUPPORTED_CALLS.has(type))
  )
    return "Failed to validate master::Call: Expecting 'type' to be present";
  return json as OperatorCall;
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
  const problem = contentTypeProblem(request);
  if (problem) return sendText(reply, problem.status, problem.message);
  const call = parseCall(bodyText(request));
  if (typeof call === "string") return sendText(reply, 400, call);
  if (!acceptsJson(request))
    return sendText(reply, 406, "Expecting 'Accept' to allow 'application/json' or 'application/x-protobuf'");
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
