/**
 * `--docker_container_labels`: `key=value;key=value`, or a JSON object of strings when a key or value
 * holds `;` or `=` (written by `formatLabelsFlag`).
 */
export function parseLabelsFlag(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const parsed = JSON.parse(trimmed) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error("--docker_container_labels: expected a JSON object");
    for (const [key, value] of Object.entries(parsed))
      if (typeof value !== "string")
        throw new Error(`--docker_container_labels: the value of '${key}' must be a string`);
    return parsed as Record<string, string>;
  }
  const labels: Record<string, string> = {};
  for (const pair of trimmed.split(";")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (key === "") throw new Error(`--docker_container_labels: '${pair}' has no key`);
    labels[key] = at < 0 ? "" : pair.slice(at + 1);
  }
  return labels;
}

/** The flag's text for `labels`: the `key=value;...` form when it can hold them, JSON otherwise. */
export function formatLabelsFlag(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  const plain = entries.every(([k, v]) => !/[;=]/.test(k) && !v.includes(";") && !k.trim().startsWith("{"));
  return plain ? entries.map(([k, v]) => `${k}=${v}`).join(";") : JSON.stringify(labels);
}
