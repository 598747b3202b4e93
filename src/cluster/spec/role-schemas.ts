import { z } from "zod";
import {
  attributesSchema,
  extraFlagsSchema,
  loggingLevelSchema,
  marathonDefinitionSchema,
  portSchema,
  resourceEntrySchema,
} from "./fields.js";

export const masterSchema = z.strictObject({
  port: portSchema.optional(),
  /** Address the master binds and advertises; 127.0.0.1 unless mapPortsToHost. */
  ip: z.string().min(1).optional(),
  hostname: z.string().min(1).optional(),
  loggingLevel: loggingLevelSchema.optional(),
  /** Require framework authentication (`--authenticate_frameworks`). */
  authenticate: z.boolean().optional(),
  /** Mesos ACLs (`--acls`): JSON text or object. */
  aclJson: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  flags: extraFlagsSchema.optional(),
});

export const CONTAINERIZERS = ["mesos", "docker"] as const;

export const agentSchema = z.strictObject({
  port: portSchema.optional(),
  ip: z.string().min(1).optional(),
  hostname: z.string().min(1).optional(),
  loggingLevel: loggingLevelSchema.optional(),
  /** Entries for role `*` replace the default of that name; entries for other roles are added beside them. */
  resources: z.array(resourceEntrySchema).optional(),
  attributes: attributesSchema.optional(),
  containerizers: z
    .array(z.enum(CONTAINERIZERS, { error: "containerizers are 'mesos' and 'docker'" }))
    .min(1)
    .optional(),
  flags: extraFlagsSchema.optional(),
});

export const zookeeperSchema = z.strictObject({ port: portSchema.optional() });

export const marathonSchema = z.strictObject({
  port: portSchema.optional(),
  apps: z.array(marathonDefinitionSchema).optional(),
  groups: z.array(marathonDefinitionSchema).optional(),
});

export const chronosSchema = z.strictObject({ port: portSchema.optional() });

export const mesosdnsSchema = z.strictObject({
  port: portSchema.optional(),
  httpPort: portSchema.optional(),
});

export const consulSchema = z.strictObject({
  port: portSchema.optional(),
  /** Consul's DNS interface, UDP and TCP. */
  dnsPort: portSchema.optional(),
});

export const registratorSchema = z.strictObject({});

export type MasterSpecInput = z.infer<typeof masterSchema>;
export type AgentSpecInput = z.infer<typeof agentSchema>;
export type Containerizer = (typeof CONTAINERIZERS)[number];
