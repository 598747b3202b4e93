import {
  BadRequest,
  INVALID_CHECK_MESSAGE,
  isValidCheck,
  parseCheckDefinition,
  type CheckDefinition,
} from "./check-definition.js";
import {
  boolField,
  DecodeError,
  field,
  intField,
  isObject,
  stringField,
  stringListField,
  stringMapField,
} from "./go-json.js";
import { isCheckStatus } from "../state/records.js";

/** A service as a client registers it with the agent. */
export interface ServiceDefinition {
  id: string;
  name: string;
  tags: string[];
  address: string;
  port: number;
  meta: Record<string, string>;
  enableTagOverride: boolean;
  checks: CheckDefinition[];
}

const WHERE = "structs.ServiceDefinition";

const ANY_ADDRESS = new Set(["0.0.0.0", "::", "[::]"]);

/** Reads `PUT /v1/agent/service/register`'s body, with Consul's checks and texts. */
export function parseServiceDefinition(raw: unknown): ServiceDefinition {
  if (!isObject(raw))
    throw new DecodeError(
      `json: cannot unmarshal ${Array.isArray(raw) ? "array" : typeof raw} into Go value of type ${WHERE}`,
    );
  const name = stringField(raw, "Name", WHERE);
  const address = stringField(raw, "Address", WHERE);
  const checks: CheckDefinition[] = [];
  const single = field(raw, "Check");
  if (isObject(single) && Object.keys(single).length > 0)
    checks.push(parseCheckDefinition(single, "structs.CheckType"));
  const many = field(raw, "Checks");
  if (Array.isArray(many)) for (const c of many) checks.push(parseCheckDefinition(c, "structs.CheckType"));
  if (!name) throw new BadRequest("Missing service name");
  if (ANY_ADDRESS.has(address)) throw new BadRequest("Invalid service address");
  for (const check of checks) {
    if (check.status && !isCheckStatus(check.status))
      throw new BadRequest("Status for checks must 'passing', 'warning', 'critical'");
    if (!isValidCheck(check.run)) throw new BadRequest(INVALID_CHECK_MESSAGE);
  }
  return {
    id: stringField(raw, "ID", WHERE) || name,
    name,
    tags: stringListField(raw, "Tags", WHERE),
    address,
    port: intField(raw, "Port", WHERE),
    meta: stringMapField(raw, "Meta", WHERE),
    enableTagOverride: boolField(raw, "EnableTagOverride", WHERE),
    checks,
  };
}
