import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  authenticatedPrincipal,
  basicAuthorization,
  CredentialsFileError,
  readCredential,
  readCredentials,
} from "./credentials.js";

const dir = mkdtempSync(join(tmpdir(), "credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("Mesos credential files", () => {
  it("reads the JSON and the text forms, and file:// URLs", () => {
    const json = file(
      "c.json",
      '{"credentials":[{"principal":"a","secret":"s1"},{"principal":"b","secret":"s2"}]}',
    );
    expect(readCredentials(json)).toEqual([
      { principal: "a", secret: "s1" },
      { principal: "b", secret: "s2" },
    ]);
    expect(readCredentials(`file://${file("c.txt", "a s1\nb s2\n")}`)).toHaveLength(2);
    expect(readCredential(file("one.json", '{"principal":"a","secret":"s1"}'))).toEqual({
      principal: "a",
      secret: "s1",
    });
    expect(readCredential(file("one.txt", "a s1\n"))).toEqual({ principal: "a", secret: "s1" });
  });

  it("names the problem with a missing or empty file", () => {
    expect(() => readCredentials(join(dir, "none"))).toThrow(CredentialsFileError);
    expect(() => readCredentials(file("empty.json", '{"credentials":[]}'))).toThrow(/holds no credentials/);
    expect(() => readCredential(file("bad.json", '{"principal":"a"}'))).toThrow(/no principal and secret/);
  });

  it("checks HTTP Basic authorization against the credentials", () => {
    const known = [{ principal: "agent", secret: "s3cret" }];
    expect(authenticatedPrincipal(basicAuthorization(known[0]!), known)).toEqual({ principal: "agent" });
    expect(authenticatedPrincipal(undefined, known)).toEqual({ problem: "no credentials presented" });
    expect(authenticatedPrincipal(basicAuthorization({ principal: "agent", secret: "x" }), known)).toEqual({
      problem: "wrong credentials for principal 'agent'",
    });
  });
});
