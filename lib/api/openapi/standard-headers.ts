// Headers and parameters every part of the API shares, registered once as components of the
// document (document.ts) and referenced from each operation: the rate-limit headers every answer
// carries, ETag on records, and the request headers Idempotency-Key (POST), If-Match (PATCH,
// DELETE) and If-None-Match (GET of a record). document.ts adds the rate-limit headers, 429,
// Idempotency-Key and If-Match to every operation where they apply, so resource files (paths/*.ts)
// need not repeat them; `etagHeaders` and `ifNoneMatchParam` are for a resource's own use.
import { z } from "zod";

export const rateLimitHeaderSchemas = {
  "RateLimit-Limit": z.string().meta({
    description: "Requests allowed in the current window (the tightest budget: per key or per IP).",
    example: "600",
  }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current window.", example: "599" }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets.", example: "42" }),
  "RateLimit-Policy": z
    .string()
    .meta({ description: "The budget as `<limit>;w=<window seconds>`.", example: "600;w=60" }),
} as const;

export const etagHeaderSchema = z.string().meta({
  description: "The record's version as a strong ETag; send it back as If-Match to update or delete safely.",
  example: '"3"',
});

export const retryAfterHeaderSchema = z
  .string()
  .meta({ description: "Seconds to wait before retrying.", example: "30" });

export const idempotencyKeySchema = z.string().min(1).max(255).meta({
  description:
    "Makes a POST safe to retry: the same key with the same body replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; the same key with another body is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_in_progress`. 1–255 visible ASCII characters, for example a UUID.",
  example: "7f0c2f4e-3b9a-4c1e-9d2a-6a4f1c8e5b21",
});

export const ifMatchSchema = z.string().meta({
  description: "The ETag of the version you read: the write happens only if the record still has it, else 412.",
  example: '"3"',
});

export const ifNoneMatchSchema = z.string().meta({
  description: "An ETag you hold: 304 (no body) when the record still has that version.",
  example: '"3"',
});

/** Component names, for $refs in document.ts and anyone who writes one by hand. */
export const COMPONENT = {
  idempotencyKey: "IdempotencyKey",
  ifMatch: "IfMatch",
  ifNoneMatch: "IfNoneMatch",
  etag: "ETag",
  retryAfter: "RetryAfter",
} as const;

/** Response headers of a single-record answer (GET, POST, PATCH): its ETag. */
export const etagHeaders = z.object({ ETag: etagHeaderSchema });
