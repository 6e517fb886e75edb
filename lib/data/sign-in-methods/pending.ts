// PendingExternalSignIn rows: a provider identity waiting for the person (a new account's missing
// fields, or proof of the existing account). 15 minutes, single use; the browser holds the raw
// token in a cookie (lib/auth/external/pending-cookie.ts), the row only its SHA-256.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { randomToken, sha256 } from "@/lib/auth/crypto";
import type { ExternalClaims, ExternalIdentity } from "@/lib/auth/external/identity";
import { isExternalProviderId, type ExternalProviderId } from "@/lib/auth/external/providers";

export const PENDING_EXTERNAL_MS = 15 * 60_000;

export type PendingPurpose = "sign_up" | "link";

const claimsSchema = z.object({
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  username: z.string().optional(),
  mfa: z.boolean(),
});

export type PendingExternal = {
  id: string;
  purpose: PendingPurpose;
  identity: ExternalIdentity;
  userId: string | null;
  expiresAt: Date;
  emailProofSent: boolean;
};

/** Writes the row; the caller audits (or the outcome it is part of is audited). */
export async function createPending(
  tx: Tx,
  purpose: PendingPurpose,
  identity: ExternalIdentity,
  userId: string | null,
): Promise<string> {
  const token = randomToken();
  await tx.pendingExternalSignIn.create({
    data: {
      tokenHash: sha256(token),
      purpose,
      provider: identity.provider,
      providerAccountId: identity.providerAccountId,
      userId,
      email: identity.email,
      emailVerified: identity.emailVerified,
      claims: JSON.stringify(identity.claims satisfies ExternalClaims),
      expiresAt: new Date(Date.now() + PENDING_EXTERNAL_MS),
    },
  });
  return token;
}

type Row = {
  id: string;
  purpose: string;
  provider: string;
  providerAccountId: string;
  userId: string | null;
  email: string | null;
  emailVerified: boolean;
  claims: string;
  emailTokenHash: string | null;
  expiresAt: Date;
  usedAt: Date | null;
};

export function pendingFromRow(row: Row, now = Date.now()): PendingExternal | null {
  if (row.usedAt || row.expiresAt.getTime() <= now || !isExternalProviderId(row.provider)) return null;
  if (row.purpose !== "sign_up" && row.purpose !== "link") return null;
  let claims: ExternalClaims;
  try {
    claims = claimsSchema.parse(JSON.parse(row.claims));
  } catch {
    return null;
  }
  return {
    id: row.id,
    purpose: row.purpose,
    userId: row.userId,
    expiresAt: row.expiresAt,
    emailProofSent: row.emailTokenHash !== null,
    identity: {
      provider: row.provider as ExternalProviderId,
      providerAccountId: row.providerAccountId,
      email: row.email,
      emailVerified: row.emailVerified,
      claims,
    },
  };
}

/** The live pending sign-in behind a raw cookie token (not used, not expired), or null. */
export async function findPending(
  token: string | null | undefined,
  purpose?: PendingPurpose,
): Promise<PendingExternal | null> {
  if (!token || token.length > 128) return null;
  const row = await db.pendingExternalSignIn.findUnique({ where: { tokenHash: sha256(token) } });
  const pending = row ? pendingFromRow(row) : null;
  return pending && (!purpose || pending.purpose === purpose) ? pending : null;
}

/**
 * Marks the row used inside the caller's transaction; false when another request used it first
 * (or it expired meanwhile), so each pending sign-in completes at most once.
 */
export async function consumePending(tx: Tx, id: string): Promise<boolean> {
  const { count } = await tx.pendingExternalSignIn.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
