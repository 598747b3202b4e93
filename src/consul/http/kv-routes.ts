import { byteCompare } from "../state/compare.js";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpError } from "../agent/http-errors.js";
import type { KvEntry } from "../state/kv-store.js";
import type { ConsulContext } from "./context.js";
import { checkDatacenter } from "./datacenter.js";
import { flag, type Query } from "./query-options.js";
import { blockingRead, queryOf, route } from "./respond.js";

/** Consul's default limit on one value (kv_max_value_size). */
export const KV_MAX_VALUE_SIZE = 512 * 1024;

export const kvEntryJson = (e: KvEntry) => ({
  LockIndex: e.lockIndex,
  Key: e.key,
  Flags: e.flags,
  Value: e.value.length === 0 ? null : e.value.toString("base64"),
  ...(e.session !== undefined ? { Session: e.session } : {}),
  CreateIndex: e.createIndex,
  ModifyIndex: e.modifyIndex,
});

/** A uint64 query value, or Go's strconv error (Consul answers it with a 500). */
function uintParam(query: Query, name: string): number | undefined {
  if (!Object.hasOwn(query, name)) return undefined;
  const text = query[name] ?? "";
  if (!/^\d+$/.test(text)) throw new HttpError(500, `strconv.ParseUint: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** Two of flags that do not combine (`cas` with `acquire`, `recurse` with `cas`): Consul's 400. */
function conflicting(request: FastifyRequest, ...names: string[]): void {
  const query = queryOf(request);
  const given = names.filter((n) => Object.hasOwn(query, n));
  if (given.length > 1) {
    const encoded = new URLSearchParams(
      Object.entries(query)
        .map(([k, v]) => [k, v ?? ""] as [string, string])
        .sort(([a], [b]) => byteCompare(a, b)),
    ).toString();
    throw new HttpError(400, `Conflicting flags: ${encoded}\n`);
  }
}

const keyOf = (request: FastifyRequest) => (request.params as { "*": string })["*"] ?? "";

/** `/v1/kv/{key}`: GET (recurse, keys, separator, raw), PUT (flags, cas), DELETE (recurse, cas). */
export function registerKvRoutes(app: FastifyInstance, ctx: ConsulContext): void {
  const { kv, feed, config, sessions } = ctx;
  const body = (request: FastifyRequest): Buffer =>
    Buffer.isBuffer(request.body)
      ? request.body
      : Buffer.from(typeof request.body === "string" ? request.body : "");

  route(app, "/v1/kv/*", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const key = keyOf(request);
      const query = queryOf(request);
      if (Object.hasOwn(query, "keys")) {
        const separator = query.separator ?? query.seperator ?? "";
        return blockingRead(request, reply, feed, () => {
          const keys = kv.keys(key, separator);
          return {
            index: kv.indexOf(key, false),
            body: keys,
            ...(keys.length === 0 && key !== "" ? { status: 404, body: undefined } : {}),
          };
        });
      }
      const recurse = flag(query, "recurse");
      if (!recurse && key === "") throw new HttpError(400, "Missing key name");
      return blockingRead(request, reply, feed, () => {
        const entries = recurse ? kv.list(key) : [kv.get(key)].filter((e): e is KvEntry => e !== undefined);
        const index = kv.indexOf(key, !recurse);
        if (entries.length === 0) return { index, body: undefined, status: 404 };
        if (Object.hasOwn(query, "raw") && !recurse)
          return { index, body: undefined, raw: { data: (entries[0] as KvEntry).value, type: "text/plain" } };
        return { index, body: entries.map(kvEntryJson) };
      });
    },
    PUT: (request) => {
      checkDatacenter(request, config);
      const key = keyOf(request);
      if (key === "") throw new HttpError(400, "Missing key name");
      conflicting(request, "cas", "acquire", "release");
      const query = queryOf(request);
      const flags = uintParam(query, "flags") ?? 0;
      const cas = uintParam(query, "cas");
      const value = body(request);
      if (value.length > KV_MAX_VALUE_SIZE)
        throw new HttpError(
          413,
          `Request body(${value.length} bytes) too large, max size: ${KV_MAX_VALUE_SIZE} bytes. See https://developer.hashicorp.com/docs/agent/config/config-files#kv_max_value_size.`,
        );
      for (const op of ["acquire", "release"] as const) {
        if (!Object.hasOwn(query, op)) continue;
        const session = query[op] ?? "";
        if (!sessions.get(session)) throw new HttpError(500, `invalid session "${session}"`);
        return op === "acquire"
          ? kv.acquire(key, value, flags, session)
          : kv.release(key, value, flags, session);
      }
      return kv.put(key, value, flags, cas);
    },
    DELETE: (request) => {
      checkDatacenter(request, config);
      const key = keyOf(request);
      conflicting(request, "recurse", "cas");
      const query = queryOf(request);
      const cas = uintParam(query, "cas");
      if (flag(query, "recurse")) {
        kv.deleteTree(key);
        return true;
      }
      if (key === "") throw new HttpError(400, "Missing key name");
      const done = kv.delete(key, cas);
      return cas === undefined ? true : done;
    },
  });
}
