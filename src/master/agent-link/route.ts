import type { FastifyInstance } from "fastify";
import { bodyText, contentTypeProblem, sendText } from "../../common/http-server.js";
import { authenticatedPrincipal } from "../../mesos/credentials.js";
import { AGENT_LINK_PATH } from "../../mesos/agent-link-protocol.js";
import type { MasterContext } from "../context.js";
import { refuseNonPost } from "../http-methods.js";
import { handleExecutorExited, handleExecutorMessage, handleStatusUpdate } from "./agent-calls.js";
import { handleRegister } from "./register.js";
import { validateAgentLinkCall } from "./validate.js";

/** The server side of the internal agent link (see src/mesos/agent-link-protocol.ts). */
export function registerAgentLink(app: FastifyInstance, ctx: MasterContext): void {
  app.post(AGENT_LINK_PATH, async (request, reply) => {
    if (ctx.options.authenticateAgents) {
      const auth = authenticatedPrincipal(request.headers.authorization, ctx.options.credentials ?? []);
      if ("problem" in auth) {
        ctx.logger.warn(
          { from: request.ip, reason: auth.problem },
          "refused an agent-link call: agent authentication failed",
        );
        return sendText(reply.header("WWW-Authenticate", 'Basic realm="mesos"'), 401, "Unauthorized");
      }
    }
    const problem = contentTypeProblem(request);
    if (problem) return sendText(reply, problem.status, problem.message);
    let body: unknown;
    try {
      body = JSON.parse(bodyText(request));
    } catch (error) {
      return sendText(reply, 400, `Failed to parse body into JSON: ${(error as Error).message}`);
    }
    const call = validateAgentLinkCall(body);
    if (typeof call === "string") return sendText(reply, 400, call);
    if (call.type === "REGISTER") return handleRegister(ctx, call, reply);
    const agent = ctx.agents.get(call.agent_id?.value ?? "");
    if (!agent) return sendText(reply, 404, "Agent is not registered");
    if (call.type === "STATUS_UPDATE") {
      const refused = handleStatusUpdate(ctx, agent, call);
      if (refused) return sendText(reply, 403, refused);
    } else if (call.type === "EXECUTOR_EXITED") handleExecutorExited(ctx, agent, call);
    else handleExecutorMessage(ctx, agent, call);
    return reply.code(202).send("");
  });
  refuseNonPost(app, AGENT_LINK_PATH);
}
