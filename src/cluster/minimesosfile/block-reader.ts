import type { Block, Property } from "./ast.js";
import type { MappingContext } from "./mapping-context.js";
import { isRetiredProperty, type RetiredProperty } from "./retired-properties.js";

export type PropertyHandler = (property: Property) => void;

export interface ChildBlockRule {
  /** Several blocks of this name may appear (like `agent`). */
  many?: boolean;
  read: (block: Block) => void;
}

export interface BlockRules {
  properties?: Record<string, PropertyHandler>;
  /** Docker-era properties this block accepts and ignores with a notice. */
  retired?: readonly RetiredProperty[];
  blocks?: Record<string, ChildBlockRule>;
}

const list = (names: string[]): string => (names.length ? names.join(", ") : "none");

function readProperties(block: Block, rules: BlockRules, ctx: MappingContext): void {
  const seen = new Map<string, number>();
  const handlers = rules.properties ?? {};
  for (const p of block.properties) {
    const earlier = seen.get(p.name);
    if (earlier !== undefined) ctx.fail(p.pos, `'${p.name}' is already set at line ${earlier}`);
    seen.set(p.name, p.pos.line);
    if (isRetiredProperty(p.name) && rules.retired?.includes(p.name)) ctx.retire(p.name, p.pos.line);
    else if (Object.hasOwn(handlers, p.name)) handlers[p.name]?.(p);
    else if (rules.blocks && Object.hasOwn(rules.blocks, p.name))
      ctx.fail(p.pos, `'${p.name}' is a block: write ${p.name} { ... }`);
    else {
      const known = [...Object.keys(handlers), ...(rules.retired ?? [])];
      ctx.fail(p.pos, `unknown property '${p.name}' in '${block.name}' (known: ${list(known)})`);
    }
  }
}

/** Checks a block's properties and child blocks against its rules and hands each to its handler. */
export function readBlock(block: Block, rules: BlockRules, ctx: MappingContext): void {
  readProperties(block, rules, ctx);
  const allowed = rules.blocks ?? {};
  const first = new Map<string, number>();
  for (const child of block.blocks) {
    const rule = Object.hasOwn(allowed, child.name) ? allowed[child.name] : undefined;
    if (!rule)
      ctx.fail(
        child.pos,
        `block '${child.name}' is not supported in '${block.name}' (expected: ${list(Object.keys(allowed))})`,
      );
    const earlier = first.get(child.name);
    if (earlier !== undefined && !rule.many)
      ctx.fail(child.pos, `only one '${child.name}' block is allowed; the first is at line ${earlier}`);
    first.set(child.name, earlier ?? child.pos.line);
    rule.read(child);
  }
}
