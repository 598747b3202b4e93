import { readFileSync, type Stats } from "node:fs";

/** One `/files/browse` entry: `{path, nlink, size, mtime, mode, uid, gid}` with an `ls -l` style mode. */
export function fileInfoJson(path: string, s: Stats): Record<string, unknown> {
  return {
    path,
    nlink: s.nlink,
    size: s.size,
    mtime: Math.floor(s.mtimeMs / 1000),
    mode: modeString(s),
    uid: nameOf("/etc/passwd", s.uid),
    gid: nameOf("/etc/group", s.gid),
  };
}

function modeString(s: Stats): string {
  const type = s.isDirectory() ? "d" : s.isSymbolicLink() ? "l" : "-";
  const bits = "rwxrwxrwx";
  let perms = "";
  for (let i = 0; i < 9; i++) perms += s.mode & (1 << (8 - i)) ? bits[i] : "-";
  return type + perms;
}

const names = new Map<string, Map<number, string>>();

/** The user or group name for an id (as Mesos prints them), else the number. */
function nameOf(file: string, id: number): string {
  let table = names.get(file);
  if (!table) {
    table = new Map();
    try {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        const [name, , idText] = line.split(":");
        if (name && idText) table.set(Number(idText), name);
      }
    } catch {
      // no such database here
    }
    names.set(file, table);
  }
  return table.get(id) ?? String(id);
}
