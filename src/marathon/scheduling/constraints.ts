import { attributeText, type Attribute } from "../../mesos/attributes.js";

/** The values constraints look at for one agent: `hostname` plus each attribute as text. */
export function placementOf(hostname: string, attributes: readonly Attribute[] = []): Record<string, string> {
  const values: Record<string, string> = { hostname };
  for (const a of attributes) values[a.name] = attributeText(a);
  return values;
}

const fieldOf = (field: string): string => (field === "@hostname" ? "hostname" : field.replace(/^@/, ""));

function countBy(values: ReadonlyArray<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const sameNumber = (a: string, b: string): boolean =>
  Number.isFinite(Number(a)) &&
  Number.isFinite(Number(b)) &&
  Math.round(Number(a) * 1000) === Math.round(Number(b) * 1000);

/**
 * Whether one more task of the app may go to an agent with `candidate` values, given where its other
 * tasks run (`placed`).
 */
export function meetsConstraint(
  constraint: readonly string[],
  candidate: Record<string, string>,
  placed: ReadonlyArray<Record<string, string>>,
): boolean {
  const field = fieldOf(constraint[0] ?? "");
  const operator = (constraint[1] ?? "").toUpperCase();
  const value = constraint[2] ?? "";
  const own = candidate[field];
  if (own === undefined) return operator === "UNLIKE";
  const others = placed.map((p) => p[field]);
  switch (operator) {
    case "UNIQUE":
      return !others.includes(own);
    case "CLUSTER":
      return value !== "" ? own === value : others.every((o) => o === undefined || o === own);
    case "LIKE":
      return new RegExp(`^(?:${value})$`).test(own);
    case "UNLIKE":
      return !new RegExp(`^(?:${value})$`).test(own);
    case "MAX_PER":
      return (countBy(others).get(own) ?? 0) < Number(value);
    case "IS":
      return own === value || sameNumber(own, value);
    case "GROUP_BY":
      return meetsGroupBy(own, others, value === "" ? 0 : Number(value));
    default:
      return false;
  }
}

/** Spread evenly: the candidate's value must be among the least used of the values seen (or expected). */
function meetsGroupBy(own: string, others: ReadonlyArray<string | undefined>, expected: number): boolean {
  const counts = countBy(others);
  if (!counts.has(own)) return true;
  if (counts.size < expected) return false;
  const least = Math.min(...counts.values());
  return (counts.get(own) ?? 0) <= least;
}

export const meetsConstraints = (
  constraints: readonly string[][],
  candidate: Record<string, string>,
  placed: ReadonlyArray<Record<string, string>>,
): boolean => constraints.every((c) => meetsConstraint(c, candidate, placed));
