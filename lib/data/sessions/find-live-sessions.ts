// One user's live sessions (not expired, not idle past SESSION_IDLE_MINUTES), newest activity first,
// described for a person: the device from the user agent, and whether the sign-in is unfinished or an
// impersonation. Shared by Settings → Sessions (the viewer's own) and the admin user detail page; the
// callers check who may ask. Never token hashes.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeUserAgent } from "@/lib/http/user-agent";
import { configuredProvider } from "@/lib/auth/external/configured-providers";

export type LiveSession = {
  id: string;
  device: string;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  remember: boolean;
  /** A sign-in that stopped at the second factor or at 2FA set-up. */
  unfinished: boolean;
  /** An administrator acting as the user (lib/data/impersonation). */
  impersonated: boolean;
  /** "password", "passkey:<id>" or "provider:<id>". */
  signInMethod: string;
  /** The method for a person: "Password", "Passkey", the provider's name as configured (OIDC_NAME…). */
  signInLabel: string | null;
};

/** How a session was signed in, for a person. */
export function signInMethodLabel(method: string): string | null {
  if (method === "password") return "Password";
  if (method === "passkey" || method.startsWith("passkey:")) return "Passkey";
  if (method.startsWith("provider:")) {
    const id = method.slice("provider:".length);
    return configuredProvider(id)?.name ?? (id === "github" ? "GitHub" : id === "google" ? "Google" : "Single sign-on");
  }
  return null;
}

export async function findLiveSessions(userId: string, options: { take?: number } = {}): Promise<LiveSession[]> {
  const now = Date.now();
  const rows = await db.session.findMany({
    where: {
      userId,
      expiresAt: { gt: new Date(now) },
      lastSeenAt: { gte: new Date(now - env.SESSION_IDLE_MINUTES * 60_000) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: options.take,
    select: {
      id: true,
      state: true,
      userAgent: true,
      ipAddress: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      remember: true,
      impersonatorId: true,
      signInMethod: true,
    },
  });
  return rows.map(({ userAgent, state, impersonatorId, ...r }) => ({
    ...r,
    device: describeUserAgent(userAgent),
    unfinished: state !== "active",
    impersonated: impersonatorId !== null,
    signInLabel: signInMethodLabel(r.signInMethod),
  }));
}
