// The public API of minimesos.
export * from "./mesos/index.js";
export { startMaster, type Master } from "./master/master.js";
export { startAgent, type Agent, type AgentOptions } from "./agent/agent.js";
