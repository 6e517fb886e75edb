// Single-use tokens for email links. Only the SHA-256 is stored; a token is bound to one purpose
// and one user, expires, and is consumed atomically (two concurrent uses: one wins).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { randomToken, sha256 } from "@/lib/auth/crypto";
import { tokenSchema } from "@/lib/validations/auth";

export const TOKEN_PURPOSES = {
  email_verification: { ttlMs: 24 * 3_600_000 },
  password_reset: { ttlMs: 30 * 60_000 },
  email_change: { ttlMs: 24 * 3_600_000 },
} as const;

export type TokenPurpose = keyof typeof TOKEN_PURPOSES;

/** Issues a token and retires the user's earlier unused tokens of the same purpose. */
export async function issueToken(
  input: { userId: string; purpose: TokenPurpose; data?: string },
  tx: Tx = db,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + TOKEN_PURPOSES[input.purpose].ttlMs);
  await tx.oneTimeToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: now },
  });
  await tx.oneTimeToken.create({
    data: {
      tokenHash: sha256(token),
      purpose: input.purpose,
      userId: input.userId,
      data: input.data ?? null,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

export type ConsumedToken = { userId: string; data: string | null };

/** Marks the token used and returns its owner, or null when unknown, used, expired or of another purpose. */
export async function consumeToken(token: string, purpose: TokenPurpose, tx: Tx = db): Promise<ConsumedToken | null> {
  const tokenHash = sha256(token);
  const now = new Date();
  const { count } = await tx.oneTimeToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return tx.oneTimeToken.findUnique({ where: { tokenHash }, select: { userId: true, data: true } });
}

/**
 * The token from a link if it could still be used for `purpose` (to show a confirm page), without
 * consuming it; null when it is malformed, unknown, used, expired or of another purpose.
 */
export async function usableToken(raw: unknown, purpose: TokenPurpose): Promise<string | null> {
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) return null;
  const row = await db.oneTimeToken.findUnique({
    where: { tokenHash: sha256(parsed.data) },
    select: { purpose: true, usedAt: true, expiresAt: true },
  });
  return row && row.purpose === purpose && row.usedAt === null && row.expiresAt > new Date() ? parsed.data : null;
}

/**
 * Retires every pending email-change and password-reset link of a user: a link requested by
 * someone who held the account before must not outlive the owner taking it back. Part of
 * endAccountActivity (lib/auth/end-account-activity.ts), which callers should use.
 */
export async function retireAccountLinks(userId: string, tx: Tx = db): Promise<void> {
  await tx.oneTimeToken.updateMany({
    where: { userId, usedAt: null, purpose: { in: ["email_change", "password_reset"] } },
    data: { usedAt: new Date() },
  });
}
