import type { FastifyInstance } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import type { AppDefinition } from "../model/app-definition.js";
import { appJson } from "../model/app-json.js";
import { mergeOver } from "../model/app-parse.js";
import { stampVersion } from "../model/app-versioning.js";
import { newVersion } from "../model/timestamp.js";
import { resolvePathId } from "../model/path-id.js";
import { appInfoJson, embedsFrom } from "./app-info.js";
import { appFromBody, deployOrReply } from "./app-change.js";
import { labelSelector } from "./label-selector.js";
import {
  jsonBody,
  jsonObjectBody,
  queryFlag,
  queryValues,
  sendDeployment,
  sendJson,
  sendMessage,
} from "./replies.js";

function listFilter(cmd?: string, id?: string, label?: string): (app: AppDefinition) => boolean {
  const selector = label ? labelSelector(label) : undefined;
  return (app) =>
    (!cmd || (app.cmd ?? "").toLowerCase().includes(cmd.toLowerCase())) &&
    (!id || app.id.includes(id)) &&
    (!selector || selector(app.labels));
}

/** GET, POST, PUT and PATCH on /v2/apps. */
export function registerAppCollectionRoutes(http: FastifyInstance, core: MarathonCore): void {
  http.get("/v2/apps", (request, reply) => {
    const q = (name: string) => queryValues(request, name).join(",") || undefined;
    const embeds = embedsFrom(queryValues(request, "embed"), "apps");
    const apps = core.apps
      .all()
      .filter(listFilter(q("cmd"), q("id"), (request.query as Record<string, string>).label));
    return sendJson(reply, 200, { apps: apps.map((a) => appInfoJson(core, a, embeds)) });
  });

  http.post("/v2/apps", (request, reply) => {
    const body = jsonObjectBody(request, reply);
    if (!body) return reply;
    const parsed = appFromBody(reply, body.json);
    if (!parsed) return reply;
    if (core.apps.get(parsed.id))
      return sendMessage(reply, 409, `An app with id [${parsed.id}] already exists.`);
    const version = newVersion();
    const app = stampVersion(undefined, parsed, version);
    const result = deployOrReply(
      core,
      reply,
      { [app.id]: app },
      queryFlag(request, "force", false),
      [],
      version,
    );
    if (!result) return reply;

    const stored = core.apps.get(app.id) as AppDefinition;
    core.events.publish("api_post_event", {
      clientIp: request.ip,
      uri: "/v2/apps",
      appDefinition: appJson(stored),
    });
    return sendJson(
      reply.header("Location", `/v2/apps${app.id}`).header("Marathon-Deployment-Id", result.deploymentId),
      201,
      {
        ...appInfoJson(core, stored, { tasks: false, lastTaskFailure: false }),
        deployments: [{ id: result.deploymentId }],
      },
    );
  });

  const bulk = (partialDefault: boolean, mustExist: boolean) =>
    http.route({
      method: mustExist ? "PATCH" : "PUT",
      url: "/v2/apps",
      handler: (request, reply) => {
        const body = jsonBody(request, reply);
        if (!body) return reply;
        if (!Array.isArray(body.json))
          return sendMessage(reply, 400, "Invalid JSON", {
            details: [{ path: "/", errors: ["error.expected.jsarray"] }],
          });
        const partial = queryFlag(request, "partialUpdate", partialDefault);
        const version = newVersion();
        const targets: Record<string, AppDefinition> = {};
        for (const item of body.json as Array<Record<string, unknown>>) {
          const id = resolvePathId(String(item?.id ?? ""));
          const existing = core.apps.get(id);
          if (mustExist && !existing) return sendMessage(reply, 404, `App '${id}' does not exist`);
          const parsed = appFromBody(reply, existing && partial ? mergeOver(existing, item) : item);
          if (!parsed) return reply;
          targets[parsed.id] = stampVersion(existing, parsed, version);
        }
        const result = deployOrReply(core, reply, targets, queryFlag(request, "force", false), [], version);
        return result ? sendDeployment(reply, 200, result.deploymentId, result.version) : reply;
      },
    });
  bulk(true, false);
  bulk(true, true);
}
