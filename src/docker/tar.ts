/** One entry of a tar archive: a regular file, a directory or a symbolic link. */
export type TarEntry =
  | { type: "file"; path: string; data: Buffer; mode?: number }
  | { type: "dir"; path: string; mode?: number }
  | { type: "symlink"; path: string; target: string };

const BLOCK = 512;

/** A ustar archive of the entries (owned by root, mtime 0), as `docker import` takes it. */
export function tarArchive(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = entry.type === "file" ? entry.data : Buffer.alloc(0);
    parts.push(header(entry, data.length), data, Buffer.alloc(padding(data.length)));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function header(entry: TarEntry, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const name = entry.type === "dir" && !entry.path.endsWith("/") ? `${entry.path}/` : entry.path;
  if (Buffer.byteLength(name) > 100) throw new Error(`tar path too long: ${name}`);
  const mode = entry.type === "symlink" ? 0o777 : (entry.mode ?? (entry.type === "dir" ? 0o755 : 0o644));
  block.write(name, 0, 100, "utf8");
  writeOctal(block, mode, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, size, 124, 12);
  writeOctal(block, 0, 136, 12);
  block.write({ file: "0", dir: "5", symlink: "2" }[entry.type], 156, 1, "ascii");
  if (entry.type === "symlink") block.write(entry.target, 157, 100, "utf8");
  block.write("ustar\u000000", 257, 8, "ascii");
  block.fill(" ", 148, 156);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  block.write(`${checksum.toString(8).padStart(6, "0")}\u0000 `, 148, 8, "ascii");
  return block;
}

function writeOctal(block: Buffer, value: number, offset: number, length: number): void {
  block.write(`${value.toString(8).padStart(length - 1, "0")}\u0000`, offset, length, "ascii");
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
