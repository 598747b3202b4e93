import { createHash } from "node:crypto";

const ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769";

/** z-base-32 (RFC-less "human-oriented" base32) of the bytes, 5 bits per character, most significant first. */
export function zbase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The 5-character task hash of a canonical name: zbase32(sha1(taskId)), first 5 characters. */
export const taskHash = (taskId: string): string =>
  zbase32(createHash("sha1").update(taskId, "utf8").digest()).slice(0, 5);
