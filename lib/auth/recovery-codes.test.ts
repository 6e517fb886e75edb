import { createHash, createHmac, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  legacyRecoveryCodeHash,
  looksLikeRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeLookupHashes,
} from "@/lib/auth/recovery-codes";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const FORMAT = new RegExp(`^[${ALPHABET}]{5}-[${ALPHABET}]{5}$`);

describe("recovery codes", () => {
  it("makes ten codes by default", () => {
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(generateRecoveryCodes()).toHaveLength(10);
  });

  it("formats every code as xxxxx-xxxxx from the unambiguous alphabet", () => {
    const all = Array.from({ length: 50 }, () => generateRecoveryCodes()).flat();
    for (const code of all) expect(code).toMatch(FORMAT);
    const used = new Set(all.join("").replace(/-/g, ""));
    for (const ambiguous of ["i", "l", "o", "0", "1"]) expect(used.has(ambiguous), ambiguous).toBe(false);
    // 5,000 random characters cover the 31-letter alphabet (a miss has probability ~1e-68).
    expect([...used].sort().join("")).toBe([...ALPHABET].sort().join(""));
  });

  it("makes codes that are unique within a set and across sets", () => {
    const a = generateRecoveryCodes();
    const b = generateRecoveryCodes();
    expect(new Set(a).size).toBe(10);
    expect(new Set([...a, ...b]).size).toBe(20);
  });

  it("normalises case, spaces and dashes", () => {
    expect(normaliseRecoveryCode("abcde-fghjk")).toBe("abcdefghjk");
    expect(normaliseRecoveryCode("ABCDE-FGHJK")).toBe("abcdefghjk");
    expect(normaliseRecoveryCode("  abcde fghjk ")).toBe("abcdefghjk");
    expect(normaliseRecoveryCode("ab-cd e-fg\thjk")).toBe("abcdefghjk");
  });

  it("hashes a code the same however it is typed", () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^h1:[0-9a-f]{64}$/);
    for (const typed of [
      code.toUpperCase(),
      code.replace("-", ""),
      code.replace("-", " "),
      ` ${code} `,
      code.replace("-", "--"),
      code.split("").join(" "),
    ]) {
      expect(hashRecoveryCode(typed), typed).toBe(hash);
    }
  });

  it("hashes different codes differently and never stores the code itself", () => {
    const codes = generateRecoveryCodes();
    const hashes = codes.map(hashRecoveryCode);
    expect(new Set(hashes).size).toBe(10);
    codes.forEach((code, i) => {
      expect(hashes[i]).not.toContain(code);
      expect(hashes[i]).not.toContain(normaliseRecoveryCode(code));
    });
  });

  it("recognises the shape of a recovery code but not a TOTP code", () => {
    const [code] = generateRecoveryCodes(1) as [string];
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode(code.toUpperCase().replace("-", " "))).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode(`${code}x`)).toBe(false);
    expect(looksLikeRecoveryCode("abcde-fghj!")).toBe(false);
  });

  it("stores recovery codes as HMAC-SHA-256 under a server key, not as unsalted SHA-256", () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const normalised = normaliseRecoveryCode(code);
    const hash = hashRecoveryCode(code);
    // Someone who reads the table but not the server key cannot test guesses against it.
    for (const plain of [sha256(normalised), sha256(`recovery:${normalised}`), sha256(code)]) {
      expect(hash).not.toContain(plain);
    }
    // Independently: HKDF-SHA-256 of AUTH_ENCRYPTION_KEY, then HMAC-SHA-256 of the normalised code.
    const key = Buffer.from(
      hkdfSync("sha256", Buffer.from(env.AUTH_ENCRYPTION_KEY, "base64"), Buffer.alloc(0), "opsdeck:recovery-codes", 32),
    );
    expect(hash).toBe(`h1:${createHmac("sha256", key).update(normalised).digest("hex")}`);
  });

  it("still recognises codes stored as SHA-256 before the switch to HMAC", () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const legacy = sha256(`recovery:${normaliseRecoveryCode(code)}`);
    expect(legacyRecoveryCodeHash(code.toUpperCase())).toBe(legacy);
    expect(recoveryCodeLookupHashes(code)).toEqual([hashRecoveryCode(code), legacy]);
  });
});
