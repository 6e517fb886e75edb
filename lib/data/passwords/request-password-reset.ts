// "Forgot password": the same answer whatever the address. For an active account, a single-use
// 30-minute link goes to its email. Everything after the lookup runs in the background, so the
// response time does not tell whether the account exists.
import "server-only";
import { inBackground } from "@/lib/background";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { sendEmail } from "@/lib/email/send-email";
import { passwordResetEmail } from "@/lib/email/messages";
import { RateLimitedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { forgotPasswordSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function requestPasswordReset(input: unknown, ctx: RequestContext): Promise<void> {
  const limit = await hit(LIMITS.forgotPasswordIp, ctx.ip ?? "unknown");
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  const { email } = parseOrThrow(forgotPasswordSchema, input);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, firstName: true, status: true, kind: true },
  });
  // Service accounts have no mailbox and no password to reset.
  if (!user || user.status !== "active" || user.kind !== "person") return;
  inBackground(sendResetLink(user, email, ctx), "password reset link could not be issued", { userId: user.id });
}

async function sendResetLink(
  user: { id: string; firstName: string },
  email: string,
  ctx: RequestContext,
): Promise<void> {
  // A quiet per-account cap: past it nothing is sent, and the answer stays the same.
  if (!(await hit(LIMITS.forgotPasswordAccount, user.id)).allowed) return;
  const { token } = await db.$transaction(async (tx) => {
    const issued = await issueToken({ userId: user.id, purpose: "password_reset" }, tx);
    await audit(
      {
        action: "auth.password_reset_requested",
        actorId: user.id,
        targetType: "user",
        targetId: user.id,
        context: ctx,
      },
      tx,
    );
    return issued;
  });
  await sendEmail(email, passwordResetEmail(user.firstName, emailLinks.resetPassword(token)));
}
