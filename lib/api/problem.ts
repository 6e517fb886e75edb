// RFC 9457 problem+json responses. `code` is stable and documented; `detail` is for people.
import { API_CSP } from "@/lib/http/csp";
import type { FieldErrors } from "@/lib/errors";

export type Problem = {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
  retryAfterSeconds?: number;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  412: "Precondition failed",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed",
  429: "Too many requests",
  500: "Internal server error",
};

export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { status, code, title: TITLES[status] ?? "Error", detail, ...extra };
}

export function fieldErrorList(fieldErrors: FieldErrors): { field: string; message: string }[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
}

export function problemResponse(p: Problem, instance: string, requestId: string): Response {
  const headers = new Headers({
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
    "Content-Security-Policy": API_CSP,
    "x-request-id": requestId,
  });
  if (p.retryAfterSeconds) headers.set("Retry-After", String(p.retryAfterSeconds));
  const body = {
    type: "about:blank",
    title: p.title,
    status: p.status,
    detail: p.detail,
    code: p.code,
    instance,
    requestId,
    ...(p.errors ? { errors: p.errors } : {}),
  };
  return new Response(JSON.stringify(body), { status: p.status, headers });
}
