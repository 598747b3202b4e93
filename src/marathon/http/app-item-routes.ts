import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import { mergeOver } from "../model/app-parse.js";
import { restartVersion, stampVersion } from "../model/app-versioning.js";
import { appJson } from "../model/app-json.js";
import { newVersion } from "../model/timestamp.js";
import { appInfoJson, embedsFrom } from "./app-info.js";
import { appFromBody, deployOrReply } from "./app-change.js";
import { parseAppPath } from "./app-path.js";
import {
  appNotFound,
  jsonObjectBody,
  queryFlag,
  queryValues,
  sendDeployment,
  sendJson,
  sendMessage,
} from "./replies.js";
import { deleteAppTasks, killOneTask } from "./task-kill.js";
import { tasksText, wantsPlainText } from "./tasks-text.js";

type Handler = (core: MarathonCore, request: FastifyRequest, reply: FastifyReply, id: string) => FastifyReply;

const getApp: Handler = (core, request, reply, id) => {
  const app = core.apps.get(id);
  if (!app) return appNotFound(reply, id);
  const embeds = { ...embedsFrom(queryValues(request, "embed"), "app"), tasks: true, lastTaskFailure: true };
  return sendJson(reply, 200, { app: appInfoJson(core, app, embeds) });
};

function putOrPatch(patch: boolean): Handler {
  return (core, request, reply, id) => {
    const body = jsonObjectBody(request, reply);
    if (!body) return reply;
    const fields = body.json;
    const existing = core.apps.get(id);
    if (patch && !existing) return appNotFound(reply, id);
    const version = newVersion();
    const keys = Object.keys(fields).filter((k) => k !== "id");
    if (keys.length === 1 && keys[0] === "version") {
      const old = core.apps.version(id, String(fields.version));
      if (!old) return appNotFound(reply, id, String(fields.version));
      const result = deployOrReply(
        core,
        reply,
        { [id]: stampVersion(existing, old, version) },
        queryFlag(request, "force", false),
        [],
        version,
      );
      return result ? sendDeployment(reply, 200, result.deploymentId, result.version) : reply;
    }
    if (keys.includes("version"))
      return sendJson(reply, 422, {
        message: "Object is not valid",
        details: [{ path: "/", errors: ["The 'version' field may only be combined with the 'id' field."] }],
      });
    const partial = patch || queryFlag(request, "partialUpdate", true);
    const parsed = appFromBody(
      reply,
      existing && partial ? mergeOver(existing, { ...fields, id }) : { ...fields, id },
      id,
    );
    if (!parsed) return reply;
    const result = deployOrReply(
      core,
      reply,
      { [id]: stampVersion(existing, parsed, version) },
      queryFlag(request, "force", false),
      [],
      version,
    );
    if (!result) return reply;
    core.events.publish("api_post_event", {
      clientIp: request.ip,
      uri: `/v2/apps${id}`,
      appDefinition: appJson(core.apps.get(id) ?? parsed),
    });
    if (!existing) reply.header("Location", `/v2/apps${id}`);
    return sendDeployment(reply, existing ? 200 : 201, result.deploymentId, result.version);
  };
}

const deleteApp: Handler = (core, request, reply, id) => {
  const app = core.apps.get(id);
  if (!app) return appNotFound(reply, id);
  const result = deployOrReply(core, reply, { [id]: undefined }, queryFlag(request, "force", true));
  if (!result) return reply;
  core.events.publish("api_post_event", {
    clientIp: request.ip,
    uri: `/v2/apps${id}`,
    appDefinition: appJson(app),
  });
  return sendDeployment(reply, 200, result.deploymentId, result.version);
};

const restartApp: Handler = (core, request, reply, id) => {
  const app = core.apps.get(id);
  if (!app) return appNotFound(reply, id);
  const version = newVersion();
  const result = deployOrReply(
    core,
    reply,
    { [id]: restartVersion(app, version) },
    queryFlag(request, "force", false),
    [id],
    version,
  );
  return result ? sendDeployment(reply, 200, result.deploymentId, result.version) : reply;
};

function versions(core: MarathonCore, reply: FastifyReply, id: string, version?: string): FastifyReply {
  if (!core.apps.get(id)) return appNotFound(reply, id);
  if (version === undefined) return sendJson(reply, 200, { versions: core.apps.versions(id) });
  const app = core.apps.version(id, version);
  return app ? sendJson(reply, 200, appJson(app)) : appNotFound(reply, id, version);
}

/** Everything under /v2/apps/{id}: the app, its restart, versions and tasks, and group listings. */
export function registerAppItemRoutes(http: FastifyInstance, core: MarathonCore): void {
  http.route({
    method: ["GET", "PUT", "PATCH", "DELETE", "POST"],
    url: "/v2/apps/*",
    handler: (request, reply) => {
      const path = parseAppPath((request.params as { "*": string })["*"]);
      const method = request.method;
      if (path.kind === "group" && method === "GET") {
        const apps = core.apps
          .under(path.id)
          .map((a) => appInfoJson(core, a, embedsFrom(queryValues(request, "embed"), "apps")));
        return sendJson(reply, 200, { "*": apps });
      }
      if (path.kind === "app") {
        if (method === "GET") return getApp(core, request, reply, path.id);
        if (method === "PUT") return putOrPatch(false)(core, request, reply, path.id);
        if (method === "PATCH") return putOrPatch(true)(core, request, reply, path.id);
        if (method === "DELETE") return deleteApp(core, request, reply, path.id);
      }
      if (path.kind === "restart" && method === "POST") return restartApp(core, request, reply, path.id);
      if (path.kind === "versions" && method === "GET") return versions(core, reply, path.id, path.version);
      if (path.kind === "tasks" && method === "GET" && !path.taskId)
        return sendTasksOfApp(core, request, reply, path.id);
      if (path.kind === "tasks" && method === "DELETE")
        return path.taskId
          ? killOneTask(core, request, reply, path.id, path.taskId)
          : deleteAppTasks(core, request, reply, path.id);
      return sendMessage(
        reply,
        method === "GET" ? 404 : 405,
        method === "GET" ? "URI not found" : "HTTP 405 Method Not Allowed",
      );
    },
  });
}

function sendTasksOfApp(
  core: MarathonCore,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): FastifyReply {
  const app = core.apps.get(id);
  if (!app) return appNotFound(reply, id);
  if (wantsPlainText(request.headers.accept))
    return reply
      .code(200)
      .type("text/plain")
      .send(tasksText(core, [app]));
  const tasks = appInfoJson(core, app, { tasks: true, lastTaskFailure: false }).tasks;
  return sendJson(reply, 200, { tasks });
}
