// Idempotency-Key on POST (draft-ietf-httpapi-idempotency-key-header), used by withApi. The first
// request with a key claims it with an IdempotencyRecord row whose status is null while it runs
// (the (principal, key) unique index makes the claim atomic, across instances); its answer is then
// stored and replayed for a repeat of the same request, with `Idempotent-Replayed: true`:
// - same principal + key, same method, path and body bytes → the stored answer (status, body,
//   Content-Type, Location, ETag);
// - same key with another body, method or path → 422 idempotency_key_reused;
// - same key while the first is still running → 409 idempotency_in_progress;
// - a 5xx answer (or a crash) is not stored: the claim is dropped so the client can retry; nor is
//   a 429 (retry after Retry-After) or a 412 (retry with a fresh If-Match), whose point is that the
//   same request may succeed later. If-Match is part of what "the same request" means.
// Records live 24 hours (pruneIdempotencyRecords, run by maintenance). A claim left behind by a
// process that died mid-request is taken over after STALE_CLAIM_MS.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { API_CSP } from "@/lib/http/csp";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const STALE_CLAIM_MS = 5 * 60 * 1000;
const REPLAYED_HEADERS = ["content-type", "location", "etag"] as const;
/** 1–255 visible ASCII characters (no spaces or controls). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export class IdempotencyError extends AppError {}

/** The Idempotency-Key of a request: null without one, 400 when it is not 1–255 visible ASCII characters. */
export function idempotencyKeyOf(headers: Headers): string | null {
  const raw = headers.get("idempotency-key");
  if (raw === null) return null;
  // A structured-field string ("abc") is accepted as its contents, as the draft writes it.
  const key = /^"[^"]*"$/.test(raw.trim()) ? raw.trim().slice(1, -1) : raw.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new IdempotencyError(
      "invalid_idempotency_key",
      400,
      "Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice).",
    );
  }
  return key;
}

export type IdempotentRequest = {
  /** "key:<apiKeyId>" or "user:<userId>". */
  principal: string;
  key: string;
  method: string;
  /** Path and query string. */
  path: string;
  /** The If-Match header: a retry against a newer version is another request. */
  ifMatch?: string | null;
  body: Uint8Array;
};

type Claim = { id: string } | { replay: Response };

async function claim(request: IdempotentRequest, requestHash: string): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = Date.now();
    try {
      const row = await db.idempotencyRecord.create({
        data: {
          principal: request.principal,
          key: request.key,
          method: request.method,
          path: request.path,
          requestHash,
          expiresAt: new Date(now + IDEMPOTENCY_TTL_MS),
        },
        select: { id: true },
      });
      return { id: row.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db.idempotencyRecord.findUnique({
      where: { principal_key: { principal: request.principal, key: request.key } },
    });
    if (!existing) continue; // Dropped between our insert and this read (a failed first try): claim again.
    const abandoned = existing.status === null && existing.createdAt.getTime() < now - STALE_CLAIM_MS;
    if (existing.expiresAt.getTime() <= now || abandoned) {
      await db.idempotencyRecord.deleteMany({ where: { id: existing.id, createdAt: existing.createdAt } });
      continue;
    }
    if (existing.method !== request.method || existing.path !== request.path || existing.requestHash !== requestHash) {
      throw new IdempotencyError(
        "idempotency_key_reused",
        422,
        "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
      );
    }
    if (existing.status === null) {
      throw new IdempotencyError(
        "idempotency_in_progress",
        409,
        "A request with this Idempotency-Key is still being processed. Retry shortly.",
      );
    }
    return { replay: replayOf(existing.status, existing.responseBody, existing.responseHeaders) };
  }
  throw new IdempotencyError(
    "idempotency_in_progress",
    409,
    "A request with this Idempotency-Key is still being processed. Retry shortly.",
  );
}

function replayOf(status: number, body: string | null, rawHeaders: string | null): Response {
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(JSON.parse(rawHeaders ?? "{}") as Record<string, string>)) {
      headers.set(name, value);
    }
  } catch {
    // Unreadable stored headers: replay the body without them.
  }
  headers.set("Cache-Control", "no-store");
  headers.set("Content-Security-Policy", API_CSP);
  headers.set("Idempotent-Replayed", "true");
  const empty = status === 204 || status === 304;
  return new Response(empty ? null : (body ?? ""), { status, headers });
}

/**
 * Runs `run` at most once per (principal, Idempotency-Key): a repeat gets the stored answer. The
 * answer returned to this first caller is rebuilt from the bytes that were stored, so both agree.
 */
export async function withIdempotency(request: IdempotentRequest, run: () => Promise<Response>): Promise<Response> {
  const hash = createHash("sha256");
  if (request.ifMatch) hash.update(`if-match:${request.ifMatch}\n`);
  const requestHash = hash.update(request.body).digest("hex");
  const claimed = await claim(request, requestHash);
  if ("replay" in claimed) return claimed.replay;
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db.idempotencyRecord.deleteMany({ where: { id: claimed.id } });
    throw error;
  }
  if (response.status >= 500 || response.status === 429 || response.status === 412) {
    await db.idempotencyRecord.deleteMany({ where: { id: claimed.id } });
    return response;
  }
  const body = await response.text();
  const stored: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) stored[name] = value;
  }
  await db.idempotencyRecord.updateMany({
    where: { id: claimed.id },
    data: { status: response.status, responseBody: body, responseHeaders: JSON.stringify(stored) },
  });
  const empty = response.status === 204 || response.status === 304;
  return new Response(empty ? null : body, { status: response.status, headers: response.headers });
}

/** Deletes expired idempotency records; returns how many. For lib/maintenance.ts. */
export async function pruneIdempotencyRecords(now: Date = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
