import type { SourcePosition } from "./errors.js";

export type Token =
  | { kind: "identifier"; text: string; pos: SourcePosition; newlineBefore: boolean }
  | { kind: "string"; value: string; pos: SourcePosition; newlineBefore: boolean }
  | { kind: "number"; value: number; text: string; pos: SourcePosition; newlineBefore: boolean }
  | { kind: "punct"; text: "{" | "}" | "=" | ";" | "."; pos: SourcePosition; newlineBefore: boolean }
  | { kind: "end"; pos: SourcePosition; newlineBefore: boolean };

export function describeToken(token: Token): string {
  switch (token.kind) {
    case "identifier":
      return `'${token.text}'`;
    case "string":
      return "a string";
    case "number":
      return `number ${token.text}`;
    case "punct":
      return `'${token.text}'`;
    default:
      return "end of file";
  }
}
