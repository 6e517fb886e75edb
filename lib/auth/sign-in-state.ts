// The state a new session starts in once a first factor was accepted; one rule for every way of
// signing in (password, passkey, external provider).
import type { SessionState } from "@/lib/auth/sessions";

export type SignInSubjectFactors = {
  /** TOTP confirmed. */
  totpEnabled: boolean;
  /** Passkeys registered (each can serve as the second factor). */
  passkeyCount: number;
  /** One of the user's roles requires two-factor authentication. */
  requiresTwoFactor: boolean;
};

/**
 * `multiFactorDone`: the sign-in itself already proved more than one factor: a passkey with user
 * verification, or a provider whose MFA assertion (amr/acr) the admin chose to trust.
 * Otherwise a user with a second factor must give it; one without, whose role requires it, must
 * set it up first.
 */
export function sessionStateAfterFirstFactor(
  factors: SignInSubjectFactors,
  { multiFactorDone = false }: { multiFactorDone?: boolean } = {},
): SessionState {
  if (multiFactorDone) return "active";
  if (factors.totpEnabled || factors.passkeyCount > 0) return "pending_second_factor";
  if (factors.requiresTwoFactor) return "pending_enrolment";
  return "active";
}
