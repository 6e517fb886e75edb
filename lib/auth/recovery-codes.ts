// Recovery codes: 10 single-use codes of 10 characters from an unambiguous alphabet (50 bits each),
// shown once and stored as SHA-256 (their entropy makes a slow hash unnecessary; attempts are
// rate limited like TOTP codes).
import "server-only";
import { randomInt } from "node:crypto";
import { sha256 } from "@/lib/auth/crypto";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
export const RECOVERY_CODE_COUNT = 10;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Canonical form of a typed code: lower case, no spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return sha256(`recovery:${normaliseRecoveryCode(code)}`);
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(code));
}
