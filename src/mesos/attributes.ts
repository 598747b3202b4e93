import { formatRanges, parseRanges, type Range } from "./ranges.js";

export interface Attribute {
  name: string;
  type: "SCALAR" | "RANGES" | "SET" | "TEXT";
  scalar?: { value: number };
  ranges?: { range: Range[] };
  set?: { item: string[] };
  text?: { value: string };
}

/** Parses `--attributes`: `name:value;...` where a value is text, a number or `[a-b]` ranges. */
export function parseAttributesFlag(text: string): Attribute[] {
  const out: Attribute[] = [];
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const colon = part.indexOf(":");
    if (colon <= 0) throw new Error(`Invalid attribute '${part}': expected name:value`);
    const name = part.slice(0, colon).trim();
    const value = part.slice(colon + 1).trim();
    if (value.startsWith("[")) out.push({ name, type: "RANGES", ranges: { range: parseRanges(value) } });
    else if (value.startsWith("{") && value.endsWith("}"))
      out.push({
        name,
        type: "SET",
        set: {
          item: value
            .slice(1, -1)
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        },
      });
    else if (value !== "" && Number.isFinite(Number(value)))
      out.push({ name, type: "SCALAR", scalar: { value: Number(value) } });
    else out.push({ name, type: "TEXT", text: { value } });
  }
  return out;
}

/** The legacy flat form: `{"rack":"r1","level":10,"keys":"[1000-1500]"}`. */
export function flattenAttributes(attributes: readonly Attribute[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const a of attributes) {
    if (a.type === "SCALAR") out[a.name] = a.scalar?.value ?? 0;
    else if (a.type === "RANGES") out[a.name] = formatRanges(a.ranges?.range ?? []);
    else if (a.type === "SET") out[a.name] = `{${(a.set?.item ?? []).join(", ")}}`;
    else out[a.name] = a.text?.value ?? "";
  }
  return out;
}

/** The attribute's value as text, for matching constraints. */
export function attributeText(a: Attribute): string {
  const flat = flattenAttributes([a])[a.name];
  return String(flat);
}
