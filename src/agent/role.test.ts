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

  it("carry the minimesos Docker extensions into the options", () => {
    const { values } = parseFlags(agentFlags, [
      "--master=master:5050",
      "--ip=0.0.0.0",
      "--advertise_ip=10.0.0.7",
      "--docker_bridge_network=minimesos-1",
      "--docker_host_network=container:minimesos-1-agent-1",
      "--docker_container_labels=minimesos.test=t-1;team=core",
    ]);
    expect(agentOptionsFromFlags(values)).toMatchObject({
      advertiseIp: "10.0.0.7",
      dockerBridgeNetwork: "minimesos-1",
      dockerHostNetwork: "container:minimesos-1-agent-1",
      dockerLabels: { "minimesos.test": "t-1", team: "core" },
    });
  });

  it("require --master", () => {
    expect(() => agentOptionsFromFlags(parseFlags(agentFlags, [], {}).values)).toThrow(/--master/);
  });
});
