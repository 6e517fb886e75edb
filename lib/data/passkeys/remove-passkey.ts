// Removes one of the viewer's own passkeys, unless it is the account's last way in (no password,
// no other passkey, no linked provider) or the last second factor of someone whose role requires
// 2FA. The counts are read in the same transaction as the delete. The sessions the passkey signed
// in (other than this one) end with it. The owner is told by email.
import "server-only";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { db, dbProvider } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { passkeyRemovalRefusal, signInMethodCounts } from "@/lib/data/passkeys/sign-in-methods";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { removePasskeySchema } from "@/lib/validations/passkeys";
import { parseOrThrow } from "@/lib/validations/parse";

export async function removePasskey(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<void> {
  requireViewer(viewer);
  assertNotImpersonating(viewer);
  const { passkeyId } = parseOrThrow(removePasskeySchema, input);
  // Removing a second factor from a stolen session would leave the (phished) password alone.
  await requireRecentSignIn(viewer.sessionId, "removing a passkey");
  const removed = await db.$transaction(async (tx) => {
    // Two removals at once must not both see "one left": the user row is locked for the count
    // (SQLite runs one write transaction at a time anyway).
    if (dbProvider === "postgresql")
      await tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, viewer.userId);
    const passkey = await tx.passkey.findFirst({
      where: { id: passkeyId, userId: viewer.userId },
      select: { id: true, name: true },
    });
    if (!passkey) throw new NotFoundError("Passkey not found.");
    const refusal = passkeyRemovalRefusal(await signInMethodCounts(viewer.userId, tx));
    if (refusal) throw new ConflictError(refusal);
    const { count } = await tx.passkey.deleteMany({ where: { id: passkey.id, userId: viewer.userId } });
    if (count !== 1) throw new NotFoundError("Passkey not found.");
    // A removed passkey (a lost device) takes the sessions it opened with it, except this one.
    const { count: endedSessions } = await tx.session.deleteMany({
      where: { userId: viewer.userId, signInMethod: `passkey:${passkey.id}`, id: { not: viewer.sessionId } },
    });
    await audit(
      {
        action: "auth.passkey_removed",
        actorId: viewer.userId,
        targetType: "user",
        targetId: viewer.userId,
        metadata: { passkeyId: passkey.id, name: passkey.name, endedSessions },
        context: ctx,
      },
      tx,
    );
    return passkey;
  });
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { email: true, firstName: true },
  });
  await sendEmail(
    user.email,
    securityNoticeEmail(
      user.firstName,
      "A passkey was removed",
      `The passkey “${removed.name}” can no longer sign in to your account. If this was not you, change your password and check Settings → Sign-in methods.`,
    ),
  );
}
