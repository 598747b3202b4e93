import type { FrameworkInfo } from "../../mesos/framework.js";
import { EventStream, postJson } from "./event-stream.js";

/** A subscribed scheduler over real HTTP (test support). */
export class TestScheduler {
  private constructor(
    readonly masterUrl: string,
    readonly stream: EventStream,
    readonly frameworkId: string,
    readonly streamId: string,
  ) {}

  static async subscribe(masterUrl: string, info: Partial<FrameworkInfo> = {}): Promise<TestScheduler> {
    const frameworkInfo = { user: "tester", name: "test-framework", ...info };
    const stream = await EventStream.open(`${masterUrl}/api/v1/scheduler`, {
      type: "SUBSCRIBE",
      ...(info.id ? { framework_id: info.id } : {}),
      subscribe: { framework_info: frameworkInfo },
    });
    const first = await stream.next();
    if (first.type !== "SUBSCRIBED") throw new Error(`subscription refused: ${JSON.stringify(first)}`);
    const subscribed = first.subscribed as { framework_id: { value: string } };
    return new TestScheduler(
      masterUrl,
      stream,
      subscribed.framework_id.value,
      stream.headers.get("mesos-stream-id") ?? "",
    );
  }

  call(type: string, body: Record<string, unknown> = {}) {
    return postJson(
      `${this.masterUrl}/api/v1/scheduler`,
      { type, framework_id: { value: this.frameworkId }, ...body },
      { "Mesos-Stream-Id": this.streamId },
    );
  }

  close(): void {
    this.stream.close();
  }
}
