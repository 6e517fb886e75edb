// Recovery codes: 10 single-use codes of 10 characters from an unambiguous alphabet (50 bits each),
// shown once. Stored as `h1:` + HMAC-SHA-256 of the normalised code under a key derived from
// AUTH_ENCRYPTION_KEY: a copy of the table alone does not let anyone test guesses offline (a plain
// SHA-256 of 50 bits can be searched). Sets made before this were stored as SHA-256; those rows
// are still accepted, looked up by their old digest (the codes' entropy keeps that lookup safe),
// until they are spent or the set is regenerated. Attempts are rate limited like TOTP codes.
import "server-only";
import { randomInt } from "node:crypto";
import { keyedHash, sha256 } from "@/lib/auth/crypto";

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

/** How a new code is stored. */
export function hashRecoveryCode(code: string): string {
  return `h1:${keyedHash("recovery-codes", normaliseRecoveryCode(code))}`;
}

/** How codes were stored before the switch to HMAC (no prefix). Only ever looked up, never written. */
export function legacyRecoveryCodeHash(code: string): string {
  return sha256(`recovery:${normaliseRecoveryCode(code)}`);
}

/** Every stored form a typed code may have: the current one first. */
export function recoveryCodeLookupHashes(code: string): string[] {
  return [hashRecoveryCode(code), legacyRecoveryCodeHash(code)];
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(code));
}
