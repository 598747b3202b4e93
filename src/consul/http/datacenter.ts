import type { FastifyRequest } from "fastify";
import { HttpError } from "../agent/http-errors.js";
import type { ConsulConfig } from "../consul-config.js";
import { queryOf } from "./respond.js";

/** `?dc=` naming another datacenter: this server knows no other, as a lone Consul server answers. */
export function checkDatacenter(request: FastifyRequest, config: ConsulConfig): void {
  const dc = queryOf(request).dc;
  if (dc && dc !== config.datacenter) throw new HttpError(500, "No path to datacenter");
}
