import type { FastifyInstance, FastifyRequest } from "fastify";
import { HttpError } from "../agent/http-errors.js";
import {
  BadRequest,
  INVALID_CHECK_MESSAGE,
  isValidCheck,
  parseCheckDefinition,
} from "../model/check-definition.js";
import { isObject, stringField } from "../model/go-json.js";
import { agentServiceJson, checkJson } from "../model/json-shapes.js";
import { parseServiceDefinition } from "../model/service-definition.js";
import { isCheckStatus, type CheckStatus } from "../state/records.js";
import { agentSelf, agentMember } from "./agent-self.js";
import type { ConsulContext } from "./context.js";
import { jsonBody, queryOf, route } from "./respond.js";

/** Consul truncates check output beyond this many bytes. */
const CHECK_BUF_SIZE = 4 * 1024;

const truncated = (output: string) =>
  output.length > CHECK_BUF_SIZE
    ? `${output.slice(0, CHECK_BUF_SIZE)} ... (captured ${CHECK_BUF_SIZE} of ${output.length} bytes)`
    : output;

const idParam = (request: FastifyRequest) => (request.params as { id: string }).id;

/** `/v1/agent/*`: self, members, services, checks, and the local registrations. */
export function registerAgentRoutes(app: FastifyInstance, ctx: ConsulContext): void {
  const { catalog, agent, config } = ctx;
  route(app, "/v1/agent/self", { GET: () => agentSelf(config) });
  route(app, "/v1/agent/members", { GET: () => [agentMember(config)] });
  route(app, "/v1/agent/services", {
    GET: () => Object.fromEntries(catalog.servicesOf(agent.node).map((s) => [s.id, agentServiceJson(s)])),
  });
  route(app, "/v1/agent/service/:id", {
    GET: (request) => {
      const service = catalog.service(agent.node, idParam(request));
      if (!service) throw new HttpError(404, `unknown service ID: ${idParam(request)}`);
      return agentServiceJson(service);
    },
  });
  route(app, "/v1/agent/checks", {
    GET: () =>
      Object.fromEntries(
        catalog
          .checksOfNode(agent.node)
          .filter((c) => c.run !== undefined)
          .map((c) => [c.checkId, checkJson(c)]),
      ),
  });
  route(app, "/v1/agent/service/register", {
    PUT: (request) => void agent.registerService(parseServiceDefinition(jsonBody(request))),
  });
  route(app, "/v1/agent/service/deregister/:id", {
    PUT: (request) => void agent.deregisterService(idParam(request)),
  });
  route(app, "/v1/agent/check/register", {
    PUT: (request) => {
      const def = parseCheckDefinition(jsonBody(request));
      if (!def.name) throw new BadRequest("Missing check name");
      if (def.status && !isCheckStatus(def.status)) throw new BadRequest("Bad check status");
      if (!isValidCheck(def.run)) throw new BadRequest(INVALID_CHECK_MESSAGE);
      agent.registerCheck(def);
    },
  });
  route(app, "/v1/agent/check/deregister/:id", {
    PUT: (request) => void agent.deregisterCheck(idParam(request)),
  });
  const ttlUpdate = (status: CheckStatus) => (request: FastifyRequest) =>
    void agent.updateTtl(idParam(request), status, truncated(queryOf(request).note ?? ""));
  for (const [path, status] of [
    ["pass", "passing"],
    ["warn", "warning"],
    ["fail", "critical"],
  ] as const)
    route(app, `/v1/agent/check/${path}/:id`, { PUT: ttlUpdate(status), GET: ttlUpdate(status) });
  route(app, "/v1/agent/check/update/:id", {
    PUT: (request) => {
      const body = jsonBody(request);
      const update = isObject(body) ? body : {};
      const status = stringField(update, "Status", "agent.checkUpdate");
      if (!isCheckStatus(status)) throw new BadRequest(`Invalid check status: '${status}'`);
      agent.updateTtl(
        idParam(request),
        status,
        truncated(stringField(update, "Output", "agent.checkUpdate")),
      );
    },
  });
}
