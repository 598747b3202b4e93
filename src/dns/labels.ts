/**
 * Mesos-DNS's name sanitising (records/labels): a label keeps a-z and 0-9, lower-cases A-Z, turns `-`, `.`
 * and `_` into `-` and drops every other character; it is then cut to the spec's length and trimmed.
 */
export type LabelSpec = (name: string) => string;

function mapChars(name: string): string {
  let out = "";
  for (const ch of name) {
    if (ch >= "A" && ch <= "Z") out += ch.toLowerCase();
    else if ((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9")) out += ch;
    else if (ch === "-" || ch === "." || ch === "_") out += "-";
  }
  return out;
}

const trimStart = (text: string, cut: string): string => {
  let i = 0;
  while (i < text.length && cut.includes(text[i] as string)) i++;
  return text.slice(i);
};

const trimEnd = (text: string, cut: string): string => {
  let i = text.length;
  while (i > 0 && cut.includes(text[i - 1] as string)) i--;
  return text.slice(0, i);
};

/**
 * Trims `left` from the start, cuts at `max`, trims `right` from the end; when the end trim shortened the
 * label, characters after the cut (past any leading `right` ones) fill it up to `max` again, as labels.go does.
 */
function trimCut(label: string, max: number, left: string, right: string): string {
  const trimmed = trimStart(label, left);
  const size = Math.min(trimmed.length, max);
  const head = trimEnd(trimmed.slice(0, size), right);
  if (head.length === size) return head;
  const tail = trimStart(trimmed.slice(size), right);
  return head + tail.slice(0, size - head.length);
}

/** RFC 1123 labels (the default): up to 63 characters, no leading or trailing `-`. */
export const rfc1123: LabelSpec = (name) => trimCut(mapChars(name), 63, "-", "-");

/** RFC 952 labels (`enforceRFC952`): up to 24 characters, starting with a letter. */
export const rfc952: LabelSpec = (name) => trimCut(mapChars(name), 24, "-0123456789", "-");

export const labelSpec = (enforceRFC952: boolean): LabelSpec => (enforceRFC952 ? rfc952 : rfc1123);

/** A framework name: each `.`-separated part sanitised on its own, empty parts dropped, so dots stay. */
export const domainFragment = (name: string, spec: LabelSpec): string =>
  name
    .split(".")
    .map(spec)
    .filter((part) => part !== "")
    .join(".");

/** The last `-`-separated part of an agent id, lower-cased (`...-S1` gives `s1`). */
export const agentIdTail = (agentId: string): string => (agentId.split("-").pop() ?? "").toLowerCase();
