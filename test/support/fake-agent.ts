import { FakeMesosEndpoint } from "./fake-mesos-endpoint.js";

/** A fake agent's executor API: SUBSCRIBE answers SUBSCRIBED (no Mesos-Stream-Id), other calls 202. */
export function startFakeAgent(): Promise<FakeMesosEndpoint> {
  return FakeMesosEndpoint.start({
    path: "/api/v1/executor",
    streamIds: false,
    firstEvent: (request) => ({
      type: "SUBSCRIBED",
      subscribed: {
        executor_info: { executor_id: request.json.executor_id, framework_id: request.json.framework_id },
        framework_info: { user: "tester", name: "fw", id: request.json.framework_id },
        agent_info: { hostname: "agent1", port: 5051, resources: [], id: { value: "m-S0" } },
        container_id: { value: "c-1" },
      },
    }),
  });
}
