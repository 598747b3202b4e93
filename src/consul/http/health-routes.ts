import { byteCompare } from "../state/compare.js";
import type { FastifyInstance } from "fastify";
import { HttpError } from "../agent/http-errors.js";
import { agentServiceJson, checkJson, nodeJson } from "../model/json-shapes.js";
import { isCheckStatus } from "../state/records.js";
import type { ConsulContext } from "./context.js";
import { checkDatacenter } from "./datacenter.js";
import { allPassing, healthIndexOf, instancesWithChecks } from "./health-view.js";
import { flag } from "./query-options.js";
import { blockingRead, queryOf, route } from "./respond.js";

/** `/v1/health/*`: a service's instances with their checks, a service's or node's checks, checks by state. */
export function registerHealthRoutes(app: FastifyInstance, ctx: ConsulContext): void {
  const { catalog, feed, config } = ctx;

  route(app, "/v1/health/service/:name", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const { name } = request.params as { name: string };
      const query = queryOf(request);
      const passing = flag(query, "passing");
      return blockingRead(request, reply, feed, () => ({
        index: healthIndexOf(ctx, name),
        body: instancesWithChecks(ctx, name, query.tag)
          .filter((h) => !passing || allPassing(h))
          .flatMap((h) => {
            const node = catalog.node(h.service.node);
            return node
              ? [
                  {
                    Node: nodeJson(node, config),
                    Service: agentServiceJson(h.service),
                    Checks: h.checks.map(checkJson),
                  },
                ]
              : [];
          }),
      }));
    },
  });

  route(app, "/v1/health/checks/:name", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const { name } = request.params as { name: string };
      return blockingRead(request, reply, feed, () => ({
        index: healthIndexOf(ctx, name),
        body: catalog
          .allChecks()
          .filter((c) => c.serviceName === name)
          .sort((a, b) => byteCompare(a.node, b.node) || byteCompare(a.checkId, b.checkId))
          .map(checkJson),
      }));
    },
  });

  route(app, "/v1/health/node/:node", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const { node } = request.params as { node: string };
      return blockingRead(request, reply, feed, () => ({
        index: feed.indexOf("checks") || feed.indexOf("nodes"),
        body: catalog
          .checksOfNode(node)
          .sort((a, b) => byteCompare(a.checkId, b.checkId))
          .map(checkJson),
      }));
    },
  });

  route(app, "/v1/health/state/:state", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const { state } = request.params as { state: string };
      if (state !== "any" && !isCheckStatus(state)) throw new HttpError(400, "Bad check state");
      return blockingRead(request, reply, feed, () => ({
        index: feed.indexOf("checks") || feed.indexOf("nodes"),
        body: catalog
          .allChecks()
          .filter((c) => state === "any" || c.status === state)
          .sort((a, b) => byteCompare(a.node, b.node) || byteCompare(a.checkId, b.checkId))
          .map(checkJson),
      }));
    },
  });
}
