import { describe, expect, it } from "vitest";
import { marathonOptionsFromFlags, parseMarathonFlags } from "./flags.js";

describe("Marathon flags", () => {
  it("read MARATHON_* variables, the command line winning over them", () => {
    const { values } = parseMarathonFlags(["--http_port=0"], {
      MARATHON_MASTER: "127.0.0.1:5050",
      MARATHON_HTTP_PORT: "9090",
      MARATHON_FRAMEWORK_NAME: "mine",
      MESOS_MESOS_ROLE: "ignored",
    });
    expect(marathonOptionsFromFlags(values)).toMatchObject({
      master: "127.0.0.1:5050",
      httpPort: 0,
      frameworkName: "mine",
      mesosRole: "*",
      localPortMin: 10000,
    });
  });

  it("require a master", () => {
    expect(() => marathonOptionsFromFlags(parseMarathonFlags([], {}).values)).toThrow(/--master/);
  });
});
