// WebAuthn (passkeys) plumbing shared by registration, password-less sign-in and the second factor.
// The relying party is APP_URL: its hostname is the RP id, its origin the only origin accepted (a
// page served under another host or scheme cannot use, nor register, this site's passkeys).
//
// Challenges are random, live five minutes, are used once, and only their SHA-256 is stored. Each
// is bound to who asked for it: a session (registration, second factor) or, for a username-less
// sign-in where there is no session yet, a random nonce held in an httpOnly cookie of the browser
// that asked, whose digest is kept in the row's `sessionId` column with a "cookie:" prefix. A
// challenge is spent (its row deleted) before the response is verified, so a failed or replayed
// answer can never be tried again.
import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { db, type Tx } from "@/lib/db";
import { config } from "@/lib/config";
import { randomToken, sha256 } from "@/lib/auth/crypto";

export type ChallengePurpose = "registration" | "sign_in" | "second_factor";

/** How long a challenge may be answered. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** How long the browser has to answer (the authenticator's own prompt). */
const CEREMONY_TIMEOUT_MS = 2 * 60_000;

/** The relying party this deployment is: derived from APP_URL alone, never from the request. */
export function relyingParty(appUrl: string = config.appUrl): { id: string; origin: string; name: string } {
  const url = new URL(appUrl);
  return { id: url.hostname, origin: url.origin, name: config.productName };
}

/** What a challenge is bound to: the session that asked, and/or the browser's sign-in nonce. */
export type ChallengeBinding = { userId?: string | null; sessionId?: string | null; nonce?: string | null };

function boundSessionId(binding: ChallengeBinding): string | null {
  if (binding.nonce) return `cookie:${sha256(binding.nonce)}`;
  return binding.sessionId ?? null;
}

/** A fresh random sign-in nonce for the browser's httpOnly cookie. */
export function newSignInNonce(): string {
  return randomToken(24);
}

/** Stores the hash of a new challenge for `purpose`, bound as given; expired challenges are swept. */
export async function storeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  binding: ChallengeBinding,
  tx: Tx = db,
): Promise<Date> {
  const now = Date.now();
  const expiresAt = new Date(now + CHALLENGE_TTL_MS);
  await tx.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  // One live challenge per session and purpose: asking again replaces it, so a session cannot pile
  // rows up (the username-less sign-in is bounded by the per-IP sign-in limit instead).
  if (!binding.nonce && binding.sessionId) {
    await tx.webAuthnChallenge.deleteMany({ where: { purpose, sessionId: binding.sessionId } });
  }
  await tx.webAuthnChallenge.create({
    data: {
      challengeHash: sha256(challenge),
      purpose,
      userId: binding.userId ?? null,
      sessionId: boundSessionId(binding),
      expiresAt,
    },
  });
  return expiresAt;
}

/**
 * Spends a challenge: true only if a live challenge with this value, purpose and binding existed
 * (and it is now gone). An expired one is removed too, and refused.
 */
export async function consumeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  binding: ChallengeBinding,
  tx: Tx = db,
): Promise<boolean> {
  if (!challenge || challenge.length > 256) return false;
  const challengeHash = sha256(challenge);
  const { count } = await tx.webAuthnChallenge.deleteMany({
    where: {
      challengeHash,
      purpose,
      userId: binding.userId ?? null,
      sessionId: boundSessionId(binding),
      expiresAt: { gt: new Date() },
    },
  });
  if (count !== 1) await tx.webAuthnChallenge.deleteMany({ where: { challengeHash, expiresAt: { lte: new Date() } } });
  return count === 1;
}

/** The challenge a response claims to answer (from its clientDataJSON), or null if unreadable. */
export function challengeOfResponse(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const json = JSON.parse(isoBase64URL.toUTF8String(response.response.clientDataJSON)) as { challenge?: unknown };
    return typeof json.challenge === "string" ? json.challenge : null;
  } catch {
    return null;
  }
}

/** The WebAuthn user handle of an account: its id's bytes (no personal data). */
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new TextEncoder().encode(userId));
}

export function userIdOfHandle(handle: string | undefined): string | null {
  if (!handle) return null;
  try {
    return isoBase64URL.toUTF8String(handle);
  } catch {
    return null;
  }
}

export type StoredPasskey = { credentialId: string; publicKey: string; counter: number; transports: string };

export function parseTransports(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Options for registering a discoverable, user-verified credential; existing ones are excluded. */
export async function registrationOptions(
  user: { id: string; username: string; displayName: string },
  existing: Pick<StoredPasskey, "credentialId" | "transports">[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.username,
    userDisplayName: user.displayName,
    userID: userHandleOf(user.id),
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: parseTransports(p.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

/** Options for an assertion: any discoverable credential (sign-in), or the listed ones (second factor). */
export async function authenticationOptions(
  allow: Pick<StoredPasskey, "credentialId" | "transports">[] | null,
  userVerification: "required" | "preferred",
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty().id,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification,
    allowCredentials: allow?.map((p) => ({ id: p.credentialId, transports: parseTransports(p.transports) })),
  });
}

export type VerifiedRegistration = {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
  aaguid: string | null;
};

/** Verifies an attestation against the challenge it was issued with; null when it does not verify. */
export async function verifyRegistration(
  response: RegistrationResponseJSON,
  challenge: string,
): Promise<VerifiedRegistration | null> {
  const rp = relyingParty();
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
    if (!result.verified) return null;
    const info = result.registrationInfo;
    return {
      credentialId: info.credential.id,
      publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
      counter: info.credential.counter,
      transports: (response.response.transports ?? []).filter((t) => typeof t === "string").slice(0, 8),
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      aaguid: info.aaguid && info.aaguid !== "00000000-0000-0000-0000-000000000000" ? info.aaguid : null,
    };
  } catch {
    return null;
  }
}

export type AssertionResult =
  | {
      ok: true;
      newCounter: number;
      userVerified: boolean;
      backedUp: boolean;
      deviceType: "singleDevice" | "multiDevice";
    }
  | { ok: false; reason: "counter_regression" | "verification_failed" };

/**
 * Verifies an assertion by a stored passkey. A counter that should grow but did not (either side
 * non-zero and the new value not above the stored one) marks a cloned authenticator: refused.
 * The counter is judged only once the signature verified: the library checks it before the
 * signature, so a forged assertion (anyone who knows a credential id can send one) would otherwise
 * raise a clone alarm against the real owner's passkey.
 */
export async function verifyAssertion(
  response: AuthenticationResponseJSON,
  passkey: StoredPasskey,
  challenge: string,
  requireUserVerification: boolean,
): Promise<AssertionResult> {
  const rp = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        // 0: the library skips its own counter check (see above); ours follows the signature's.
        counter: 0,
        transports: parseTransports(passkey.transports),
      },
    });
    if (!result.verified) return { ok: false, reason: "verification_failed" };
    const info = result.authenticationInfo;
    if ((info.newCounter > 0 || passkey.counter > 0) && info.newCounter <= passkey.counter) {
      return { ok: false, reason: "counter_regression" };
    }
    return {
      ok: true,
      newCounter: info.newCounter,
      userVerified: info.userVerified,
      backedUp: info.credentialBackedUp,
      deviceType: info.credentialDeviceType,
    };
  } catch {
    return { ok: false, reason: "verification_failed" };
  }
}
