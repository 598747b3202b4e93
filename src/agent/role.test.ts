import { describe, expect, it } from "vitest";
import { parseFlags } from "../common/flags.js";
import { agentFlags } from "./flags.js";
import { agentOptionsFromFlags } from "./role.js";

describe("agent flags", () => {
  it("turn Mesos flags and MESOS_* variables into agent options", () => {
    const { values } = parseFlags(
      agentFlags,
      [
        "--master=127.0.0.1:5050",
        "--port=0",
        "--executor_registration_timeout=2secs",
        "--isolation=posix/cpu",
      ],
      { MESOS_RESOURCES: "cpus:2;mem:512", MESOS_CONTAINERIZERS: "simulated" },
    );
    const options = agentOptionsFromFlags(values);
    expect(options).toMatchObject({
      master: "127.0.0.1:5050",
      port: 0,
      ip: "127.0.0.1",
      resources: "cpus:2;mem:512",
      containerizers: "simulated",
      executorRegistrationTimeoutMs: 2000,
      statusUpdateRetryIntervalMs: 10_000,
    });
    expect(options.flags?.executor_registration_timeout).toBe("2secs");
  });

  it("require --master", () => {
    expect(() => agentOptionsFromFlags(parseFlags(agentFlags, [], {}).values)).toThrow(/--master/);
  });
});
