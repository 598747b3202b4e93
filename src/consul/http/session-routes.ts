import type { FastifyInstance, FastifyRequest } from "fastify";
import { bodyText } from "../../common/http-server.js";
import { HttpError } from "../agent/http-errors.js";
import { parseGoDuration } from "../go-duration.js";
import { DecodeError, decodeJson, field, isObject, stringField, stringListField } from "../model/go-json.js";
import type { SessionRecord, SessionStore } from "../state/session-store.js";
import type { ConsulContext } from "./context.js";
import { checkDatacenter } from "./datacenter.js";
import { blockingRead, route } from "./respond.js";

const WHERE = "structs.Session";
const MIN_TTL_MS = 10_000;
const MAX_TTL_MS = 86_400_000;

export const sessionJson = (s: SessionRecord) => ({
  ID: s.id,
  Name: s.name,
  Node: s.node,
  Checks: s.checks,
  LockDelay: s.lockDelayMs * 1e6,
  Behavior: s.behavior,
  TTL: s.ttl,
  CreateIndex: s.createIndex,
  ModifyIndex: s.modifyIndex,
});

function duration(text: string): number {
  try {
    return parseGoDuration(text);
  } catch (error) {
    throw new DecodeError((error as Error).message);
  }
}

/** `PUT /v1/session/create`'s body (optional): Name, Node, Checks, LockDelay, Behavior, TTL. */
function newSession(request: FastifyRequest, ctx: ConsulContext) {
  const text = bodyText(request);
  let body: Record<string, unknown> = {};
  if (text.trim() !== "") {
    try {
      const decoded = decodeJson(text);
      if (isObject(decoded)) body = decoded;
    } catch (error) {
      throw new HttpError(400, `Request decode failed: ${(error as Error).message}`);
    }
  }
  try {
    const node = stringField(body, "Node", WHERE) || ctx.config.nodeName;
    if (!ctx.catalog.node(node)) throw new HttpError(500, `Missing node registration`);
    const behavior = stringField(body, "Behavior", WHERE) || "release";
    if (behavior !== "release" && behavior !== "delete")
      throw new HttpError(500, `Invalid Behavior setting '${behavior}'`);
    const ttl = stringField(body, "TTL", WHERE);
    const ttlMs = ttl ? duration(ttl) : 0;
    if (ttl && (ttlMs < MIN_TTL_MS || ttlMs > MAX_TTL_MS))
      throw new HttpError(400, `Invalid Session TTL '${ttlMs * 1e6}', must be between [10s=24h0m0s]`);
    const lockDelay = field(body, "LockDelay");
    const lockDelayMs =
      typeof lockDelay === "number"
        ? lockDelay / 1e6
        : typeof lockDelay === "string"
          ? duration(lockDelay)
          : 15_000;
    const checks =
      field(body, "Checks") === undefined ? ["serfHealth"] : stringListField(body, "Checks", WHERE);
    for (const check of checks)
      if (!ctx.catalog.check(node, check)) throw new HttpError(500, `Missing check '${check}' registration`);
    return {
      name: stringField(body, "Name", WHERE),
      node,
      checks,
      lockDelayMs,
      behavior,
      ttl,
      ttlMs,
    } as const;
  } catch (error) {
    if (error instanceof DecodeError) throw new HttpError(400, `Request decode failed: ${error.message}`);
    throw error;
  }
}

/** `/v1/session/*`: create, destroy, renew, info, list, node. */
export function registerSessionRoutes(
  app: FastifyInstance,
  ctx: ConsulContext,
  sessions: SessionStore,
): void {
  const { feed, config } = ctx;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  route(app, "/v1/session/create", {
    PUT: (request) => {
      checkDatacenter(request, config);
      return { ID: sessions.create(newSession(request, ctx)).id };
    },
  });
  route(app, "/v1/session/destroy/:id", { PUT: (request) => sessions.destroy(idOf(request)) || true });
  route(app, "/v1/session/renew/:id", {
    PUT: (request) => {
      const session = sessions.renew(idOf(request));
      if (!session) throw new HttpError(404, `Session id '${idOf(request)}' not found`);
      return [sessionJson(session)];
    },
  });
  const read = (pick: (request: FastifyRequest) => SessionRecord[]) => ({
    GET: (request: FastifyRequest, reply: Parameters<typeof blockingRead>[1]) => {
      checkDatacenter(request, config);
      return blockingRead(request, reply, feed, () => ({
        index: feed.indexOf("sessions"),
        body: pick(request).map(sessionJson),
      }));
    },
  });
  route(
    app,
    "/v1/session/info/:id",
    read((request) => [sessions.get(idOf(request))].filter((s) => s !== undefined)),
  );
  route(
    app,
    "/v1/session/list",
    read(() => sessions.all()),
  );
  route(
    app,
    "/v1/session/node/:id",
    read((request) => sessions.all().filter((s) => s.node === idOf(request))),
  );
}
