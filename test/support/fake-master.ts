import { FakeMesosEndpoint } from "./fake-mesos-endpoint.js";

/** A fake master: SUBSCRIBE answers SUBSCRIBED with the framework id asked for, or `fw-0000` for a new one. */
export function startFakeMaster(heartbeatIntervalSeconds = 15): Promise<FakeMesosEndpoint> {
  return FakeMesosEndpoint.start({
    path: "/api/v1/scheduler",
    streamIds: true,
    firstEvent: (request) => ({
      type: "SUBSCRIBED",
      subscribed: {
        framework_id: request.json.framework_id ?? { value: "fw-0000" },
        heartbeat_interval_seconds: heartbeatIntervalSeconds,
      },
    }),
  });
}

export const FRAMEWORK_INFO = { user: "tester", name: "client-test" };

export const offer = (n: number) => ({
  id: { value: `m-O${n}` },
  framework_id: { value: "fw-0000" },
  agent_id: { value: "m-S0" },
  hostname: "agent1",
  resources: [{ name: "cpus", type: "SCALAR" as const, scalar: { value: 1 } }],
});
