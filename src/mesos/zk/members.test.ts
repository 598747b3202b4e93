import { describe, expect, it } from "vitest";
import { buildMasterInfo } from "../../master/master-info.js";
import { leaderFromZnode, masterMembers, memberSequence } from "./members.js";

describe("master znodes", () => {
  it("keep json.info_ children, lowest sequence first", () => {
    const children = ["info_0000000001", "json.info_0000000012", "log_replicas", "json.info_0000000003"];
    expect(masterMembers(children)).toEqual(["json.info_0000000003", "json.info_0000000012"]);
    expect(memberSequence("json.info_0000000012")).toBe(12);
    expect(memberSequence("json.info_x")).toBeUndefined();
  });

  it("read the leader's address from the MasterInfo the master builds", () => {
    const info = buildMasterInfo("m-1", "127.0.0.1", 5055, "box");
    const leader = leaderFromZnode("json.info_0000000003", Buffer.from(JSON.stringify(info)));
    expect(leader).toMatchObject({ address: "127.0.0.1:5055", id: "m-1", hostname: "box", port: 5055 });
    expect(leader.info).toEqual(info);
  });

  it("fall back to pid and the packed ip as older MasterInfo writers have them", () => {
    const json = { id: "x", ip: 16842879, port: 5050, pid: "master@127.0.1.1:5050", hostname: "m1" };
    expect(leaderFromZnode("json.info_1", Buffer.from(JSON.stringify(json))).address).toBe("127.0.1.1:5050");
    const noPid = { id: "x", ip: 16842879, port: 5050, hostname: "m1" };
    expect(leaderFromZnode("json.info_1", Buffer.from(JSON.stringify(noPid))).ip).toBe("127.0.1.1");
  });

  it("refuse data that is no MasterInfo, naming the znode", () => {
    expect(() => leaderFromZnode("json.info_7", Buffer.from("\x08\x01"))).toThrow(/json.info_7.*JSON/);
    expect(() => leaderFromZnode("json.info_7", Buffer.from("{}"))).toThrow(/without an address/);
  });
});
