import { describe, expect, it } from "vitest";
import { isZkUrl, parseZkUrl, ZkUrlError } from "./zk-url.js";

describe("zk:// URLs", () => {
  it("parse one or several servers, default port 2181, and the path", () => {
    expect(parseZkUrl("zk://127.0.0.1:2181/mesos")).toEqual({
      servers: [{ host: "127.0.0.1", port: 2181 }],
      connectionString: "127.0.0.1:2181",
      path: "/mesos",
      display: "zk://127.0.0.1:2181/mesos",
    });
    const several = parseZkUrl("zk://h1:2181,h2,[::1]:2182/mesos/prod/");
    expect(several.connectionString).toBe("h1:2181,h2:2181,[::1]:2182");
    expect(several.path).toBe("/mesos/prod");
  });

  it("take digest credentials and keep the password out of display and errors", () => {
    const url = parseZkUrl("zk://jo:s3cret@h1:2181/mesos");
    expect(url.credentials).toEqual({ user: "jo", password: "s3cret" });
    expect(url.display).toBe("zk://jo:***@h1:2181/mesos");
    expect(() => parseZkUrl("zk://jo:s3cret@h1:0/mesos")).toThrow("'zk://jo:***@h1:0/mesos'");
  });

  it.each([
    ["http://h:2181/mesos", /expected zk:\/\/host:port/],
    ["h:2181/mesos", /expected zk:\/\/host:port/],
    ["zk://h:2181", /names no znode path/],
    ["zk://h:2181/", /names no znode path/],
    ["zk:///mesos", /no ZooKeeper server given/],
    ["zk://h:99999/mesos", /'99999' in 'h:99999' is not a port/],
    ["zk://h:abc/mesos", /'abc' in 'h:abc' is not a port/],
    ["zk://h1,,h2/mesos", /empty host/],
    ["zk://bad host:2181/mesos", /'bad host:2181' is not host or host:port/],
    ["zk://h:2181/mesos//x", /empty, '\.' or '\.\.' segment/],
    ["zk://h:2181/../x", /empty, '\.' or '\.\.' segment/],
    ["zk://@h:2181/mesos", /credentials must be user:password@/],
    ["zk://h:2181/me sos", /spaces or control characters/],
  ])("refuse %s with a clear reason", (text, reason) => {
    const attempt = () => parseZkUrl(text);
    expect(attempt).toThrow(ZkUrlError);
    expect(attempt).toThrow(reason);
    expect(attempt).toThrow(/^Malformed ZooKeeper URL/);
  });

  it("recognise zk:// addresses", () => {
    expect(isZkUrl("ZK://h:1/m")).toBe(true);
    expect(isZkUrl("http://h:5050")).toBe(false);
  });
});
