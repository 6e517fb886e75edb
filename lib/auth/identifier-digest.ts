// What the server keeps of a typed sign-in identifier that names no account: a keyed digest. A
// person sometimes types their password into the identifier field; the audit log is permanent
// (hash-chained), so it must never hold that text. The digest still lets repeated attempts with
// the same identifier be correlated (audit) and counted (lockouts), and without the server's key
// it cannot be reversed or even tested against a guess.
import "server-only";
import { keyedHash } from "@/lib/auth/crypto";

/** Full keyed digest (HMAC-SHA-256, hex) of a normalised identifier: for lockout counter keys. */
export function identifierDigest(identifier: string): string {
  return keyedHash("sign-in-identifier", identifier.trim().toLowerCase());
}

/**
 * The digest shortened to 64 bits for the audit log: enough to tell the same identifier again,
 * less to confirm an offline guess should the key ever leak along with the database.
 */
export function auditedIdentifierDigest(identifier: string): string {
  return identifierDigest(identifier).slice(0, 16);
}
