import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendLegacyJson, sendText, singleValuedQuery } from "../../common/http-server.js";
import type { FilesRegistry } from "./files-registry.js";
import { fileInfoJson } from "./file-info.js";

const READ_CAP_BYTES = 16 * 4096;

/** `/files/browse`, `/files/read`, `/files/download`, `/files/debug` (and their `.json` aliases), as Mesos serves them. */
export function registerFilesRoutes(app: FastifyInstance, files: FilesRegistry): void {
  for (const suffix of ["", ".json"]) {
    app.get(`/files/browse${suffix}`, (request, reply) => browse(files, request, reply));
    app.get(`/files/read${suffix}`, (request, reply) => read(files, request, reply));
    app.get(`/files/download${suffix}`, (request, reply) => download(files, request, reply));
    app.get(`/files/debug${suffix}`, (request, reply) => sendLegacyJson(request, reply, files.debug()));
  }
}

function requestedPath(request: FastifyRequest, reply: FastifyReply): string | undefined {
  const path = singleValuedQuery(request).path;
  if (!path) {
    sendText(reply, 400, "Expecting 'path=value' in query.\n");
    return undefined;
  }
  return path;
}

async function browse(files: FilesRegistry, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const path = requestedPath(request, reply);
  if (path === undefined) return reply;
  const resolved = files.resolve(path);
  if (resolved === undefined) return reply.code(404).send("");
  if ("error" in resolved) return sendText(reply, 500, `${resolved.error}.\n`);
  const info = await stat(resolved.path).catch(() => undefined);
  if (!info) return reply.code(404).send("");
  const entries = info.isDirectory() ? (await readdir(resolved.path)).sort() : [];
  const listing = [];
  for (const entry of entries) {
    const entryStat = await stat(join(resolved.path, entry)).catch(() => undefined);
    if (entryStat) listing.push(fileInfoJson(join(path, entry), entryStat));
  }
  return sendLegacyJson(request, reply, listing);
}

function parseNumber(text: string | undefined, name: string): number | string | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim()))
    return `Failed to parse ${name}: Failed to convert '${text}' to number.\n`;
  return Number(text);
}

async function read(files: FilesRegistry, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const path = requestedPath(request, reply);
  if (path === undefined) return reply;
  const query = singleValuedQuery(request);
  const offsetArg = parseNumber(query.offset, "offset");
  if (typeof offsetArg === "string") return sendText(reply, 400, offsetArg);
  const lengthArg = parseNumber(query.length, "length");
  if (typeof lengthArg === "string") return sendText(reply, 400, lengthArg);
  if ((offsetArg !== undefined && offsetArg < -1) || (lengthArg !== undefined && lengthArg < -1))
    return sendText(reply, 400, "Negative offset or length provided.\n");
  const resolved = files.resolve(path);
  if (resolved === undefined) return reply.code(404).send("");
  if ("error" in resolved) return sendText(reply, 400, `${resolved.error}.\n`);
  const info = await stat(resolved.path).catch(() => undefined);
  if (!info) return reply.code(404).send("");
  if (info.isDirectory()) return sendText(reply, 400, "Cannot read a directory.\n");
  const size = info.size;
  const offset = offsetArg === undefined || offsetArg === -1 ? size : offsetArg;
  let length = lengthArg === undefined || lengthArg === -1 ? size - offset : lengthArg;
  length = Math.min(length, READ_CAP_BYTES);
  if (offset >= size || length <= 0)
    return sendLegacyJson(request, reply, { offset: Math.min(offset, size), data: "" });
  const handle = await open(resolved.path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return sendLegacyJson(request, reply, { offset, data: buffer.subarray(0, bytesRead).toString("utf8") });
  } finally {
    await handle.close();
  }
}

async function download(
  files: FilesRegistry,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const path = requestedPath(request, reply);
  if (path === undefined) return reply;
  const resolved = files.resolve(path);
  if (resolved === undefined) return reply.code(404).send("");
  if ("error" in resolved) return sendText(reply, 400, `${resolved.error}.\n`);
  const info = await stat(resolved.path).catch(() => undefined);
  if (!info) return reply.code(404).send("");
  if (info.isDirectory()) return sendText(reply, 400, "Cannot download a directory.\n");
  return reply
    .type(MIME_TYPES[extname(resolved.path).slice(1)] ?? "application/octet-stream")
    .header("Content-Disposition", `attachment; filename=${basename(resolved.path)}`)
    .send(createReadStream(resolved.path));
}

const MIME_TYPES: Record<string, string> = {
  txt: "text/plain",
  log: "text/plain",
  json: "application/json",
  html: "text/html",
  js: "application/javascript",
  css: "text/css",
  xml: "application/xml",
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  gz: "application/x-gzip",
  tgz: "application/x-gzip",
  tar: "application/x-tar",
  zip: "application/zip",
  sh: "application/x-sh",
};
