import type { FastifyInstance } from "fastify";
import { sendLegacyJson } from "../../common/http-server.js";
import { versionBody } from "./build-info.js";

export interface MiscSources {
  state: () => Record<string, unknown>;
  flags: Record<string, string>;
  metrics: () => Record<string, number>;
}

/** `/state`, `/health`, `/flags` (each also under `/slave(1)`), `/version`, `/metrics/snapshot`. */
export function registerMiscRoutes(app: FastifyInstance, sources: MiscSources): void {
  for (const prefix of ["", "/slave(1)"]) {
    for (const url of [`${prefix}/state`, `${prefix}/state.json`])
      app.get(url, (request, reply) => sendLegacyJson(request, reply, sources.state()));
    app.get(`${prefix}/health`, (_request, reply) => reply.code(200).send(""));
    for (const url of [`${prefix}/flags`, `${prefix}/flags.json`])
      app.get(url, (request, reply) => sendLegacyJson(request, reply, { flags: sources.flags }));
  }
  app.get("/version", (request, reply) => sendLegacyJson(request, reply, versionBody()));
  app.get("/metrics/snapshot", (request, reply) => sendLegacyJson(request, reply, sources.metrics()));
}
