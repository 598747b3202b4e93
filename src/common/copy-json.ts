/** Deep copy of plain JSON data: several times cheaper than structuredClone on objects as small as resources. */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copyJson((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}
