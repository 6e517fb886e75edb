// A new set of ten recovery codes (the old set stops working). Needs the current password.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/errors";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import type { RequestContext } from "@/lib/http/request-context";
import { passwordOnlySchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function regenerateRecoveryCodes(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<{ recoveryCodes: string[] }> {
  requireViewer(viewer);
  const { currentPassword } = parseOrThrow(passwordOnlySchema, input);
  if (!viewer.twoFactorEnabled) throw new ConflictError("Turn on two-factor authentication first.");
  await confirmCurrentPassword(viewer.userId, currentPassword);
  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: viewer.userId, codeHash: hashRecoveryCode(c) })) });
    await audit({ action: "auth.recovery_codes_regenerated", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx }, tx);
  });
  await sendEmail(viewer.email, securityNoticeEmail(viewer.firstName, "New recovery codes were made", "A new set of two-factor recovery codes was made for your account; the previous codes no longer work."));
  return { recoveryCodes };
}
