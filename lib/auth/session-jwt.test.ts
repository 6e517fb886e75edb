import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionJwt, writeSessionJwt } from "@/lib/auth/session-jwt";
import { TEST_ENV } from "@/test/test-env";

const SALT = "authjs.session-token";
const secret = TEST_ENV.AUTH_SECRET;

describe("session JWT (Auth.js format, key derived once)", () => {
  it("reads a cookie written by next-auth/jwt", async () => {
    const value = await encode({ token: { sid: "tok_123" }, secret, salt: SALT, maxAge: 3600 });
    expect(await readSessionJwt(value, SALT)).toBe("tok_123");
  });

  it("writes a cookie next-auth/jwt reads, with the same claims Auth.js sets", async () => {
    const value = await writeSessionJwt("tok_456", 3600, SALT);
    const payload = await decode({ token: value, secret, salt: SALT });
    expect(payload).toMatchObject({ sid: "tok_456" });
    expect(payload!.exp! - payload!.iat!).toBe(3600);
    expect(typeof payload!.jti).toBe("string");
  });

  it("refuses a tampered, expired, foreign-salt or garbage value", async () => {
    const value = await writeSessionJwt("tok_789", 3600, SALT);
    const parts = value.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}${parts[3]!.endsWith("AA") ? "BB" : "AA"}`;
    expect(await readSessionJwt(parts.join("."), SALT)).toBeNull();
    expect(await readSessionJwt(await writeSessionJwt("tok_old", -60, SALT), SALT)).toBeNull();
    expect(await readSessionJwt(value, "__Secure-authjs.session-token")).toBeNull();
    const otherSecret = await encode({ token: { sid: "x" }, secret: `${secret}-other`, salt: SALT, maxAge: 3600 });
    expect(await readSessionJwt(otherSecret, SALT)).toBeNull();
    for (const junk of ["", "abc", "a.b.c.d.e", "x".repeat(5000)]) expect(await readSessionJwt(junk, SALT)).toBeNull();
    expect(await readSessionJwt(undefined, SALT)).toBeNull();
  });

  it("checks the tag over header, IV and ciphertext before decrypting", async () => {
    const value = await writeSessionJwt("tok_tag", 3600, SALT);
    const [header, key, iv, ciphertext, tag] = value.split(".") as [string, string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    expect(await readSessionJwt([header, key, iv, ciphertext, flip(tag)].join("."), SALT)).toBeNull();
    expect(await readSessionJwt([header, key, flip(iv), ciphertext, tag].join("."), SALT)).toBeNull();
    const otherHeader = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
    expect(await readSessionJwt([otherHeader, key, iv, ciphertext, tag].join("."), SALT)).toBeNull();
    expect(await readSessionJwt([header, "x", iv, ciphertext, tag].join("."), SALT)).toBeNull();
    expect(await readSessionJwt(value, SALT)).toBe("tok_tag");
  });

  it("allows Auth.js's 15 s of clock skew at expiry, no more", async () => {
    expect(await readSessionJwt(await writeSessionJwt("tok_skew", -5, SALT), SALT)).toBe("tok_skew");
    expect(await readSessionJwt(await writeSessionJwt("tok_skew", -20, SALT), SALT)).toBeNull();
  });
});
