// Random tokens, their digests, and AES-256-GCM for secrets kept at rest (TOTP seeds).
import "server-only";
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { env } from "@/lib/env";

/** 256-bit random token, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 hex digest: how tokens are stored and looked up. */
export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function encryptionKey(): Buffer {
  const key = Buffer.from(env.AUTH_ENCRYPTION_KEY, "base64");
  if (key.length !== 32) throw new Error("AUTH_ENCRYPTION_KEY must decode to 32 bytes");
  return key;
}

/** Encrypts with AES-256-GCM; output is `v1.iv.tag.ciphertext`, each base64url. */
export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(payload: string): string {
  const [version, iv, tag, data] = payload.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unreadable encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

const derivedKeys = new Map<string, Buffer>();

/**
 * A 256-bit key for one purpose, derived from AUTH_ENCRYPTION_KEY with HKDF-SHA-256 once per
 * process. Separate purposes get unrelated keys, so one leaked derived key reveals no other.
 */
export function derivedKey(purpose: string): Buffer {
  let key = derivedKeys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", encryptionKey(), Buffer.alloc(0), `opsdeck:${purpose}`, 32));
    derivedKeys.set(purpose, key);
  }
  return key;
}

/** HMAC-SHA-256 (hex) of `value` under the derived key of `purpose`: a digest only the server can compute. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(value, "utf8").digest("hex");
}
