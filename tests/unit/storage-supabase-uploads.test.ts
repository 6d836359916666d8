// Direct uploads against Supabase Storage: the signed upload token, the resumable (tus) upload
// the browser makes with it, and reading the object back with a size cap. The stand-in speaks
// Storage's protocol for these endpoints, its tus side on @tus/server like Storage itself:
//   POST /storage/v1/object/upload/sign/<bucket>/<path>  (service key) → { url: "…?token=<token>" }
//   POST|HEAD|PATCH /storage/v1/upload/resumable/sign[/<id>]  x-signature: <token>; the token must
//        name the upload's bucketName/objectName metadata; the object appears only when whole
//   GET  /storage/v1/object/info/<bucket>/<path>, GET /storage/v1/object/<bucket>/<path>
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { FileStore } from "@tus/file-store";
import { Server as TusServer } from "@tus/server";
import { Upload } from "tus-js-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSignedUploadToken, readSupabaseObject } from "@/lib/storage/supabase-uploads";

const KEY = "sb_secret_standin_key";
const BUCKET = "media";
const SIGNING_SECRET = randomBytes(32);
const TUS_PATH = "/storage/v1/upload/resumable/sign";
/** Supabase's tus chunk size, which the slots hand to the browser (lib/uploads/limits.ts). */
const CHUNK = 6 * 1024 * 1024;

const objects = new Map<string, { body: Buffer; contentType: string }>();
const seen: { method: string; url: string; apikey?: string }[] = [];
const tusDir = path.join(tmpdir(), `storage-tus-${randomUUID()}`);
let server: Server;
let baseUrl: string;
let client: SupabaseClient;

const signToken = (url: string) => {
  const payload = Buffer.from(JSON.stringify({ url, exp: Date.now() / 1000 + 7200 })).toString("base64url");
  return `${payload}.${createHmac("sha256", SIGNING_SECRET).update(payload).digest("base64url")}`;
};
const tokenUrl = (token: string | null): string | null => {
  const [payload = "", sig = ""] = (token ?? "").split(".");
  if (createHmac("sha256", SIGNING_SECRET).update(payload).digest("base64url") !== sig) return null;
  return (JSON.parse(Buffer.from(payload, "base64url").toString()) as { url: string }).url;
};
/** Upload ids are bucket/object/version, base64url in the URL (as Storage does). */
const objectOf = (id: string) => id.split("/").slice(1, -1).join("/");

