// RFC 6238 TOTP (SHA-1, 6 digits, 30-second steps) with otplib. A code is accepted one step
// either side of now; the step it matched is returned so callers can refuse replays.
import "server-only";
import { authenticator } from "otplib";

export const TOTP_STEP_SECONDS = 30;

const totp = authenticator.clone({ step: TOTP_STEP_SECONDS, digits: 6, window: 1 });

export function generateTotpSecret(): string {
  return totp.generateSecret(20); // 160 bits, base32
}

export function totpUri(accountName: string, issuer: string, secret: string): string {
  return totp.keyuri(accountName, issuer, secret);
}

/** The time step a code belongs to, or null when it matches none of now-1, now, now+1. */
export function matchTotpStep(code: string, secret: string, now = Date.now()): number | null {
  const clean = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp.clone({ epoch: now }).checkDelta(clean, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_STEP_SECONDS) + delta;
}

/** For tests and tooling: the code of a secret at a moment. */
export function totpCodeAt(secret: string, now = Date.now()): string {
  return totp.clone({ epoch: now }).generate(secret);
}
