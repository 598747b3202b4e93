import type { FastifyInstance } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import { resolvePathId } from "../model/path-id.js";
import { appInfoJson } from "./app-info.js";
import { appNotFound, sendJson } from "./replies.js";

/** GET /v2/queue and DELETE /v2/queue/{app}/delay. */
export function registerQueueRoutes(http: FastifyInstance, core: MarathonCore): void {
  const since = new Map<string, string>();
  http.get("/v2/queue", (request, reply) => {
    const embedUnused = embeds(request.query).includes("lastUnusedOffers");
    const queue = core.apps
      .all()
      .map((app) => ({ app, count: core.launchNeed(app), delayMs: core.delays.remainingMs(app) }))
      .filter((item) => item.count > 0)
      .map(({ app, count, delayMs }) => {
        const first = since.get(app.id) ?? new Date().toISOString();
        since.set(app.id, first);
        return {
          app: appInfoJson(core, app, { tasks: false, lastTaskFailure: false }),
          count,
          delay: { timeLeftSeconds: Math.ceil(delayMs / 1000), overdue: delayMs === 0 },
          since: first,
          processedOffersSummary: core.offerStats.summary(app.id),
          ...(embedUnused ? { lastUnusedOffers: core.offerStats.lastUnusedOffers(app.id) } : {}),
        };
      });
    for (const id of [...since.keys()]) if (!queue.some((q) => q.app.id === id)) since.delete(id);
    return sendJson(reply, 200, { queue });
  });

  http.delete("/v2/queue/*", (request, reply) => {
    const rest = (request.params as { "*": string })["*"];
    if (!rest.endsWith("/delay")) return sendJson(reply, 404, { message: "URI not found" });
    const id = resolvePathId(rest.slice(0, -"/delay".length));
    if (!core.apps.get(id)) return appNotFound(reply, id);
    core.delays.reset(id);
    core.reviveIfNeeded();
    return reply.code(204).send();
  });
}

/** The `embed` query parameters, given once, repeated or comma-separated. */
function embeds(query: unknown): string[] {
  const raw = (query as { embed?: string | string[] } | undefined)?.embed;
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((e) => e.split(","));
}
