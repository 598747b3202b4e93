import { describe, expect, it } from "vitest";
import { agentIdTail, domainFragment, rfc1123, rfc952 } from "./labels.js";
import { taskHash, zbase32 } from "./zbase32.js";

describe("Mesos-DNS label sanitising", () => {
  it("lower-cases, maps - . _ to -, drops everything else", () => {
    expect(rfc1123("ChronosTask:x")).toBe("chronostaskx");
    expect(rfc1123("app.group")).toBe("app-group");
    expect(rfc1123("my_task name!")).toBe("my-taskname");
    expect(rfc1123("Ünïcode-é")).toBe("ncode");
  });

  it("trims leading and trailing dashes, and RFC 952 also leading digits", () => {
    expect(rfc1123("--a--")).toBe("a");
    expect(rfc1123("_.x._")).toBe("x");
    expect(rfc1123("123abc")).toBe("123abc");
    expect(rfc952("123abc")).toBe("abc");
    expect(rfc952("-1-2-abc-")).toBe("abc");
  });

  it("cuts to 63 (RFC 1123) or 24 (RFC 952) characters, refilling after a trimmed cut", () => {
    expect(rfc1123("a".repeat(70))).toHaveLength(63);
    expect(rfc952("b".repeat(30))).toBe("b".repeat(24));
    // The cut lands on dashes: they are trimmed and characters after them fill the label up again.
    expect(rfc952(`${"c".repeat(22)}---dd`)).toBe(`${"c".repeat(22)}dd`);
    expect(rfc952(`${"c".repeat(23)}-`)).toBe("c".repeat(23));
  });

  it("sanitises framework names part by part, so dots stay", () => {
    expect(domainFragment("marathon.prod", rfc1123)).toBe("marathon.prod");
    expect(domainFragment("Marathon_User..x", rfc1123)).toBe("marathon-user.x");
    expect(domainFragment("chronos", rfc1123)).toBe("chronos");
  });

  it("takes the agent id's last part as its tail", () => {
    expect(agentIdTail("20150101-010101-16777343-5050-25588-S1")).toBe("s1");
    expect(agentIdTail("plain")).toBe("plain");
  });
});

describe("task hash", () => {
  it("is the first 5 characters of zbase32(sha1(task id))", () => {
    expect(taskHash("test")).toBe("iffe9");
  });

  it("encodes z-base-32 most significant bits first", () => {
    expect(zbase32(Buffer.from([0]))).toBe("yy");
    expect(zbase32(Buffer.from([0xff]))).toBe("9h");
    expect(zbase32(Buffer.from([]))).toBe("");
  });
});
