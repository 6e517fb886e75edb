// Who is calling: client IP, user agent and a request id, read from the incoming headers.
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type RequestContext = { ip: string | null; userAgent: string | null; requestId: string };

export function contextFromHeaders(h: Headers): RequestContext {
  // Next.js puts the socket address in X-Forwarded-For only when the header is absent, and a
  // reverse proxy appends the address it saw. The right-most entry is therefore the one a client
  // cannot forge (TRUST_PROXY_HOPS counts further proxies in front of that one).
  const hops = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = hops[Math.max(0, hops.length - env.TRUST_PROXY_HOPS)] ?? null;
  return {
    ip: ip ? ip.slice(0, 64) : null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    requestId: h.get("x-request-id")?.slice(0, 64) || randomUUID(),
  };
}

/** Context of the current server action or server component render. */
export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}
