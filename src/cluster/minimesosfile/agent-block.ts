import { parseAttributesFlag } from "../../mesos/attributes.js";
import { parseResourcesFlag } from "../../mesos/resource-text.js";
import {
  CONTAINERIZERS,
  type AgentSpecInput,
  type Containerizer,
  type ResourceEntry,
} from "../spec/index.js";
import type { Block, Property } from "./ast.js";
import { readBlock, type BlockRules } from "./block-reader.js";
import type { MappingContext } from "./mapping-context.js";
import { loggingLevelValue, numberValue, portValue, stringValue } from "./property-values.js";

/** minimesos's resource block names and the Mesos resource each one sets. */
const RESOURCE_BLOCKS = { cpu: "cpus", mem: "mem", disk: "disk", ports: "ports" } as const;

function readResource(block: Block, mesosName: string, ctx: MappingContext): ResourceEntry {
  let role = "*";
  let valueProperty: Property | undefined;
  readBlock(
    block,
    {
      properties: {
        role: (p) => (role = stringValue(ctx, p).trim() || "*"),
        value: (p) => (valueProperty = p),
      },
    },
    ctx,
  );
  if (!valueProperty) return ctx.fail(block.pos, `'${block.name}' needs a 'value'`);
  const value = mesosName === "ports" ? stringValue(ctx, valueProperty) : numberValue(ctx, valueProperty);
  try {
    parseResourcesFlag(`${mesosName}(${role}):${String(value)}`);
  } catch (error) {
    ctx.fail(valueProperty.value.pos, `invalid '${block.name}' value: ${(error as Error).message}`);
  }
  return { name: mesosName, role, value };
}

function readResources(block: Block, ctx: MappingContext): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  const lines = new Map<string, number>();
  const blocks: BlockRules["blocks"] = {};
  for (const [blockName, mesosName] of Object.entries(RESOURCE_BLOCKS))
    blocks[blockName] = {
      many: true,
      read: (child) => {
        const entry = readResource(child, mesosName, ctx);
        const key = `${entry.name}(${entry.role})`;
        const earlier = lines.get(key);
        if (earlier !== undefined) ctx.fail(child.pos, `${key} is already set at line ${earlier}`);
        lines.set(key, child.pos.line);
        entries.push(entry);
      },
    };
  readBlock(block, { blocks }, ctx);
  return entries;
}

function containerizersValue(ctx: MappingContext, p: Property): Containerizer[] {
  const names = stringValue(ctx, p)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.find((n) => !(CONTAINERIZERS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0)
    ctx.fail(p.value.pos, `'containerizers' is a comma-separated list of ${CONTAINERIZERS.join(", ")}`);
  return names as Containerizer[];
}

/** `agent { portNumber, attributes, loggingLevel, containerizers, hostname, resources { ... } }` */
export function readAgentBlock(block: Block, ctx: MappingContext): AgentSpecInput {
  const agent: AgentSpecInput = {};
  readBlock(
    block,
    {
      properties: {
        portNumber: (p) => (agent.port = portValue(ctx, p)),
        attributes: (p) => {
          const text = stringValue(ctx, p);
          try {
            parseAttributesFlag(text);
          } catch (error) {
            ctx.fail(p.value.pos, (error as Error).message);
          }
          if (text.trim() !== "") agent.attributes = text;
        },
        loggingLevel: (p) => {
          const level = loggingLevelValue(ctx, p);
          if (level) agent.loggingLevel = level;
        },
        containerizers: (p) => (agent.containerizers = containerizersValue(ctx, p)),
        hostname: (p) => (agent.hostname = stringValue(ctx, p)),
      },
      retired: ["imageName", "imageTag", "networkMode"],
      blocks: { resources: { read: (child) => (agent.resources = readResources(child, ctx)) } },
    },
    ctx,
  );
  return agent;
}
