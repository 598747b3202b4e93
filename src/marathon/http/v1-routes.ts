import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import type { AppDefinition } from "../model/app-definition.js";
import { normalizeApp, type NormalizeProblems } from "../model/app-normalize.js";
import { validateApp } from "../model/app-validation.js";
import { stampVersion } from "../model/app-versioning.js";
import { newVersion } from "../model/timestamp.js";
import { deployOrReply } from "./app-change.js";
import { jsonBody, sendJson, sendMessage } from "./replies.js";
import { endpointsJson, endpointsText, v1Tasks } from "./v1-endpoints.js";

const V1_ID = /^[A-Za-z0-9_.-]+$/;

interface V1App {
  id?: unknown;
  cmd?: string;
  env?: Record<string, string>;
  instances?: number;
  cpus?: number;
  mem?: number;
  executor?: string;
  constraints?: string[][];
  uris?: string[];
  ports?: number[];
}

/** A v1 body as an app: v1 ids (`^[A-Za-z0-9_.-]+$`) and v1 defaults (cpus 1, mem 128, instances 0). */
function v1App(body: V1App): { app: AppDefinition } | { error: string } {
  if (typeof body.id !== "string" || !V1_ID.test(body.id))
    return { error: "id must match ^[A-Za-z0-9_.-]+$" };
  const problems: NormalizeProblems = [];
  const app = normalizeApp(
    {
      id: `/${body.id}`,
      ...(body.cmd !== undefined ? { cmd: body.cmd } : {}),
      env: body.env ?? {},
      instances: body.instances ?? 0,
      cpus: body.cpus ?? 1,
      mem: body.mem ?? 128,
      executor: body.executor ?? "",
      constraints: body.constraints ?? [],
      uris: body.uris ?? [],
      ports: body.ports ?? [],
    },
    problems,
  );
  // The id was checked by the v1 rule above; every other field by the v2 rules.
  const violations = validateApp(app, "/v1-app", problems);
  return violations.length > 0 ? { error: violations.flatMap((v) => v.errors).join("; ") } : { app };
}

const wantsText = (request: FastifyRequest) => (request.headers.accept ?? "").includes("text/plain");

/** Marathon 0.x's API from the 2013 walkthroughs: /v1/apps/start|stop|scale, /v1/apps, /v1/endpoints, /v1/tasks. */
export function registerV1Routes(http: FastifyInstance, core: MarathonCore): void {
  const change = (
    request: FastifyRequest,
    reply: FastifyReply,
    make: (body: V1App) => Record<string, AppDefinition | undefined> | string,
  ) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const targets = make((body.json ?? {}) as V1App);
    if (typeof targets === "string") return sendMessage(reply, 422, targets);
    return deployOrReply(core, reply, targets, true) ? reply.code(204).send() : reply;
  };
  http.post("/v1/apps/start", (request, reply) =>
    change(request, reply, (body) => {
      const parsed = v1App(body);
      if ("error" in parsed) return parsed.error;
      if (core.apps.get(parsed.app.id)) return `An app with id [${parsed.app.id}] already exists.`;
      return { [parsed.app.id]: stampVersion(undefined, parsed.app, newVersion()) };
    }),
  );
  http.post("/v1/apps/stop", (request, reply) =>
    change(request, reply, (body) =>
      core.apps.get(`/${String(body.id)}`)
        ? { [`/${String(body.id)}`]: undefined }
        : `App '/${String(body.id)}' does not exist`,
    ),
  );
  http.post("/v1/apps/scale", (request, reply) =>
    change(request, reply, (body) => {
      const app = core.apps.get(`/${String(body.id)}`);
      if (!app) return `App '/${String(body.id)}' does not exist`;
      const instances = body.instances === undefined ? app.instances : Number(body.instances);
      if (!Number.isInteger(instances) || instances < 0)
        return `instances must be a whole number of 0 or more, not '${String(body.instances)}'`;
      return { [app.id]: stampVersion(app, { ...app, instances }, newVersion()) };
    }),
  );
  http.get("/v1/apps", (_request, reply) =>
    sendJson(
      reply,
      200,
      core.apps.all().map((a) => ({
        id: a.id.slice(1),
        cmd: a.cmd,
        env: a.env,
        instances: a.instances,
        cpus: a.cpus,
        mem: a.mem,
        executor: a.executor,
        constraints: a.constraints,
        uris: a.fetch.map((f) => f.uri),
        ports: a.portDefinitions.map((p) => p.port),
      })),
    ),
  );
  const endpoints = (apps: AppDefinition[], request: FastifyRequest, reply: FastifyReply) =>
    wantsText(request)
      ? reply.code(200).type("text/plain").send(endpointsText(core, apps))
      : sendJson(reply, 200, endpointsJson(core, apps));
  http.get("/v1/endpoints", (request, reply) => endpoints(core.apps.all(), request, reply));
  http.get("/v1/endpoints/:id", (request, reply) => {
    const app = core.apps.get(`/${(request.params as { id: string }).id}`);
    return app ? endpoints([app], request, reply) : sendMessage(reply, 404, "App not found");
  });
  http.get("/v1/tasks", (_request, reply) => sendJson(reply, 200, v1Tasks(core, core.apps.all())));
  http.get("/v1/apps/:id/tasks", (request, reply) => {
    const app = core.apps.get(`/${(request.params as { id: string }).id}`);
    return app ? sendJson(reply, 200, v1Tasks(core, [app])) : reply.code(404).send();
  });
  http.get("/v1/debug/isLeader", (_request, reply) => sendJson(reply, 200, true));
}
