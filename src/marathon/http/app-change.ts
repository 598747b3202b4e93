import type { FastifyReply } from "fastify";
import type { MarathonCore } from "../core/marathon-core.js";
import type { AppDefinition } from "../model/app-definition.js";
import { parseApp } from "../model/app-parse.js";
import { newVersion } from "../model/timestamp.js";
import { sendJson, sendLocked, sendMessage } from "./replies.js";

/** The outcome of validating a body: the app, or the reply already sent. */
export function appFromBody(
  reply: FastifyReply,
  json: unknown,
  idOverride?: string,
): AppDefinition | undefined {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    sendMessage(reply, 400, "Invalid JSON", {
      details: [{ path: "/", errors: ["error.expected.jsobject"] }],
    });
    return undefined;
  }
  const parsed = parseApp(json, idOverride);
  if (parsed.ok) return parsed.app;
  sendJson(reply, parsed.status, { message: parsed.message, details: parsed.details });
  return undefined;
}

/** Deploys the targets and answers 409 for a locked app; returns the plan id and version, or undefined. */
export function deployOrReply(
  core: MarathonCore,
  reply: FastifyReply,
  targets: Record<string, AppDefinition | undefined>,
  force: boolean,
  restart: string[] = [],
  version = newVersion(),
): { deploymentId: string; version: string } | undefined {
  const outcome = core.deploy(targets, version, force, restart);
  if (outcome.ok) return { deploymentId: outcome.plan.id, version };
  if ("conflicts" in outcome)
    sendLocked(
      reply,
      outcome.conflicts.map((d) => d.plan.id),
    );
  else if ("invalid" in outcome)
    sendJson(reply, 422, {
      message: "Object is not valid",
      details: [{ path: "/", errors: [outcome.invalid] }],
    });
  else sendMessage(reply, 422, "Service ports exhausted: no free port in the service port range");
  return undefined;
}
