// Sends a fresh verification link to the signed-in viewer (earlier links stop working).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { issueToken } from "@/lib/auth/one-time-tokens";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { verificationEmail } from "@/lib/email/messages";
import { ConflictError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";

export async function resendVerificationEmail(viewer: Viewer | null, ctx: RequestContext): Promise<{ email: string }> {
  if (!viewer || viewer.sessionState !== "active") throw new UnauthenticatedError();
  if (viewer.emailVerified) throw new ConflictError("Your email address is already verified.");
  for (const [spec, key] of [
    [LIMITS.verificationResendUser, viewer.userId],
    [LIMITS.verificationResendIp, ctx.ip ?? "unknown"],
  ] as const) {
    const limit = await hit(spec, key);
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds, `You can ask for another email in a little while (try again in ${Math.ceil(limit.retryAfterSeconds / 60)} min).`);
  }
  const { token } = await db.$transaction(async (tx) => {
    const issued = await issueToken({ userId: viewer.userId, purpose: "email_verification", data: viewer.email }, tx);
    await audit({ action: "user.verification_email_sent", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx }, tx);
    return issued;
  });
  await sendEmail(viewer.email, verificationEmail(viewer.firstName, emailLinks.verifyEmail(token)));
  return { email: viewer.email };
}
