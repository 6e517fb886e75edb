// Step 2 of adding a passkey: the browser's attestation is checked against the challenge this
// session was given (spent first, so it cannot be answered twice), the RP id and origin of APP_URL,
// and user verification; the credential is stored with its counter, and the owner is told by email.
// A session held back for 2FA set-up (a role requires it) is released: a passkey is a second factor.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import { requireViewer } from "@/lib/auth/require-viewer";
import { rotateSession } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { challengeOfResponse, consumeChallenge, verifyRegistration } from "@/lib/auth/webauthn";
import { REGISTRATION_STATES } from "@/lib/data/passkeys/begin-passkey-registration";
import { sendEmail } from "@/lib/email/send-email";
import { securityNoticeEmail } from "@/lib/email/messages";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { finishPasskeyRegistrationSchema, PASSKEY_MAX_PER_USER } from "@/lib/validations/passkeys";
import { parseOrThrow } from "@/lib/validations/parse";

export type RegisteredPasskey = {
  id: string;
  name: string;
  /** Set when the session was released from 2FA set-up: the new cookie to write. */
  rotated: { token: string; remember: boolean } | null;
};

const expiredError = () =>
  new ValidationError(
    { response: ["This passkey request expired or was already used. Start again."] },
    "This passkey request expired or was already used. Start again.",
  );

export async function finishPasskeyRegistration(
  viewer: Viewer | null,
  input: unknown,
  ctx: RequestContext,
): Promise<RegisteredPasskey> {
  requireViewer(viewer, REGISTRATION_STATES);
  assertNotImpersonating(viewer);
  // As at the start (an address verified since then may finish; one unverified since may not).
  if (!viewer.emailVerified) {
    throw new ForbiddenError(
      "Verify your email address before adding a passkey: open the link we sent you.",
      "email_unverified",
    );
  }
  const { name, response } = parseOrThrow(finishPasskeyRegistrationSchema, input);
  const challenge = challengeOfResponse(response);
  if (
    !challenge ||
    !(await consumeChallenge(challenge, "registration", { userId: viewer.userId, sessionId: viewer.sessionId }))
  ) {
    throw expiredError();
  }
  const verified = await verifyRegistration(response, challenge);
  if (!verified) {
    throw new ValidationError(
      {
        response: [
          "The passkey could not be verified. Use a passkey that checks it is you (PIN, fingerprint or face) and try again.",
        ],
      },
      "The passkey could not be verified. Use a passkey that checks it is you (PIN, fingerprint or face) and try again.",
    );
  }
  let created: { id: string; name: string };
  try {
    created = await db.$transaction(async (tx) => {
      const held = await tx.passkey.count({ where: { userId: viewer.userId } });
      if (held >= PASSKEY_MAX_PER_USER)
        throw new ConflictError(
          `You have ${PASSKEY_MAX_PER_USER} passkeys, the most an account may hold. Remove one first.`,
        );
      const row = await tx.passkey.create({
        data: {
          userId: viewer.userId,
          credentialId: verified.credentialId,
          publicKey: verified.publicKey,
          counter: verified.counter,
          transports: JSON.stringify(verified.transports),
          deviceType: verified.deviceType,
          backedUp: verified.backedUp,
          aaguid: verified.aaguid,
          name,
        },
        select: { id: true, name: true },
      });
      await audit(
        {
          action: "auth.passkey_registered",
          actorId: viewer.userId,
          targetType: "user",
          targetId: viewer.userId,
          metadata: { passkeyId: row.id, name, deviceType: verified.deviceType, backedUp: verified.backedUp },
          context: ctx,
        },
        tx,
      );
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("This passkey is already registered.");
    throw error;
  }
  const rotated = viewer.sessionState === "pending_enrolment" ? await rotateSession(viewer.sessionId, "active") : null;
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: { email: true, firstName: true },
  });
  await sendEmail(
    user.email,
    securityNoticeEmail(
      user.firstName,
      "A passkey was added",
      `The passkey “${name}” can now sign in to your account${ctx.ip ? ` (added from ${ctx.ip})` : ""}. If this was not you, remove it in Settings → Sign-in methods and change your password.`,
    ),
  );
  return { ...created, rotated };
}
