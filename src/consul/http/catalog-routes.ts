import { byteCompare } from "../state/compare.js";
import type { FastifyInstance } from "fastify";
import { catalogServiceJson, agentServiceJson, nodeJson } from "../model/json-shapes.js";
import type { ConsulContext } from "./context.js";
import { checkDatacenter } from "./datacenter.js";
import { registerInCatalog, deregisterFromCatalog } from "./catalog-writes.js";
import { blockingRead, jsonBody, queryOf, route } from "./respond.js";

/** `/v1/catalog/*`: datacenters, nodes, services, one service's instances, one node; register and deregister. */
export function registerCatalogRoutes(app: FastifyInstance, ctx: ConsulContext): void {
  const { catalog, feed, config } = ctx;
  route(app, "/v1/catalog/datacenters", { GET: () => [config.datacenter] });

  route(app, "/v1/catalog/nodes", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      return blockingRead(request, reply, feed, () => ({
        index: feed.indexOf("nodes"),
        body: catalog.allNodes().map((n) => nodeJson(n, config)),
      }));
    },
  });

  route(app, "/v1/catalog/services", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      return blockingRead(request, reply, feed, () => {
        const byName: Record<string, string[]> = {};
        for (const s of catalog.allServices()) {
          const tags = (byName[s.service] ??= []);
          for (const tag of s.tags) if (!tags.includes(tag)) tags.push(tag);
        }
        const sorted = Object.fromEntries(Object.entries(byName).sort(([a], [b]) => byteCompare(a, b)));
        return { index: feed.indexOf("services"), body: sorted };
      });
    },
  });

  route(app, "/v1/catalog/service/:name", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const { name } = request.params as { name: string };
      const tag = queryOf(request).tag;
      return blockingRead(request, reply, feed, () => ({
        index: catalog.indexOfName(name) || feed.indexOf("services"),
        body: catalog
          .instancesOf(name)
          .filter((s) => tag === undefined || s.tags.includes(tag))
          .flatMap((s) => {
            const node = catalog.node(s.node);
            return node ? [catalogServiceJson(s, node, config)] : [];
          }),
      }));
    },
  });

  route(app, "/v1/catalog/node/:node", {
    GET: (request, reply) => {
      checkDatacenter(request, config);
      const { node: name } = request.params as { node: string };
      return blockingRead(request, reply, feed, () => {
        const node = catalog.node(name);
        const index = Math.max(feed.indexOf("nodes"), feed.indexOf("services"));
        if (!node) return { index, body: null };
        const services = Object.fromEntries(catalog.servicesOf(name).map((s) => [s.id, agentServiceJson(s)]));
        return { index, body: { Node: nodeJson(node, config), Services: services } };
      });
    },
  });

  route(app, "/v1/catalog/register", { PUT: (request) => registerInCatalog(ctx, jsonBody(request)) });
  route(app, "/v1/catalog/deregister", { PUT: (request) => deregisterFromCatalog(ctx, jsonBody(request)) });
}
