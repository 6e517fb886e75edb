// The second step of a 2FA sign-in: a valid TOTP or recovery code turns the pending session into a
// full one (under a new token).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { requireViewer } from "@/lib/auth/require-viewer";
import { rotateSession } from "@/lib/auth/sessions";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { UnauthenticatedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { secondFactorSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function completeSecondFactor(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<{ token: string; remember: boolean }> {
  requireViewer(viewer, ["pending_second_factor"]);
  const { method, code } = parseOrThrow(secondFactorSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { id: true, firstName: true, email: true, totpSecretEnc: true } });
  await verifySecondFactor(user, method, code, ctx, "code", "sign_in");
  const rotated = await rotateSession(viewer.sessionId, "active");
  if (!rotated) throw new UnauthenticatedError("Your sign-in expired. Start again.");
  await audit({ action: "auth.sign_in_succeeded", actorId: user.id, targetType: "user", targetId: user.id, metadata: { method: `password+${method}` }, context: ctx });
  if (method === "recovery") {
    const left = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await audit({ action: "auth.recovery_code_used", actorId: user.id, targetType: "user", targetId: user.id, metadata: { left }, context: ctx });
    await sendEmail(
      user.email,
      securityNoticeEmail(user.firstName, "A recovery code was used", `Someone signed in to your account with a recovery code${ctx.ip ? ` from ${ctx.ip}` : ""}. You have ${left} left; make a new set in Settings → Security if you are running low.`),
    );
  }
  return rotated;
}
