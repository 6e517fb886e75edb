// Begins enrolment: a new secret, encrypted at rest, pending until a valid code confirms it. From a
// full session it needs the current password, so a hijacked session cannot bind the account to an
// attacker's authenticator; a session held back for enrolment has just proved the password.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { encryptSecret } from "@/lib/auth/crypto";
import { requireViewer } from "@/lib/auth/require-viewer";
import { generateTotpSecret } from "@/lib/auth/totp";
import type { Viewer } from "@/lib/auth/viewer";
import { ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { passwordOnlySchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function startTotpEnrolment(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<void> {
  requireViewer(viewer, ["active", "pending_enrolment"]);
  if (viewer.twoFactorEnabled) throw new ConflictError("Two-factor authentication is already on.");
  if (viewer.sessionState === "active") {
    const { currentPassword } = parseOrThrow(passwordOnlySchema, input);
    await confirmCurrentPassword(viewer.userId, currentPassword);
  }
  const { count } = await db.user.updateMany({
    where: { id: viewer.userId, totpEnabledAt: null },
    data: { totpSecretEnc: encryptSecret(generateTotpSecret()), totpLastStep: null },
  });
  if (count !== 1) throw new ConflictError("Two-factor authentication is already on.");
  await audit({ action: "auth.two_factor_enrolment_started", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx });
}
