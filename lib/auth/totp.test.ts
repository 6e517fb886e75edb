import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateTotpSecret, matchTotpStep, TOTP_STEP_SECONDS, totpCodeAt, totpUri } from "@/lib/auth/totp";

// An independent RFC 6238 (SHA-1, 6 digits, 30 s) implementation to check otplib against.
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(input: string): Buffer {
  const clean = input.replace(/=+$/, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function referenceTotp(secretBase32: string, unixMs: number, digits = 6): string {
  const counter = Math.floor(unixMs / 1000 / 30);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac("sha1", base32Decode(secretBase32)).update(message).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, "0");
}

const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890" in base32
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const STEP_MS = TOTP_STEP_SECONDS * 1000;
// The middle of a step, so ±1 step stays clear of any boundary.
const NOW = Date.UTC(2025, 5, 1, 12, 0, 15);
const NOW_STEP = Math.floor(NOW / STEP_MS);

describe("totp", () => {
  it("the reference implementation itself decodes base32 and reproduces the RFC 6238 vector", () => {
    expect(base32Decode(RFC_SECRET).toString("ascii")).toBe("12345678901234567890");
    // RFC 6238 Appendix B, SHA-1, T = 59 s: 94287082 for 8 digits.
    expect(referenceTotp(RFC_SECRET, 59_000, 8)).toBe("94287082");
  });

  it("gives 287082 for the RFC 6238 test vector (T = 59 s, 6 digits)", () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe("287082");
  });

  it.each([
    ["1970", 59_000],
    ["RFC 1111111109", 1_111_111_109_000],
    ["RFC 1111111111", 1_111_111_111_000],
    ["RFC 1234567890", 1_234_567_890_000],
    ["RFC 2000000000", 2_000_000_000_000],
    ["RFC 20000000000", 20_000_000_000_000],
    ["now-ish", NOW],
  ])("agrees with an independent HMAC-SHA1 implementation at %s", (_label, time) => {
    expect(totpCodeAt(RFC_SECRET, time)).toBe(referenceTotp(RFC_SECRET, time));
    expect(totpCodeAt(SECRET, time)).toBe(referenceTotp(SECRET, time));
  });

  it("agrees with the reference implementation for freshly generated secrets", () => {
    for (let i = 0; i < 5; i++) {
      const secret = generateTotpSecret();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
      expect(base32Decode(secret)).toHaveLength(20);
      for (const t of [NOW, NOW + 7 * STEP_MS, NOW - 1234 * STEP_MS])
        expect(totpCodeAt(secret, t)).toBe(referenceTotp(secret, t));
    }
  });

  it("accepts the current code and returns the current step", () => {
    const code = referenceTotp(SECRET, NOW);
    expect(matchTotpStep(code, SECRET, NOW)).toBe(NOW_STEP);
  });

  it("accepts a code one step either side and returns that step", () => {
    expect(matchTotpStep(referenceTotp(SECRET, NOW - STEP_MS), SECRET, NOW)).toBe(NOW_STEP - 1);
    expect(matchTotpStep(referenceTotp(SECRET, NOW + STEP_MS), SECRET, NOW)).toBe(NOW_STEP + 1);
  });

  it("refuses a code two or more steps away", () => {
    const near = new Set([-1, 0, 1].map((d) => referenceTotp(SECRET, NOW + d * STEP_MS)));
    for (const d of [-2, 2, -3, 3, -20, 20]) {
      const code = referenceTotp(SECRET, NOW + d * STEP_MS);
      // The fixed secret and time make this deterministic; guard against a coincidental collision.
      expect(near.has(code), `step ${d} collides with the window`).toBe(false);
      expect(matchTotpStep(code, SECRET, NOW), `step ${d}`).toBeNull();
    }
  });

  it("refuses the code of another secret", () => {
    const code = referenceTotp(RFC_SECRET, NOW);
    expect([-1, 0, 1].map((d) => referenceTotp(SECRET, NOW + d * STEP_MS))).not.toContain(code);
    expect(matchTotpStep(code, SECRET, NOW)).toBeNull();
  });

  it("tolerates spaces inside the code", () => {
    const code = referenceTotp(SECRET, NOW);
    expect(matchTotpStep(`${code.slice(0, 3)} ${code.slice(3)}`, SECRET, NOW)).toBe(NOW_STEP);
    expect(matchTotpStep(` ${code} `, SECRET, NOW)).toBe(NOW_STEP);
  });

  it("refuses input that is not exactly six digits", () => {
    const code = referenceTotp(SECRET, NOW);
    for (const bad of [
      "",
      code.slice(0, 5),
      `${code}0`,
      `0${code}`,
      `${code.slice(0, 5)}a`,
      "abcdef",
      `${code}\n1`,
      `-${code.slice(1)}`,
      `${code.slice(0, 3)}.${code.slice(3)}`,
    ]) {
      expect(matchTotpStep(bad, SECRET, NOW), JSON.stringify(bad)).toBeNull();
    }
    // The 8-digit RFC value contains the 6-digit code as its suffix: still not a 6-digit code.
    expect(matchTotpStep("94287082", RFC_SECRET, 59_000)).toBeNull();
    expect(matchTotpStep("287082", RFC_SECRET, 59_000)).toBe(1);
  });

  it("builds an otpauth URI carrying the secret, issuer and account", () => {
    const uri = new URL(totpUri("grace@example.com", "Opsdeck", SECRET));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Opsdeck");
    expect(decodeURIComponent(uri.pathname)).toContain("grace@example.com");
  });
});
