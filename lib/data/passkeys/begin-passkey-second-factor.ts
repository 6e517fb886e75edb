// The second step of a password sign-in, by passkey instead of a TOTP code: options listing the
// account's own passkeys, with a challenge bound to this pending session.
import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { authenticationOptions, storeChallenge } from "@/lib/auth/webauthn";
import { ConflictError } from "@/lib/errors";

export async function beginPasskeySecondFactor(viewer: Viewer | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  requireViewer(viewer, ["pending_second_factor"]);
  const passkeys = await db.passkey.findMany({
    where: { userId: viewer.userId },
    select: { credentialId: true, transports: true },
  });
  if (!passkeys.length)
    throw new ConflictError("This account has no passkey. Use your authenticator app or a recovery code.");
  const options = await authenticationOptions(passkeys, "preferred");
  await storeChallenge(options.challenge, "second_factor", { userId: viewer.userId, sessionId: viewer.sessionId });
  return options;
}

/** Which second factors the pending sign-in can offer (the two-factor page). */
export async function secondFactorChoices(
  viewer: Viewer | null,
): Promise<{ totp: boolean; passkey: boolean; recoveryCodes: boolean }> {
  requireViewer(viewer, ["pending_second_factor"]);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { totpEnabledAt: true, _count: { select: { passkeys: true, recoveryCodes: { where: { usedAt: null } } } } },
  });
  return {
    totp: user.totpEnabledAt !== null,
    passkey: user._count.passkeys > 0,
    recoveryCodes: user._count.recoveryCodes > 0,
  };
}
