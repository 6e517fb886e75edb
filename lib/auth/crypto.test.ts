import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, randomToken, safeEqual, sha256 } from "@/lib/auth/crypto";

function flipChar(s: string, index: number): string {
  const c = s[index]!;
  return `${s.slice(0, index)}${c === "A" ? "B" : "A"}${s.slice(index + 1)}`;
}

describe("encryptSecret / decryptSecret", () => {
  const secret = "JBSWY3DPEHPK3PXP-totp-seed";

  it("round-trips, including non-ASCII and long text", () => {
    for (const value of [secret, "ünïcødé 🔐", "x".repeat(5000)]) {
      expect(decryptSecret(encryptSecret(value))).toBe(value);
    }
  });

  it("has the v1.iv.tag.data shape and never contains the plaintext", () => {
    const payload = encryptSecret(secret);
    const parts = payload.split(".");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("v1");
    expect(Buffer.from(parts[1]!, "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2]!, "base64url")).toHaveLength(16);
    expect(payload).not.toContain(secret);
    expect(payload).not.toContain(Buffer.from(secret).toString("base64url"));
    expect(payload).not.toContain(Buffer.from(secret).toString("base64"));
  });

  it("uses a fresh IV each time", () => {
    const a = encryptSecret(secret);
    const b = encryptSecret(secret);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const [v, iv, tag, data] = encryptSecret(secret).split(".") as [string, string, string, string];
    expect(() => decryptSecret([v, iv, tag, flipChar(data, 0)].join("."))).toThrow();
    expect(() => decryptSecret([v, iv, flipChar(tag, 3), data].join("."))).toThrow();
    expect(() => decryptSecret([v, flipChar(iv, 2), tag, data].join("."))).toThrow();
    expect(() => decryptSecret([v, iv, tag, `${data}AA`].join("."))).toThrow();
  });

  it("refuses unknown versions and malformed payloads", () => {
    const [, iv, tag, data] = encryptSecret(secret).split(".");
    expect(() => decryptSecret(["v2", iv, tag, data].join("."))).toThrow(/Unreadable/);
    expect(() => decryptSecret("v1.abc")).toThrow(/Unreadable/);
    expect(() => decryptSecret("")).toThrow();
    expect(() => decryptSecret(secret)).toThrow();
  });
});

describe("tokens and digests", () => {
  it("makes 43-character base64url tokens that differ", () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });

  it("digests with SHA-256 hex", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("compares in constant time, false for different lengths", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
