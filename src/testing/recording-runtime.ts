import type { LaunchedRole, RoleLaunch, Runtime, RuntimeKind } from "../cluster/runtime/runtime.js";

/** A runtime that remembers how it launched each role, so a role can be launched again the same way. */
export class RecordingRuntime implements Runtime {
  private readonly launches = new Map<string, RoleLaunch>();

  constructor(private readonly inner: Runtime) {}

  get kind(): RuntimeKind {
    return this.inner.kind;
  }

  launch(launch: RoleLaunch, clusterId: string): Promise<LaunchedRole> {
    this.launches.set(launch.name, launch);
    return this.inner.launch(launch, clusterId);
  }

  /** How `name` was launched (same port, work dir and flags). */
  launchOf(name: string): RoleLaunch {
    const launch = this.launches.get(name);
    if (!launch) throw new Error(`No role named ${name} was launched in this cluster`);
    return launch;
  }
}
