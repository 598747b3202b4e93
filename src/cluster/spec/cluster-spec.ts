import type { LoggingLevel, MarathonDefinition, ResourceEntry } from "./fields.js";
import type { RuntimeKind } from "./cluster-schema.js";
import type { Containerizer } from "./role-schemas.js";

type ExtraFlags = Record<string, string | number | boolean>;

/** A cluster with every default filled in: what a runtime starts. Ports are preferences; 0 = any free port. */
export interface ClusterSpec {
  clusterName?: string;
  timeoutSeconds: number;
  loggingLevel: LoggingLevel;
  mapAgentSandboxVolume: boolean;
  mapPortsToHost: boolean;
  runtime: RuntimeKind;
  master: MasterSpec;
  agents: AgentSpec[];
  zookeeper?: { port: number };
  marathon?: { port: number; apps: MarathonDefinition[]; groups: MarathonDefinition[] };
  chronos?: { port: number };
  mesosdns?: { port: number; httpPort: number };
  consul?: { port: number; dnsPort: number };
  registrator?: Record<string, never>;
}

export interface MasterSpec {
  port: number;
  ip?: string;
  hostname?: string;
  loggingLevel: LoggingLevel;
  authenticate: boolean;
  aclJson?: string | Record<string, unknown>;
  flags: ExtraFlags;
}

export interface AgentSpec {
  port: number;
  ip?: string;
  hostname?: string;
  loggingLevel: LoggingLevel;
  /** Complete list: defaults for role `*` merged with what the user gave. */
  resources: ResourceEntry[];
  /** Mesos `--attributes` text, "" for none. */
  attributes: string;
  containerizers: Containerizer[];
  flags: ExtraFlags;
}
