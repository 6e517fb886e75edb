// Confirms an email address from the link in the verification email. The token is single-use,
// expires after 24 hours, and only counts for the address it was sent to.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { consumeToken } from "@/lib/auth/one-time-tokens";
import type { RequestContext } from "@/lib/http/request-context";
import { tokenSchema } from "@/lib/validations/auth";

export type VerifyEmailResult = { ok: true; email: string } | { ok: false; reason: "invalid" };

export async function verifyEmail(rawToken: unknown, ctx: RequestContext): Promise<VerifyEmailResult> {
  const parsed = tokenSchema.safeParse(rawToken);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  return db.$transaction(async (tx) => {
    const token = await consumeToken(parsed.data, "email_verification", tx);
    if (!token) return { ok: false, reason: "invalid" } as const;
    const user = await tx.user.findUnique({ where: { id: token.userId }, select: { email: true, emailVerifiedAt: true } });
    // A link sent to an address the account no longer has proves nothing about the current one.
    if (!user || user.email !== token.data) return { ok: false, reason: "invalid" } as const;
    if (!user.emailVerifiedAt) {
      await tx.user.update({ where: { id: token.userId }, data: { emailVerifiedAt: new Date() } });
      await audit(
        { action: "user.email_verified", actorId: token.userId, targetType: "user", targetId: token.userId, metadata: { email: user.email }, context: ctx },
        tx,
      );
    }
    return { ok: true, email: user.email } as const;
  });
}
