// Completes an email change from the link sent to the new address.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { consumeToken } from "@/lib/auth/one-time-tokens";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import type { RequestContext } from "@/lib/http/request-context";
import { tokenSchema } from "@/lib/validations/auth";

export type ConfirmEmailChangeResult = { ok: true; email: string } | { ok: false; reason: "invalid" | "taken" };

export async function confirmEmailChange(rawToken: unknown, ctx: RequestContext): Promise<ConfirmEmailChangeResult> {
  // Followed in a browser that is acting as someone: refused before the link is used up, so its
  // owner can still follow it.
  assertNotImpersonating({ impersonatorId: ctx.impersonatorId ?? null });
  const parsed = tokenSchema.safeParse(rawToken);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const apply = () =>
    db.$transaction(async (tx) => {
      const token = await consumeToken(parsed.data, "email_change", tx);
      if (!token?.data) return { ok: false, reason: "invalid" } as const;
      const newEmail = token.data;
      if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } }))
        return { ok: false, reason: "taken" } as const;
      const before = await tx.user.findUniqueOrThrow({
        where: { id: token.userId },
        select: { email: true, firstName: true },
      });
      await tx.user.update({ where: { id: token.userId }, data: { email: newEmail, emailVerifiedAt: new Date() } });
      // Links mailed to the old address (verification, reset) stop working with it.
      await tx.oneTimeToken.updateMany({ where: { userId: token.userId, usedAt: null }, data: { usedAt: new Date() } });
      await audit(
        {
          action: "user.email_changed",
          actorId: token.userId,
          targetType: "user",
          targetId: token.userId,
          metadata: { from: before.email, to: newEmail },
          context: ctx,
        },
        tx,
      );
      return { ok: true, email: newEmail, old: before } as const;
    });
  // Another account took the address between the check and the update: the unique index decides.
  const result = await apply().catch((error: unknown) => {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" } as const;
    throw error;
  });
  if (!result.ok) return result;
  await sendEmail(
    result.old.email,
    securityNoticeEmail(
      result.old.firstName,
      "Your email address was changed",
      `Your account's email address is now ${result.email}. This address will no longer receive its messages.`,
    ),
  );
  return { ok: true, email: result.email };
}
