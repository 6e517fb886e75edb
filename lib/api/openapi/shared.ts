// Pieces every resource's OpenAPI paths use (lib/api/openapi/paths/*.ts): the problem+json error
// shape, the standard error responses, the list envelope and the list parameters, so that each
// resource declares only what is its own. The document is assembled in document.ts.
import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "about:blank" }),
    title: z.string().meta({ example: "Validation failed" }),
    status: z.number().int().meta({ example: 422 }),
    detail: z.string().meta({ example: "Some fields need attention." }),
    code: z.string().meta({ description: "Stable machine-readable code.", example: "validation_failed" }),
    instance: z.string().meta({ example: "/api/v1/customers" }),
    requestId: z.string().meta({ description: "Quote it when contacting support." }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Field errors (422, and 409 for a taken unique value)." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

const DESCRIPTIONS = {
  400: "The request is malformed (for example invalid JSON).",
  401: "No valid API key or session: missing, unknown, expired or revoked key, or its owner is banned.",
  403: "The key or person lacks the permission this operation needs.",
  404: "No such record, or not one the caller may see (the two look the same).",
  409: "Conflicts with existing data (for example a taken email or SKU).",
  412: "If-Match names a version that is no longer current: reload and retry.",
  413: "The body is larger than the limit.",
  415: "The body is not JSON.",
  422: "Invalid fields; `errors` names each.",
  429: "Rate limited: see Retry-After and RateLimit-* headers.",
} as const;

export type ErrorStatus = keyof typeof DESCRIPTIONS;

/** The problem+json responses an operation can give, by status. */
export function errorResponses(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: DESCRIPTIONS[status], content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  );
}

/** `{ data: [...], next_cursor, total? }`: the envelope of every list response. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    total: z.number().int().optional().meta({ description: "Matching rows; only with `total=true`." }),
  });
}

/** `{ data: {...} }`: the envelope of every single-record response. */
export function recordEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}
