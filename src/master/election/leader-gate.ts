import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendText } from "../../common/http-server.js";
import { AGENT_LINK_PATH } from "../../mesos/agent-link-protocol.js";
import { OPERATOR_PATHS } from "../operator-api/route.js";
import { SCHEDULER_PATHS } from "../scheduler-api/route.js";
import type { Leadership } from "./leadership.js";

/** What only the leading master answers: the v1 APIs, the agent link and teardown. */
const LEADER_ONLY = new Set([
  ...SCHEDULER_PATHS,
  ...OPERATOR_PATHS,
  AGENT_LINK_PATH,
  "/teardown",
  "/master/teardown",
]);

/** `//host:port` of the leader, as Mesos's redirects write it (clients add the scheme). */
export const leaderLocation = (leader: { hostname: string; port: number }): string =>
  `//${leader.hostname}:${leader.port}`;

/** 307 to the leader with the same path and query, or 503 "No leader elected" while none is known. */
export function redirectToLeader(
  leadership: Leadership,
  request: FastifyRequest,
  reply: FastifyReply,
  keepPath: boolean,
): FastifyReply {
  const leader = leadership.leader;
  if (!leader) return sendText(reply, 503, "No leader elected");
  const location = leaderLocation(leader) + (keepPath ? request.url : "");
  return reply.code(307).header("Location", location).send("");
}

/**
 * On a master that does not lead (not yet elected, or another master leads), the leader-only endpoints
 * answer as Mesos's do: 307 to the leader, 503 while no leader is known. Elected but still recovering
 * counts as not leading, and redirects to itself would loop, so those get 503 too.
 */
export function addLeaderGate(app: FastifyInstance, leadership: () => Leadership, selfId: string): void {
  app.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!LEADER_ONLY.has(path)) return;
    const current = leadership();
    if (current.isLeader) return;
    if (current.leader?.id === selfId) return sendText(reply, 503, "Master has not finished recovery");
    return redirectToLeader(current, request, reply, true);
  });
}
