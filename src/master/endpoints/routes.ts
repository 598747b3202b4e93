import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bodyText, sendLegacyJson, sendText, singleValuedQuery } from "../../common/http-server.js";
import type { MasterContext } from "../context.js";
import { removeFramework } from "../core/frameworks.js";
import { versionJson } from "../build-info.js";
import { redirectToLeader } from "../election/leader-gate.js";
import { metricsSnapshot } from "../metrics-snapshot.js";
import { legacyAgentFull, legacyRecoveredAgent } from "./legacy-agent.js";
import { legacyFramework } from "./legacy-framework.js";
import { legacyRoles } from "./legacy-roles.js";
import { legacyState } from "./legacy-state.js";
import { legacyStateSummary } from "./legacy-summary.js";
import { legacyTasks, type TasksQuery } from "./legacy-tasks-endpoint.js";

type Query = Record<string, string | undefined>;
type View = (ctx: MasterContext, query: Query) => unknown;

/** `/master/<name>`, `/<name>` and their `.json` aliases. */
const aliases = (name: string): string[] => [
  `/master/${name}`,
  `/${name}`,
  `/master/${name}.json`,
  `/${name}.json`,
];

const VIEWS: Record<string, View> = {
  state: (ctx) => legacyState(ctx),
  "state-summary": (ctx) => legacyStateSummary(ctx),
  frameworks: (ctx, q) => {
    const pick = <T extends { id: string }>(list: readonly T[]) =>
      list
        .filter((f) => !q.framework_id || f.id === q.framework_id)
        .map((f) => legacyFramework(ctx, f as never));
    return {
      frameworks: pick(ctx.frameworks.all()),
      completed_frameworks: pick(ctx.frameworks.completed.values()),
      unregistered_frameworks: [],
    };
  },
  slaves: (ctx, q) => ({
    slaves: ctx.agents
      .all()
      .filter((a) => !q.slave_id || a.id === q.slave_id)
      .map((a) => legacyAgentFull(ctx, a)),
    recovered_slaves: [...ctx.agents.recovered.values()].map(legacyRecoveredAgent),
  }),
  tasks: (ctx, q) => legacyTasks(ctx, q as TasksQuery),
  roles: (ctx) => legacyRoles(ctx),
  flags: (ctx) => ({ flags: ctx.options.flags }),
};

function teardown(ctx: MasterContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const form = new URLSearchParams(bodyText(request));
  const id = form.get("frameworkId") ?? singleValuedQuery(request).frameworkId;
  if (!id) return sendText(reply, 400, "Missing 'frameworkId' query parameter in the request body");
  const framework = ctx.frameworks.get(id);
  if (!framework) return sendText(reply, 400, "No framework found with specified ID");
  removeFramework(ctx, framework);
  return reply.code(200).send("");
}

/** The legacy JSON endpoints (GET, `?jsonp=`), health, redirect, version, metrics and teardown. */
export function registerLegacyEndpoints(app: FastifyInstance, ctx: MasterContext): void {
  for (const [name, view] of Object.entries(VIEWS))
    for (const url of aliases(name))
      app.get(url, async (request, reply) =>
        sendLegacyJson(request, reply, view(ctx, singleValuedQuery(request))),
      );
  for (const url of ["/health", "/master/health"])
    app.get(url, async (_request, reply) => reply.code(200).send(""));
  for (const url of ["/redirect", "/master/redirect"])
    app.get(url, async (request, reply) => redirectToLeader(ctx.leadership, request, reply, false));
  for (const url of ["/version", "/version.json"])
    app.get(url, async (request, reply) => sendLegacyJson(request, reply, versionJson()));
  for (const url of ["/metrics/snapshot", "/metrics/snapshot.json"])
    app.get(url, async (request, reply) => sendLegacyJson(request, reply, metricsSnapshot(ctx)));
  for (const url of ["/master/teardown", "/teardown"])
    app.post(url, async (request, reply) => teardown(ctx, request, reply));
}
