/** Marathon's `label=` selector (§1.4): comma-separated items that must all match. */

type Matcher = (labels: Record<string, string>) => boolean;

/** Splits on unescaped `sep` outside parentheses and drops the escaping backslashes later. */
function split(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === sep && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

const unescape = (text: string): string => text.trim().replace(/\\(.)/g, "$1");

function item(text: string): Matcher {
  const set = /^((?:\\.|[^\s\\])+)\s+(in|notin)\s+\((.*)\)$/.exec(text);
  if (set) {
    const key = unescape(set[1] as string);
    const values = split(set[3] as string, ",").map(unescape);
    const inSet = set[2] === "in";
    return (labels) => key in labels && values.includes(labels[key] as string) === inSet;
  }
  const eq = /^((?:\\.|[^=!\\])+?)\s*(==|!=)\s*(.*)$/.exec(text);
  if (eq) {
    const key = unescape(eq[1] as string);
    const value = unescape(eq[3] as string);
    return eq[2] === "=="
      ? (labels) => labels[key] === value
      : (labels) => key in labels && labels[key] !== value;
  }
  const key = unescape(text);
  return (labels) => key in labels;
}

export function labelSelector(text: string): Matcher {
  const items = split(text, ",").map(item);
  return (labels) => items.every((m) => m(labels));
}
