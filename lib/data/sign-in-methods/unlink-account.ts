// Unlinks a provider identity from the viewer's own account. Refused when it is the account's last
// way to sign in (no password, no passkey, no other identity that still signs in): decided inside the transaction,
// after locking the user row, so two unlinks at once cannot both pass. Not while impersonating.
// The sessions signed in through that provider end with it (not this one); the owner is emailed.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { accountStore } from "@/lib/auth/external/adapter";
import { configuredProvider, isUsableLink } from "@/lib/auth/external/providers";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { signInMethodCounts } from "@/lib/data/passkeys/sign-in-methods";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { linkedAccountIdSchema } from "@/lib/validations/sign-in-methods";
import { parseOrThrow } from "@/lib/validations/parse";

export async function unlinkAccount(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<{ provider: string }> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { id } = parseOrThrow(linkedAccountIdSchema, input);
  const unlinked = await db.$transaction(async (tx) => {
    // Takes the user row's lock (a no-op write), so concurrent unlinks are decided one at a time.
    await tx.user.updateMany({ where: { id: viewer.userId }, data: { updatedAt: new Date() } });
    const account = await tx.account.findFirst({
      where: { id, userId: viewer.userId },
      select: { id: true, provider: true, providerAccountId: true, email: true },
    });
    if (!account) throw new NotFoundError("This linked account was not found.");
    // Only links that can still sign in count (providers.ts isUsableLink): a dead link may always
    // go, and is never the way in that keeps a live one.
    const ways = await signInMethodCounts(viewer.userId, tx);
    const usable = isUsableLink(account);
    const lastWayIn = usable && !ways.password && ways.passkeys === 0 && ways.linkedAccounts <= 1;
    if (lastWayIn) {
      throw new AppError(
        "last_sign_in_method",
        409,
        "This is your only way to sign in. Set a password or add a passkey first, then unlink it.",
      );
    }
    await accountStore(tx).unlink(account.provider, account.providerAccountId);
    // Sessions signed in through that provider end with the link (an intruder's, if it was theirs);
    // this one stays. A link that no longer signs in opened none of the live ones (those came
    // through the link that does), so they stay.
    const { count: endedSessions } = usable
      ? await tx.session.deleteMany({
          where: { userId: viewer.userId, signInMethod: `provider:${account.provider}`, id: { not: viewer.sessionId } },
        })
      : { count: 0 };
    await audit(
      {
        action: "auth.external_account_unlinked",
        actorId: viewer.userId,
        targetType: "user",
        targetId: viewer.userId,
        metadata: { provider: account.provider, email: account.email ?? "", endedSessions },
        context: ctx,
      },
      tx,
    );
    return { provider: account.provider, usable };
  });
  // Removing a link that no longer signs in changes no way into the account: no notice.
  if (!unlinked.usable) return { provider: unlinked.provider };
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { email: true, firstName: true },
  });
  await sendEmail(
    user.email,
    securityNoticeEmail(
      user.firstName,
      "A sign-in provider was unlinked",
      `${configuredProvider(unlinked.provider)?.name ?? unlinked.provider} can no longer sign in to your account. If this was not you, change your password and check Settings → Sign-in methods.`,
    ),
  );
  return { provider: unlinked.provider };
}
