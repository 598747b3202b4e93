import { z } from "zod";
import { loggingLevelSchema } from "./fields.js";
import {
  agentSchema,
  chronosSchema,
  consulSchema,
  marathonSchema,
  masterSchema,
  mesosdnsSchema,
  registratorSchema,
  zookeeperSchema,
} from "./role-schemas.js";

export const RUNTIMES = ["process", "inproc", "docker"] as const;
export type RuntimeKind = (typeof RUNTIMES)[number];

/** Roles that can only appear once in a cluster, beside the master and the agents. */
export const OPTIONAL_ROLES = [
  "zookeeper",
  "marathon",
  "chronos",
  "mesosdns",
  "consul",
  "registrator",
] as const;
export type OptionalRole = (typeof OPTIONAL_ROLES)[number];

/**
 * One cluster as the user describes it (the JSON form, and what a minimesosFile maps onto). Everything is
 * optional; `devPreset` / `testPreset` fill the defaults.
 */
export const clusterSpecSchema = z
  .strictObject({
    clusterName: z.string().min(1).optional(),
    /** Seconds to wait for the cluster to become ready. */
    timeout: z.number().positive("timeout is a number of seconds above 0").optional(),
    loggingLevel: loggingLevelSchema.optional(),
    mapAgentSandboxVolume: z.boolean().optional(),
    /** Serve on all interfaces instead of 127.0.0.1. */
    mapPortsToHost: z.boolean().optional(),
    runtime: z.enum(RUNTIMES, { error: "runtime is 'process', 'inproc' or 'docker'" }).optional(),
    master: masterSchema.optional(),
    agents: z.array(agentSchema).optional(),
    zookeeper: zookeeperSchema.optional(),
    marathon: marathonSchema.optional(),
    chronos: chronosSchema.optional(),
    mesosdns: mesosdnsSchema.optional(),
    consul: consulSchema.optional(),
    registrator: registratorSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.registrator && !spec.consul)
      ctx.addIssue({ code: "custom", path: ["registrator"], message: "registrator requires consul" });
  });

export type ClusterSpecInput = z.infer<typeof clusterSpecSchema>;