const tus = new TusServer({
  path: TUS_PATH,
  datastore: new FileStore({ directory: tusDir }),
  namingFunction: (_req, metadata) => `${metadata?.bucketName}/${metadata?.objectName}/${randomUUID()}`,
  generateUrl: (_req, { proto, host, path: base, id }) =>
    `${proto}://${host}${base}/${Buffer.from(id).toString("base64url")}`,
  getFileIdFromRequest: (_req, last) => (last ? Buffer.from(last, "base64url").toString() : undefined),
  onIncomingRequest: async (req, id) => {
    const named = tokenUrl(req.headers.get("x-signature"));
    if (named === null) throw { status_code: 400, body: "Invalid signature" };
    if (named !== `${id.split("/")[0]}/${objectOf(id)}`)
      throw { status_code: 403, body: "Signature mismatch" };
  },
  onUploadFinish: async (_req, upload) => {
    const body = await readFile(path.join(tusDir, upload.id));
    objects.set(objectOf(upload.id), { body, contentType: upload.metadata?.contentType ?? "" });
    return {};
  },
  // The Free plan's global file size limit.
  maxSize: 50 * 1024 * 1024,
});

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://stand.in");
  seen.push({
    method: req.method ?? "",
    url: url.pathname,
    apikey: req.headers.apikey as string | undefined,
  });
  if (url.pathname.startsWith(TUS_PATH)) return tus.handle(req, res);
  if (req.headers.apikey !== KEY) return json(res, 401, { statusCode: "401", message: "no key" });
  const rest = decodeURIComponent(url.pathname.slice("/storage/v1/object/".length));
  if (req.method === "POST" && rest.startsWith(`upload/sign/${BUCKET}/`)) {
    const objectPath = rest.slice(`upload/sign/${BUCKET}/`.length);
    const token = signToken(`${BUCKET}/${objectPath}`);
    return json(res, 200, { url: `/object/upload/sign/${BUCKET}/${objectPath}?token=${token}` });
  }
  const blob = objects.get(rest.replace(/^(info\/)?media\//, ""));
  if (!blob) return json(res, 404, { statusCode: "404", error: "not_found", message: "Object not found" });
  if (req.method === "GET" && rest.startsWith(`info/${BUCKET}/`))
    return json(res, 200, { name: rest, size: blob.body.length, content_type: blob.contentType });
  if (req.method === "GET" && rest.startsWith(`${BUCKET}/`)) {
    res.writeHead(200, { "content-type": blob.contentType, "content-length": blob.body.length });
    return res.end(blob.body);
  }
  json(res, 404, { message: "unknown route" });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    handle(req, res).catch((error) => json(res, 500, { message: String(error) }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createClient(baseUrl, KEY, { auth: { persistSession: false, autoRefreshToken: false } });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(tusDir, { recursive: true, force: true });
});
beforeEach(() => {
  objects.clear();
  seen.length = 0;
});

/** What the browser does with a slot: tus with the token, 6 MB chunks, optionally cut off after some. */
function browserUpload(
  data: Buffer,
  target: { token: string; objectName: string; uploadUrl?: string; stopAfterChunks?: number },
): Promise<{ url: string; offsets: number[] }> {
  const offsets: number[] = [];
  return new Promise((resolve, reject) => {
    let chunks = 0;
    const upload = new Upload(data, {
      endpoint: `${baseUrl}${TUS_PATH}`,
      uploadUrl: target.uploadUrl ?? null,
      headers: { "x-signature": target.token },
      metadata: { bucketName: BUCKET, objectName: target.objectName, contentType: "image/png" },
      chunkSize: CHUNK,
      retryDelays: null,
      storeFingerprintForResuming: false,
      onBeforeRequest: (req) => {
        if (req.getMethod() === "PATCH") offsets.push(Number(req.getHeader("Upload-Offset")));
      },
      onChunkComplete: () => {
        if (++chunks === target.stopAfterChunks)
          void upload.abort(false).then(() => resolve({ url: upload.url ?? "", offsets }));
      },
      onSuccess: () => resolve({ url: upload.url ?? "", offsets }),
      onError: reject,
    });
    upload.start();
  });
}

describe("Supabase direct uploads", () => {
  const objectName = "users/u1/incoming/0b5c8d2e-1f3a-4b6c-9d7e-8f9a0b1c2d3e";

  it("signs an upload of one incoming path with the service key; the browser sends it resumably", async () => {
    const token = await createSignedUploadToken(client, BUCKET, objectName);
    expect(seen).toEqual([
      { method: "POST", url: `/storage/v1/object/upload/sign/${BUCKET}/${objectName}`, apikey: KEY },
    ]);

    const data = randomBytes(CHUNK + 512 * 1024);
    const first = await browserUpload(data, { token, objectName, stopAfterChunks: 1 });
    // Cut off after the first chunk: Storage shows no object until the upload is whole.
    expect(objects.has(objectName)).toBe(false);
    expect(await readSupabaseObject(client, BUCKET, objectName, 10 * CHUNK)).toEqual({ state: "missing" });

    const rest = await browserUpload(data, { token, objectName, uploadUrl: first.url });
    expect(rest.offsets).toEqual([CHUNK]);
    const read = await readSupabaseObject(client, BUCKET, objectName, 10 * CHUNK);
    expect(read.state).toBe("ready");
    expect(read.state === "ready" && read.data.equals(data)).toBe(true);
  });

  it("lets a token write only the path it was signed for", async () => {
    const token = await createSignedUploadToken(client, BUCKET, objectName);
    const error = await browserUpload(randomBytes(1000), { token, objectName: "users/u2/incoming/x" }).catch(
      (e: { originalResponse?: { getStatus(): number } }) => e,
    );
    expect((error as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus()).toBe(403);
    expect(objects.size).toBe(0);
  });

  it("reads back only objects within the limit, without downloading a bigger one", async () => {
    objects.set("users/u1/incoming/big", { body: Buffer.alloc(2048, 1), contentType: "image/png" });
    expect(await readSupabaseObject(client, BUCKET, "users/u1/incoming/big", 1024)).toEqual({
      state: "too_large",
      bytes: 2048,
    });
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `GET /storage/v1/object/info/${BUCKET}/users/u1/incoming/big`,
    ]);
    expect(await readSupabaseObject(client, BUCKET, "users/u1/incoming/none", 1024)).toEqual({
      state: "missing",
    });
  });
});
