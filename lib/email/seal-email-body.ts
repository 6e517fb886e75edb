// Email bodies at rest. A body kept in EmailOutbox (for a retry, or for the developer outbox) holds
// live sign-in, verification and reset links, so it is stored encrypted with the app key
// (AES-256-GCM, lib/auth/crypto.ts): a database dump or backup does not hand them out. An empty
// body (cleared after delivery) stays empty. The subject is kept in clear: it never carries a link
// or a secret, and it is what operators and tests search by.
import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/auth/crypto";

const SEALED = /^v1\./;

export function sealEmailBody(body: string): string {
  return body === "" ? "" : encryptSecret(body);
}

/** The plaintext of a stored body. Rows written before bodies were encrypted are read as they are. */
export function openEmailBody(stored: string): string {
  return SEALED.test(stored) ? decryptSecret(stored) : stored;
}
