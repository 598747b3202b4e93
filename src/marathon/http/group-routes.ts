import type { FastifyInstance, FastifyReply } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import type { AppDefinition } from "../model/app-definition.js";
import { stampVersion } from "../model/app-versioning.js";
import { isUnder, resolvePathId } from "../model/path-id.js";
import { newVersion } from "../model/timestamp.js";
import { appInfoJson } from "./app-info.js";
import { appFromBody, deployOrReply } from "./app-change.js";
import { jsonObjectBody, queryFlag, sendDeployment, sendJson, sendMessage } from "./replies.js";

function groupJson(core: MarathonCore, id: string): Record<string, unknown> {
  const children = core.apps
    .groupIds()
    .filter((g) => g !== id && isUnder(g, id) && resolvePathId("..", g) === id);
  const apps = core.apps.all().filter((a) => resolvePathId("..", a.id) === id);
  const versions = core.apps
    .under(id)
    .map((a) => a.version)
    .sort();
  return {
    id,
    apps: apps.map((a) => appInfoJson(core, a, { tasks: false, lastTaskFailure: false })),
    groups: children.map((g) => groupJson(core, g)),
    pods: [],
    dependencies: [],
    version: versions[versions.length - 1] ?? new Date(0).toISOString(),
  };
}

/** The apps of a group body (`apps` and nested `groups`), ids resolved against their group. */
function appsOfGroup(body: Record<string, unknown>, base: string, out: Array<Record<string, unknown>>): void {
  const id = resolvePathId(String(body.id ?? ""), base);
  for (const app of (body.apps as Array<Record<string, unknown>> | undefined) ?? [])
    out.push({ ...app, id: resolvePathId(String(app.id ?? ""), id) });
  for (const group of (body.groups as Array<Record<string, unknown>> | undefined) ?? [])
    appsOfGroup(group, id, out);
}

/** GET, POST, PUT and DELETE on /v2/groups[/{id}], for groups of apps. */
export function registerGroupRoutes(http: FastifyInstance, core: MarathonCore): void {
  const idOf = (params: unknown) => resolvePathId((params as { "*"?: string })["*"] ?? "");
  const get = (id: string, reply: FastifyReply) =>
    core.apps.groupIds().includes(id)
      ? sendJson(reply, 200, groupJson(core, id))
      : sendMessage(reply, 404, `Group '${id}' does not exist`);
  http.get("/v2/groups", (_request, reply) => get("/", reply));
  http.get("/v2/groups/*", (request, reply) => get(idOf(request.params), reply));

  const change = (create: boolean) => (request: import("fastify").FastifyRequest, reply: FastifyReply) => {
    const body = jsonObjectBody(request, reply);
    if (!body) return reply;
    const raw = body.json;
    const groupId = resolvePathId(String(raw.id ?? ""), idOf(request.params));
    if (create && groupId !== "/" && core.apps.groupIds().includes(groupId))
      return sendMessage(reply, 409, `Group ${groupId} is already created. Use PUT to change this group.`);
    const version = newVersion();
    const targets: Record<string, AppDefinition | undefined> = {};
    if (
      !create &&
      typeof raw.scaleBy === "number" &&
      Object.keys(raw).every((k) => k === "scaleBy" || k === "id")
    ) {
      for (const app of core.apps.under(groupId))
        targets[app.id] = stampVersion(
          app,
          { ...app, instances: Math.ceil(app.instances * (raw.scaleBy as number)) },
          version,
        );
      const scaled = deployOrReply(core, reply, targets, queryFlag(request, "force", false), [], version);
      return scaled ? sendDeployment(reply, 200, scaled.deploymentId, scaled.version) : reply;
    }
    const items: Array<Record<string, unknown>> = [];
    appsOfGroup({ ...raw, id: groupId }, "/", items);
    for (const item of items) {
      const app = appFromBody(reply, item);
      if (!app) return reply;
      targets[app.id] = stampVersion(core.apps.get(app.id), app, version);
    }
    const result = deployOrReply(core, reply, targets, queryFlag(request, "force", false), [], version);
    if (!result) return reply;
    if (create) reply.header("Location", `/v2/groups${groupId}`);
    return sendDeployment(reply, create ? 201 : 200, result.deploymentId, result.version);
  };
  for (const url of ["/v2/groups", "/v2/groups/*"]) {
    http.post(url, change(true));
    http.put(url, change(false));
    http.delete(url, (request, reply) => {
      const id = idOf(request.params);
      if (!core.apps.groupIds().includes(id)) return sendMessage(reply, 404, `Group '${id}' does not exist`);
      const targets = Object.fromEntries(core.apps.under(id).map((a) => [a.id, undefined]));
      const result = deployOrReply(core, reply, targets, queryFlag(request, "force", false));
      return result ? sendDeployment(reply, 200, result.deploymentId, result.version) : reply;
    });
  }
}
