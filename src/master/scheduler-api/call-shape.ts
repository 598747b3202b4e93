import type { FieldShape, MessageShape } from "./proto-shape.js";

const str = { kind: "string" } as const;
const num = { kind: "number" } as const;
const bool = { kind: "bool" } as const;
const bytes = { kind: "bytes" } as const;
const enm = { kind: "enum" } as const;
const req = <T extends FieldShape>(f: T): T => ({ ...f, required: true });
const msg = (shape: MessageShape): FieldShape => ({ kind: "message", shape });
const list = (f: FieldShape): FieldShape => ({ ...f, repeated: true });

const ID: MessageShape = { value: req(str) };
const id = msg(ID);
const reqId = req(id);

const Resource: MessageShape = {
  name: req(str),
  type: req(enm),
  scalar: msg({ value: req(num) }),
  ranges: msg({ range: list(msg({ begin: req(num), end: req(num) })) }),
  set: msg({ item: list(str) }),
  role: str,
  allocation_info: msg({ role: str }),
};

const CommandInfo: MessageShape = {
  shell: bool,
  value: str,
  arguments: list(str),
  user: str,
  uris: list(msg({ value: req(str), executable: bool, extract: bool, cache: bool, output_file: str })),
  environment: msg({ variables: list(msg({ name: req(str), value: str, type: enm })) }),
};

const ExecutorInfo: MessageShape = {
  type: enm,
  executor_id: reqId,
  framework_id: id,
  command: msg(CommandInfo),
  resources: list(msg(Resource)),
  name: str,
  source: str,
  data: bytes,
};

const TaskInfo: MessageShape = {
  name: req(str),
  task_id: reqId,
  agent_id: reqId,
  resources: list(msg(Resource)),
  executor: msg(ExecutorInfo),
  command: msg(CommandInfo),
  data: bytes,
  kill_policy: msg({ grace_period: msg({ nanoseconds: req(num) }) }),
};

const Operation: MessageShape = {
  type: enm,
  id,
  launch: msg({ task_infos: list(msg(TaskInfo)) }),
  launch_group: msg({
    executor: req(msg(ExecutorInfo)),
    task_group: req(msg({ tasks: list(msg(TaskInfo)) })),
  }),
};

const FrameworkInfo: MessageShape = {
  user: req(str),
  name: req(str),
  id,
  failover_timeout: num,
  checkpoint: bool,
  role: str,
  roles: list(str),
  hostname: str,
  principal: str,
  webui_url: str,
  capabilities: list(msg({ type: enm })),
  labels: msg({ labels: list(msg({ key: req(str), value: str })) }),
};

const Filters = msg({ refuse_seconds: num });
const roles = msg({ roles: list(str) });
const subscribeLike = msg({ framework_info: req(msg(FrameworkInfo)), suppressed_roles: list(str) });

/** The shape of scheduler::Call as Mesos's JSON conversion sees it. */
export const SCHEDULER_CALL: MessageShape = {
  type: enm,
  framework_id: id,
  subscribe: subscribeLike,
  accept: msg({ offer_ids: list(id), operations: list(msg(Operation)), filters: Filters }),
  decline: msg({ offer_ids: list(id), filters: Filters }),
  accept_inverse_offers: msg({ inverse_offer_ids: list(id), filters: Filters }),
  decline_inverse_offers: msg({ inverse_offer_ids: list(id), filters: Filters }),
  revive: roles,
  suppress: roles,
  kill: msg({
    task_id: reqId,
    agent_id: id,
    kill_policy: msg({ grace_period: msg({ nanoseconds: req(num) }) }),
  }),
  shutdown: msg({ executor_id: reqId, agent_id: reqId }),
  acknowledge: msg({ agent_id: reqId, task_id: reqId, uuid: req(bytes) }),
  acknowledge_operation_status: msg({ agent_id: id, operation_id: reqId, uuid: req(bytes) }),
  reconcile: msg({ tasks: list(msg({ task_id: reqId, agent_id: id })) }),
  reconcile_operations: msg({ operations: list(msg({ operation_id: reqId, agent_id: id })) }),
  message: msg({ agent_id: reqId, executor_id: reqId, data: req(bytes) }),
  request: msg({ requests: list(msg({ agent_id: id, resources: list(msg(Resource)) })) }),
  update_framework: subscribeLike,
};
