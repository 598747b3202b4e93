import type { SourcePosition } from "./errors.js";
import { Scanner } from "./scanner.js";
import { readStringLiteral } from "./string-literal.js";
import type { Token } from "./tokens.js";

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const NUMBER = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/;

const hint = (chars: string, text: string) => Object.fromEntries([...chars].map((c) => [c, text]));
const CODE_HINTS: Record<string, string> = {
  ...hint("()", "method calls are not supported"),
  ...hint("[]", "lists and indexing are not supported"),
  ...hint(",", "lists and argument lists are not supported"),
  ...hint("+-*/?<>!&|", "expressions are not supported"),
  ...hint("$", "Groovy code is not supported"),
  ...hint("@", "annotations are not supported"),
  ...hint(":", "maps and labels are not supported"),
};

/** Skips blanks and comments; true when a line break was crossed. */
function skipTrivia(s: Scanner): boolean {
  let newline = false;
  while (!s.atEnd()) {
    const c = s.peek();
    if (c === "\n") {
      newline = true;
      s.advance();
    } else if (c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\uFEFF") s.advance();
    else if (s.startsWith("//") || (s.index === 0 && s.startsWith("#!"))) {
      while (!s.atEnd() && s.peek() !== "\n") s.advance();
    } else if (s.startsWith("/*")) {
      const start = s.position;
      const close = s.text.indexOf("*/", s.index + 2);
      if (close < 0) s.fail("unterminated comment: '/*' without '*/'", start);
      if (s.text.slice(s.index, close).includes("\n")) newline = true;
      s.advance(close + 2 - s.index);
    } else break;
  }
  return newline;
}

function readNumber(s: Scanner, pos: SourcePosition, newlineBefore: boolean): Token {
  const match = NUMBER.exec(s.text.slice(s.index));
  if (!match) s.fail(`unexpected character '-': ${CODE_HINTS["-"]}`);
  const text = match[0];
  s.advance(text.length);
  if (IDENT_PART.test(s.peek()) || s.peek() === ".")
    s.fail(`unexpected '${s.peek()}' after number ${text}: write plain numbers such as 5050 or 0.5`);
  return { kind: "number", value: Number(text), text, pos, newlineBefore };
}

function nextToken(s: Scanner): Token {
  const newlineBefore = skipTrivia(s);
  const pos = s.position;
  if (s.atEnd()) return { kind: "end", pos, newlineBefore };
  const c = s.peek();
  if (IDENT_START.test(c)) {
    const start = s.index;
    while (IDENT_PART.test(s.peek())) s.advance();
    return { kind: "identifier", text: s.text.slice(start, s.index), pos, newlineBefore };
  }
  if (DIGIT.test(c) || (c === "-" && DIGIT.test(s.peek(1)))) return readNumber(s, pos, newlineBefore);
  if (c === '"' || c === "'") return { kind: "string", value: readStringLiteral(s), pos, newlineBefore };
  if (c === "{" || c === "}" || c === "=" || c === ";" || c === ".") {
    if (c === "=" && s.peek(1) === "=") s.fail("unexpected '==': expressions are not supported");
    s.advance();
    return { kind: "punct", text: c, pos, newlineBefore };
  }
  const hint = s.startsWith("->") ? "closures with parameters are not supported" : CODE_HINTS[c];
  const shown = JSON.stringify(c).slice(1, -1);
  s.fail(`unexpected character '${shown}'${hint ? `: ${hint}; a minimesosFile is read, never run` : ""}`);
}

/** Splits a minimesosFile into tokens; the last one is always `end`. */
export function tokenize(text: string, source = "minimesosFile"): Token[] {
  const scanner = new Scanner(text, source);
  const tokens: Token[] = [];
  for (let guard = 0; guard <= text.length + 1; guard++) {
    const token = nextToken(scanner);
    tokens.push(token);
    if (token.kind === "end") return tokens;
  }
  return scanner.fail("tokenizer made no progress");
}
