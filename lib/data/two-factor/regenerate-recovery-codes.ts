// A new set of ten recovery codes (the old set stops working). Needs the current password and a
// current code from the authenticator app: a stolen session plus the password alone must not be
// enough to mint codes that bypass the second factor. The code check is the sign-in one (replay-safe,
// rate limited, lockout notice); a recovery code is not accepted here.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/errors";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import type { RequestContext } from "@/lib/http/request-context";
import { regenerateRecoveryCodesSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function regenerateRecoveryCodes(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<{ recoveryCodes: string[] }> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { currentPassword, code } = parseOrThrow(regenerateRecoveryCodesSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { id: true, firstName: true, email: true, totpSecretEnc: true, totpEnabledAt: true } });
  if (!user.totpEnabledAt || !user.totpSecretEnc) throw new ConflictError("Turn on two-factor authentication first.");
  await confirmCurrentPassword(viewer.userId, currentPassword);
  await verifySecondFactor(user, "totp", code, ctx);
  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: viewer.userId, codeHash: hashRecoveryCode(c) })) });
    await audit({ action: "auth.recovery_codes_regenerated", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx }, tx);
  });
  await sendEmail(user.email, securityNoticeEmail(user.firstName, "New recovery codes were made", "A new set of two-factor recovery codes was made for your account; the previous codes no longer work."));
  return { recoveryCodes };
}
