import { describe, expect, it } from "vitest";
import { ChangeFeed } from "./change-feed.js";
import { KvStore } from "./kv-store.js";

const store = () => new KvStore(new ChangeFeed());
const b = (s: string) => Buffer.from(s);

describe("KV store", () => {
  it("keeps CreateIndex, moves ModifyIndex, and honours CAS", () => {
    const kv = store();
    expect(kv.put("a", b("1"), 0, 0)).toBe(true);
    const first = kv.get("a");
    expect(first).toMatchObject({ createIndex: 1, modifyIndex: 1 });
    expect(kv.put("a", b("2"), 0, 0)).toBe(false);
    expect(kv.put("a", b("2"), 7, 99)).toBe(false);
    expect(kv.put("a", b("2"), 7, 1)).toBe(true);
    expect(kv.get("a")).toMatchObject({ createIndex: 1, modifyIndex: 2, flags: 7 });
    expect(kv.get("a")?.value.toString()).toBe("2");
  });

  it("deletes with CAS: a stale index fails, a missing key counts as deleted", () => {
    const kv = store();
    kv.put("a", b("1"), 0);
    expect(kv.delete("a", 5)).toBe(false);
    expect(kv.get("a")).toBeDefined();
    expect(kv.delete("a", 1)).toBe(true);
    expect(kv.get("a")).toBeUndefined();
    expect(kv.delete("a", 1)).toBe(true);
  });

  it("lists keys with and without a separator", () => {
    const kv = store();
    for (const k of ["web/1", "web/2/x", "web/2/y", "db/1"]) kv.put(k, b(""), 0);
    expect(kv.keys("web/")).toEqual(["web/1", "web/2/x", "web/2/y"]);
    expect(kv.keys("", "/")).toEqual(["db/", "web/"]);
    expect(kv.keys("web/", "/")).toEqual(["web/1", "web/2/"]);
    expect(kv.list("web/").map((e) => e.key)).toEqual(["web/1", "web/2/x", "web/2/y"]);
  });

  it("reports an index that moves past a delete under a prefix", () => {
    const kv = store();
    kv.put("app/a", b("1"), 0);
    kv.put("app/b", b("1"), 0);
    kv.put("other", b("1"), 0);
    expect(kv.indexOf("app/", false)).toBe(2);
    kv.deleteTree("app/");
    expect(kv.indexOf("app/", false)).toBe(4);
    expect(kv.indexOf("app/a", true)).toBe(4);
    expect(kv.list("app/")).toEqual([]);
  });
});
