import { z } from "zod";

/**
 * The JSON types Marathon accepts for an app, the union of the 1.3 and the 1.5+ forms. Only types are checked
 * here (a mismatch is Marathon's 400 "Invalid JSON"); values are checked by validation (422).
 */
const labels = z.record(z.string(), z.string());
const portDefinition = z.looseObject({
  port: z.number().optional(),
  protocol: z.string().optional(),
  name: z.string().optional(),
  labels: labels.optional(),
});
const portMapping = z.looseObject({
  containerPort: z.number().optional(),
  hostPort: z.number().optional(),
  servicePort: z.number().optional(),
  protocol: z.string().optional(),
  name: z.string().optional(),
  labels: labels.optional(),
  networkNames: z.array(z.string()).optional(),
});
const healthCheck = z.looseObject({
  protocol: z.string().optional(),
  path: z.string().optional(),
  portIndex: z.number().optional(),
  port: z.number().optional(),
  command: z.looseObject({ value: z.string() }).optional(),
  gracePeriodSeconds: z.number().optional(),
  intervalSeconds: z.number().optional(),
  timeoutSeconds: z.number().optional(),
  maxConsecutiveFailures: z.number().optional(),
  delaySeconds: z.number().optional(),
  ignoreHttp1xx: z.boolean().optional(),
  ipProtocol: z.string().optional(),
});
const readinessCheck = z.looseObject({
  name: z.string().optional(),
  protocol: z.string().optional(),
  path: z.string().optional(),
  portName: z.string().optional(),
  intervalSeconds: z.number().optional(),
  timeoutSeconds: z.number().optional(),
  httpStatusCodesForReady: z.array(z.number()).optional(),
  preserveLastResponse: z.boolean().optional(),
});
const fetchUri = z.looseObject({
  uri: z.string(),
  executable: z.boolean().optional(),
  extract: z.boolean().optional(),
  cache: z.boolean().optional(),
  destPath: z.string().optional(),
});
const container = z.looseObject({
  type: z.string().optional(),
  docker: z
    .looseObject({
      image: z.string().optional(),
      network: z.string().optional(),
      portMappings: z.array(portMapping).nullish(),
    })
    .nullish(),
  portMappings: z.array(portMapping).nullish(),
  volumes: z.array(z.looseObject({})).nullish(),
});

export const appInputSchema = z.looseObject({
  id: z.string().optional(),
  cmd: z.string().nullish(),
  args: z.array(z.string()).nullish(),
  user: z.string().nullish(),
  env: z.record(z.string(), z.union([z.string(), z.looseObject({ secret: z.string() })])).nullish(),
  secrets: z.record(z.string(), z.looseObject({ source: z.string() })).nullish(),
  instances: z.number().optional(),
  cpus: z.number().optional(),
  mem: z.number().optional(),
  disk: z.number().optional(),
  gpus: z.number().optional(),
  executor: z.string().nullish(),
  constraints: z.array(z.array(z.string())).nullish(),
  acceptedResourceRoles: z.array(z.string()).nullish(),
  role: z.string().nullish(),
  labels: labels.nullish(),
  fetch: z.array(fetchUri).nullish(),
  uris: z.array(z.string()).nullish(),
  storeUrls: z.array(z.string()).nullish(),
  ports: z.array(z.number()).nullish(),
  portDefinitions: z.array(portDefinition).nullish(),
  requirePorts: z.boolean().nullish(),
  backoffSeconds: z.number().optional(),
  backoffFactor: z.number().optional(),
  maxLaunchDelaySeconds: z.number().optional(),
  container: container.nullish(),
  networks: z.array(z.looseObject({ mode: z.string().optional(), name: z.string().optional() })).nullish(),
  ipAddress: z.looseObject({ networkName: z.string().optional() }).nullish(),
  healthChecks: z.array(healthCheck).nullish(),
  readinessChecks: z.array(readinessCheck).nullish(),
  dependencies: z.array(z.string()).nullish(),
  upgradeStrategy: z
    .looseObject({ minimumHealthCapacity: z.number().optional(), maximumOverCapacity: z.number().optional() })
    .nullish(),
  killSelection: z.string().nullish(),
  unreachableStrategy: z
    .union([
      z.literal("disabled"),
      z.looseObject({
        inactiveAfterSeconds: z.number().optional(),
        expungeAfterSeconds: z.number().optional(),
      }),
    ])
    .nullish(),
  taskKillGracePeriodSeconds: z.number().nullish(),
  version: z.string().optional(),
});

export type AppInput = z.infer<typeof appInputSchema>;

export interface JsonViolation {
  path: string;
  errors: string[];
}

const PLAY_ERRORS: Record<string, string> = {
  string: "error.expected.jsstring",
  number: "error.expected.jsnumber",
  int: "error.expected.jsnumber",
  boolean: "error.expected.jsboolean",
  array: "error.expected.jsarray",
  object: "error.expected.jsobject",
  record: "error.expected.jsobject",
};

/** Play-json's path form: `/portDefinitions(0)/port`. */
export const playPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p) => (typeof p === "number" ? `(${p})` : `/${String(p)}`)).join("") || "/";

/** Checks the JSON types; returns Marathon's "Invalid JSON" details on a mismatch. */
export function parseAppInput(json: unknown): { input: AppInput } | { violations: JsonViolation[] } {
  const result = appInputSchema.safeParse(json);
  if (result.success) return { input: result.data };
  const grouped = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const path = playPath(issue.path);
    const expected = "expected" in issue ? String(issue.expected) : "";
    const error = PLAY_ERRORS[expected] ?? "error.expected.validenumvalue";
    grouped.set(path, [...(grouped.get(path) ?? []), error]);
  }
  return { violations: [...grouped].map(([path, errors]) => ({ path, errors })) };
}
