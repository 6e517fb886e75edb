// Step 2 of signing in with a passkey alone. The challenge (bound to this browser's nonce cookie)
// is spent first; then the credential is looked up by its id, the assertion verified against the
// RP id and origin of APP_URL with user verification required, and the signature counter checked:
// a counter that should have grown but did not means a cloned authenticator, refused and audited.
// Only an active person account signs in (never a banned or service account). A verified passkey
// proves possession and the user's PIN or biometric, so the session starts complete, whatever
// second factor the account also has (sessionStateAfterFirstFactor with multiFactorDone).
import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { createSession, type SessionState } from "@/lib/auth/sessions";
import { sessionStateAfterFirstFactor } from "@/lib/auth/sign-in-state";
import { challengeOfResponse, consumeChallenge, userIdOfHandle, verifyAssertion } from "@/lib/auth/webauthn";
import type { RequestContext } from "@/lib/http/request-context";
import { refund } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { passkeySignInSchema } from "@/lib/validations/passkeys";

export type PasskeySignInFailure =
  | "invalid_response"
  | "challenge_invalid"
  | "unknown_credential"
  | "user_handle_mismatch"
  | "verification_failed"
  | "counter_regression"
  | "account_banned"
  | "service_account"
  | "account_unavailable";

export type PasskeySignInResult =
  | { ok: true; userId: string; sessionToken: string; state: SessionState; remember: boolean }
  | { ok: false; reason: PasskeySignInFailure };

/** Another answer moved the counter while this one was checked: this one is a replay or a clone. */
class CounterMoved extends Error {}

async function refuse(
  reason: PasskeySignInFailure,
  ctx: RequestContext,
  extra: { userId?: string; passkeyId?: string } = {},
): Promise<PasskeySignInResult> {
  await audit({
    action: "auth.passkey_sign_in_failed",
    actorId: null,
    targetType: extra.userId ? "user" : null,
    targetId: extra.userId ?? null,
    metadata: { reason, ...(extra.passkeyId ? { passkeyId: extra.passkeyId } : {}) },
    context: ctx,
  });
  return { ok: false, reason };
}

export async function authenticateWithPasskey(
  input: unknown,
  nonce: string | null | undefined,
  ctx: RequestContext,
): Promise<PasskeySignInResult> {
  const parsed = passkeySignInSchema.safeParse(input);
  if (!parsed.success) return refuse("invalid_response", ctx);
  const response = parsed.data.response as AuthenticationResponseJSON;
  const remember = parsed.data.remember;
  const challenge = challengeOfResponse(response);
  if (!nonce || !challenge || !(await consumeChallenge(challenge, "sign_in", { nonce })))
    return refuse("challenge_invalid", ctx);

  const passkey = await db.passkey.findUnique({
    where: { credentialId: response.id },
    select: {
      id: true,
      userId: true,
      credentialId: true,
      publicKey: true,
      counter: true,
      transports: true,
      user: {
        select: {
          status: true,
          kind: true,
          totpEnabledAt: true,
          _count: { select: { passkeys: true } },
          roles: { select: { role: { select: { requiresTwoFactor: true } } } },
        },
      },
    },
  });
  if (!passkey) return refuse("unknown_credential", ctx);
  const who = { userId: passkey.userId, passkeyId: passkey.id };
  const result = await verifyAssertion(response, passkey, challenge, true);
  if (!result.ok) return refuse(result.reason, ctx, who);
  // The authenticator names the account it holds the credential for; it must be the owner's
  // (judged after the signature, so a forged answer cannot raise this alarm either).
  const handleUser = userIdOfHandle(response.response.userHandle);
  if (handleUser !== null && handleUser !== passkey.userId) return refuse("user_handle_mismatch", ctx, who);
  if (passkey.user.kind !== "person") return refuse("service_account", ctx, who);
  if (passkey.user.status !== "active")
    return refuse(passkey.user.status === "banned" ? "account_banned" : "account_unavailable", ctx, who);

  const state = sessionStateAfterFirstFactor(
    {
      totpEnabled: passkey.user.totpEnabledAt !== null,
      passkeyCount: passkey.user._count.passkeys,
      requiresTwoFactor: passkey.user.roles.some((r) => r.role.requiresTwoFactor),
    },
    { multiFactorDone: result.userVerified },
  );
  const now = new Date();
  // The counter moves only from the value this check read: two answers racing with one signature
  // state cannot both pass. The account must still be active at that moment.
  const outcome = await db
    .$transaction(async (tx): Promise<PasskeySignInFailure | { token: string; sessionId: string }> => {
      const { count: active } = await tx.user.updateMany({
        where: { id: passkey.userId, status: "active", kind: "person" },
        data: { lastSignInAt: now },
      });
      if (active !== 1) return "account_unavailable";
      const { count } = await tx.passkey.updateMany({
        where: { id: passkey.id, counter: passkey.counter },
        data: { counter: result.newCounter, lastUsedAt: now, backedUp: result.backedUp },
      });
      if (count !== 1) throw new CounterMoved();
      await audit(
        {
          action: "auth.passkey_used",
          actorId: passkey.userId,
          targetType: "user",
          targetId: passkey.userId,
          metadata: { passkeyId: passkey.id, purpose: "sign_in" },
          context: ctx,
        },
        tx,
      );
      // The session and its audit commit with the counter move and the account check.
      const session = await createSession({
        userId: passkey.userId,
        remember,
        state,
        // Which passkey: removing it ends the sessions it opened (remove-passkey.ts).
        signInMethod: `passkey:${passkey.id}`,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        tx,
      });
      await audit(
        {
          // A second factor still to come is not a sign-in yet.
          action: state === "active" ? "auth.sign_in_succeeded" : "auth.first_factor_accepted",
          actorId: passkey.userId,
          targetType: "session",
          targetId: session.sessionId,
          metadata: { method: "passkey", remember, next: state, passkeyId: passkey.id },
          context: ctx,
        },
        tx,
      );
      return session;
    })
    .catch((error: unknown) => {
      if (error instanceof CounterMoved) return "counter_regression" as const;
      throw error;
    });
  if (typeof outcome === "string") return refuse(outcome, ctx, who);

  await refund(LIMITS.signInIp, ctx.ip ?? "unknown");
  return { ok: true, userId: passkey.userId, sessionToken: outcome.token, state, remember };
}
