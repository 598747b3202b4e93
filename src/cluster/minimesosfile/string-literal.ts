import type { Scanner } from "./scanner.js";

const SIMPLE_ESCAPES: Record<string, string> = {
  b: "\b",
  t: "\t",
  n: "\n",
  f: "\f",
  r: "\r",
  '"': '"',
  "'": "'",
  "\\": "\\",
  $: "$",
};

function readEscape(s: Scanner): string {
  const at = s.position;
  s.advance(); // the backslash
  const c = s.peek();
  if (c === "\n") {
    s.advance();
    return "";
  }
  if (c === "u") {
    const hex = s.text.slice(s.index + 1, s.index + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) s.fail("invalid unicode escape: expected \\u and 4 hex digits", at);
    s.advance(5);
    return String.fromCharCode(parseInt(hex, 16));
  }
  const simple = SIMPLE_ESCAPES[c];
  if (simple === undefined) s.fail(`invalid escape '\\${c}' in string`, at);
  s.advance();
  return simple;
}

/**
 * Reads a '...', "...", '''...''' or """...""" literal at the cursor. Double-quoted strings are GStrings in
 * Groovy, where `$name` and `${...}` run code; those are refused rather than evaluated.
 */
export function readStringLiteral(s: Scanner): string {
  const start = s.position;
  const quote = s.peek();
  const triple = s.startsWith(quote.repeat(3));
  const delimiter = triple ? quote.repeat(3) : quote;
  s.advance(delimiter.length);
  let value = "";
  while (true) {
    if (s.atEnd())
      s.fail(`unterminated ${triple ? "triple-quoted " : ""}string: missing closing ${delimiter}`, start);
    if (s.startsWith(delimiter)) {
      s.advance(delimiter.length);
      return value;
    }
    const c = s.peek();
    if (c === "\n" && !triple)
      s.fail(`unterminated string: missing closing ${delimiter} before the end of the line`, start);
    if (c === "\\") value += readEscape(s);
    else if (c === "$" && quote === '"' && /[A-Za-z_{]/.test(s.peek(1)))
      s.fail(
        "string interpolation ('$...') is not supported: a minimesosFile is read, never run; write \\$ for a literal '$'",
      );
    else {
      value += c === "\r" && s.peek(1) === "\n" ? "" : c;
      s.advance();
    }
  }
}
