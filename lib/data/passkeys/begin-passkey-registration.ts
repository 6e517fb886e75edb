// Step 1 of adding a passkey: as sensitive as turning on TOTP (a passkey is a way in, and for a
// role requiring 2FA a second factor), so the same rules: not from an impersonated session, a
// verified address first (pre-hijack), and the password again unless this very session checked it
// minutes ago (a sign-in held back for 2FA set-up). An account without a password (made through a
// provider) must have signed in within those same minutes instead. The challenge is bound to the
// session and the user, and lives five minutes.
import "server-only";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { db } from "@/lib/db";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { confirmCurrentPassword } from "@/lib/auth/confirm-password";
import { hasPassword } from "@/lib/auth/password";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { registrationOptions, storeChallenge } from "@/lib/auth/webauthn";
import { enrolmentNeedsPassword } from "@/lib/data/two-factor/enrolment-needs-password";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { beginPasskeyRegistrationSchema, PASSKEY_MAX_PER_USER } from "@/lib/validations/passkeys";
import { parseOrThrow } from "@/lib/validations/parse";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";

export const REGISTRATION_STATES = ["active", "pending_enrolment"] as const;

export async function beginPasskeyRegistration(
  viewer: Viewer | null,
  input: unknown,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  requireViewer(viewer, REGISTRATION_STATES);
  assertNotImpersonating(viewer);
  const { currentPassword } = parseOrThrow(beginPasskeyRegistrationSchema, input ?? {});
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      id: true,
      username: true,
      firstName: true,
      lastName: true,
      passwordHash: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      passkeys: { select: { credentialId: true, transports: true } },
    },
  });
  if (!user.emailVerifiedAt) {
    throw new ForbiddenError(
      "Verify your email address before adding a passkey: open the link we sent you.",
      "email_unverified",
    );
  }
  if (user.passkeys.length >= PASSKEY_MAX_PER_USER) {
    throw new ConflictError(
      `You have ${PASSKEY_MAX_PER_USER} passkeys, the most an account may hold. Remove one first.`,
    );
  }
  if (hasPassword(user)) {
    if (await enrolmentNeedsPassword(viewer)) {
      if (!currentPassword)
        throw new ValidationError(
          { currentPassword: ["Enter your current password to add a passkey."] },
          "Enter your current password to add a passkey.",
        );
      await confirmCurrentPassword(viewer.userId, currentPassword);
    }
  } else {
    await requireRecentSignIn(viewer.sessionId, "adding a passkey");
  }
  // A passkey stands in for the password and the second factor: with a second factor on the account,
  // the password alone (a stolen cookie plus a saved password) must not add one; a recent sign-in
  // passed that factor.
  if (user.totpEnabledAt || user.passkeys.length > 0) await requireRecentSignIn(viewer.sessionId, "adding a passkey");
  const options = await registrationOptions(
    { id: user.id, username: user.username, displayName: `${user.firstName} ${user.lastName}`.trim() || user.username },
    user.passkeys,
  );
  await storeChallenge(options.challenge, "registration", { userId: user.id, sessionId: viewer.sessionId });
  return options;
}
