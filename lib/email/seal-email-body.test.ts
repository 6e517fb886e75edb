import { describe, expect, it } from "vitest";
import { openEmailBody, sealEmailBody } from "@/lib/email/seal-email-body";

const BODY = "Hi Maya,\nChoose a new password: http://localhost:3000/reset-password?token=abc123secret";

describe("email bodies at rest", () => {
  it("are not stored as plaintext: the link and its token are unreadable without the key", () => {
    const sealed = sealEmailBody(BODY);
    expect(sealed).not.toContain("reset-password");
    expect(sealed).not.toContain("abc123secret");
    expect(sealed).toMatch(/^v1\./);
    expect(openEmailBody(sealed)).toBe(BODY);
  });

  it("are sealed with a fresh nonce each time", () => {
    expect(sealEmailBody(BODY)).not.toBe(sealEmailBody(BODY));
  });

  it("stay empty once cleared", () => {
    expect(sealEmailBody("")).toBe("");
    expect(openEmailBody("")).toBe("");
  });

  it("refuse a sealed body that was tampered with", () => {
    const sealed = sealEmailBody(BODY);
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}A`;
    expect(() => openEmailBody(tampered)).toThrow();
  });

  it("read rows written before bodies were encrypted as they are", () => {
    expect(openEmailBody("Hi Maya, plain old row")).toBe("Hi Maya, plain old row");
  });
});
