// The session cookie's value: an Auth.js-format JWT (JWE, alg "dir", enc A256CBC-HS512, key from
// HKDF over AUTH_SECRET with the cookie name as salt), whose only claim is the raw session token.
// next-auth/jwt derives the key with HKDF on every call and decrypts through Web Crypto (~0.8 ms on
// every request); here the key is derived once per process and the cookie is read with node:crypto,
// so reading it costs microseconds (npm run bench:cookie). The format is unchanged:
// cookies written by either side read on the other (session-jwt.test.ts checks both ways).
import "server-only";
import { createDecipheriv, createHmac, hkdfSync, randomUUID, timingSafeEqual } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT } from "jose";
import { env } from "@/lib/env";

const ENC = "A256CBC-HS512";
/** As Auth.js decodes. */
const CLOCK_TOLERANCE_SECONDS = 15;

/** Keys by salt (Auth.js salts with the cookie's name), derived once per process. */
const keys = new Map<string, { key: Uint8Array; kid: Promise<string> }>();
function sessionKey(salt: string) {
  let derived = keys.get(salt);
  if (!derived) {
    const info = `Auth.js Generated Encryption Key (${salt})`;
    const key = new Uint8Array(hkdfSync("sha256", env.AUTH_SECRET, salt, info, 64));
    derived = { key, kid: calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512") };
    keys.set(salt, derived);
  }
  return derived;
}

/**
 * The session token inside a cookie value, or null when it does not decrypt, is expired or is
 * malformed. Read with node:crypto directly (JWE A256CBC-HS512, RFC 7516/7518 §5.2): jose's decrypt
 * goes through Web Crypto key imports on every call, ~0.5 ms here; this is a few microseconds.
 * The tag is checked (constant time) before anything is decrypted.
 */
export async function readSessionJwt(value: string | undefined, salt: string): Promise<string | null> {
  if (!value || value.length > 4096) return null;
  const parts = value.split(".");
  if (parts.length !== 5) return null;
  const [protectedHeader, encryptedKey, ivB64, ciphertextB64, tagB64] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (encryptedKey !== "") return null;
  try {
    const header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8")) as {
      alg?: unknown;
      enc?: unknown;
    };
    if (header.alg !== "dir" || header.enc !== ENC) return null;
    const { key } = sessionKey(salt);
    const iv = Buffer.from(ivB64, "base64url");
    const ciphertext = Buffer.from(ciphertextB64, "base64url");
    const tag = Buffer.from(tagB64, "base64url");
    if (iv.length !== 16 || tag.length !== 32) return null;
    const aad = Buffer.from(protectedHeader, "ascii");
    const al = Buffer.alloc(8);
    al.writeBigUInt64BE(BigInt(aad.length * 8));
    const expected = createHmac("sha512", key.subarray(0, 32))
      .update(aad)
      .update(iv)
      .update(ciphertext)
      .update(al)
      .digest()
      .subarray(0, 32);
    if (!timingSafeEqual(expected, tag)) return null;
    const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    const payload = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")) as {
      sid?: unknown;
      exp?: unknown;
    };
    const now = Date.now() / 1000;
    if (typeof payload.exp !== "number" || payload.exp + CLOCK_TOLERANCE_SECONDS <= now) return null;
    return typeof payload.sid === "string" ? payload.sid : null;
  } catch {
    return null;
  }
}

/** A cookie value carrying `sid` for `maxAgeSeconds`, as Auth.js would write it. */
export async function writeSessionJwt(sid: string, maxAgeSeconds: number, salt: string): Promise<string> {
  const { key, kid } = sessionKey(salt);
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ sid })
    .setProtectedHeader({ alg: "dir", enc: ENC, kid: await kid })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAgeSeconds)
    .setJti(randomUUID())
    .encrypt(key);
}
