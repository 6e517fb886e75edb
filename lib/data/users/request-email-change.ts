// The viewer asks to change their email: needs the current password; a link goes to the NEW
// address (proving it is theirs) and a notice to the OLD one. Nothing changes until the link is used.
// An address that already belongs to another account is answered exactly like a free one (same
// work, same token and audit row, same "pending" state on the profile page), so a signed-in person
// cannot probe which addresses have accounts; its owner is mailed a notice instead of the link, and
// the token, delivered to nobody, can never be used (confirm-email-change refuses a taken address too).
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { sendEmail } from "@/lib/email/send-email";
import { emailChangeEmail, securityNoticeEmail } from "@/lib/email/messages";
import { emailChangeAttemptEmail } from "@/lib/email/account-messages";
import { ConflictError, RateLimitedError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl } from "@/lib/http/urls";
import { tooMuchMail } from "@/lib/data/users/too-much-mail";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { changeEmailSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function requestEmailChange(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<{ email: string }> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { email, currentPassword } = parseOrThrow(changeEmailSchema, input);
  if (email === viewer.email) throw new ConflictError("That is already your email address.", { email: ["That is already your email address."] });
  await confirmCurrentPassword(viewer.userId, currentPassword);
  const limit = await hit(LIMITS.verificationResendUser, viewer.userId);
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
  // Past three mails an hour to one address the request is refused, whoever owns the address: the
  // same answer and the same work either way (see sign-up-user.ts).
  const mail = await hit(LIMITS.mailToAddress, email);
  if (!mail.allowed) throw tooMuchMail(mail.retryAfterSeconds);
  const owner = await db.user.findUnique({ where: { email }, select: { firstName: true } });
  const { token } = await db.$transaction(async (tx) => {
    const issued = await issueToken({ userId: viewer.userId, purpose: "email_change", data: email }, tx);
    await audit({ action: "user.email_change_requested", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, metadata: { to: email }, context: ctx }, tx);
    return issued;
  });
  await sendEmail(
    email,
    owner
      ? emailChangeAttemptEmail(owner.firstName)
      : emailChangeEmail(viewer.firstName, email, absoluteUrl(`/confirm-email-change?token=${encodeURIComponent(token)}`)),
  );
  await sendEmail(viewer.email, securityNoticeEmail(viewer.firstName, "Your email address is being changed", `Someone signed in to your account asked to change its email address to ${email}. It changes only when the link sent there is used.`));
  return { email };
}
