import type { ClusterSpecInput, MarathonDefinition, MasterSpecInput } from "../spec/index.js";
import type { Block } from "./ast.js";
import { readBlock } from "./block-reader.js";
import type { MappingContext } from "./mapping-context.js";
import {
  booleanValue,
  loggingLevelValue,
  optionalStringValue,
  portValue,
  stringValue,
} from "./property-values.js";

const IMAGE_ERA = ["imageName", "imageTag", "networkMode"] as const;

/** `master { portNumber, loggingLevel, authenticate, aclJson, hostname }` */
export function readMasterBlock(block: Block, ctx: MappingContext): MasterSpecInput {
  const master: MasterSpecInput = {};
  readBlock(
    block,
    {
      properties: {
        portNumber: (p) => (master.port = portValue(ctx, p)),
        hostname: (p) => (master.hostname = stringValue(ctx, p)),
        loggingLevel: (p) => {
          const level = loggingLevelValue(ctx, p);
          if (level) master.loggingLevel = level;
        },
        authenticate: (p) => (master.authenticate = booleanValue(ctx, p)),
        aclJson: (p) => {
          const acls = optionalStringValue(ctx, p);
          if (acls !== undefined && acls.trim() !== "") master.aclJson = acls.trim();
        },
      },
      retired: IMAGE_ERA,
    },
    ctx,
  );
  return master;
}

/** `app { marathonJson = ... }` / `group { marathonJson = ... }` */
function readMarathonDefinition(block: Block, ctx: MappingContext): MarathonDefinition {
  let definition: string | undefined;
  readBlock(block, { properties: { marathonJson: (p) => (definition = stringValue(ctx, p).trim()) } }, ctx);
  if (!definition) {
    const kind = block.name === "app" ? "App" : "Group";
    return ctx.fail(block.pos, `${kind} config must have a 'marathonJson' property`);
  }
  return definition;
}

function readMarathonBlock(block: Block, ctx: MappingContext): NonNullable<ClusterSpecInput["marathon"]> {
  const apps: MarathonDefinition[] = [];
  const groups: MarathonDefinition[] = [];
  let port: number | undefined;
  readBlock(
    block,
    {
      properties: { portNumber: (p) => (port = portValue(ctx, p)) },
      retired: [...IMAGE_ERA, "cmd"],
      blocks: {
        app: { many: true, read: (child) => apps.push(readMarathonDefinition(child, ctx)) },
        group: { many: true, read: (child) => groups.push(readMarathonDefinition(child, ctx)) },
      },
    },
    ctx,
  );
  return { ...(port !== undefined && { port }), apps, groups };
}

/** A role with nothing to configure but its port. */
function readPortOnlyBlock(block: Block, ctx: MappingContext): { port?: number } {
  const spec: { port?: number } = {};
  readBlock(
    block,
    { properties: { portNumber: (p) => (spec.port = portValue(ctx, p)) }, retired: IMAGE_ERA },
    ctx,
  );
  return spec;
}

function readMesosDnsBlock(block: Block, ctx: MappingContext): NonNullable<ClusterSpecInput["mesosdns"]> {
  const spec: NonNullable<ClusterSpecInput["mesosdns"]> = {};
  readBlock(
    block,
    {
      properties: {
        portNumber: (p) => (spec.port = portValue(ctx, p)),
        httpPortNumber: (p) => (spec.httpPort = portValue(ctx, p)),
      },
      retired: IMAGE_ERA,
    },
    ctx,
  );
  return spec;
}

/** `consul { portNumber, dnsPortNumber }` */
function readConsulBlock(block: Block, ctx: MappingContext): NonNullable<ClusterSpecInput["consul"]> {
  const spec: NonNullable<ClusterSpecInput["consul"]> = {};
  readBlock(
    block,
    {
      properties: {
        portNumber: (p) => (spec.port = portValue(ctx, p)),
        dnsPortNumber: (p) => (spec.dnsPort = portValue(ctx, p)),
      },
      retired: IMAGE_ERA,
    },
    ctx,
  );
  return spec;
}

/** Reads one of the roles beside master and agents into the spec. */
export const optionalRoleReaders = {
  zookeeper: (b: Block, ctx: MappingContext, spec: ClusterSpecInput) =>
    (spec.zookeeper = readPortOnlyBlock(b, ctx)),
  marathon: (b: Block, ctx: MappingContext, spec: ClusterSpecInput) =>
    (spec.marathon = readMarathonBlock(b, ctx)),
  chronos: (b: Block, ctx: MappingContext, spec: ClusterSpecInput) =>
    (spec.chronos = readPortOnlyBlock(b, ctx)),
  mesosdns: (b: Block, ctx: MappingContext, spec: ClusterSpecInput) =>
    (spec.mesosdns = readMesosDnsBlock(b, ctx)),
  consul: (b: Block, ctx: MappingContext, spec: ClusterSpecInput) => (spec.consul = readConsulBlock(b, ctx)),
  registrator: (b: Block, ctx: MappingContext, spec: ClusterSpecInput) => {
    readBlock(b, { retired: IMAGE_ERA }, ctx);
    spec.registrator = {};
  },
};
