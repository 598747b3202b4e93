/** Deeper JSON than this is refused at the edge of every role: no API of Mesos, Marathon or Chronos nests so deep. */
export const DEFAULT_MAX_JSON_DEPTH = 200;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * One pass over a JSON text, before it is parsed: too deep a nesting, or a `\uXXXX` escape that leaves a
 * lone surrogate (which no UTF-8 output can carry, and which Mesos's own JSON parser refuses). Answers what
 * is wrong, or undefined. Text that is not JSON at all is left to the parser.
 */
export function jsonBodyProblem(text: string, maxDepth = DEFAULT_MAX_JSON_DEPTH): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x22) inString = false;
      else if (c === 0x5c) {
        if (text.charCodeAt(i + 1) === 0x75) {
          const code = parseInt(text.slice(i + 2, i + 6), 16);
          if (isHighSurrogate(code)) {
            const next = text.startsWith("\\u", i + 6) ? parseInt(text.slice(i + 8, i + 12), 16) : NaN;
            if (!isLowSurrogate(next))
              return `Invalid JSON: lone surrogate \\u${text.slice(i + 2, i + 6)} in a string`;
            i += 11;
            continue;
          }
          if (isLowSurrogate(code))
            return `Invalid JSON: lone surrogate \\u${text.slice(i + 2, i + 6)} in a string`;
        }
        i++;
      } else if (isHighSurrogate(c) ? !isLowSurrogate(text.charCodeAt(i + 1)) : isLowSurrogate(c)) {
        return "Invalid JSON: lone surrogate in a string";
      } else if (isHighSurrogate(c)) i++;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return `JSON nesting is deeper than ${maxDepth} levels`;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}
