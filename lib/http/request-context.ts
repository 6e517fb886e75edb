// Who is calling: client IP, user agent and a request id, read from the incoming headers.
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { getCurrentSession } from "@/lib/auth/viewer";
import { env } from "@/lib/env";

export type RequestContext = {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** The admin behind an impersonation session, so every audit event keeps both identities. */
  impersonatorId?: string | null;
  /** The API key that authenticated the request (lib/api/with-api.ts), recorded with every audit event. */
  apiKeyId?: string | null;
};

export function contextFromHeaders(h: Headers): RequestContext {
  // The server (scripts/serve.mjs) drops client-sent forwarding headers unless TRUST_PROXY_HOPS
  // says proxies are in front; Next.js then puts the socket address in X-Forwarded-For. Each
  // trusted proxy appends the address it saw, so the N-th entry from the right is the client.
  const hops = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = hops[Math.max(0, hops.length - Math.max(1, env.TRUST_PROXY_HOPS))] ?? null;
  return {
    ip: ip ? ip.slice(0, 64) : null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    requestId: h.get("x-request-id")?.slice(0, 64) || randomUUID(),
  };
}

/** Context of the current server action or server component render. */
export async function requestContext(): Promise<RequestContext> {
  const context = contextFromHeaders(await headers());
  const session = await getCurrentSession();
  return session?.impersonatorId ? { ...context, impersonatorId: session.impersonatorId } : context;
}
