/**
 * How Mesos turns a v1 call body into a `Call` protobuf, as far as the envelope goes: the body must be
 * a JSON object; a `type` of the wrong JSON kind is a conversion error, while an unknown enum name on
 * the optional `type` field is dropped, so validation then finds no type. The texts are Mesos's 400s.
 */
export function parseJsonObject(text: string): { json: Record<string, unknown> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `Failed to parse body into JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { error: "Failed to convert JSON into Call protobuf: Expecting a JSON object" };
  return { json: parsed as Record<string, unknown> };
}

export function parseCallEnvelope(
  text: string,
  isKnownType: (type: string) => boolean,
  protoName: string,
): { call: { type: string } & Record<string, unknown> } | { error: string } {
  const parsed = parseJsonObject(text);
  if ("error" in parsed) return parsed;
  const type = parsed.json.type;
  if (type !== undefined && type !== null && typeof type !== "string")
    return {
      error: `Failed to convert JSON into Call protobuf: Not expecting a JSON ${Array.isArray(type) ? "array" : typeof type} for field 'type'`,
    };
  if (typeof type !== "string" || !isKnownType(type))
    return { error: `Failed to validate ${protoName}: Expecting 'type' to be present` };
  return { call: parsed.json as { type: string } & Record<string, unknown> };
}
