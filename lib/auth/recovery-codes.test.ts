import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "@/lib/auth/recovery-codes";

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
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
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
});
