import { describe, expect, it } from "vitest";
import { executorApiUrl, resolveExecutorOptions } from "./executor-config.js";

describe("executor settings", () => {
  it("come from the variables the agent sets", () => {
    const options = resolveExecutorOptions(
      {},
      {
        MESOS_AGENT_ENDPOINT: "10.0.0.5:5051",
        MESOS_FRAMEWORK_ID: "m-0001",
        MESOS_EXECUTOR_ID: "e1",
        MESOS_CHECKPOINT: "1",
        MESOS_RECOVERY_TIMEOUT: "1mins",
        MESOS_SUBSCRIPTION_BACKOFF_MAX: "500ms",
      },
    );
    expect(options).toEqual({
      agentEndpoint: "10.0.0.5:5051",
      frameworkId: "m-0001",
      executorId: "e1",
      checkpoint: true,
      recoveryTimeoutMs: 60_000,
      subscriptionBackoffMaxMs: 500,
      requestTimeoutMs: 10_000,
    });
  });

  it("default like Mesos, fall back to MESOS_SLAVE_PID and let explicit options win", () => {
    const env = {
      MESOS_SLAVE_PID: "slave(1)@10.0.0.6:5052",
      MESOS_FRAMEWORK_ID: "f",
      MESOS_EXECUTOR_ID: "e",
    };
    expect(resolveExecutorOptions({}, env)).toMatchObject({
      agentEndpoint: "10.0.0.6:5052",
      checkpoint: false,
      recoveryTimeoutMs: 15 * 60_000,
      subscriptionBackoffMaxMs: 2_000,
    });
    expect(resolveExecutorOptions({ agentEndpoint: "127.0.0.1:1", checkpoint: true }, env)).toMatchObject({
      agentEndpoint: "127.0.0.1:1",
      checkpoint: true,
    });
  });

  it("name the missing variable", () => {
    expect(() => resolveExecutorOptions({}, { MESOS_AGENT_ENDPOINT: "h:1", MESOS_EXECUTOR_ID: "e" })).toThrow(
      "Expecting 'MESOS_FRAMEWORK_ID' to be set in the environment",
    );
  });

  it("build the executor API URL with or without a scheme", () => {
    expect(executorApiUrl("10.0.0.5:5051").href).toBe("http://10.0.0.5:5051/api/v1/executor");
    expect(executorApiUrl("http://h:1").href).toBe("http://h:1/api/v1/executor");
  });
});
