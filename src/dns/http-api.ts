import type { FastifyInstance, FastifyReply } from "fastify";
import { sendText } from "../common/http-server.js";
import type { MesosDnsConfig } from "./config.js";
import type { RecordSet } from "./record-set.js";
import { normaliseName } from "./resolver.js";

/** The Mesos-DNS release whose API this one copies. */
export const MESOS_DNS_VERSION = "v0.7.0-rc2";

export interface HttpApiSource {
  config: MesosDnsConfig;
  records(): RecordSet;
  serial(): number;
}

const json = (reply: FastifyReply, body: unknown): FastifyReply =>
  reply.type("application/json").send(JSON.stringify(body));

/** `name -> [values]`, or null when empty, as Go marshals a nil map. */
const recordMap = (records: Map<string, Set<string>>): Record<string, string[]> =>
  Object.fromEntries([...records].map(([name, values]) => [name, [...values]]));

/** Mesos-DNS's HTTP API (resolver.go configureHTTP), same paths and the same JSON shapes. */
export function registerDnsHttpApi(app: FastifyInstance, source: HttpApiSource): void {
  app.get("/v1/version", (_req, reply) =>
    json(reply, {
      Service: "Mesos-DNS",
      URL: "https://github.com/mesosphere/mesos-dns",
      Version: MESOS_DNS_VERSION,
    }),
  );
  app.get("/v1/config", (_req, reply) => json(reply, { ...source.config, SOASerial: source.serial() }));

  app.get<{ Params: { host: string } }>("/v1/hosts/:host", (request, reply) => {
    const name = normaliseName(request.params.host);
    const rs = source.records();
    const found = [...rs.values("A", name), ...rs.values("AAAA", name)].map((ip) => ({ host: name, ip }));
    return json(reply, found.length > 0 ? found : [{ host: "", ip: "" }]);
  });

  app.get("/v1/hosts/:host/ports", (_req, reply) => sendText(reply, 501, "To be implemented..."));

  app.get<{ Params: { service: string } }>("/v1/services/:service", (request, reply) => {
    const service = request.params.service;
    const rs = source.records();
    const found: Array<{ service: string; host: string; ip: string; port: string }> = [];
    for (const value of rs.values("SRV", normaliseName(service))) {
      const colon = value.lastIndexOf(":");
      if (colon < 0) continue;
      const host = value.slice(0, colon);
      const port = value.slice(colon + 1);
      for (const kind of ["A", "AAAA"] as const) {
        const ip = rs.first(kind, host);
        if (ip !== undefined) found.push({ service, host, ip, port });
      }
    }
    return json(reply, found.length > 0 ? found : [{ service: "", host: "", ip: "", port: "" }]);
  });

  if (!source.config.EnumerationOn) return;
  app.get("/v1/enumerate", (_req, reply) => {
    const frameworks = source.records().frameworks.map((f) => ({
      tasks: f.tasks.map((t) => ({
        name: t.name,
        id: t.id,
        records: t.records.length > 0 ? t.records : null,
      })),
      name: f.name,
    }));
    return json(reply, { frameworks: frameworks.length > 0 ? frameworks : null });
  });
  app.get("/v1/axfr", (_req, reply) => {
    const rs = source.records();
    const c = source.config;
    return json(reply, {
      TTL: c.TTL,
      Serial: source.serial(),
      RefreshSeconds: c.RefreshSeconds,
      Mname: c.SOAMname,
      Rname: c.SOARname,
      Domain: c.Domain,
      Records: { As: recordMap(rs.a), AAAAs: recordMap(rs.aaaa), SRVs: recordMap(rs.srv) },
    });
  });
}
